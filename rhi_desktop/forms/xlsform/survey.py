"""The `survey` sheet: rows into sections and questions, following group and repeat nesting.

Our forms are sections of questions, with one level of repeat group. So a top-level
XLSForm group becomes a section; questions outside any group gather into a section of
their own; a group inside a section or repeat is flattened into it, its label kept as a
note and its relevance added to each question inside (which is what XLSForm means by
it); and a repeat inside a repeat cannot be represented and is an error.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rhi_desktop.forms.answers import YES_NO
from rhi_desktop.forms.model import MAX_EXPRESSION_LENGTH, MAX_ROWS, QuestionType
from rhi_desktop.forms.xlsform.calculations import PendingCalculation
from rhi_desktop.forms.xlsform.choices import IDENTIFIER_PATTERN, LIST_NAME_RULE, ChoiceLists
from rhi_desktop.forms.xlsform.columns import ColumnMap, survey_verdict
from rhi_desktop.forms.xlsform.labels import LabelReader, report_column_values
from rhi_desktop.forms.xlsform.origins import Dropped, Origin, Origins
from rhi_desktop.forms.xlsform.question_types import RowKind, TypeSpec, parse_type
from rhi_desktop.forms.xlsform.reader import Row, Sheet
from rhi_desktop.forms.xlsform.report import Cell, ImportReport, quoted
from rhi_desktop.forms.xlsform.survey_cells import Part, SurveyCells
from rhi_desktop.plain_text import plain_text

_GROUP_UNUSED = (
    "required",
    "constraint",
    "constraint_message",
    "calculation",
    "default",
    "read_only",
    "repeat_count",
    "parameters",
    "sensitive",
    "report_key",
)
_FLAGS = frozenset({"required", "read_only", "sensitive"})
"""The yes/no columns."""
_REPEAT_UNUSED = tuple(
    name for name in _GROUP_UNUSED if name not in ("repeat_count", "sensitive", "report_key")
)
# End rows take only type and name. What would only show or check something is ignored
# with a warning; what changes what is collected is refused rather than dropped.
_END_ROW_IGNORED = (
    "label",
    "hint",
    "relevant",
    "required",
    "constraint",
    "constraint_message",
    "appearance",
)
_END_ROW_REFUSED = tuple(name for name in _GROUP_UNUSED if name not in _END_ROW_IGNORED)
_LAYOUT_ONLY = "RHI Desktop lays out questions itself"
_CHANGES_WHAT_IS_COLLECTED: dict[tuple[str, QuestionType | None], str] = {
    ("month-year", QuestionType.DATE): (
        "the interviewer will be asked for a full date, day included"
    ),
    ("year", QuestionType.DATE): (
        "the interviewer will be asked for a full date, day and month included"
    ),
    ("numbers", QuestionType.TEXT): "the interviewer can type any text, not only digits",
}
"""Appearances that change the answer collected, not its layout: what happens instead."""
_DECIDES_THE_ANSWER = (
    (
        re.compile(r"search\s*\([^)]*\)?"),
        "takes the choices from a file that RHI Desktop cannot read: list the choices on "
        "the choices sheet instead",
    ),
    (
        re.compile(r"ex:[^\s(]+(?:\s*\([^)]*\)?)?"),
        "has another app fill in the answer, which RHI Desktop cannot do: let the "
        "interviewer type it instead",
    ),
)
"""Appearances that decide the answer or the choices: importing without them changes the
form, so they are refused."""
_RANGE_DEFAULTS = {"start": 1.0, "end": 10.0, "step": 1.0}
Question = dict[str, Any]


@dataclass
class _Frame:
    """An open `begin group` or `begin repeat`, and where the questions inside it go."""

    kind: RowKind
    name: str
    row: int
    questions: list[Question]
    path: str | None
    """The container's path in the definition; None when its rows cannot be imported."""
    container: str
    """The section or repeat group the questions land in, for messages."""
    container_word: str = "section"
    relevance: tuple[Part, ...] = ()
    """Relevance of flattened groups, added to each question inside."""
    section: bool = False
    start: int = 0


