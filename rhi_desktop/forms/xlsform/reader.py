"""Reading an XLSForm workbook into sheets of header columns and numbered rows of values.

openpyxl runs read-only and values-only: we never evaluate formulas (a cell holds what
Excel last computed), and a big workbook streams rather than loading whole. A formula
stored with no computed value (a workbook written by a script, never opened in Excel)
would read as an empty cell, so such cells are listed (`Workbook.uncomputed`) for the
import to refuse rather than lose a condition without a word; so are formulas whose value
changes by the day or the draw (=TODAY(), which would keep the day it was saved); cells
showing an
Excel error (which would read as the text "#N/A") and cells merged across rows (which
read as empty below the first). Row numbers are the ones Excel shows, so every finding
can point the designer at the right row.
"""

from __future__ import annotations

import posixpath
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    range_boundaries,
)
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.xml.functions import fromstring, iterparse

from rhi_desktop.forms.xlsform.report import Cell
from rhi_desktop.plain_text import kept_text


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
class ShownError:
    """A cell showing an Excel error (like #N/A from a failed lookup) instead of a value."""

    cell: Cell
    error: str
    """As Excel shows it: #N/A, #REF!, #VALUE!, #DIV/0!, #NAME?, #NULL! or #NUM!."""


@dataclass(frozen=True, slots=True)
class MergedCells:
    """Cells merged across rows: only the first row holds the value the designer sees on all."""

    first: Cell
    cells: str
    """As Excel writes the range, like D3:D5."""
    places: frozenset[tuple[str, int, str]]
    """(sheet, row, column letter) of every cell in the range."""


@dataclass(frozen=True, slots=True)
class Workbook:
    sheets: dict[str, Sheet]
    """By lower-cased sheet name."""
    uncomputed: tuple[Cell, ...] = ()
    """Formula cells with no value computed by a spreadsheet (read as empty)."""
    changing: tuple[Cell, ...] = ()
    """Formula cells whose value changes by the day or the draw, like =TODAY(): they hold
    the one they had when the workbook was last saved."""
    shown_errors: tuple[ShownError, ...] = ()
    """Cells showing an Excel error, which openpyxl reads as that text."""
    not_dates: tuple[Cell, ...] = ()
    """Cells formatted as dates holding a number no date can be (a phone number, say),
    which openpyxl reads as the error #VALUE!."""
    merged: tuple[MergedCells, ...] = ()
    """Merges spanning more than one row, which read as empty below their first row."""

    def sheet(self, name: str) -> Sheet | None:
        return self.sheets.get(_sheet_key(name))


def _sheet_key(title: str) -> str:
    """A sheet's name as looked up: a space left after renaming a copied 'settings '
    tab cannot be seen, and must not cost the form its settings."""
    return title.strip().lower()


def read_workbook(path: Path) -> Workbook:
    """Read every sheet; raises WorkbookError for a missing, locked or non-.xlsx file."""
    try:
        return _read_workbook(path)
    except NotImplementedError:  # Deflate64, which some zip tools use for large files
        raise WorkbookError(
            f"{path.name} is compressed in a way that cannot be read "
            "(open it in Excel and save it again as .xlsx)"
        ) from None


def _read_workbook(path: Path) -> Workbook:
    if _strict(path):
        raise WorkbookError(
            f"{path.name} is saved as Strict Open XML, which cannot be read "
            "(in Excel, save it again as 'Excel Workbook (.xlsx)')"
        )
    sheets, not_dates = _read_sheets(path)
    uncomputed: list[Cell] = []
    changing: list[Cell] = []
    shown_errors: list[ShownError] = []
    merged: list[MergedCells] = []
    for title, marks in _read_cell_marks(path).items():
        sheet = sheets.get(_sheet_key(title))
        if sheet is None:
            continue
        uncomputed += [_cell_at(sheet, place) for place in sorted(marks.uncomputed)]
        changing += [_cell_at(sheet, place) for place in sorted(marks.changing - marks.uncomputed)]
        errors = sorted(marks.errors.items())
        shown_errors += [ShownError(_cell_at(sheet, place), error) for place, error in errors]
        merged += [_merged_cells(sheet, cells) for cells in marks.merges]
    return Workbook(
        sheets,
        uncomputed=tuple(uncomputed),
        changing=tuple(changing),
        shown_errors=tuple(shown_errors),
        not_dates=tuple(not_dates),
        merged=tuple(merged),
    )


def _cell_at(sheet: Sheet, place: tuple[int, int]) -> Cell:
    """The cell at (row, 0-based column), with its column's header."""
    row, index = place
    return sheet.cell(row, _column(sheet, index))


def _column(sheet: Sheet, index: int) -> Column:
    named = next((column for column in sheet.columns if column.index == index), None)
    return named or Column(index, "")


def _merged_cells(sheet: Sheet, cells: str) -> MergedCells:
    first_column, first_row, last_column, last_row = range_boundaries(cells)
    places = frozenset(
        (sheet.name, row, str(get_column_letter(column)))
        for row in range(first_row, last_row + 1)
        for column in range(first_column, last_column + 1)
    )
    return MergedCells(sheet.cell(first_row, _column(sheet, first_column - 1)), cells, places)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHEET_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_STRICT = "{http://purl.oclc.org/ooxml/"
