"""Reading an XLSForm workbook into sheets of header columns and numbered rows of values.

openpyxl runs read-only and values-only: we never evaluate formulas (a cell holds what
Excel last computed), and a big workbook streams rather than loading whole. A formula
stored with no computed value (a workbook written by a script, never opened in Excel)
would read as an empty cell, so such cells are listed (`Workbook.uncomputed`) for the
import to refuse rather than lose a condition without a word. Row numbers are the ones Excel
shows, so every finding can point the designer at the right row.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.xml.functions import fromstring, iterparse

from rhi_desktop.forms.xlsform.report import Cell


class WorkbookError(Exception):
    """The file cannot be read as an .xlsx workbook (the message says what to do)."""


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    """0-based position in the row."""
    header: str

    @property
    def letter(self) -> str:
        return str(get_column_letter(self.index + 1))


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    """The row number Excel shows."""
    values: tuple[object, ...]

    def value(self, column: Column | None) -> object:
        if column is None or column.index >= len(self.values):
            return None
        value = self.values[column.index]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, column: Column | None) -> str | None:
        return cell_text(self.value(column))


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    """As spelled in the workbook (lookup is case-insensitive)."""
    columns: tuple[Column, ...]
    """Columns with a header in row 1, left to right."""
    rows: tuple[Row, ...]
    """Rows after the header with at least one value."""

    def cell(self, row: int | None, column: Column | None) -> Cell:
        if column is None:
            return Cell(self.name, row)
        return Cell(self.name, row, column.letter, column.header)

    def header_cell(self, column: Column) -> Cell:
        return self.cell(1, column)

    def stray_cells(self) -> list[Cell]:
        """Values under no header: data nobody can name, so it is reported, not dropped."""
        named = {column.index for column in self.columns}
        return [
            Cell(self.name, row.number, str(get_column_letter(index + 1)))
            for row in self.rows
            for index, value in enumerate(row.values)
            if index not in named and cell_text(value) is not None
        ]


@dataclass(frozen=True, slots=True)
class Workbook:
    sheets: dict[str, Sheet]
    """By lower-cased sheet name."""
    uncomputed: tuple[Cell, ...] = ()
    """Formula cells with no value computed by a spreadsheet (read as empty)."""

    def sheet(self, name: str) -> Sheet | None:
        return self.sheets.get(name.lower())


def read_workbook(path: Path) -> Workbook:
    """Read every sheet; raises WorkbookError for a missing, locked or non-.xlsx file."""
    sheets = _read_sheets(path)
    uncomputed = [
        sheet.cell(number, _column(sheet, index))
        for title, cells in _formulas_without_values(path).items()
        if (sheet := sheets.get(title.lower())) is not None
        for number, index in sorted(cells)
    ]
    return Workbook(sheets, tuple(uncomputed))


def _column(sheet: Sheet, index: int) -> Column:
    named = next((column for column in sheet.columns if column.index == index), None)
    return named or Column(index, "")


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHEET_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _formulas_without_values(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Per sheet title, the (row, 0-based column) of each formula stored without a
    computed value (`_computed`). Read from the sheets' XML, since openpyxl gives that
    and a value computed as blank alike as None (with openpyxl's parser, which guards
    against entity expansion)."""
    found: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        book = fromstring(archive.read("xl/workbook.xml"))
        links = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {link.get("Id"): link.get("Target") or "" for link in links.iter(_PACKAGE_REL)}
        for sheet in book.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(_SHEET_REL), "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if not target or member not in archive.namelist():
                continue
            cells = found.setdefault(sheet.get("name") or "", set())
            with archive.open(member) as xml:
                for _, element in iterparse(xml):
                    if element.tag != f"{_MAIN}c":
                        continue
                    if element.find(f"{_MAIN}f") is not None and not _computed(element):
                        letters, number = coordinate_from_string(element.get("r") or "A1")
                        cells.add((number, column_index_from_string(letters) - 1))
                    element.clear()
    return found


def _computed(cell: Any) -> bool:
    """Whether a formula cell holds a value a spreadsheet computed: some value, or an
    empty one typed as text (a formula that came to ""). Libraries that write formulas
    without computing them leave the value out or empty and untyped."""
    value = cell.find(f"{_MAIN}v")
    return value is not None and (bool(value.text) or cell.get("t") == "str")


def _read_sheets(path: Path) -> dict[str, Sheet]:
    """Every sheet's values, as a spreadsheet last computed them."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise WorkbookError(f"there is no file {path.name}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError):
        raise WorkbookError(
            f"{path.name} is not an Excel .xlsx workbook (save it from Excel as .xlsx)"
        ) from None
    except OSError as error:
        raise WorkbookError(f"cannot read {path.name}: {error.strerror}") from None
    try:
        sheets: dict[str, Sheet] = {}
        for worksheet in book.worksheets:
            if hasattr(worksheet, "reset_dimensions"):
                # Some tools write a wrong used range; read every row there is instead.
                worksheet.reset_dimensions()
            rows = iter(worksheet.iter_rows(values_only=True))
            header = next(rows, ())
            columns = tuple(
                Column(index, text)
                for index, text in ((i, cell_text(v)) for i, v in enumerate(header))
                if text is not None
            )
            kept = tuple(
                Row(number, tuple(values))
                for number, values in enumerate(rows, start=2)
                if any(cell_text(value) is not None for value in values)
            )
            sheets.setdefault(worksheet.title.lower(), Sheet(worksheet.title, columns, kept))
        return sheets
    finally:
        book.close()


def cell_text(value: object) -> str | None:
    """A cell as text, as the designer sees it; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") if value.time() != time() else str(value.date())
    if isinstance(value, date | time):
        return value.isoformat()
    text = str(value).strip()
    return text or None