@dataclass
class _LooseSection:
    section: dict[str, Any]
    first_row: Cell


@dataclass
class Survey:
    sections: list[dict[str, Any]]
    calculations: list[PendingCalculation] = field(default_factory=list)
    conditions: list[Part] = field(default_factory=list)
    """The cells of relevance combined from several rows, to check one by one."""


def read_survey(
    sheet: Sheet,
    columns: ColumnMap,
    labels: LabelReader,
    choice_lists: ChoiceLists,
    form_title: str,
    origins: Origins,
    report: ImportReport,
    *,
    choices_read: bool = True,
) -> Survey:
    """`choices_read`: False when the choices sheet's columns could not be read (as
    reported), so no list name is blamed as unknown."""
    builder = _SurveyBuilder(sheet, columns, labels, choice_lists, form_title, origins, report)
    builder.choices_read = choices_read
    return builder.run()


class _SurveyBuilder:
    def __init__(
        self,
        sheet: Sheet,
        columns: ColumnMap,
        labels: LabelReader,
        choice_lists: ChoiceLists,
        form_title: str,
        origins: Origins,
        report: ImportReport,
    ) -> None:
        self.sheet = sheet
        self.columns = columns
        self.cells = SurveyCells(columns, labels, report)
        self.choice_lists = choice_lists
        self.choices_read = True
        self.form_title = form_title
        self.origins = origins
        self.report = report
        self.sections: list[dict[str, Any]] = []
        self.stack: list[_Frame] = []
        self.loose: _Frame | None = None
        self.loose_sections: list[_LooseSection] = []
        self.names: dict[str, int] = {}
        self.calculations: list[PendingCalculation] = []
        self.conditions: list[Part] = []
        self.labels_missing = False

    # the sheet as a whole ----------------------------------------------------------------

    def run(self) -> Survey:
        missing = [name for name in ("type", "name") if name not in self.columns.plain]
        for name in missing:
            self.report.error(Cell(self.sheet.name, 1), f"the survey sheet has no {name} column")
        if missing:
            return Survey([])
        if not self.columns.has("label"):
            # A label column whose language could not be read was reported already.
            self.labels_missing = True
            if not any(survey_verdict(c.header).field == "label" for c in self.sheet.columns):
                self.report.error(Cell(self.sheet.name, 1), "the survey sheet has no label column")
        report_column_values(self.columns, self.report)
        for row in self.sheet.rows:
            self._row(row)
        for frame in reversed(self.stack):
            self._unclosed(frame, "the end of the sheet")
        self._name_loose_sections()
        _cover_rows_of_sensitive_groups(self.sections)
        if not self.sections and not self.report.errors:
            self.report.error(Cell(self.sheet.name), "the survey has no questions")
        return Survey(self.sections, self.calculations, self.conditions)

    def _row(self, row: Row) -> None:
        type_text = self.cells.text(row, "type")
        if type_text is None:
            self.report.error(self.cells.cell(row, "type"), "this row has no type")
            return
        spec = parse_type(type_text)
        if spec.kind in (RowKind.END_GROUP, RowKind.END_REPEAT):
            self._end(row, spec)
            return
        name = self._claim_name(row)
        if name is None and spec.kind in (RowKind.BEGIN_GROUP, RowKind.BEGIN_REPEAT):
            name = f"row_{row.number}"  # reported; still opened, so its end row matches
        if spec.kind in (RowKind.METADATA, RowKind.UNSUPPORTED):
            self._not_imported(row, spec, name)
        elif name is None:
            return
        elif spec.kind is RowKind.BEGIN_GROUP:
            self._begin_group(row, name)
        elif spec.kind is RowKind.BEGIN_REPEAT:
            self._begin_repeat(row, name)
        else:
            self._question(row, name, spec)

    def _claim_name(self, row: Row) -> str | None:
        name = self.cells.text(row, "name")
        name = None if name is None else plain_text(name) or None  # as pasted, made plain
        cell = self.cells.cell(row, "name")
        if name is None:
            self.report.error(cell, "this row has no name")
            return None
        first = self.names.get(name)
        if first is not None:
            # Kept, so groups stay balanced and the rest of the row is still checked.
            self.report.error(cell, f"duplicate name {quoted(name)} (first used in row {first})")
        else:
            self.names[name] = row.number
        return name

    def _not_imported(self, row: Row, spec: TypeSpec, name: str | None) -> None:
        cell = self.cells.cell(row, "type")
        problem = spec.problem or f"type {quoted(spec.written)} is not supported"
        if spec.kind is RowKind.METADATA:
            self.report.warning(cell, problem)
        else:
            self.report.error(cell, problem)
        if name is not None:
            what = spec.written.split(" ", 1)[0]
            self.origins.dropped[name] = Dropped(Cell(self.sheet.name, row.number), what)

    # where questions go ------------------------------------------------------------------

    def _container(self, row: Row) -> _Frame:
        if self.stack:
            return self.stack[-1]
        if self.loose is None:
            section: dict[str, Any] = {"id": "", "title": self.form_title, "questions": []}
            path = f"sections[{len(self.sections)}]"
            self.sections.append(section)
            self.origins.record(path, Cell(self.sheet.name, row.number))
            first = Cell(self.sheet.name, row.number)
            self.loose_sections.append(_LooseSection(section, first))
            self.loose = _Frame(
                RowKind.BEGIN_GROUP, "", row.number, section["questions"], path, "", section=True
            )
        return self.loose

    def _name_loose_sections(self) -> None:
        taken = set(self.names)
        for index, loose in enumerate(self.loose_sections):
            base = "main" if index == 0 else f"main_{index + 1}"
            candidate, counter = base, 1
            while candidate in taken:
                counter += 1
                candidate = f"{base}_{counter}"
            taken.add(candidate)
            loose.section["id"] = candidate
            self.report.info(
                loose.first_row,
                f"questions outside any group, from this row on, are placed in a section "
                f"{quoted(candidate)} titled with the form title",
            )

    def _place(self, frame: _Frame, question: Question, row: Row) -> Origin | None:
        if frame.path is None:
            return None
        path = f"{frame.path}.questions[{len(frame.questions)}]"
        frame.questions.append(question)
        origin = self.origins.record(path, Cell(self.sheet.name, row.number))
        origin.set("id", self.cells.cell(row, "name"))
        origin.set("type", self.cells.cell(row, "type"))
        return origin

    # groups and repeats ------------------------------------------------------------------

    def _begin_group(self, row: Row, name: str) -> None:
        self.origins.groups.add(name)
        self._refuse(row, _GROUP_UNUSED, "a group")
        own = self.cells.expression(row, "relevant")
        if self.stack:
            self._nested_group(row, name, own)
        else:
            self._section(row, name, own)

    def _section(self, row: Row, name: str, own: Part | None) -> None:
        """A top-level group: one section of our form."""
        self._appearance(row, top_level_group=True)
        label = self.cells.label(row, "label")
        section: dict[str, Any] = {"id": name, "title": label or name, "questions": []}
        if label is None:
            self.report.warning(
                self.cells.cell(row, "label"),
                f"group {quoted(name)} has no label: its section is titled {quoted(name)}",
            )
        hint = self.cells.label(row, "hint")
        if hint is not None:
            section["hint"] = hint
        if own is not None:
            section["relevant"] = own.text
        path = f"sections[{len(self.sections)}]"
        self.sections.append(section)
        origin = self.origins.record(path, Cell(self.sheet.name, row.number))
        self._trace(origin, row, ("hint",), title="label")
        origin.set("id", self.cells.cell(row, "name"))
        origin.set("questions", self.cells.cell(row, "type"))
        if own is not None:
            origin.add("relevant", own.cell, own.text)
        self.loose = None
        frame = _Frame(RowKind.BEGIN_GROUP, name, row.number, section["questions"], path, name)
        frame.section = True
        self.stack.append(frame)

    def _nested_group(self, row: Row, name: str, own: Part | None) -> None:
        """A group inside a section or repeat: flattened into it (see the module docstring)."""
        self._appearance(row, top_level_group=False)
        parent = self.stack[-1]
        relevance = (*parent.relevance, own) if own is not None else parent.relevance
        label = self.cells.label(row, "label")
        hint = self.cells.label(row, "hint")
        if label is None and hint is not None:
            self.report.warning(
                self.cells.cell(row, "hint"),
                f"ignored: group {quoted(name)} is flattened, and its hint is shown only with a "
                "label (give the group a label to show both as a note)",
            )
        if label is not None and parent.path is not None:
            note: Question = {"id": name, "type": QuestionType.NOTE.value, "label": label}
            if hint is not None:
                note["hint"] = hint
            origin = self._place(parent, note, row)
            if origin is not None:
                self._trace(origin, row, ("label", "hint"))
                self._relevance(note, origin, relevance)
        if parent.path is not None:
            done = [f"its questions join {parent.container_word} {quoted(parent.container)}"]
            if label is not None:
                done.append("its label is shown as a note above them")
            if own is not None:
                done.append("its relevance applies to each of them")
            self.report.info(
                self.cells.cell(row, "type"),
                f"group {quoted(name)} inside {quoted(parent.name)} is flattened: "
                + ", ".join(done),
            )
        frame = _Frame(
            RowKind.BEGIN_GROUP,
            name,
            row.number,
            parent.questions,
            parent.path,
            parent.container,
            parent.container_word,
            relevance,
        )
        frame.start = len(parent.questions)
        self.stack.append(frame)

    def _begin_repeat(self, row: Row, name: str) -> None:
        self.origins.groups.add(name)
        outer = next((f for f in reversed(self.stack) if f.kind is RowKind.BEGIN_REPEAT), None)
        if outer is not None:
            self.report.error(
                self.cells.cell(row, "type"),
                f"repeat groups cannot be nested: this one is inside repeat {quoted(outer.name)} "
                f"(row {outer.row})",
            )
            self.stack.append(_Frame(RowKind.BEGIN_REPEAT, name, row.number, [], None, name))
            return
        self._refuse(row, _REPEAT_UNUSED, "a repeat group")
        self._appearance(row, top_level_group=False)
        parent = self._container(row)
        own = self.cells.expression(row, "relevant")
        relevance = (*parent.relevance, own) if own is not None else parent.relevance
        label = self.cells.label(row, "label")
        repeat: Question = {"id": name, "type": QuestionType.REPEAT.value, "label": label or name}
        if label is None and not self.labels_missing:
            self.report.error(self.cells.cell(row, "label"), "a repeat group needs a label")
        hint = self.cells.label(row, "hint")
        if hint is not None:
            repeat["hint"] = hint
        self._repeat_count(row, repeat)
        repeat["questions"] = []
        origin = self._place(parent, repeat, row)
        path: str | None = None
        if origin is not None:
            path = f"{parent.path}.questions[{len(parent.questions) - 1}]"
            self._trace(origin, row, ("label", "hint"))
            origin.set("questions", self.cells.cell(row, "type"))
            origin.set("min_rows", self.cells.cell(row, "repeat_count"))
            origin.set("max_rows", self.cells.cell(row, "repeat_count"))
            self._relevance(repeat, origin, relevance)
        self._marks(row, repeat, origin)
        self.stack.append(
            _Frame(
                RowKind.BEGIN_REPEAT,
                name,
                row.number,
                repeat["questions"],
                path,
                name,
                "repeat group",
            )
        )

    def _repeat_count(self, row: Row, repeat: Question) -> None:
        value = row.value(self.cells.column("repeat_count"))
        if value is None:
            return
        cell = self.cells.cell(row, "repeat_count")
        number = _number(value)
        if number is None:
            self.report.error(
                cell,
                "repeat_count can only be a fixed number of rows; a count computed from "
                "other answers is not supported",
            )
            return
        if not (math.isfinite(number) and number == int(number) and 1 <= number <= MAX_ROWS):
            self.report.error(
                cell, f"repeat_count must be a whole number of rows from 1 to {MAX_ROWS}"
            )
            return
        rows = int(number)
        repeat["min_rows"] = repeat["max_rows"] = rows
        self.report.warning(
            cell,
            f"the interviewer adds the rows, exactly {rows}: XLSForm makes them itself, but "
            f"here they are added one by one, and the form cannot be signed off with fewer",
        )

    def _end(self, row: Row, spec: TypeSpec) -> None:
        wanted = RowKind.BEGIN_GROUP if spec.kind is RowKind.END_GROUP else RowKind.BEGIN_REPEAT
        what = "group" if wanted is RowKind.BEGIN_GROUP else "repeat"
        cell = self.cells.cell(row, "type")
        self._ignored_on_end_row(row)
        if not self.stack:
            self.report.error(cell, f"end {what} without a matching begin {what}")
            return
        if not any(frame.kind is wanted for frame in self.stack):
            top = self.stack[-1]
            self.report.error(
                cell,
                f"end {what} without a matching begin {what} "
                f"(the open one is {_word(top.kind)} {quoted(top.name)}, row {top.row})",
            )
            return
        while self.stack[-1].kind is not wanted:
            self._unclosed(self.stack[-1], f"the end {what} in row {row.number}")
            self._close(self.stack.pop())
        self._close(self.stack.pop())

    def _unclosed(self, frame: _Frame, before: str) -> None:
        word = _word(frame.kind)
        self.report.error(
            Cell(self.sheet.name, frame.row, *self._type_column()),
            f"begin {word} {quoted(frame.name)} has no end {word} before {before}",
        )

    def _type_column(self) -> tuple[str, str]:
        column = self.columns.plain["type"]
        return column.letter, column.header

    def _close(self, frame: _Frame) -> None:
        if frame.path is None:
            return
        where = Cell(self.sheet.name, frame.row, *self._type_column())
        if len(frame.questions) > frame.start:
            return
        if frame.section:
            self.report.error(where, f"group {quoted(frame.name)} has no questions")
        elif frame.kind is RowKind.BEGIN_REPEAT:
            self.report.error(where, f"repeat group {quoted(frame.name)} has no questions")
        else:
            self.report.warning(where, f"group {quoted(frame.name)} has no questions")

    def _ignored_on_end_row(self, row: Row) -> None:
        for name in _END_ROW_IGNORED:
            if self._written(row, name):
                self.report.warning(self.cells.cell(row, name), "ignored on an end row")
        for name in _END_ROW_REFUSED:
            if self._written(row, name):
                self.report.error(
                    self.cells.cell(row, name),
                    f"an end row takes only a type and a name, so this {name} would be lost: "
                    "move it to the row it belongs to",
                )

    # questions ---------------------------------------------------------------------------

    def _question(self, row: Row, name: str, spec: TypeSpec) -> None:
        frame = self._container(row)
        calculated = spec.kind is RowKind.CALCULATE
        kind = QuestionType.TEXT if calculated else spec.question_type or QuestionType.TEXT
        label = self.cells.label(row, "label")
        if calculated:
            # Shown where the interviewer and the young person see it: a flag or a score
            # meant for the office must not be imported unnoticed.
            labelled = (
                "its label" if label is not None else f"the label {quoted(name)} (give it one)"
            )
            self.report.warning(
                self.cells.cell(row, "type"),
                "XLSForm hides calculations, but RHI Desktop shows each one as a read-only "
                f"answer, under {labelled}: check that it may be seen in the interview",
            )
        elif label is None and not self.labels_missing:
            self.report.error(self.cells.cell(row, "label"), "a question needs a label")
        question: Question = {"id": name, "type": kind.value, "label": label or name}
        hint = self.cells.label(row, "hint")
        if hint is not None:
            question["hint"] = hint
        origin = self._place(frame, question, row)
        if origin is None:
            return
        self._trace(origin, row, ("label", "hint"))
        origin.set("choices", self.cells.cell(row, "type"))
        own = self.cells.expression(row, "relevant")
        self._relevance(question, origin, (*frame.relevance, *([own] if own else [])))
        self._checks(row, question, origin)
        self._calculation(row, question, origin, calculated)
        self._answers(row, question, origin, spec, kind)

    def _checks(self, row: Row, question: Question, origin: Origin) -> None:
        required = self.cells.flag(row, "required")
        if required is not None:
            origin.set(
                "required", self.cells.cell(row, "required"), self.cells.text(row, "required")
            )
        if isinstance(required, Part):
            question["required"] = required.text
        elif required:
            question["required"] = True
        constraint = self.cells.expression(row, "constraint")
        if constraint is not None:
            question["constraint"] = constraint.text
            origin.set("constraint", constraint.cell, constraint.text)
        message = self.cells.label(row, "constraint_message")
        constraint_written = self.cells.filled(row, "constraint")
        if message is not None and (constraint is not None or not constraint_written):
            question["constraint_message"] = message
            origin.set_shown(
                "constraint_message", self.cells.labels.cells(row, "constraint_message")
            )

    def _calculation(self, row: Row, question: Question, origin: Origin, calculated: bool) -> None:
        calculation = self.cells.expression(row, "calculation")
        if calculation is not None:
            question["calculation"] = calculation.text
            origin.set("calculation", calculation.cell, calculation.text)
        read_only = self.cells.flag(row, "read_only")
        cell = self.cells.cell(row, "read_only")
        note = question["type"] == QuestionType.NOTE.value
        if note and read_only is True:
            self.report.info(cell, "already read-only: a note takes no answer")
        elif isinstance(read_only, Part) or (read_only and calculation is None and not calculated):
            advice = (
                ". For an answer fixed in advance, move the default into the calculation "
                "column, with text in quotes ('like this')"
                if self.cells.filled(row, "default")
                else ""
            )
            self.report.error(
                cell,
                f"read-only questions are not supported: only calculations are read-only{advice}",
            )
        elif read_only:
            self.report.info(cell, "already read-only, because it is calculated")
        elif calculation is not None and not calculated:
            self._calculated_question(calculation)
        if not calculated:
            return
        if calculation is None:
            if not self.cells.filled(row, "calculation"):
                self.report.error(
                    self.cells.cell(row, "calculation"), "a calculate row needs a calculation"
                )
            return
        self.calculations.append(PendingCalculation(question, calculation.text, calculation.cell))

    def _marks(self, row: Row, question: Question, origin: Origin | None) -> None:
        """RHI Desktop's own columns, on a question or a repeat group: sensitive, and the
        key the reports know it by."""
        sensitive = self.cells.flag(row, "sensitive")
        if isinstance(sensitive, Part):
            self.report.error(self.cells.cell(row, "sensitive"), "sensitive must be yes or no")
        elif sensitive:
            question["sensitive"] = True
            if origin is not None:
                origin.set("sensitive", self.cells.cell(row, "sensitive"))
        report_key = self.cells.text(row, "report_key")
        if report_key is not None:
            question["report_key"] = report_key
            if origin is not None:
                origin.set("report_key", self.cells.cell(row, "report_key"))

    def _is_yes_no(self, list_name: str | None, kind: QuestionType) -> bool:
        """A single choice of a list of just yes and no, labelled just Yes and No:
        XLSForm's way of writing a yes/no question, which the reports and form versions
        treat as one. Anything a yes/no question would lose keeps it a choice: a hint,
        a label that says more ('Yes, and they agreed to share'), or another language's
        (a yes/no question shows the app's own Yes and No)."""
        choices = self.choice_lists.get(list_name or "")
        if kind is not QuestionType.SINGLE_CHOICE or not choices:
            return False
        values = sorted(str(choice.get("value")) for choice in choices)
        return values == sorted(YES_NO) and all(
            set(choice) <= {"value", "label"} and _said(choice.get("label")) == str(choice["value"])
            for choice in choices
        )

    def _calculated_question(self, calculation: Part) -> None:
        """In ODK a question with a calculation stays editable; in our forms it does not."""
        self.report.warning(
            calculation.cell,
            "the interviewer will not be able to change this answer, because the form "
            "works it out from this calculation (in ODK it stays editable): set read_only "
            "to yes to accept that, or remove the calculation to let them answer",
        )

    def _answers(
        self, row: Row, question: Question, origin: Origin, spec: TypeSpec, kind: QuestionType
    ) -> None:
        if self._is_yes_no(spec.list_name, kind):
            question["type"] = kind = QuestionType.YES_NO
            self.report.info(
                self.cells.cell(row, "type"),
                f"a choice of {quoted(spec.list_name or '')}'s yes and no is imported as a yes/no "
                "question: it counts in the reports as yes/no questions do, and shows the "
                "app's own Yes and No",
            )
        elif spec.list_name is not None:
            question["choices"] = spec.list_name
            if not IDENTIFIER_PATTERN.fullmatch(spec.list_name):
                self.report.error(
                    self.cells.cell(row, "type"),
                    f"choice list {quoted(spec.list_name)} cannot be used: a list name must "
                    f"be {LIST_NAME_RULE} (rename it here and on the choices sheet)",
                )
            elif spec.list_name not in self.choice_lists and self.choices_read:
                close = difflib.get_close_matches(spec.list_name, list(self.choice_lists), n=1)
                hint = f" (did you mean {quoted(close[0])}?)" if close else ""
                self.report.error(
                    self.cells.cell(row, "type"),
                    f"unknown choice list {quoted(spec.list_name)}: no row on the choices sheet "
                    f"has that list_name{hint}",
                )
        calculated = spec.kind is RowKind.CALCULATE
        new_kind = self._appearance(row, top_level_group=False, kind=None if calculated else kind)
        if new_kind is not None and new_kind is not kind:
            question["type"] = new_kind.value
        default = self.cells.default(row, kind)
        if default is not None:
            question["default"] = default
            origin.set("default", self.cells.cell(row, "default"))
        self._marks(row, question, origin)
        parameters = self.cells.text(row, "parameters")
        if kind is QuestionType.SCALE:
            self._range(row, question, origin, parameters)
        elif parameters is not None:
            self.report.error(
                self.cells.cell(row, "parameters"),
                f"parameters are not supported for type {quoted(spec.written)}",
            )
        if self.cells.filled(row, "repeat_count"):
            self.report.error(
                self.cells.cell(row, "repeat_count"), "only repeat groups take a repeat_count"
            )

    def _range(self, row: Row, question: Question, origin: Origin, parameters: str | None) -> None:
        """A whole-number range with step 1 is our scale question; anything else is refused."""
        cell = self.cells.cell(row, "parameters")
        origin.set("scale", cell if parameters is not None else self.cells.cell(row, "type"))
        values = dict(_RANGE_DEFAULTS)
        for item in (parameters or "").replace(";", " ").split():
            key, sep, raw = item.partition("=")
            try:
                number = float(raw)
            except ValueError:
                number = float("nan")
            if not sep or key.strip().lower() not in values or number != number:
                self.report.error(cell, f"cannot read range parameter {quoted(item)}")
                return
            values[key.strip().lower()] = number
        low, high, step = values["start"], values["end"], values["step"]
        if step != 1 or not low.is_integer() or not high.is_integer() or low >= high:
            self.report.error(
                cell,
                "only a whole-number range counting up in steps of 1 can be imported "
                "(as a scale question)",
            )
            return
        question["scale"] = {"min": int(low), "max": int(high)}
        self.report.info(
            self.cells.cell(row, "type"),
            f"range imported as a scale from {int(low)} to {int(high)}",
        )

    # shared pieces -----------------------------------------------------------------------

    def _relevance(self, item: Question, origin: Origin, parts: Sequence[Part]) -> None:
        """Flattened groups' relevance and the row's own, all of which must hold."""
        if not parts:
            return
        if len(parts) == 1:
            item["relevant"] = parts[0].text
        else:
            item["relevant"] = " and ".join(f"({part.text})" for part in parts)
            self.conditions.extend(parts)
            self._combined_length(item["relevant"], parts)
        for part in parts:
            origin.add("relevant", part.cell, part.text)

    def _combined_length(self, relevant: str, parts: Sequence[Part]) -> None:
        """A combined relevance over the limit is no one cell's fault: name every row."""
        if len(relevant) <= MAX_EXPRESSION_LENGTH:
            return
        numbers = [str(part.cell.row) for part in parts]
        rows = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
        self.report.error(
            parts[-1].cell,
            f"the relevance of rows {rows} combined is {len(relevant):,} characters (the "
            f"limit is {MAX_EXPRESSION_LENGTH:,}): shorten them or move the logic into a "
            "calculation",
        )

    def _trace(
        self, origin: Origin, row: Row, names: tuple[str, ...], *, title: str | None = None
    ) -> None:
        for name in names:
            origin.set_shown(name, self.cells.labels.cells(row, name))
        if title is not None:
            origin.set_shown("title", self.cells.labels.cells(row, title))

    def _refuse(self, row: Row, names: tuple[str, ...], what: str) -> None:
        for name in names:
            if self._written(row, name):
                self.report.error(self.cells.cell(row, name), f"{what} takes no {name}")

    def _written(self, row: Row, name: str) -> bool:
        """Whether `row` says something in `name`: a 'no' in a yes/no column, filled down
        the whole column as designers do, says nothing."""
        return self.cells.filled(row, name) and not (
            name in _FLAGS and self.cells.says_no(row, name)
        )

    def _appearance(
        self, row: Row, *, top_level_group: bool, kind: QuestionType | None = None
    ) -> QuestionType | None:
        text = self.cells.text(row, "appearance")
        if text is None:
            return kind
        cell = self.cells.cell(row, "appearance")
        for pattern, refusal in _DECIDES_THE_ANSWER:
            for found in pattern.finditer(text):
                self.report.error(cell, f"appearance {quoted(found.group(0))} {refusal}")
            text = pattern.sub(" ", text)
        words = text.split()
        if "masked" in words:
            words.remove("masked")
            self.report.warning(
                cell,
                "appearance 'masked' ignored: the answer is shown as typed; to cover it "
                "until the interviewer asks to see it, put yes in the sensitive column",
            )
        for word in list(words):
            instead = _CHANGES_WHAT_IS_COLLECTED.get((word, kind))
            if instead is not None:
                words.remove(word)
                self.report.warning(cell, f"appearance {quoted(word)} is not supported: {instead}")
        if kind is QuestionType.TEXT and "multiline" in words:
            words.remove("multiline")
            kind = QuestionType.LONG_TEXT
        if top_level_group and "field-list" in words:
            words.remove("field-list")
            self.report.info(cell, "field-list: a section already shows its questions together")
        if words:
            shown = quoted(" ".join(words))
            self.report.warning(cell, f"appearance {shown} ignored: {_LAYOUT_ONLY}")
        return kind


def _said(label: object) -> str | None:
    """A plain label as a word ('Yes.' -> 'yes'); None for a translated one."""
    return label.strip().rstrip(".").casefold() if isinstance(label, str) else None


def _cover_rows_of_sensitive_groups(sections: list[dict[str, Any]]) -> None:
    """A repeat group marked sensitive has the answers in its rows covered too, as a
    designer marking 'people they were with' means: each question in it is sensitive."""
    for section in sections:
        for question in section["questions"]:
            if question.get("type") == QuestionType.REPEAT.value and question.get("sensitive"):
                for child in question["questions"]:
                    if child.get("type") != QuestionType.NOTE.value:
                        child["sensitive"] = True


def _word(kind: RowKind) -> str:
    return "repeat" if kind is RowKind.BEGIN_REPEAT else "group"


def _number(value: object) -> float | None:
    """A cell's number, written as a number or as text; None when it is anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None
