"""Tables as CSV or XLSX bytes, the same way for every export.

CSV: UTF-8, comma-separated, fields quoted only when they must be, and CRLF line ends
as RFC 4180 specifies and as Excel and the DfE tools write them. Tables made to be opened
in a spreadsheet (Annex A, the KPIs) start with a byte-order mark, as Excel otherwise
reads UTF-8 as the Windows code page and garbles Annex A's curly quotes and any non-ASCII
name; and a text cell a spreadsheet would take for a formula (starting with =, +, -, @,
a tab or a carriage return) is written with a leading apostrophe, so a value typed as
"=HYPERLINK(...)" is shown as text, never run. The SSDA903 return goes as it is, without
either: the DfE validator would read a mark as part of the first column name, and the
child id must be the one recorded, so the return refuses a formula-like case reference.

XLSX: one sheet per table, header row bold and frozen. Text is always stored as text:
a value starting with "=" is never turned into a formula. The workbook is built in
memory: these tables name children, and the only file they reach is the one the person
chose, written privately by `audited_write` (a writer that stages sheets in the system's
temporary folder would leave them there, in the clear, if the export were cut short).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import xlsxwriter

from rhi_desktop.domain.found_child import SPREADSHEET_FORMULA_STARTS

Cell = str | int | float | date | None


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


FORMULA_STARTS = (*SPREADSHEET_FORMULA_STARTS, "\t", "\r")
"""What a spreadsheet takes a cell's text for a formula by (OWASP's CSV injection list)."""


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _spreadsheet_cell(value: Cell) -> str:
    text = _text(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return f"'{text}"
    return text


def csv_bytes(table: Table, *, for_spreadsheets: bool = True) -> bytes:
    """`for_spreadsheets`: start with a byte-order mark, so Excel reads the file as UTF-8,
    and mark formula-like text as text. Without (a return a validator reads), every cell
    is written exactly as it is: the return's own checks refuse what a spreadsheet would
    run."""
    cell = _spreadsheet_cell if for_spreadsheets else _text
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.header)
    writer.writerows([cell(value) for value in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig" if for_spreadsheets else "utf-8")


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for table in tables:
        sheet = book.add_worksheet(table.title[:31])
        sheet.write_row(0, 0, table.header, bold)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)  # never a formula, whatever it starts with
                elif isinstance(value, date):
                    sheet.write_datetime(r, c, value, day)
                else:
                    sheet.write_number(r, c, value)
        sheet.freeze_panes(1, 0)
        for c, name in enumerate(table.header):
            width = max([len(name), *(len(_text(row[c])) for row in table.rows)])
            sheet.set_column(c, c, min(60, width + 2))
    book.close()
    return out.getvalue()
