"""What Excel and other spreadsheet programs save beyond plain values: error cells, merged
cells, renamed package parts and encrypted files are each refused with a clear line, never
imported as something the designer did not mean or reported as a crash."""

from __future__ import annotations

import struct
import warnings
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook

from rhi_desktop.forms import load_form_file
from rhi_desktop.forms.xlsform import convert_workbook
from rhi_desktop.forms.xlsform.command import main
from tests.core.forms.xlsform import xlsforms
from tests.core.forms.xlsform.workbooks import SheetRows, merge_cells, rewrite_parts, with_cells

Write = Callable[..., Path]

TRANSLATED: dict[str, SheetRows] = {
    "survey": [
        ["type", "name", "label::English (en)", "label::Cymraeg (cy)"],
        ["text", "where", "Where did you stay?", "Ble wnaethoch chi aros?"],
        ["integer", "age", "Age", "Oed"],
    ],
    "settings": [["form_id", "version", "default_language"], ["stay", 1, "English (en)"]],
}


def _with_cell(
    sheets: dict[str, SheetRows], row: int, column: int, value: object
) -> dict[str, SheetRows]:
    survey = [list(cells) for cells in sheets["survey"]]
    survey[row - 1][column] = value
    return {**sheets, "survey": survey}


@pytest.mark.parametrize(
    "shown", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"]
)
def test_an_excel_error_in_a_cell_is_refused_at_that_cell(workbook: Write, shown: str) -> None:
    path = workbook(_with_cell(TRANSLATED, 2, 3, shown))

    conversion = convert_workbook(path)

    assert conversion.form is None
    (error,) = conversion.report.errors
    assert error.render() == (
        f"error: survey row 2, column D (label::Cymraeg (cy)): this cell shows the Excel "
        f"error {shown}: fix the formula or type the text"
    )


def test_a_failed_lookup_translation_is_not_imported_as_the_label_na(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As Excel saves =VLOOKUP(...) when the Welsh sheet has no row for the question.
    failed_lookup = b'<c r="D2" t="e"><f>VLOOKUP(B2,Welsh!A:B,2,FALSE)</f><v>#N/A</v></c>'
    path = with_cells(workbook(TRANSLATED), 1, {"D2": failed_lookup})
    out = tmp_path / "stay.json"

    code = main([str(path), "--out", str(out)])

    err = capsys.readouterr().err
    assert code == 1
    assert not out.exists()
    assert err.splitlines()[0] == (
        "error: survey row 2, column D (label::Cymraeg (cy)): this cell shows the Excel "
        "error #N/A: fix the formula or type the text"
    )
    assert "Import failed with 1 error" in err


def test_a_relevance_merged_over_three_rows_is_refused_not_given_to_the_first_only(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "relevant", "required"],
            ["select_one yn", "consent", "Consent given?", None, "yes"],
            ["text", "q1", "Where did you stay?", "${consent} = 'yes'", "yes"],
            ["text", "q2", "Who were you with?", None, "yes"],
            ["text", "q3", "Did anyone harm you?", None, "yes"],
            ["text", "q4", "Anything else?"],
        ],
        "choices": [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]],
    }
    path = merge_cells(workbook(sheets), "survey", "D3:D5")

    conversion = convert_workbook(path)

    assert conversion.form is None
    (error,) = conversion.report.errors
    assert error.render() == (
        "error: survey row 3, column D (relevant): cells D3:D5 are merged, so only row 3 "
        "has the value: unmerge the cells and repeat the value on each row"
    )


def test_merges_on_the_choices_sheet_are_refused_and_one_row_merges_are_not(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label"], ["select_one places", "place", "Where?"]],
        "choices": [
            ["list_name", "name", "label"],
            ["places", "park", "A park"],
            [None, "station", "A station"],
            [None, "friend", "A friend's home"],
        ],
        "notes": [["Places", None], ["Checked by the team", None]],
    }
    path = merge_cells(workbook(sheets), "choices", "A2:A4")
    path = merge_cells(path, "notes", "A1:B1", "A2:B3")

    conversion = convert_workbook(path)

    assert conversion.form is None
    assert [e.render() for e in conversion.report.errors] == [
        "error: choices row 2, column A (list_name): cells A2:A4 are merged, so only row 2 "
        "has the value: unmerge the cells and repeat the value on each row"
    ]


