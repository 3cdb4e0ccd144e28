"""Reading an XLSForm workbook into sheets of header columns and numbered rows of values.

openpyxl runs read-only and values-only: we never evaluate formulas (a cell holds what
Excel last computed), and a big workbook streams rather than loading whole. A formula
with no computed value (a workbook written by a script, never opened in Excel) would
read as an empty cell, so such cells are listed (`Workbook.uncomputed`) for the import
to refuse rather than lose a condition without a word. Row numbers are the ones Excel
shows, so every finding can point the designer at the right row.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

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
    sheets = _read_sheets(path, computed=True)
    uncomputed: list[Cell] = []
    for key, written in _read_sheets(path, computed=False).items():
        sheet = sheets[key]
        computed = {row.number: row for row in sheet.rows}
        for row in written.rows:
            for index, value in enumerate(row.values):
                if isinstance(value, str) and value.startswith("="):
                    found = computed.get(row.number)
                    if found is None or found.value(Column(index, "")) is None:
                        uncomputed.append(sheet.cell(row.number, _column(sheet, index)))
    return Workbook(sheets, tuple(uncomputed))


def _column(sheet: Sheet, index: int) -> Column:
    named = next((column for column in sheet.columns if column.index == index), None)
    return named or Column(index, "")


def _read_sheets(path: Path, *, computed: bool) -> dict[str, Sheet]:
    """Every sheet's values: as last computed, or (not `computed`) formulas as written."""
    try:
        book = load_workbook(path, read_only=True, data_only=computed)
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
