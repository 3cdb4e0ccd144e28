"""Writing XLSForm workbooks for tests with openpyxl, exactly as a designer's Excel saves them.

Each sheet is given as rows, the header first, so a test reads like the spreadsheet and
its Excel row numbers are the list positions plus one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook

SheetRows = Sequence[Sequence[object]]


def write_xlsform(path: Path, sheets: Mapping[str, SheetRows]) -> Path:
    """Write `sheets` (name -> rows, header row first) to `path` as an .xlsx workbook."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path