DAMAGED = (
    "error: form.xlsx is damaged: its parts do not fit together "
    "(open it in Excel and save it again as .xlsx)"
)


def _renamed_workbook_part(name: str, data: bytes) -> tuple[str, bytes]:
    """The main part saved as xl/book.xml, as some spreadsheet programs name it."""
    renames = {
        "xl/workbook.xml": "xl/book.xml",
        "xl/_rels/workbook.xml.rels": "xl/_rels/book.xml.rels",
    }
    if name in ("_rels/.rels", "[Content_Types].xml"):
        data = data.replace(b"xl/workbook.xml", b"xl/book.xml")
    return renames.get(name, name), data


def test_a_workbook_whose_main_part_has_another_name_imports(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rewrite_parts(workbook(xlsforms.CHECK_IN), _renamed_workbook_part)
    out = tmp_path / "check-in.json"

    code = main([str(path), "--out", str(out)])

    assert code == 0, capsys.readouterr().err
    assert load_form_file(out).form_id == "supervision_checkin"


def test_formulas_are_still_checked_in_a_workbook_with_a_renamed_main_part(
    workbook: Write,
) -> None:
    survey = [
        ["type", "name", "label", "relevant"],
        ["text", "where", "Where did they go?"],
        ["text", "who", "Who with?", "=\"${where} != ''\""],
    ]
    path = rewrite_parts(workbook({"survey": survey}), _renamed_workbook_part)

    (error,) = convert_workbook(path).report.errors

    assert error.where == ("survey", 3, "D")
    assert "this formula has no value computed by a spreadsheet" in error.message


def test_a_package_without_its_relationships_part_is_refused_not_a_crash(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def without_package_relationships(name: str, data: bytes) -> tuple[str, bytes]:
        return ("_rels/dropped.xml" if name == "_rels/.rels" else name), data

    path = rewrite_parts(workbook(xlsforms.CHECK_IN), without_package_relationships)

    code = main([str(path), "--out", str(tmp_path / "form.json")])

    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == DAMAGED
    assert "something went wrong" not in err


def _truncated_sheet(name: str, data: bytes) -> tuple[str, bytes]:
    return name, data[: len(data) // 2] if name == "xl/worksheets/sheet1.xml" else data


def _garbled_styles(name: str, data: bytes) -> tuple[str, bytes]:
    return name, b"<styleSheet><<<" if name == "xl/styles.xml" else data


def _corrupt_compressed_sheet(path: Path) -> Path:
    """Bytes inside the sheet's compressed data changed, as a bad disk or copy does."""
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
    raw = bytearray(path.read_bytes())
    start = part.header_offset + 30 + len(part.filename.encode()) + len(part.extra)
    for offset in range(start + 4, start + min(part.compress_size, 64)):
        raw[offset] ^= 0x5A
    path.write_bytes(bytes(raw))
    return path


def _font_size_in_points(name: str, data: bytes) -> tuple[str, bytes]:
    """A value of the wrong kind, as some tools write: a font size of '11pt'."""
    if name == "xl/styles.xml":
        data = data.replace(b'<sz val="11"', b'<sz val="11pt"', 1)
    return name, data


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: rewrite_parts(path, _truncated_sheet),
        lambda path: rewrite_parts(path, _garbled_styles),
        lambda path: rewrite_parts(path, _font_size_in_points),
        _corrupt_compressed_sheet,
    ],
    ids=[
        "sheet cut short",
        "styles garbled",
        "a value of the wrong kind",
        "compressed data corrupt",
    ],
)
def test_a_damaged_workbook_is_told_to_be_saved_again_not_a_crash(
    workbook: Write,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[Path], Path],
) -> None:
    path = damage(workbook(xlsforms.CHECK_IN))

    code = main([str(path), "--out", str(tmp_path / "form.json")])

    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == DAMAGED
    assert not (tmp_path / "form.json").exists()


