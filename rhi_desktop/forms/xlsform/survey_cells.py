"""Reading one survey row's cells as what our model wants: text, conditions, defaults.

Each reader reports its own problems at the exact cell and returns None for a value that
cannot be used, so one bad cell never hides the rest of the row's problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from rhi_desktop.forms.expressions.functions import FUNCTIONS
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.xlsform.columns import ColumnMap
from rhi_desktop.forms.xlsform.expressions import vet_expression
from rhi_desktop.forms.xlsform.labels import Label, LabelReader
from rhi_desktop.forms.xlsform.reader import Column, Row, cell_text
from rhi_desktop.forms.xlsform.report import Cell, ImportReport
from rhi_desktop.plain_text import plain_text

_TRUE = frozenset({"yes", "true", "1", "true()"})
_FALSE = frozenset({"no", "false", "0", "false()"})
_CALL_SHAPED = re.compile(r"^([A-Za-z][A-Za-z0-9_:-]*)(\s*)\(.*\)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Part:
    """One expression cell, kept with its cell so combined expressions can be traced back."""

    text: str
    cell: Cell


class SurveyCells:
    def __init__(self, columns: ColumnMap, labels: LabelReader, report: ImportReport) -> None:
        self.columns = columns
        self.labels = labels
        self.report = report

    def column(self, name: str) -> Column | None:
        return self.columns.plain.get(name)

    def cell(self, row: Row, name: str) -> Cell:
        """The cell of `name` in `row` (the row itself if there is no such column)."""
        if name in ("label", "hint", "constraint_message"):
            return self.labels.cell(row, name)
        return self.columns.sheet.cell(row.number, self.column(name))

    def text(self, row: Row, name: str) -> str | None:
        return row.text(self.column(name))

    def label(self, row: Row, name: str) -> Label | None:
        return self.labels.read(row, name)

    def filled(self, row: Row, name: str) -> bool:
        if name in ("label", "hint", "constraint_message"):
            return self.labels.read(row, name) is not None
        return row.value(self.column(name)) is not None

    def expression(self, row: Row, name: str) -> Part | None:
        """An expression cell that our engine can parse, or None (problems reported).
        Spaces pasted from a web page or a word processor are plain spaces here, as in
        pyxform, and invisible zero-width marks are taken out."""
        text = self.text(row, name)
        if text is None:
            return None
        text = plain_text(text)
        cell = self.cell(row, name)
        if isinstance(row.value(self.column(name)), date | time):  # datetime is a date
            self.report.error(
                cell,
                "the spreadsheet holds this cell as a date or time, which would read as "
                "sums (2024-01-09 is 2024 - 1 - 9): format the cell as text and write the "
                "expression, with any date in quotes like '2024-01-09'",
            )
            return None
        problems = vet_expression(text)
        for problem in problems:
            self.report.error(cell, problem)
        return None if problems else Part(text, cell)

    def flag(self, row: Row, name: str) -> bool | Part | None:
        """yes/no-style cells: True, False, an expression Part, or None if empty or unusable."""
        value = row.value(self.column(name))
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = (cell_text(value) or "").lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return self.expression(row, name)

    def says_no(self, row: Row, name: str) -> bool:
        """Whether a yes/no-style cell says no (without reporting anything)."""
        value = row.value(self.column(name))
        if isinstance(value, bool | int | float):
            return value == 0  # False, 0 or 0.0
        return (cell_text(value) or "").lower() in _FALSE

    def default(self, row: Row, kind: QuestionType) -> object:
        """A literal starting answer in the form our loader reads; None if empty or refused."""
        value = row.value(self.column("default"))
        if value is None:
            return None
        if isinstance(value, str):
            text = value.strip()
            if _computed(text):
                self.report.error(
                    self.cell(row, "default"),
                    "a default must be a plain value; defaults worked out from an expression "
                    "(like today()) are not supported: leave the default empty for the "
                    "interviewer to answer (a calculation would work the answer out, and "
                    "then it could not be changed)",
                )
                return None
            return text
        return _typed_default(value, kind)


def _computed(text: str) -> bool:
    """Whether a default is written as an expression (`today()`, `${age} + 1`) rather than
    as text that happens to end in brackets ("Unknown (not given)")."""
    if "${" in text:
        return True
    call = _CALL_SHAPED.match(text)
    if call is None:
        return False
    name, space = call.groups()
    return name in FUNCTIONS or (name.islower() and not space)


def _to_the(second: int) -> str:
    """How finely to write a time: to the minute, or to the second if it has seconds."""
    return "minutes" if second == 0 else "seconds"


def _typed_default(value: object, kind: QuestionType) -> object:
    if kind is QuestionType.DATE and isinstance(value, date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if kind is QuestionType.DATETIME and isinstance(value, datetime):
        return value.isoformat(timespec=_to_the(value.second))
    if kind is QuestionType.TIME and isinstance(value, time | datetime):
        moment = value.time() if isinstance(value, datetime) else value
        return moment.isoformat(timespec=_to_the(moment.second))
    if kind in (QuestionType.INTEGER, QuestionType.SCALE) and isinstance(value, float):
        return int(value) if value.is_integer() else value
    if kind is QuestionType.DECIMAL and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float) and kind in (
        QuestionType.INTEGER,
        QuestionType.SCALE,
        QuestionType.DECIMAL,
    ):
        return value
    return cell_text(value)
