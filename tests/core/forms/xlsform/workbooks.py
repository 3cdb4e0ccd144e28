"""Writing XLSForm workbooks for tests with openpyxl, exactly as a designer's Excel saves them.

Each sheet is given as rows, the header first, so a test reads like the spreadsheet and
its Excel row numbers are the list positions plus one.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook

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


def merge_cells(path: Path, sheet: str, *ranges: str) -> Path:
    """Merge `ranges` (like "D3:D5") on `sheet`, as a designer does with Merge & Center."""
    book = load_workbook(path)
    for cells in ranges:
        book[sheet].merge_cells(cells)
    book.save(path)
    return path


def with_cells(path: Path, sheet: int, cells: dict[str, bytes]) -> Path:
    """The workbook with cells of its `sheet`-th sheet (from 1) replaced, by reference
    (`D2`), with the XML given: formulas and their saved values, as Excel writes them."""

    def replace(name: str, data: bytes) -> tuple[str, bytes]:
        if name != f"xl/worksheets/sheet{sheet}.xml":
            return name, data
        for place, cell in cells.items():
            changed = re.sub(rb'<c r="' + place.encode() + rb'"[^>]*>.*?</c>', cell, data)
            assert changed != data, f"no cell {place} to replace"
            data = changed
        return name, data

    return rewrite_parts(path, replace)


def rewrite_parts(path: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    """Rewrite every part of the .xlsx package through `change(name, data) -> (name, data)`,
    to write what other spreadsheet programs save and openpyxl never does."""
    with zipfile.ZipFile(path) as source:
        parts = [change(item.filename, source.read(item.filename)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for name, data in parts:
            rewritten.writestr(name, data)
    return path