"""How the names of Strict Open XML's parts begin: a form of .xlsx openpyxl cannot read."""
_OFFICE_DOCUMENT = "/officeDocument"
"""How the type of the package's relationship to its workbook part ends."""


@dataclass
class _CellMarks:
    """What the values alone do not show about one sheet's cells, by (row, 0-based column)."""

    uncomputed: set[tuple[int, int]] = field(default_factory=set)
    changing: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    """Merged ranges spanning more than one row."""


DAMAGE = (KeyError, zipfile.BadZipFile, SyntaxError, ValueError, TypeError, zlib.error, EOFError)
"""What reading a damaged package raises: a missing part, broken XML (a SyntaxError), a
value of the wrong kind in it (a TypeError, say a font size of '11pt'), compressed data
that does not unpack."""


def _damaged(path: Path) -> WorkbookError:
    return WorkbookError(
        f"{path.name} is damaged: its parts do not fit together "
        "(open it in Excel and save it again as .xlsx)"
    )


def _read_cell_marks(path: Path) -> dict[str, _CellMarks]:
    """Per sheet title, its formulas without values, error cells and merges across rows."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _marks_in_archive(archive)
    except DAMAGE:
        raise _damaged(path) from None


def _marks_in_archive(archive: zipfile.ZipFile) -> dict[str, _CellMarks]:
    """Read from the sheets' XML, since openpyxl's read-only mode gives a formula with no
    computed value and a blank alike as None, an error as its text, and no merges (with
    openpyxl's parser, which guards against entity expansion)."""
    found: dict[str, _CellMarks] = {}
    book_part = _workbook_part(archive)
    book = fromstring(archive.read(book_part))
    calculation = book.find(f"{_MAIN}calcPr")
    # A library that cannot compute formulas (XlsxWriter, which pandas uses) saves each
    # with a value of 0 and asks the spreadsheet to compute them all when it opens the
    # file: a saved 0 is then no value the designer sees.
    placeholders = calculation is not None and calculation.get("fullCalcOnLoad") in ("1", "true")
    targets = _relationship_targets(archive, book_part)
    members = set(archive.namelist())
    for sheet in book.iter(f"{_MAIN}sheet"):
        member = targets.get(sheet.get(_SHEET_REL) or "")
        if member is None or member not in members:
            continue
        marks = found.setdefault(sheet.get("name") or "", _CellMarks())
        with archive.open(member) as xml:
            _mark_cells(xml, marks, placeholders=placeholders)
    return found


def _strict(path: Path) -> bool:
    """Whether the workbook part is Strict Open XML; False for anything unreadable, which
    reading the sheets then reports."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = fromstring(archive.read(_workbook_part(archive)))
    except (OSError, *DAMAGE):
        return False
    return str(root.tag).startswith(_STRICT)


def _workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook part's name, from the package relationships (often xl/workbook.xml)."""
    links = fromstring(archive.read("_rels/.rels"))
    for link in links.iter(_PACKAGE_REL):
        if (link.get("Type") or "").endswith(_OFFICE_DOCUMENT) and link.get("Target"):
            return _part_name("", link.get("Target") or "")
    raise KeyError("the package names no workbook part")


def _relationship_targets(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: id -> the part name each one points at."""
    folder, name = posixpath.split(part)
    links = fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))
    return {
        link.get("Id") or "": _part_name(folder, link.get("Target") or "")
        for link in links.iter(_PACKAGE_REL)
    }


def _part_name(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


_CHANGING = re.compile(r"\b(?:TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(", re.IGNORECASE)
"""Spreadsheet functions whose value changes by the day or the draw."""


def _mark_cells(xml: IO[bytes], marks: _CellMarks, *, placeholders: bool = False) -> None:
    """`placeholders`: formulas' saved values stand in for values never computed."""
    changing_shared: set[str] = set()
    """Shared formulas (written once, used down a column) that change: by group."""
    for _, element in iterparse(xml):
        if element.tag == f"{_MAIN}mergeCell":
            cells = element.get("ref") or ""
            _, first_row, _, last_row = range_boundaries(cells)
            if first_row != last_row:
                marks.merges.append(cells)
        if element.tag != f"{_MAIN}c":
            continue
        formula = element.find(f"{_MAIN}f")
        if formula is not None and _changes(formula, changing_shared):
            marks.changing.add(_position(element))
        if formula is not None and not _computed(element, placeholders):
            marks.uncomputed.add(_position(element))
        elif element.get("t") == "e":
            value = element.find(f"{_MAIN}v")
            marks.errors[_position(element)] = (value.text if value is not None else "") or "#N/A"
        element.clear()


def _changes(formula: Any, changing_shared: set[str]) -> bool:
    """Whether a cell's formula changes by the day or the draw; a cell sharing another's
    formula names only its group, after the cell that spells it out."""
    group = formula.get("si") if formula.get("t") == "shared" else None
    if formula.text:
        changes = bool(_CHANGING.search(formula.text))
        if changes and group is not None:
            changing_shared.add(group)
        return changes
    return group in changing_shared


def _position(cell: Any) -> tuple[int, int]:
    letters, number = coordinate_from_string(cell.get("r") or "A1")
    return number, column_index_from_string(letters) - 1


def _computed(cell: Any, placeholders: bool = False) -> bool:
    """Whether a formula cell holds a value a spreadsheet computed: some value, or an
    empty one typed as text (a formula that came to ""). Libraries that write formulas
    without computing them leave the value out or empty and untyped, or (`placeholders`:
    the workbook asks to be computed on opening) write a plain 0 for each."""
    value = cell.find(f"{_MAIN}v")
    if value is None:
        return False
    if placeholders and value.text == "0" and cell.get("t", "n") == "n":
        return False
    return bool(value.text) or cell.get("t") == "str"


def _read_sheets(path: Path) -> tuple[dict[str, Sheet], list[Cell]]:
    """Every sheet's values, as a spreadsheet last computed them, and the cells formatted
    as dates that hold no date.

    openpyxl warns of what it cannot read (the data validation of XLSForm templates'
    drop-down lists, a workbook with no default style): the values are read all the same,
    and its warnings are its own, for no designer to read. Its one warning about a value
    (a number no date can be, in a cell formatted as a date) is reported at its cell."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise WorkbookError(f"there is no file {path.name}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError):
        raise WorkbookError(_not_xlsx(path)) from None
    except (SyntaxError, TypeError, zlib.error, EOFError):
        raise _damaged(path) from None
    except OSError as error:
        raise WorkbookError(f"cannot read {path.name}: {error.strerror}") from None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            return _sheets_of(book, caught)
    except DAMAGE:
        raise _damaged(path) from None
    finally:
        book.close()


def _sheets_of(
    book: Any, caught: list[warnings.WarningMessage]
) -> tuple[dict[str, Sheet], list[Cell]]:
    """Every sheet's header and rows with something in them, by lower-case title, and
    the cells `caught` (openpyxl's warnings while reading) says hold no date."""
    sheets: dict[str, Sheet] = {}
    not_dates: list[Cell] = []
    for worksheet in book.worksheets:
        caught.clear()
        if hasattr(worksheet, "reset_dimensions"):
            # Some tools write a wrong used range; read every row there is instead.
            worksheet.reset_dimensions()
        rows = (tuple(map(_as_typed, values)) for values in worksheet.iter_rows(values_only=True))
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
        sheet = Sheet(worksheet.title.strip(), columns, kept)
        sheets.setdefault(_sheet_key(worksheet.title), sheet)
        for warning in caught:
            found = _NOT_A_DATE.match(str(warning.message))
            if found is not None:
                letters, number = coordinate_from_string(found.group(1))
                index = column_index_from_string(letters) - 1
                not_dates.append(sheet.cell(number, _column(sheet, index)))
    return sheets, not_dates


_ESCAPED = re.compile(r"_x(00[01][0-9A-Fa-f])_")
"""A control character, which the file format cannot hold as it is, as Excel and
XlsxWriter write it: a line end pasted from Word or Outlook is _x000D_. (Typed as text,
_x000D_ is saved as _x005F_x000D_, which openpyxl reads back as _x000D_: such text is
never typed in a form, and line ends pasted are.)"""
_LINE_ENDS = str.maketrans({"\r": "\n", "\x0b": "\n"})
"""A line end from Windows or a Mac, and Word's line break within a paragraph."""


def _as_typed(value: object) -> object:
    """A cell's value as the designer typed it: text with its escaped characters read,
    its line ends plain, and no other control characters (which Excel does not show)."""
    if not isinstance(value, str):
        return value
    if "_x" in value:
        value = _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), value)
    return kept_text(value.replace("\r\n", "\n").translate(_LINE_ENDS))


_NOT_A_DATE = re.compile(r"Cell ([A-Z]+\d+) is marked as a date")
"""openpyxl's warning of a number in a date cell that no date can be (read as #VALUE!)."""


_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
"""How a compound file starts: Excel saves both encrypted workbooks and old .xls files so."""


def _not_xlsx(path: Path) -> str:
    """Why a file openpyxl cannot open is not an importable workbook, and what to do."""
    try:
        with path.open("rb") as file:
            start = file.read(len(_OLE_SIGNATURE))
    except OSError:
        start = b""
    if start == _OLE_SIGNATURE:
        return (
            f"{path.name} is a password-protected or encrypted workbook, or an old .xls "
            "file: remove the password or encryption in Excel and save it as .xlsx"
        )
    if path.suffix.lower() != ".xlsx" and _a_workbook_inside(path):
        return f"{path.name} is an Excel workbook: rename it to end in .xlsx"
    return f"{path.name} is not an Excel .xlsx workbook (save it from Excel as .xlsx)"


def _a_workbook_inside(path: Path) -> bool:
    """Whether the file is a package holding a workbook, whatever its name ends in."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _workbook_part(archive).endswith(".xml")
    except (OSError, NotImplementedError, *DAMAGE):
        return False


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