@pytest.mark.parametrize("name", ["form.xlsx", "form.xls"])
def test_a_password_protected_workbook_is_told_to_remove_the_password(
    tmp_path: Path, name: str
) -> None:
    # Excel saves an encrypted workbook (and saved old .xls files) as an OLE compound file.
    path = tmp_path / name
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))

    (error,) = convert_workbook(path).report.errors

    assert error.render() == (
        f"error: {name} is a password-protected or encrypted workbook, or an old .xls "
        "file: remove the password or encryption in Excel and save it as .xlsx"
    )


def _as_strict_open_xml(name: str, data: bytes) -> tuple[str, bytes]:
    """The parts' namespaces and relationship types as Excel's 'Strict Open XML' saves them."""
    for transitional, strict in (
        (
            b"schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"purl.oclc.org/ooxml/spreadsheetml/main",
        ),
        (
            b"schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"purl.oclc.org/ooxml/officeDocument/relationships",
        ),
    ):
        data = data.replace(transitional, strict)
    return name, data


def test_a_strict_open_xml_workbook_is_told_to_be_saved_as_an_ordinary_workbook(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rewrite_parts(workbook(xlsforms.CHECK_IN), _as_strict_open_xml)

    code = main([str(path), "--out", str(tmp_path / "form.json")])

    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == (
        "error: form.xlsx is saved as Strict Open XML, which cannot be read "
        "(in Excel, save it again as 'Excel Workbook (.xlsx)')"
    )


def _as_deflate64(path: Path) -> Path:
    """Each part marked as compressed with Deflate64, as some zip tools do large files."""
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = raw.find(signature)
        while at != -1:
            struct.pack_into("<H", raw, at + offset, 9)
            at = raw.find(signature, at + 4)
    path.write_bytes(bytes(raw))
    return path


def test_a_workbook_compressed_in_a_way_that_cannot_be_read_says_so(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _as_deflate64(workbook(xlsforms.CHECK_IN))

    code = main([str(path), "--out", str(tmp_path / "form.json")])

    assert code == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: form.xlsx is compressed in a way that cannot be read "
        "(open it in Excel and save it again as .xlsx)"
    )


@pytest.mark.parametrize("name", ["form", "form.xlsx.bak", "form.zip"])
def test_a_workbook_named_otherwise_is_told_to_be_renamed(
    workbook: Write, tmp_path: Path, name: str
) -> None:
    # It was called no Excel workbook at all, and the designer told to save it again.
    renamed = workbook(xlsforms.CHECK_IN).rename(tmp_path / name)

    (error,) = convert_workbook(renamed).report.errors

    assert error.render() == f"error: {name} is an Excel workbook: rename it to end in .xlsx"


def test_a_formula_whose_value_changes_by_the_day_is_refused_not_frozen(workbook: Write) -> None:
    """=TODAY() typed in Excel is saved with the day's value: imported, every interview
    would start on that day, or a calculation would read 2024-01-09 as 2024 - 1 - 9."""
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation", "default"],
            ["calculate", "today_is", "Date of interview", "x", None],
            ["date", "seen_on", "Last seen", None, "y"],
            ["date", "next_on", "Next visit", None, "z"],
            ["text", "how", "How", None, "Unknown"],
        ],
        "settings": [["form_id", "version"], ["visit", 1]],
    }
    cells = {
        "D2": b'<c r="D2"><f>TODAY()</f><v>45300</v></c>',
        "E3": b'<c r="E3"><f t="shared" ref="E3:E4" si="0">now( )</f><v>45300.5</v></c>',
        "E4": b'<c r="E4"><f t="shared" si="0"/><v>45300.5</v></c>',
        "E5": b'<c r="E5" t="str"><f>PROPER("unknown")</f><v>Unknown</v></c>',
    }

    conversion = convert_workbook(with_cells(workbook(sheets), 1, cells))

    assert conversion.form is None
    changing = (
        "this formula's value changes by the day or the draw (like =TODAY()), but the form "
        "would keep the one it had when the workbook was saved: type the value, or for "
        "today's date use today() in a calculation"
    )
    assert [error.render() for error in conversion.report.errors] == [
        f"error: survey row 2, column D (calculation): {changing}",
        f"error: survey row 3, column E (default): {changing}",
        f"error: survey row 4, column E (default): {changing}",
    ]


