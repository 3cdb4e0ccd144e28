"""The smaller mappings a designer relies on, and the warnings that do not block an import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

import pytest

from rhi_desktop.forms import FormSession, IssueKind, QuestionType
from rhi_desktop.forms.xlsform import Severity, convert_workbook
from rhi_desktop.forms.xlsform.command import run_import
from rhi_desktop.forms.xlsform.report import QUOTED_LENGTH, Cell, ImportReport
from tests.core.forms.xlsform.workbooks import SheetRows

Write = Callable[..., Path]


def test_presentation_only_columns_warn_but_the_form_still_imports(
    workbook: Write, tmp_path: Path
) -> None:
    sheets: dict[str, SheetRows] = {
        # A type, B name, C label, D appearance, E required, F required_message, G guidance_hint
        "survey": [
            [
                "type",
                "name",
                "label",
                "appearance",
                "required",
                "required_message",
                "guidance_hint",
            ],
            [
                "text",
                "nickname",
                "What do they like to be called?",
                None,
                "yes",
                "Ask them.",
                "Use their words.",
            ],
            ["select_one places", "place", "Where did ${nickname} go?", "minimal"],
        ],
        "choices": [["list_name", "name", "label"], ["places", "park", "A park"]],
        "settings": [["form_id", "version", "instance_name"], ["places", 2, "concat('x')"]],
        "notes": [["Anything the designer wrote for themselves"]],
    }
    out = tmp_path / "places.json"
    result = run_import(workbook(sheets), out)

    assert result.ok, result.report.render()
    assert {f.where for f in result.report.warnings} == {
        ("notes", None, None),  # a sheet that is not part of XLSForm
        ("settings", 2, "A"),  # form_id: not the form interviews are started on
        ("settings", 2, "C"),  # instance_name
        ("survey", 1, "F"),  # required_message, naming its rows
        ("survey", 1, "G"),  # guidance_hint
        ("survey", 3, "C"),  # ${nickname} in a label is shown as written
        ("survey", 3, "D"),  # appearance minimal
    }
    (required_message,) = [f for f in result.report.warnings if f.where == ("survey", 1, "F")]
    assert required_message.message.endswith("(row 2)")
    assert result.summary().endswith(f"7 warnings -> {out}")
    assert result.form is not None
    assert result.form.field("place").question.label == "Where did ${nickname} go?"


def test_range_becomes_a_scale_and_a_fixed_repeat_count_fixes_the_rows(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "parameters", "repeat_count"],
            ["range", "safe_score", "How safe do they feel?", "start=1 end=5 step=1"],
            ["range", "default_score", "Score with ODK's default range"],
            ["begin repeat", "two_adults", "Two trusted adults", None, 2],
            ["text", "adult", "Who?"],
            ["end repeat"],
        ]
    }
    conversion = convert_workbook(workbook(sheets))
    form = conversion.form

    assert form is not None, conversion.report.render()
    scale = form.field("safe_score").question
    assert scale.type is QuestionType.SCALE
    assert scale.scale is not None and (scale.scale.min, scale.scale.max) == (1, 5)
    default = form.field("default_score").question.scale
    assert default is not None and (default.min, default.max) == (1, 10)
    repeat = form.field("two_adults").question
    assert (repeat.min_rows, repeat.max_rows) == (2, 2)
    assert ("survey", 5, "E") not in {f.where for f in conversion.report.findings}
    # Said as it happens: the rows are added, and fewer block sign-off (XLSForm makes them).
    (told,) = [f for f in conversion.report.warnings if f.where == ("survey", 4, "E")]
    assert told.message.startswith("the interviewer adds the rows, exactly 2")
    session = FormSession(form)
    assert session.row_count("two_adults") == 0
    assert [issue.kind for issue in session.issues("two_adults")] == [IssueKind.ROWS]


def test_rhi_columns_sensitive_and_report_key_are_kept(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "sensitive", "report_key"],
            ["select_multiple risks", "risks", "Risks", None, "risk.indicators"],
            ["text", "abuser", "Who harmed them?", "yes"],
        ],
        "choices": [
            ["list_name", "name", "label", "report_key"],
            ["risks", "cse", "Sexual exploitation", "risk.cse"],
        ],
    }
    form = convert_workbook(workbook(sheets)).form

    assert form is not None
    assert form.field("abuser").question.sensitive is True
    assert form.field("risks").question.sensitive is False
    assert form.field("risks").question.report_key == "risk.indicators"
    assert form.definition.choice_lists["risks"][0].report_key == "risk.cse"


def test_default_language_named_in_settings_leads_and_plain_columns_follow_it(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::Cymraeg (cy)", "label::English (en)", "hint"],
            ["text", "where", "Ble aethon nhw?", "Where did they go?", "In their words."],
        ],
        "settings": [["form_id", "version", "default_language"], ["f", 1, "English"]],
    }
    form = convert_workbook(workbook(sheets)).form

    assert form is not None
    assert form.definition.languages == ["en", "cy"]
    question = form.field("where").question
    assert question.label == {"en": "Where did they go?", "cy": "Ble aethon nhw?"}
    assert question.hint == {"en": "In their words."}
    assert form.text(question.label, "cy") == "Ble aethon nhw?"
    assert FormSession(form).language == "en"


def test_metadata_rows_are_dropped_with_a_warning_and_the_rest_imports(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label"],
            ["start", "start"],
            ["end", "end"],
            ["deviceid", "deviceid"],
            ["text", "where", "Where did they go?"],
        ]
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None
    assert list(conversion.form.fields) == ["where"]
    dropped = [f for f in conversion.report.findings if f.severity is Severity.WARNING]
    assert {f.where for f in dropped} >= {
        ("survey", 2, "A"),
        ("survey", 3, "A"),
        ("survey", 4, "A"),
    }


def test_workbook_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    (error,) = convert_workbook(tmp_path / "absent.xlsx").report.errors
    assert error.message == "there is no file absent.xlsx"


def test_group_inside_a_repeat_is_flattened_into_each_row(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "relevant"],
            ["begin repeat", "places", "Places they went"],
            ["text", "place", "Where?"],
            ["integer", "nights", "Nights there"],
            ["begin group", "stay", "Where they slept", "${nights} > 0"],
            ["text", "slept_with", "Who else was there?"],
            ["end group"],
            ["end repeat"],
        ]
    }
    conversion = convert_workbook(workbook(sheets))
    form = conversion.form

    assert form is not None, conversion.report.render()
    assert form.repeat_children("places") == ("place", "nights", "stay", "slept_with")
    assert form.field("slept_with").question.relevant == "${nights} > 0"
    (flattened,) = [f for f in conversion.report.infos if f.where == ("survey", 5, "A")]
    assert "join repeat group 'places'" in flattened.message
    session = FormSession(form)
    session.add_row("places")
    assert not session.is_relevant("slept_with", row=0)
    session.set_answer("nights", 2, row=0)
    assert session.is_relevant("slept_with", row=0)


def test_choice_hints_come_through_in_every_language(workbook: Write) -> None:
    survey = [
        ["type", "name", "label::English (en)"],
        ["begin group", "risk", "Risk"],
        ["select_multiple risks", "indicators", "Which risks?"],
        ["end group"],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "hint::English (en)", "hint::Welsh (cy)"],
        ["risks", "cse", "Sexual exploitation", "e.g. an older 'boyfriend'", "e.e. 'cariad' hŷn"],
        ["risks", "cce", "Criminal exploitation"],
    ]
    conversion = convert_workbook(workbook({"survey": survey, "choices": choices}))

    assert conversion.form is not None, [f.render() for f in conversion.report.findings]
    # the choices have no Welsh labels at all: said once, and nothing about their hints
    assert [w.render() for w in conversion.report.warnings if w.where[0] == "choices"] == [
        "warning: choices row 1: no label column for language 'cy': each label is shown in "
        "'en' to people reading in 'cy' (rows 2, 3)"
    ]
    [cse, cce] = conversion.form.definition.choice_lists["risks"]
    assert cse.hint == {"en": "e.g. an older 'boyfriend'", "cy": "e.e. 'cariad' hŷn"}
    assert cce.hint is None


def test_rows_left_untranslated_are_named_with_the_language_shown_instead(
    workbook: Write,
) -> None:
    """Welsh readers would see English on those rows, which a designer checking the form
    in English never sees."""
    header = ["type", "name", "label::English (en)", "label::Welsh (cy)", "hint::English (en)"]
    survey = [
        header,
        ["begin group", "g", "About", "Amdanoch"],
        ["text", "where", "Where did you go?", None, "A place or an area"],
        ["text", "who", "Who were you with?", "Gyda phwy oeddech chi?"],
        ["text", "when", "When?", None],
        ["end group"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is not None, [f.render() for f in conversion.report.findings]
    assert [w.render() for w in conversion.report.warnings if w.where[0] == "survey"] == [
        "warning: survey row 1: no hint column for language 'cy': each hint is shown in "
        "'en' to people reading in 'cy' (row 3)",
        "warning: survey row 1, column D (label::Welsh (cy)): no text in this language on "
        "rows 3, 5: those are shown in 'en' to people reading in 'cy'",
    ]


def test_a_plain_default_may_end_in_brackets_but_an_expression_is_refused(
    workbook: Write,
) -> None:
    survey = [
        ["type", "name", "label", "default"],
        ["begin group", "g", "G"],
        ["text", "by", "Who referred them?", "Unknown (not given)"],
        ["date", "on", "When?", "today()"],
        ["end group"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert [(e.where, "expression" in e.message) for e in conversion.report.errors] == [
        (("survey", 4, "D"), True)
    ]


def test_a_default_date_and_time_keeps_its_seconds(workbook: Write) -> None:
    # Written as Excel date-times; a date-time default lost its seconds, unreported.
    survey = [
        ["type", "name", "label", "default"],
        ["begin group", "g", "G"],
        ["dateTime", "found_at", "Found at", datetime(2024, 3, 1, 10, 30, 45)],
        ["dateTime", "left_at", "Left at", datetime(2024, 3, 1, 9, 15)],
        ["time", "called_at", "Called at", time(8, 5, 30)],
        ["end group"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is not None, conversion.report.render()
    questions = conversion.form.definition.sections[0].questions
    assert {q.id: q.default for q in questions} == {
        "found_at": "2024-03-01T10:30:45",
        "left_at": "2024-03-01T09:15",
        "called_at": "08:05:30",
    }


def test_a_flattened_group_hint_without_a_label_is_named_not_dropped(workbook: Write) -> None:
    survey = [
        ["type", "name", "label", "hint"],
        ["begin group", "during", "During"],
        ["begin group", "inner", "", "Ask gently about this part"],
        ["text", "where", "Where did they go?"],
        ["end group"],
        ["end group"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is not None
    [warning] = [w for w in conversion.report.warnings if w.where[0] == "survey"]
    assert warning.where == ("survey", 3, "D") and "hint" in warning.message


@pytest.mark.parametrize("count", [-1, 0, 2.5, "2.5", 1001])
def test_a_repeat_count_that_is_not_a_whole_number_of_rows_says_so(
    workbook: Write, count: object
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "repeat_count"],
            ["begin repeat", "adults", "Trusted adults", count],
            ["text", "adult", "Who?"],
            ["end repeat"],
        ]
    }
    report = convert_workbook(workbook(sheets)).report

    at_count = [f for f in report.findings if f.where == ("survey", 2, "D")]
    assert [f.message for f in at_count] == [
        "repeat_count must be a whole number of rows from 1 to 1000"
    ]
    assert at_count[0].severity is Severity.ERROR


def test_a_repeat_count_written_as_text_is_read_as_a_number(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "repeat_count"],
            ["begin repeat", "adults", "Trusted adults", " 3 "],
            ["text", "adult", "Who?"],
            ["end repeat"],
        ]
    }
    form = convert_workbook(workbook(sheets)).form

    assert form is not None
    repeat = form.field("adults").question
    assert (repeat.min_rows, repeat.max_rows) == (3, 3)


def test_a_finding_made_twice_is_reported_once_in_a_report_of_thousands() -> None:
    # Each finding was looked for in a list of all before it: 16,000 took 42 seconds.
    report = ImportReport()
    cells = [Cell("survey", row, "D", "row_no") for row in range(2, 4002)]
    for cell in [*cells, *cells]:
        report.warning(cell, "ignored: unknown column")
    assert [finding.where for finding in report.findings] == [cell.where for cell in cells]


def test_a_finding_repeats_no_more_than_the_start_of_a_long_cell(workbook: Write) -> None:
    # The finding names the cell: text pasted into the wrong one was quoted back whole.
    pasted = "Jay said he stayed at a flat above the shop on the corner " * 4
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label", "appearance"], [pasted, "a", "A"],
                   ["text", "b", "B", pasted]],
        "settings": [["form_id", "version"], ["f", pasted]],
    }  # fmt: skip
    report = convert_workbook(workbook(sheets)).report
    quoted = [f.message for f in report.findings if "Jay said" in f.message]
    assert len(quoted) == 3
    assert all(pasted[:QUOTED_LENGTH] + "\u2026" in message for message in quoted)
    assert not any(pasted[: QUOTED_LENGTH + 1] in message for message in quoted)


def test_a_finding_repeats_no_more_than_the_start_of_a_long_name(workbook: Write) -> None:
    # Names and choice names pasted into were quoted back whole, in messages made from
    # them: a group's section title, a calculation's label, a choice without a label.
    pasted = "Jay said he stayed at a flat above the shop on the corner of Mill Lane"
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label"],
                   ["begin group", pasted, None],
                   ["text", "a", "A"],
                   ["end group"],
                   ["calculate", pasted + " again", None],
                   ["select_one where", "w", "Where"],
                   ["text", pasted + " again", "B"]],
        "choices": [["list_name", "name", "label"], ["where", pasted, None]],
    }  # fmt: skip
    report = convert_workbook(workbook(sheets)).report
    told = [f.message for f in report.findings if "Jay said" in f.message]
    assert len(told) >= 4
    assert not any(pasted[: QUOTED_LENGTH + 1] in message for message in told), told


@pytest.mark.parametrize("header", ["label::{0}", "label::English ({0})", "hint::{0}"])
def test_a_finding_repeats_no_more_than_the_start_of_a_long_header(
    workbook: Write, header: str
) -> None:
    # A header is a cell too: text pasted into one was repeated whole, twice.
    pasted = "She told me that her uncle had taken her to a flat in the town centre"
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label", header.format(pasted)], ["text", "a", "A", "B"]],
        "settings": [["form_id", "version"], ["f", 1]],
    }
    report = convert_workbook(workbook(sheets)).report
    told = [f.render() for f in report.findings if "She told me" in f.render()]
    assert told
    assert not any(pasted[: QUOTED_LENGTH + 1] in line for line in told), told


@pytest.mark.parametrize(
    ("header", "default_language"),
    [("label::{0} (cy)", "Polski (pl)"), ("label::Cymraeg (cy)", "{0} (pl)")],
)
def test_a_language_named_in_full_is_repeated_no_more_than_its_start(
    workbook: Write, header: str, default_language: str
) -> None:
    pasted = "She told me that her uncle had taken her to a flat in the town centre"
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", header.format(pasted)], ["text", "a", "A"]],
        "settings": [["form_id", "version", "default_language"],
                     ["f", 1, default_language.format(pasted)]],
    }  # fmt: skip
    report = convert_workbook(workbook(sheets)).report
    told = [f.render() for f in report.findings if "She told me" in f.render()]
    assert told
    assert not any(pasted[: QUOTED_LENGTH + 1] in line for line in told), told


def test_pyxform_header_spellings_are_read_as_their_fields(workbook: Write) -> None:
    # 'calculate', 'readonly' and 'count' are pyxform's own spellings; they were refused as
    # unknown columns, and the calculate row then "needed a calculation".
    survey = [
        ["type", "name", "label", "calculate", "readonly", "count", "required message"],
        ["begin group", "g", "G"],
        ["integer", "nights", "Nights away"],
        ["calculate", "hours", "Hours away", "${nights} * 24"],
        ["integer", "days", "Days away", "${nights} + 1", "yes"],
        ["begin repeat", "places", "Places", None, None, 3],
        ["text", "place", "Where?", None, None, None, "Say where"],
        ["end repeat"],
        ["end group"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is not None, conversion.report.render()
    fields = conversion.form.fields
    assert fields["hours"].question.calculation == "${nights} * 24"
    assert fields["days"].question.calculation == "${nights} + 1"
    assert fields["places"].question.max_rows == 3
    [ignored] = [w for w in conversion.report.warnings if w.where == ("survey", 1, "G")]
    assert "ignored" in ignored.message


def test_a_no_filled_down_a_yes_no_column_says_nothing_on_group_rows(workbook: Write) -> None:
    # 'a group takes no required' blocked a workbook whose required column said 'no' on
    # every row, as designers fill a column down.
    survey = [
        ["type", "name", "label", "required", "read_only"],
        ["begin group", "g", "G", "no", "FALSE"],
        ["text", "where", "Where?", "no", "false"],
        ["begin repeat", "people", "People", "no", 0],
        ["text", "who", "Who?", "no", "no"],
        ["end repeat", None, None, "no", "no"],
        ["end group", None, None, "no", "no"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))

    assert conversion.form is not None, conversion.report.render()
    assert not [w for w in conversion.report.warnings if w.where[0] == "survey"]
    survey[1][3] = "yes"
    refused = convert_workbook(workbook({"survey": survey}, name="yes.xlsx")).report.errors
    assert [(e.where, e.message) for e in refused] == [
        (("survey", 2, "D"), "a group takes no required")
    ]


def test_columns_of_kobo_and_of_notes_are_told_apart_from_a_misspelt_language(
    workbook: Write,
) -> None:
    # A misspelt Welsh label on the choices sheet was ignored as a choice-filter column,
    # and the Welsh form showed its choices in English.
    survey = [
        ["type", "name", "label::English (en)", "label::Cymraeg (cy)", "$kuid", "notes"],
        ["begin group", "g", "G", "G", "k1"],
        ["select_one yn", "ok", "All right?", "Iawn?", "k2", "ask gently"],
        ["end group", None, None, None, "k3"],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "label:Cymraeg (cy)", "$kuid", "hint-cy"],
        ["yn", "yes", "Yes", "Ie", "c1", "Os ydynt"],
        ["yn", "no", "No", "Na", "c2"],
    ]
    report = convert_workbook(workbook({"survey": survey, "choices": choices})).report

    errors = {e.where: e.message for e in report.errors}
    assert set(errors) == {
        ("survey", 3, "F"), ("choices", 2, "D"), ("choices", 3, "D"), ("choices", 2, "F")
    }  # fmt: skip
    assert errors["survey", 3, "F"].startswith("unknown column")
    assert "if it holds only notes, delete it" in errors["survey", 3, "F"]
    assert (
        errors["choices", 2, "D"]
        == errors["choices", 3, "D"]
        == (
            "this column looks like text in another language, but is not written as XLSForm "
            "asks: write it like label::Cymraeg (cy)"
        )
    )
    kobo = {w.where: w.message for w in report.warnings}
    assert kobo[("survey", 1, "E")].startswith("ignored: KoboToolbox's own record of each row")
    assert kobo[("choices", 1, "E")].startswith("ignored: KoboToolbox's own record of each row")


def test_other_columns_and_translated_spellings_are_not_taken_for_misspelt_languages(
    workbook: Write,
) -> None:
    # A choices column that only ended in brackets, or began with 'label', was refused as
    # a misspelt language; pyxform's spellings of a translated required message were too.
    survey = [
        ["type", "name", "label::English (en)", "required message::English (en)",
         "requiredMsg::Cymraeg (cy)", "constraint", "constraining message::English (en)"],
        ["begin group", "g", "G"],
        ["integer", "age", "Age?", "Say their age", "Dywedwch", ". < 30", "Under 30"],
        ["select_one yn", "ok", "All right?"],
        ["end group"],
    ]  # fmt: skip
    choices = [
        ["list_name", "name", "label::English (en)", "notes (en)", "label for report"],
        ["yn", "yes", "Yes", "usual", "Y"],
        ["yn", "no", "No", "usual", "N"],
    ]
    conversion = convert_workbook(workbook({"survey": survey, "choices": choices}))

    assert conversion.form is not None, conversion.report.render()
    assert conversion.form.field("age").question.constraint_message == {"en": "Under 30"}
    ignored = {w.where[2] for w in conversion.report.warnings if w.where[0] == "survey"}
    assert {"D", "E"} <= ignored


def test_formatting_odk_collect_would_read_is_said_to_be_shown_as_written(
    workbook: Write,
) -> None:
    survey = [
        ["type", "name", "label", "hint"],
        ["text", "where", "Where did you **stay**?", '<span style="color:red">Ask gently</span>'],
        ["note", "help", "# Helplines\nSee [Childline](https://www.childline.org.uk)"],
        ["text", "who", "Who was there? (say *if* they gave a name)"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))
    assert conversion.form is not None
    said = [(w.where, w.message) for w in conversion.report.warnings if w.where[0] == "survey"]
    assert said == [
        (("survey", 2, "C"), "text is shown as written: '**stay**' is not read as formatting"),
        (
            ("survey", 2, "D"),
            "text is shown as written: '<span style=\"color:red\">' is not read as formatting",
        ),
        (("survey", 3, "C"), "text is shown as written: '#' is not read as formatting"),
    ]
