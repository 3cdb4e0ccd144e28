"""A designer's mistakes come back as one clear line each, at the sheet, row and column."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from rhi_desktop.forms.xlsform import Finding, convert_workbook
from tests.core.forms.xlsform.workbooks import SheetRows, rewrite_parts, with_cells

Write = Callable[..., Path]

HEADER = ["type", "name", "label", "relevant", "constraint"]  # A to E


def _errors(workbook: Write, sheets: Mapping[str, SheetRows]) -> list[Finding]:
    conversion = convert_workbook(workbook(sheets))
    assert conversion.form is None
    return conversion.report.errors


def _only_error(workbook: Write, sheets: Mapping[str, SheetRows]) -> Finding:
    errors = _errors(workbook, sheets)
    assert len(errors) == 1, [e.render() for e in errors]
    return errors[0]


def test_workbook_without_survey_sheet_is_refused_in_one_line(workbook: Write) -> None:
    error = _only_error(workbook, {"questions": [HEADER, ["text", "a", "A"]]})
    assert error.cell is None
    assert "has no 'survey' sheet" in error.render()


def test_survey_without_name_column_says_so_at_the_header_row(workbook: Write) -> None:
    error = _only_error(workbook, {"survey": [["type", "label"], ["text", "Where?"]]})
    assert error.where == ("survey", 1, None)
    assert error.render() == "error: survey row 1: the survey sheet has no name column"


def test_group_left_open_is_named_at_its_begin_row(workbook: Write) -> None:
    survey = [
        HEADER,
        ["begin group", "before", "Before"],
        ["text", "push", "What made them leave?"],
        ["begin group", "during", "During"],
        ["text", "where", "Where did they go?"],
        ["end group"],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.where == ("survey", 2, "A")
    assert "begin group 'before' has no end group" in error.message


def test_end_group_without_begin_is_reported_at_its_row(workbook: Write) -> None:
    survey = [HEADER, ["text", "a", "A"], ["end group"], ["text", "b", "B"]]
    error = _only_error(workbook, {"survey": survey})
    assert error.render() == (
        "error: survey row 3, column A (type): end group without a matching begin group"
    )


def test_end_group_closing_a_repeat_names_the_open_repeat(workbook: Write) -> None:
    survey = [
        HEADER,
        ["begin group", "g", "G"],
        ["begin repeat", "people", "People"],
        ["text", "who", "Who"],
        ["end group"],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.where == ("survey", 3, "A")
    assert "begin repeat 'people' has no end repeat before the end group in row 5" in error.message


def test_duplicate_name_points_at_the_second_use_and_the_first_row(workbook: Write) -> None:
    survey = [
        HEADER,
        ["text", "where", "Where did they go?"],
        ["begin group", "more", "More"],
        ["text", "where", "Where did they sleep?"],
        ["end group"],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.render() == (
        "error: survey row 4, column B (name): duplicate name 'where' (first used in row 2)"
    )


def test_unknown_choice_list_is_reported_at_the_type_cell(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["text", "a", "A"], ["select_one risk", "risk", "Risk"]],
        "choices": [["list_name", "name", "label"], ["risks", "cse", "Sexual exploitation"]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 3, "A")
    assert error.message == (
        "unknown choice list 'risk': no row on the choices sheet has that list_name "
        "(did you mean 'risks'?)"
    )


def test_a_list_name_that_cannot_be_used_is_named_as_such_once_on_each_sheet(
    workbook: Write,
) -> None:
    """Its rows are there, so 'no row has that list_name' would send the designer looking
    for rows that exist."""
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["select_one yes-no", "ok", "OK?"]],
        "choices": [["list_name", "name", "label"], ["yes-no", "y", "Yes"], ["yes-no", "n", "No"]],
    }
    assert [e.render() for e in _errors(workbook, sheets)] == [
        "error: survey row 2, column A (type): choice list 'yes-no' cannot be used: a list "
        "name must be letters, digits and '_' only, not starting with a digit (rename it "
        "here and on the choices sheet)",
        "error: choices row 2, column A (list_name): list name 'yes-no' must be letters, "
        "digits and '_' only, not starting with a digit (rows 2, 3)",
    ]


def test_loader_problem_is_mapped_back_to_the_row_and_column(workbook: Write) -> None:
    survey = [HEADER, ["begin group", "g", "G"]]
    survey += [["text", f"q{row}", f"Question {row}"] for row in range(3, 14)]
    survey += [["text", "late", "Late", "${foo} = 'x'"], ["end group"]]
    error = _only_error(workbook, {"survey": survey})
    assert error.render() == "error: survey row 14, column D (relevant): unknown field ${foo}"


def test_type_mistake_in_a_flattened_group_is_shown_at_the_group_row(workbook: Write) -> None:
    survey = [
        HEADER,
        ["begin group", "g", "G"],
        ["integer", "nights", "Nights"],
        ["begin group", "sub", "Sub", "${nights}"],  # a number, not a condition
        ["text", "t", "T", "${nights} > 1"],
        ["text", "u", "U", "${nope} > 1"],
        ["end group"],
        ["end group"],
    ]
    errors = _errors(workbook, {"survey": survey})
    assert [e.render() for e in errors] == [
        "error: survey row 4, column D (relevant): "
        "must give a true/false condition, but this gives a number",
        "error: survey row 6, column D (relevant): unknown field ${nope}",
    ]


def test_repeat_inside_a_repeat_cannot_be_represented(workbook: Write) -> None:
    survey = [
        HEADER,
        ["begin repeat", "places", "Places"],
        ["text", "place", "Place"],
        ["begin repeat", "visits", "Visits"],
        ["date", "visited", "Visited"],
        ["end repeat"],
        ["end repeat"],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.where == ("survey", 4, "A")
    assert "repeat groups cannot be nested" in error.message


def test_label_missing_in_the_default_language_points_at_its_column(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::English (en)", "label::Cymraeg (cy)"],
            ["text", "a", None, "Ble aethon nhw?"],
        ],
        "settings": [["form_id", "version", "default_language"], ["f", 1, "English (en)"]],
    }
    error = _only_error(workbook, sheets)
    assert error.render() == (
        "error: survey row 2, column C (label::English (en)): "
        "missing text in the default language 'en'"
    )


def test_language_column_without_a_code_asks_for_one(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label::Welsh"], ["text", "a", "Ble?"]]
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 1, "C")
    assert "needs a code in brackets" in error.message


def test_a_choices_label_column_without_a_code_is_not_also_called_missing(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::Welsh (cy)", "relevant"],
            ["select_one c", "a", "Ble?"],
            ["text", "b", "Pam?", "${a} > 1"],  # not blamed as text: its list is unread
        ],
        "choices": [["list_name", "name", "label::Welsh"], ["c", "x", "Yma"]],
        "settings": [["form_id", "version"], ["f", 1]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("choices", 1, "C")
    assert "needs a code in brackets" in error.message
    sheets["choices"] = [["list_name", "name"], ["c", "x"]]  # no label column at all
    assert _only_error(workbook, sheets).render() == (
        "error: choices row 1: the choices sheet has no label column"
    )


@pytest.mark.parametrize(("version", "expected"), [("2024031501", 2024031501), (12, 12), (3.0, 3)])
def test_version_written_as_digits_becomes_a_number(
    workbook: Write, version: object, expected: int
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["text", "a", "A"]],
        "settings": [["form_id", "version"], ["f", version]],
    }
    form = convert_workbook(workbook(sheets)).form
    assert form is not None
    assert form.version == expected


@pytest.mark.parametrize("version", ["1.2", "v3", 1.5])
def test_version_that_is_not_a_whole_number_is_refused(workbook: Write, version: object) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["text", "a", "A"]],
        "settings": [["form_id", "version"], ["f", version]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("settings", 2, "B")
    assert "must be a whole number" in error.message


@pytest.mark.parametrize("version", [0, "0", 2**31, "20240315012"])
def test_version_out_of_range_says_what_fits_at_the_settings_cell(
    workbook: Write, version: object
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["text", "a", "A"]],
        "settings": [["form_id", "version"], ["f", version]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("settings", 2, "B")
    assert error.message == (
        f"version '{version}' must be from 1 to 2147483647: a date and a count, "
        "like 2024031501, fits"
    )


def test_bad_choice_values_are_reported_on_the_choices_sheet(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [HEADER, ["select_one c", "x", "X"]],
        "choices": [
            ["list_name", "name", "label"],
            ["c", "a b", "Space"],
            ["c", "a", "A"],
            ["c", "a", "A again"],
            ["c", "z", None],
        ],
    }
    errors = _errors(workbook, sheets)
    assert {e.where for e in errors} == {
        ("choices", 2, "B"),
        ("choices", 4, "B"),
        ("choices", 5, "C"),
    }


def test_calculation_giving_a_condition_asks_for_a_value(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation"],
            ["integer", "n", "Nights away"],
            ["calculate", "many", None, "${n} > 3"],
        ]
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 3, "D")
    assert "if(condition, 'yes', 'no')" in error.message


def test_expression_default_is_refused_with_advice_that_leaves_the_answer_editable(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label", "default"], ["date", "d", "Date", "today()"]]
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 2, "D")
    # A calculation cannot be required and cannot be changed: not the way to an editable
    # date starting at today, which is what such a default is for.
    assert "leave the default empty for the interviewer to answer" in error.message


def test_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_text("type,name,label\n", encoding="utf-8")
    report = convert_workbook(path).report
    (error,) = report.errors
    assert error.render() == (
        "error: form.xlsx is not an Excel .xlsx workbook (save it from Excel as .xlsx)"
    )


def test_group_without_a_name_is_one_error_and_its_end_still_matches(workbook: Write) -> None:
    survey: SheetRows = [HEADER, ["begin group", None, "Before"], ["text", "a", "A"], ["end group"]]
    error = _only_error(workbook, {"survey": survey})
    assert error.render() == "error: survey row 2, column B (name): this row has no name"


def test_blank_rows_keep_the_row_numbers_excel_shows(workbook: Write) -> None:
    survey: SheetRows = [
        HEADER,
        ["text", "a", "A"],
        [],
        [None, None],
        ["text", "b", "B", "${zzz} = 1"],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.where == ("survey", 5, "D")


def test_plain_label_beside_a_label_in_the_default_language_is_ambiguous(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "label::English (en)", "label::Cymraeg (cy)"],
            ["text", "a", "Where?", "Where did they go?", "Ble aethon nhw?"],
        ],
        "settings": [["form_id", "version", "default_language"], ["f", 1, "English (en)"]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 1, "C")
    assert "keep one of them" in error.message


def test_anything_on_an_end_row_that_changes_what_is_collected_is_refused(
    workbook: Write,
) -> None:
    survey = [
        ["type", "name", "label", "repeat_count", "calculation", "sensitive", "hint"],
        ["begin repeat", "people", "People"],
        ["text", "who", "Who were they with?"],
        ["end repeat", "", "", "3", "", "yes", "Ask gently"],
        ["begin group", "after", "After"],
        ["text", "home", "How did they get home?"],
        ["end group", "", "", "", "1 + 1"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is None
    assert [(e.where, e.message) for e in conversion.report.errors] == [
        (
            ("survey", 4, "D"),
            "an end row takes only a type and a name, so this repeat_count would be lost: "
            "move it to the row it belongs to",
        ),
        (
            ("survey", 4, "F"),
            "an end row takes only a type and a name, so this sensitive would be lost: "
            "move it to the row it belongs to",
        ),
        (
            ("survey", 7, "E"),
            "an end row takes only a type and a name, so this calculation would be lost: "
            "move it to the row it belongs to",
        ),
    ]
    survey_warnings = [w.where for w in conversion.report.warnings if w.where[0] == "survey"]
    assert survey_warnings == [("survey", 4, "G")]


def test_a_formula_no_spreadsheet_has_computed_is_refused_not_read_as_empty(
    workbook: Write,
) -> None:
    # openpyxl, like other scripts, saves a formula without a computed value.
    survey = [
        HEADER,
        ["text", "where", "Where did they go?"],
        ["text", "who", "Who with?", "=\"${where} != ''\""],
    ]
    error = _only_error(workbook, {"survey": survey})
    assert error.where == ("survey", 3, "D")
    assert "this formula has no value computed by a spreadsheet" in error.message


def test_formulas_saved_with_stand_in_values_to_compute_on_opening_are_refused(
    workbook: Write,
) -> None:
    # XlsxWriter (which pandas uses) saves every formula with a value of 0 and asks the
    # spreadsheet to compute them all on opening: the label read as "0", unreported.
    survey = [HEADER, ["text", "where", '="Where did "&"they go?"']]
    path = with_cells(
        workbook({"survey": survey}),
        1,
        {"C2": b'<c r="C2"><f>"Where did "&amp;"they go?"</f><v>0</v></c>'},
    )

    def compute_on_opening(name: str, data: bytes) -> tuple[str, bytes]:
        if name != "xl/workbook.xml":
            return name, data
        return name, data.replace(b"</workbook>", b'<calcPr fullCalcOnLoad="1"/></workbook>')

    conversion = convert_workbook(rewrite_parts(path, compute_on_opening))
    assert conversion.form is None
    (error,) = conversion.report.errors
    assert error.where == ("survey", 2, "C")
    assert "this formula has no value computed by a spreadsheet" in error.message


def test_a_formula_a_spreadsheet_computed_as_blank_is_a_blank(workbook: Write) -> None:
    # As Excel saves =IF(...,"...","") when the answer is "": the value stored, empty.
    survey = [
        HEADER,
        ["begin group", "g", "G"],
        ["text", "where", "Where did they go?"],
        ["text", "who", "Who with?", '=IF(FALSE,"${where} != \'\'","")'],
        ["end group"],
    ]
    path = workbook({"survey": survey})
    with zipfile.ZipFile(path) as source:
        members = {item.filename: source.read(item.filename) for item in source.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = members[sheet].decode("utf-8")
    blank = re.sub(
        r'<c r="D4"[^>]*>(<f>.*?</f>)(<v\s*/>|<v></v>)?</c>',
        r'<c r="D4" t="str">\1<v></v></c>',
        xml,
    )
    assert blank != xml
    members[sheet] = blank.encode("utf-8")
    with zipfile.ZipFile(path, "w") as rewritten:
        for name, data in members.items():
            rewritten.writestr(name, data)

    conversion = convert_workbook(path)

    assert conversion.form is not None, [e.render() for e in conversion.report.errors]
    assert conversion.form.definition.sections[0].questions[1].relevant is None


@pytest.mark.parametrize(
    ("headers", "default", "where", "message"),
    [
        # Other spellings of label and constraint_message were passed over silently.
        (["label::English (en)", "caption"], None, "D", "needs a language too"),
        (["label::English (en)", "jr:constraintMsg"], None, "D", "needs a language too"),
        (["label::English (en)", "caption"], "English (en)", "D", "keep one of them"),
        (["label", "label", "label::Cymraeg (cy)"], "English (en)", "D", "a second label"),
    ],
)
def test_every_column_a_translated_form_cannot_read_is_named(
    workbook: Write, headers: list[str], default: str | None, where: str, message: str
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", *headers], ["text", "a", *(["Where?"] * len(headers))]],
        "settings": [["form_id", "version", "default_language"], ["f", 1, default]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("survey", 1, where)
    assert message in error.message


def test_a_translated_choice_image_is_refused_as_an_image(workbook: Write) -> None:
    # It was ignored as a column that only serves choice filters, and the images lost.
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label::English (en)"], ["select_one feel", "feel", "How?"]],
        "choices": [
            ["list_name", "name", "label::English (en)", "image::English (en)"],
            ["feel", "happy", "Happy", "happy.png"],
        ],
    }
    conversion = convert_workbook(workbook(sheets))
    assert conversion.form is None
    (error,) = conversion.report.errors
    assert error.where == ("choices", 2, "D")
    assert error.message == "images, audio and video are not supported"


TRANSLATED = [
    "type",
    "name",
    "label::English (en)",
    "label::Cymraeg (cy)",
    "hint::English (en)",
    "hint::Cymraeg (cy)",
    "constraint",
    "constraint_message::English (en)",
    "constraint_message::Cymraeg (cy)",
]  # A to I
ENGLISH_FIRST = [["form_id", "version", "default_language"], ["f", 1, "English (en)"]]


def test_a_finding_about_text_in_one_language_points_at_that_language(
    workbook: Write,
) -> None:
    # Findings pointed at the default language's column, empty here, and not at the text.
    sheets: dict[str, SheetRows] = {
        "survey": [
            TRANSLATED,
            ["begin group", "s", "Section", "Adran"],
            ["begin group", "inner", None, None, None, "Awgrym"],
            ["text", "a", "Where?", "Ble?"],
            ["end group", None, None, None, None, "Diwedd"],
            ["end group"],
        ],
        "settings": ENGLISH_FIRST,
    }
    warnings = {f.where: f.message for f in convert_workbook(workbook(sheets)).report.warnings}
    assert "its hint is shown only with a label" in warnings["survey", 3, "F"]
    assert warnings["survey", 5, "F"] == "ignored on an end row"
    assert not any(column == "E" for _, _, column in warnings)


def test_a_message_in_one_language_is_missing_in_the_default_where_it_is_empty(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            TRANSLATED,
            ["begin group", "s", "Section", "Adran"],
            ["text", "a", "Where?", "Ble?", None, None, None, None, "Dim ond geiriau"],
            ["end group"],
        ],
        "settings": ENGLISH_FIRST,
    }
    errors = {f.where: f.message for f in _errors(workbook, sheets)}
    assert errors == {
        ("survey", 3, "H"): "missing text in the default language 'en'",
        ("survey", 3, "I"): "there is no constraint for this message",
    }


def test_a_default_language_no_column_is_written_in_is_one_error_at_its_setting(
    workbook: Write,
) -> None:
    # It was taken as the language, and every label was then missing text in it, each
    # reported at an English column, with nothing pointing at the setting.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::English (en)", "label::Cymraeg (cy)"],
            ["begin group", "s", "Section", "Adran"],
            ["text", "a", "Where?", "Ble?"],
            ["end group"],
        ],
        "settings": [["form_id", "version", "default_language"], ["f", 1, "French (fr)"]],
    }
    error = _only_error(workbook, sheets)
    assert error.where == ("settings", 2, "C")
    assert error.message == (
        "default_language 'French (fr)' has no columns (like label::French (fr)): name one "
        "of the languages the headers have (English (en), Cymraeg (cy)), or add its columns"
    )


def test_a_note_marked_sensitive_is_reported_at_its_sensitive_cell(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "sensitive"],
            ["note", "intro", "Say who you are", "yes"],
            ["text", "where", "Where", "yes"],
        ]
    }
    (error,) = convert_workbook(workbook(sheets)).report.errors
    assert error.render() == "error: survey row 2, column D (sensitive): a note takes no sensitive"