def test_a_date_where_an_expression_belongs_is_refused_not_read_as_sums(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation", "relevant"],
            ["calculate", "due", "Due", datetime(2024, 1, 9), None],
            ["text", "why", "Why", None, date(2024, 1, 9)],
        ],
        "settings": [["form_id", "version"], ["visit", 1]],
    }

    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is None
    assert [error.render() for error in conversion.report.errors] == [
        f"error: survey row {row}, column {column}: the spreadsheet holds this cell as a "
        "date or time, which would read as sums (2024-01-09 is 2024 - 1 - 9): format the "
        "cell as text and write the expression, with any date in quotes like '2024-01-09'"
        for row, column in ((2, "D (calculation)"), (3, "E (relevant)"))
    ]


def test_a_version_stamped_by_a_formula_of_now_is_read_as_saved(workbook: Write) -> None:
    """=TEXT(NOW(), "yyyymmddhh") on the settings sheet is the usual way to give each
    saved workbook a newer version: what it held when saved is what was meant."""
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label"], ["text", "where", "Where?"]],
        "settings": [["form_id", "version"], ["visit", "x"]],
    }

    stamped = b'<c r="B2" t="str"><f>TEXT(NOW(),"yyyymmddhh")</f><v>2026112905</v></c>'
    conversion = convert_workbook(with_cells(workbook(sheets), 2, {"B2": stamped}))

    assert conversion.form is not None, conversion.report.render()
    assert conversion.form.version == 2026112905


def test_text_pasted_from_a_web_page_or_word_processor_imports_as_it_reads(
    workbook: Write,
) -> None:
    """A no-break space in an expression was 'unexpected character', and a name ending
    in an invisible zero-width space was refused, then every reference to it unknown:
    messages a designer looking at the sheet could not act on. pyxform reads no-break
    spaces as spaces; the invisible marks are taken out."""
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "relevant"],
            ["select_one yn", "school\u200b", "At school?"],
            ["text", "which", "Which school?", "${school}\u00a0=\u00a0'yes'"],
        ],
        "choices": [
            ["list_name", "name", "label"],
            ["yn", "yes", "Yes"],
            ["yn", "no\u200b", "No"],
        ],
        "settings": [["form_id", "version"], ["pasted", 1]],
    }
    conversion = convert_workbook(workbook(sheets))

    form = conversion.form
    assert form is not None, conversion.report.render()
    assert not conversion.report.errors
    assert form.fields["school"].choices == ("yes", "no")
    assert form.text(form.field("which").question.relevant) == "${school} = 'yes'"


def test_line_ends_pasted_from_word_read_as_line_ends_not_as_excels_codes(
    tmp_path: Path,
) -> None:
    """Excel and XlsxWriter (which pandas uses) write a carriage return as _x000D_, which
    openpyxl leaves as it is: the label read 'go?_x000D_' on screen."""
    path = tmp_path / "pasted.xlsx"
    book = xlsxwriter.Workbook(str(path))
    survey = book.add_worksheet("survey")
    rows = [
        ("type", "name", "label", "hint"),
        ("text", "where", "Where did you go?\r\nInclude places you slept.", "Ask\x0bthen wait"),
        ("note", "code", "Code _x0041_ as typed", None),
    ]
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            if text is not None:
                survey.write_string(number, column, text)
    book.close()
    assert b"_x000D_" in zipfile.ZipFile(path).read("xl/sharedStrings.xml")

    conversion = convert_workbook(path)

    assert conversion.form is not None, [f.render() for f in conversion.report.findings]
    [section] = conversion.form.definition.sections
    where, code = section.questions
    assert (where.label, where.hint) == (
        "Where did you go?\nInclude places you slept.",
        "Ask\nthen wait",
    )
    assert code.label == "Code _x0041_ as typed"  # the code of no control character


