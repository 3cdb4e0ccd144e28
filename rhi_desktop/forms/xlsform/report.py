"""The import report: every finding located where the form designer can fix it.

A designer works in a spreadsheet, so a finding names the sheet, the Excel row number and
the column (letter and header) rather than a path into our JSON. Errors block the import;
warnings say what was ignored; infos say what was changed to fit our model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_SHEETS = {"settings": 0, "survey": 1, "choices": 2}


@dataclass(frozen=True, slots=True)
class Cell:
    """A place in the workbook; `row` and `column` are None for a whole sheet or row."""

    sheet: str
    row: int | None = None
    column: str | None = None
    """Column letter, as Excel shows it."""
    header: str | None = None
    """The column's header text, which designers recognise more readily than a letter."""

    @property
    def where(self) -> tuple[str | None, int | None, str | None]:
        return (self.sheet, self.row, self.column)

    def describe(self) -> str:
        text = self.sheet
        if self.row is not None:
            text += f" row {self.row}"
        if self.column is not None:
            text += f", column {self.column}"
            if self.header:
                text += f" ({cut_short(self.header)})"
        return text


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    cell: Cell | None
    """None for the file as a whole (unreadable, no survey sheet, cannot write)."""
    message: str

    @property
    def where(self) -> tuple[str | None, int | None, str | None]:
        """(sheet, row, column letter): what a test or a tool matches on."""
        return (None, None, None) if self.cell is None else self.cell.where

    def render(self) -> str:
        if self.cell is None:
            return f"{self.severity.value}: {self.message}"
        return f"{self.severity.value}: {self.cell.describe()}: {self.message}"


QUOTED_LENGTH = 40
"""The most of a cell a finding repeats: it names the cell, so a long one need not be."""


def quoted(text: str) -> str:
    """'text' in quotes, cut short after `QUOTED_LENGTH` characters."""
    return f"'{cut_short(text)}'"


def cut_short(text: str) -> str:
    """`text` cut short after `QUOTED_LENGTH` characters, for a finding to repeat."""
    return text if len(text) <= QUOTED_LENGTH else f"{text[:QUOTED_LENGTH]}\u2026"


@dataclass
class ImportReport:
    """Collects findings in any order; `findings` lists them errors first, then by place."""

    _found: list[Finding] = field(default_factory=list)
    _seen: set[Finding] = field(default_factory=set)
    """The same findings, to tell a repeat at once: a workbook can have thousands."""

    def error(self, cell: Cell | None, message: str) -> None:
        self.add(Finding(Severity.ERROR, cell, message))

    def warning(self, cell: Cell | None, message: str) -> None:
        self.add(Finding(Severity.WARNING, cell, message))

    def info(self, cell: Cell | None, message: str) -> None:
        self.add(Finding(Severity.INFO, cell, message))

    def add(self, finding: Finding) -> None:
        if finding not in self._seen:
            self._seen.add(finding)
            self._found.append(finding)

    @property
    def findings(self) -> list[Finding]:
        return sorted(self._found, key=_sort_key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.INFO]

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self) -> str:
        return "\n".join(f.render() for f in self.findings)


def _sort_key(finding: Finding) -> tuple[int, int, str, int, int, str, str]:
    sheet, row, column = finding.where
    return (
        _ORDER[finding.severity],
        -1 if sheet is None else _SHEETS.get(sheet.lower(), 3),
        sheet or "",
        row or 0,
        len(column or ""),
        column or "",
        finding.message,
    )
