"""Reading shown text (label, hint, constraint message) in one language or several.

A translated form gives `{code: text}` for the languages a row has text in; whether the
default language is among them is the loader's check, located back to its column.
"""

from __future__ import annotations

import re
from datetime import date, time

from rhi_desktop.forms.xlsform.columns import ColumnMap
from rhi_desktop.forms.xlsform.reader import Row
from rhi_desktop.forms.xlsform.report import Cell, ImportReport, Severity, quoted
from rhi_desktop.forms.xlsform.translations import Languages

Label = str | dict[str, str]

_PIPED = re.compile(r"\$\{[^}]*\}")
_FORMATTING = re.compile(
    r"</?[A-Za-z][^<>]*>"  # an HTML tag, as ODK Collect reads
    r"|\*\*[^*\n]+\*\*"  # markdown's bold
    r"|^#{1,6} "  # a markdown heading
    r"|\[[^\]\n]+\]\([^)\n]+\)",  # a markdown link
    re.MULTILINE,
)
"""What ODK Collect shows as formatting and RHI Desktop shows as written."""


class LabelReader:
    def __init__(self, columns: ColumnMap, languages: Languages, report: ImportReport) -> None:
        self._columns = columns
        self._languages = languages
        self._report = report
        self._untranslated: dict[tuple[str, str], set[int]] = {}
        """(field, language) -> the rows with text in another language but not this."""

    def read(self, row: Row, name: str) -> Label | None:
        sheet = self._columns.sheet
        if self._languages.codes is None:
            column = self._columns.plain.get(name)
            text = row.text(column)
            if text is not None and column is not None:
                self._check(sheet.cell(row.number, column), row.value(column), text)
            return text
        texts: dict[str, str] = {}
        for code, column in (self._columns.translated.get(name) or {}).items():
            text = row.text(column)
            if text is not None:
                self._check(sheet.cell(row.number, column), row.value(column), text)
                texts[code] = text
        if not texts:
            return None
        for code in self._languages.codes[1:]:  # the default's gap is the loader's error
            if code not in texts:
                self._untranslated.setdefault((name, code), set()).add(row.number)
        ordered = [code for code in self._languages.codes if code in texts]
        return {code: texts[code] for code in ordered}

    def cell(self, row: Row, name: str) -> Cell:
        """The cell a finding about this text points at: the first column holding it, in
        the form's order of languages, or the default language's if none does."""
        return self.cells(row, name)[-1]

    def cells(self, row: Row, name: str) -> tuple[Cell, ...]:
        """The default language's cell, then, if that is empty, the first cell that holds
        the text: where the loader finds text missing, and where the text is."""
        codes = self._languages.codes
        main = self._columns.main_column(name, codes[0] if codes else None)
        where = self._columns.sheet.cell(row.number, main)
        if codes is None or row.text(main) is not None:
            return (where,)
        by_language = self._columns.translated.get(name) or {}
        for code in codes:
            column = by_language.get(code)
            if column is not None and row.text(column) is not None:
                return (where, self._columns.sheet.cell(row.number, column))
        return (where,)

    def report_untranslated(self) -> None:
        """One warning per column and language left without text on rows that have it in
        another language: those rows are shown in the default language to people reading
        in this one, which a designer would not see in the language they check in."""
        codes = self._languages.codes
        if codes is None:
            return
        sheet = self._columns.sheet
        for (name, code), rows in self._untranslated.items():
            column = (self._columns.translated.get(name) or {}).get(code)
            shown = f"shown in {quoted(codes[0])} to people reading in {quoted(code)}"
            if column is None:
                self._report.warning(
                    Cell(sheet.name, 1),
                    f"no {name} column for language {quoted(code)}: each {name} is {shown} "
                    f"({listed_rows(sorted(rows))})",
                )
            else:
                self._report.warning(
                    sheet.header_cell(column),
                    f"no text in this language on {listed_rows(sorted(rows))}: those are {shown}",
                )

    def _check(self, cell: Cell, value: object, text: str) -> None:
        if not report_date_held(cell, value, text, self._report):
            self._check_piping(cell, text)
            formatting = _FORMATTING.search(text)
            if formatting is not None:
                self._report.warning(
                    cell,
                    f"text is shown as written: {quoted(formatting.group(0).strip())} is not "
                    "read as formatting",
                )

    def _check_piping(self, cell: Cell, text: str) -> None:
        found = _PIPED.search(text)
        if found is not None:
            self._report.warning(
                cell,
                f"text is shown as written: {found.group(0)} will not be replaced by an answer",
            )


def report_date_held(cell: Cell, value: object, text: str, report: ImportReport) -> bool:
    """Whether the spreadsheet holds text as a date or time (reported): Excel makes '1-2'
    typed as an age band the 1st of February, and shows it as 01-Feb."""
    if not isinstance(value, date | time):  # a datetime is a date
        return False
    report.error(
        cell,
        f"the spreadsheet holds this cell as a date or time ({text}), not as the text "
        "typed: format the cell as text and type it again",
    )
    return True


def listed_rows(rows: list[int]) -> str:
    """Row numbers as a finding lists them ("row 2", "rows 2, 5"): the first ten, then
    how many more."""
    listed = ", ".join(str(number) for number in rows[:10])
    more = f" and {len(rows) - 10} more" if len(rows) > 10 else ""
    return f"{'row' if len(rows) == 1 else 'rows'} {listed}{more}"


def report_column_values(columns: ColumnMap, report: ImportReport) -> None:
    """Refused columns: each value is an error. Ignored columns: one warning naming the rows."""
    sheet = columns.sheet
    for column, verdict in columns.reported:
        rows = [row.number for row in sheet.rows if row.value(column) is not None]
        if not rows:
            continue
        if verdict.severity is Severity.ERROR:
            for number in rows:
                report.error(sheet.cell(number, column), verdict.reason)
        else:
            report.warning(sheet.header_cell(column), f"{verdict.reason} ({listed_rows(rows)})")
    for stray in sheet.stray_cells():
        report.warning(stray, "ignored: this value has no column header")