def test_a_settings_sheet_named_with_a_stray_space_is_still_read(workbook: Write) -> None:
    path = workbook(
        {
            "survey": [["type", "name", "label"], ["text", "where", "Where?"]],
            "settings ": [["form_id", "version"], ["rhi_local", 2024031501]],
        }
    )
    conversion = convert_workbook(path)
    assert conversion.form is not None
    assert (conversion.form.form_id, conversion.form.version) == ("rhi_local", 2024031501)
    assert not [f for f in conversion.report.findings if "ignored" in f.message]


def test_a_number_no_date_can_be_in_a_date_cell_is_refused_not_read_as_value_error(
    workbook: Write,
) -> None:
    """openpyxl reads it as the text '#VALUE!', with a warning of its own on stderr."""
    path = workbook(
        {"survey": [["type", "name", "label", "default"], ["text", "phone", "Phone", 1]]}
    )
    book = load_workbook(path)
    cell = book["survey"]["D2"]
    cell.value, cell.number_format = 7700900123, "dd/mm/yyyy"
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl's own warnings are the import's to read
        conversion = convert_workbook(path)
    assert [e.render() for e in conversion.report.errors] == [
        "error: survey row 2, column D (default): this cell is formatted as a date but holds "
        "a number no date can be, so it reads as an error: format the cell as text and type "
        "the value again"
    ]


def test_what_openpyxl_cannot_read_beside_the_values_raises_no_warning(workbook: Write) -> None:
    """XLSForm templates' drop-down lists are a data validation extension openpyxl warns
    it drops, in its own words and with its file names, on the designer's screen."""
    extension = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas'
        b'.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation '
        b'type="list" allowBlank="1"><x14:formula1><xm:f>types!$A$1:$A$20</xm:f>'
        b"</x14:formula1><xm:sqref>A2:A1000</xm:sqref></x14:dataValidation>"
        b"</x14:dataValidations></ext></extLst>"
    )
    path = workbook({"survey": [["type", "name", "label"], ["text", "where", "Where?"]]})

    def add_lists(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "xl/worksheets/sheet1.xml":
            data = data.replace(b"</worksheet>", extension + b"</worksheet>")
        return name, data

    rewrite_parts(path, add_lists)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        conversion = convert_workbook(path)
    assert conversion.form is not None


def test_text_excel_turned_into_a_date_is_refused_not_imported_as_an_iso_date(
    workbook: Write,
) -> None:
    """Typed as age bands, '1-2' and '3-5' are the 1st of February and the 3rd of May to
    Excel, which shows them as 01-Feb and 03-May: imported, they read 2025-02-01."""
    path = workbook(
        {
            "survey": [
                ["type", "name", "label", "hint"],
                ["select_one band", "nights", "Nights away", time(10, 30)],
                ["text", "when", datetime(2025, 3, 5)],
            ],
            "choices": [
                ["list_name", "name", "label"],
                ["band", "one_two", datetime(2025, 2, 1)],
                ["band", datetime(2025, 5, 3), "3 to 5"],
            ],
        }
    )
    conversion = convert_workbook(path)
    said = "not as the text typed: format the cell as text and type it again"
    assert [(e.where, e.message) for e in conversion.report.errors] == [
        (place, f"the spreadsheet holds this cell as a date or time ({shown}), {said}")
        for place, shown in (
            (("survey", 2, "D"), "10:30:00"),
            (("survey", 3, "C"), "2025-03-05"),
            (("choices", 2, "C"), "2025-02-01"),
            (("choices", 3, "B"), "2025-05-03"),
        )
    ]
