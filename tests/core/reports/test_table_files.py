"""XLSX exports are built in memory: a table naming children never passes through the
system's temporary folder, where a cut-short export would leave it in the clear."""

from __future__ import annotations

import codecs
import io
import tempfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rhi_desktop.reports.exports.table_files import Table, csv_bytes, xlsx_bytes

TABLE = Table(
    title="Annex A List 8",
    header=("Child ID", "Date of birth", "Episodes", "Note"),
    rows=(
        ("KM-1", date(2010, 1, 2), 3, '=HYPERLINK("http://example.invalid")'),
        ("KM-2", None, 0, "Zoë"),
    ),
)


def test_an_xlsx_is_made_without_a_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))

    data = xlsx_bytes([TABLE])

    assert not (tmp_path / "no such folder").exists()
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "Annex A List 8"
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == TABLE.header
    assert rows[1][0] == "KM-1" and rows[1][1].date() == date(2010, 1, 2) and rows[1][2] == 3
    assert rows[1][3] == TABLE.rows[0][3]  # text, never a formula
    assert sheet.cell(row=2, column=4).data_type == "s"
    assert sheet.cell(row=2, column=2).number_format == "dd/mm/yyyy"
    assert rows[2] == ("KM-2", None, 0, "Zoë")
    assert sheet.freeze_panes == "A2" and sheet.cell(row=1, column=1).font.bold


def test_a_csv_shows_text_a_spreadsheet_would_run_as_text() -> None:
    """A case reference, gender or filter typed as a formula reaches a spreadsheet as
    text; numbers (negative ones too) and dates are untouched."""
    risky = ["=1+2", "+44 20", "-x", "@SUM(A1)", "\tlead", "\rlead"]
    table = Table(
        "t", ("Text", "Number", "Day"), tuple((text, -3, date(2026, 1, 2)) for text in risky)
    )

    lines = csv_bytes(table).decode("utf-8-sig").split("\r\n")

    assert lines[1:-1] == [
        "'=1+2,-3,2026-01-02",
        "'+44 20,-3,2026-01-02",
        "'-x,-3,2026-01-02",
        "'@SUM(A1),-3,2026-01-02",
        "'\tlead,-3,2026-01-02",
        '"\'\rlead",-3,2026-01-02',
    ]


def test_a_csv_for_spreadsheets_says_it_is_utf8_and_the_return_does_not() -> None:
    table = Table("t", ("Name",), (("Zoë",),))

    assert csv_bytes(table) == codecs.BOM_UTF8 + "Name\r\nZoë\r\n".encode()
    assert csv_bytes(table, for_spreadsheets=False) == "Name\r\nZoë\r\n".encode()


def test_a_csv_for_a_validator_carries_every_value_exactly_as_it_is() -> None:
    table = Table("t", ("CHILD",), (("-0042",), ("=1+2",)))

    assert csv_bytes(table, for_spreadsheets=False) == b"CHILD\r\n-0042\r\n=1+2\r\n"
