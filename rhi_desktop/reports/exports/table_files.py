"""Tables as CSV or XLSX bytes, the same way for every export.

CSV: UTF-8 without a byte-order mark (a BOM would become part of the first column name
for the DfE's and Ofsted's column matching), comma-separated, fields quoted only when
they must be, and CRLF line ends as RFC 4180 specifies and as Excel and the DfE tools
write them. Anyone opening a CSV with non-ASCII headers (Annex A's curly quotes) in
Excel should use the XLSX instead, which carries its own encoding.

XLSX: one sheet per table, header row bold and frozen. Text is always stored as text:
a value starting with "=" is never turned into a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font

Cell = str | int | float | date | None


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.header)
    writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        sheet = book.create_sheet(title=table.title[:31])
        sheet.append(list(table.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                elif isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
        sheet.freeze_panes = "A2"
        for index, name in enumerate(table.header, start=1):
            width = max([len(name), *(len(_csv_cell(row[index - 1])) for row in table.rows)])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(
                60, width + 2
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
