"""Where an XLSForm means something our forms do differently, the designer is told in their
own terms: malformed language codes, relevance too long once groups are combined,
calculated questions the interviewer cannot change and appearances that change what is
collected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rhi_desktop.forms import FormSession, QuestionType
from rhi_desktop.forms.xlsform import convert_workbook
from rhi_desktop.forms.xlsform.command import main
from tests.core.forms.xlsform.workbooks import SheetRows

Write = Callable[..., Path]
SETTINGS: SheetRows = [["form_id", "version"], ["rhi", 1]]


@pytest.mark.parametrize(
    ("header", "written", "fixed"),
    [
        ("label::Polski (PL)", "PL", "label::Polski (pl)"),
        ("label::Español (es_ES)", "es_ES", "label::Español (es-ES)"),
        ("label::Cymraeg (CY-gb)", "CY-gb", "label::Cymraeg (cy-GB)"),
    ],
)
def test_a_language_code_in_the_wrong_form_is_shown_how_to_write_it(
    workbook: Write, header: str, written: str, fixed: str
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::English (en)", header],
            ["text", "where", "Where did you stay?", "?"],
        ],
    }

    (error,) = convert_workbook(workbook(sheets)).report.errors

    assert error.where == ("survey", 1, "D")
    assert error.message == (
        f"'{written}' is not a language code: write it in lower case with '-', like {fixed}"
    )


def test_a_bracketed_language_name_is_asked_for_a_code(workbook: Write) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [["type", "name", "label::Welsh (Cymraeg)"], ["text", "a", "Ble?"]],
    }

    (error,) = convert_workbook(workbook(sheets)).report.errors

    assert error.where == ("survey", 1, "C")
    assert error.message == (
        "'Cymraeg' is not a language code: write it in lower case with '-', like cy, pl or es-ES"
    )


def _any_of(first: int, count: int) -> str:
    """A relevance of `count` alternatives: as long as designers' lists of cases get."""
    return " or ".join(f"${{age}} = {number}" for number in range(first, first + count))


def test_relevance_too_long_once_groups_are_combined_names_every_row(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outer, inner, own = _any_of(1000, 50), _any_of(2000, 50), _any_of(3000, 50)
    combined = len(f"({outer}) and ({inner}) and ({own})")
    assert max(len(outer), len(inner), len(own)) < 2000 < combined
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "relevant"],
            ["integer", "age", "Age"],
            ["begin group", "sec", "Section"],
            ["begin group", "inner", "Inner", outer],
            ["begin group", "innermost", "Innermost", inner],
            ["text", "q", "Where did you stay?", own],
            ["end group"],
            ["end group"],
            ["end group"],
        ],
    }

    code = main([str(workbook(sheets)), "--out", str(tmp_path / "form.json")])

    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    assert code == 1
    assert errors == [
        f"error: survey row 6, column D (relevant): the relevance of rows 4, 5 and 6 combined "
        f"is {combined:,} characters (the limit is 2,000): shorten them or move the logic "
        "into a calculation"
    ]


def test_a_calculation_on_a_question_warns_the_answer_cannot_be_changed(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation", "read_only"],
            ["integer", "nights", "Nights away"],
            ["integer", "hours", "Hours away", "${nights} * 24"],
            ["integer", "days", "Days away", "${nights} + 1", "yes"],
            ["calculate", "minutes", "Minutes away", "${hours} * 60"],
        ],
        "settings": SETTINGS,
    }

    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    assert [w.render() for w in conversion.report.warnings] == [
        "warning: survey row 3, column D (calculation): the interviewer will not be able "
        "to change this answer, because the form works it out from this calculation "
        "(in ODK it stays editable): set read_only to yes to accept that, or remove the "
        "calculation to let them answer",
        "warning: survey row 5, column A (type): XLSForm hides calculations, but RHI "
        "Desktop shows each one as a read-only answer, under its label: check that it may "
        "be seen in the interview",
    ]


@pytest.mark.parametrize(
    ("kind", "appearance", "told"),
    [
        ("date", "month-year", "the interviewer will be asked for a full date, day included"),
        ("date", "year", "the interviewer will be asked for a full date, day and month included"),
        ("text", "numbers", "the interviewer can type any text, not only digits"),
    ],
)
def test_an_appearance_that_changes_what_is_collected_says_what_happens_instead(
    workbook: Write, kind: str, appearance: str, told: str
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "appearance"],
            [kind, "asked", "When or what?", appearance],
        ],
        "settings": SETTINGS,
    }

    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    assert [w.render() for w in conversion.report.warnings] == [
        f"warning: survey row 2, column D (appearance): appearance '{appearance}' is not "
        f"supported: {told}"
    ]


def test_layout_appearances_beside_one_that_changes_the_answer_are_each_reported(
    workbook: Write,
) -> None:
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "appearance"],
            ["text", "phone", "Phone number", "numbers multiline"],
            ["date", "left", "When did they leave?", "no-calendar"],
        ],
        "settings": SETTINGS,
    }

    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    assert conversion.form.fields["phone"].question.type is QuestionType.LONG_TEXT
    assert [w.render() for w in conversion.report.warnings] == [
        "warning: survey row 2, column D (appearance): appearance 'numbers' is not "
        "supported: the interviewer can type any text, not only digits",
        "warning: survey row 3, column D (appearance): appearance 'no-calendar' ignored: "
        "RHI Desktop lays out questions itself",
    ]


def test_a_date_compared_with_a_date_and_time_is_told_it_compares_days(
    workbook: Write,
) -> None:
    # ODK takes a date as its midnight; we compare by day. '. < now()' refused today's
    # date here, where ODK takes it, and nothing said so.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "constraint", "relevant"],
            ["begin group", "g", "G"],
            ["date", "incident", "When?", ". < now()"],
            ["dateTime", "seen", "Seen at", ". > today()"],
            ["date", "next", "Next visit", ". >= today()", "${seen} != ''"],
            ["text", "late", "Why late?", None, "${incident} <= ${seen} and ${seen} != ''"],
            ["end group"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    told = [w.where for w in conversion.report.warnings if "by their day" in w.message]
    assert told == [("survey", 3, "D"), ("survey", 4, "D"), ("survey", 6, "E")]


def test_a_choice_of_yes_and_no_is_a_yes_no_question(workbook: Write) -> None:
    # XLSForm writes a yes/no question as select_one of a yes/no list. It became a single
    # choice: its report key never counted (reports count yes/no questions answered yes),
    # and a draft moved onto such a version left every yes/no answer behind.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "report_key"],
            ["begin group", "g", "G"],
            ["select_one yn", "concern", "Any immediate concern?", "safeguarding.concern"],
            ["select_one yn_hinted", "told", "Told anyone?"],
            ["select_one ynd", "again", "Might go again?"],
            ["select_one yn_says_more", "share", "Share with the police?"],
            ["end group"],
        ],
        "choices": [
            ["list_name", "name", "label", "hint"],
            ["yn", "yes", "Yes"],
            ["yn", "no", "No"],
            ["yn_hinted", "yes", "Yes", "Someone at all"],
            ["yn_hinted", "no", "No"],
            ["ynd", "yes", "Yes"],
            ["ynd", "no", "No"],
            ["ynd", "dont_know", "Don't know"],
            ["yn_says_more", "yes", "Yes, and they agreed to share"],
            ["yn_says_more", "no", "No"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    form = conversion.form
    assert form.field("concern").question.type is QuestionType.YES_NO
    assert form.field("concern").question.report_key == "safeguarding.concern"
    assert form.field("told").question.type is QuestionType.SINGLE_CHOICE  # its hint stays
    assert form.field("again").question.type is QuestionType.SINGLE_CHOICE
    assert form.field("share").question.type is QuestionType.SINGLE_CHOICE  # says more
    [told] = [f for f in conversion.report.infos if f.where == ("survey", 3, "A")]
    assert "imported as a yes/no question" in told.message


def test_a_repeat_group_takes_its_report_key_and_sensitive(workbook: Write) -> None:
    # Both were refused on a begin repeat row, so the RHI form itself, written as an
    # XLSForm (its agreed actions have a report key), could not be imported.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "sensitive", "report_key"],
            ["begin group", "g", "G"],
            ["begin repeat", "actions", "Agreed actions", "no", "actions.agreed"],
            ["text", "what", "What?"],
            ["end repeat"],
            ["begin repeat", "people", "People they were with", "yes"],
            ["text", "who", "Who?"],
            ["end repeat"],
            ["end group"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    assert conversion.form.field("actions").question.report_key == "actions.agreed"
    assert conversion.form.field("people").question.sensitive
    assert conversion.form.field("who").question.sensitive  # the names in its rows too
    assert not conversion.form.field("actions").question.sensitive
    assert not conversion.form.field("what").question.sensitive


def test_a_section_and_a_repeat_group_keep_their_hints(workbook: Write) -> None:
    """Dropped, neither was missed by any test: the guidance for a whole section, and for
    the rows of a group, would have gone without a word."""
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "hint"],
            ["begin group", "before", "Before", "Ask about the days before they left."],
            ["text", "why", "Why did they go?", "In their own words."],
            ["begin repeat", "places", "Places", "One row for each place they stayed."],
            ["text", "where", "Where?"],
            ["end repeat"],
            ["end group"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    form = conversion.form
    assert form is not None, conversion.report.render()
    assert form.text(form.sections["before"].section.hint) == "Ask about the days before they left."
    places = form.field("places").question
    assert form.text(places.hint) == "One row for each place they stayed."
    assert form.text(form.field("why").question.hint) == "In their own words."
    assert not conversion.report.warnings  # kept, so nothing to say


def test_a_read_only_note_is_imported(workbook: Write) -> None:
    # 'read-only questions are not supported' stopped a note marked read-only, which a
    # note is anyway.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "read_only"],
            ["begin group", "g", "G"],
            ["note", "n", "Read this to them", "yes"],
            ["text", "a", "Anything else?"],
            ["end group"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    [told] = [f for f in conversion.report.infos if f.where == ("survey", 3, "D")]
    assert told.message == "already read-only: a note takes no answer"


def test_a_calculation_that_can_only_be_whole_is_a_whole_number(workbook: Write) -> None:
    # '${nights} + 1' became a decimal question, stored as 4.0.
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation"],
            ["begin group", "g", "G"],
            ["integer", "nights", "Nights away"],
            ["decimal", "hours", "Hours away"],
            ["calculate", "days", "Days", "${nights} + 1"],
            ["calculate", "flag", "Many nights", "if(${nights} > 3, 1, 0)"],
            ["calculate", "weeks", "Weeks", "${nights} div 7"],
            ["calculate", "minutes", "Minutes", "${hours} * 60"],
            ["end group"],
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    kinds = {
        q: conversion.form.field(q).question.type for q in ("days", "flag", "weeks", "minutes")
    }
    assert kinds == {
        "days": QuestionType.INTEGER, "flag": QuestionType.INTEGER,
        "weeks": QuestionType.DECIMAL, "minutes": QuestionType.DECIMAL,
    }  # fmt: skip
    session = FormSession(conversion.form)
    session.set_answer("nights", 3)
    assert session.record()["days"] == 4


@pytest.mark.parametrize("later", [False, True], ids=["read-after", "read-before"])
def test_a_calculation_of_a_calculation_is_typed_whatever_the_row_order(
    workbook: Write, later: bool
) -> None:
    # Read before the row working it out, it was a decimal (stored as 3.0): moving rows
    # in a later version would change the question's type.
    twice = ["calculate", "twice", "Twice", "${nights} * 2"]
    total = ["calculate", "total", "Total", "${twice} + 1"]
    halved = ["calculate", "halved", "Halved", "${twice} div 4"]
    rows = [total, halved, twice] if later else [twice, total, halved]
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label", "calculation"],
            ["integer", "nights", "Nights"],
            *rows,
        ],
        "settings": SETTINGS,
    }
    conversion = convert_workbook(workbook(sheets))

    assert conversion.form is not None, conversion.report.render()
    kinds = {q: conversion.form.field(q).question.type for q in ("twice", "total", "halved")}
    assert kinds == {
        "twice": QuestionType.INTEGER, "total": QuestionType.INTEGER,
        "halved": QuestionType.DECIMAL,
    }  # fmt: skip


def test_a_read_only_question_with_a_default_is_told_to_make_it_a_calculation(
    workbook: Write,
) -> None:
    """An answer fixed in advance is what a calculation is for; without the advice the
    designer is left to guess how to keep the value."""
    survey = [
        ["type", "name", "label", "read_only", "default"],
        ["text", "team", "Team", "yes", "North"],
        ["text", "area", "Area", "yes"],
    ]
    conversion = convert_workbook(workbook({"survey": survey}))
    assert [e.render() for e in conversion.report.errors] == [
        "error: survey row 2, column D (read_only): read-only questions are not supported: "
        "only calculations are read-only. For an answer fixed in advance, move the default "
        "into the calculation column, with text in quotes ('like this')",
        "error: survey row 3, column D (read_only): read-only questions are not supported: "
        "only calculations are read-only",
    ]


def test_a_report_key_no_report_reads_is_said_at_its_cell(workbook: Write) -> None:
    """Keys on questions count on a yes/no question (a yes/no list labelled in Welsh too
    included) and on a place or person named in a repeat; anywhere else nothing reads
    them, and the author is told where."""
    sheets: dict[str, SheetRows] = {
        "survey": [
            ["type", "name", "label::English (en)", "label::Cymraeg (cy)", "report_key"],
            ["select_one yn", "concern", "Any concern now?", "Pryder nawr?", "risk.now"],
            ["select_one where", "venue", "Where did you meet?", "Ble?", "interview.venue"],
            ["text", "story", "What happened?", "Beth ddigwyddodd?", "during.story"],
            ["text", "friend", "Who were you with?", "Gyda phwy?", "during.associate"],
            ["begin repeat", "places", "Places", "Lleoedd", ""],
            ["text", "place", "Describe the place", "Disgrifiwch", "during.place"],
            ["end repeat", "", "", "", ""],
        ],
        "choices": [
            ["list_name", "name", "label::English (en)", "label::Cymraeg (cy)"],
            ["yn", "yes", "Yes", "Ie"],
            ["yn", "no", "No", "Na"],
            ["where", "home", "Home", "Cartref"],
            ["where", "school", "School", "Ysgol"],
        ],
        "settings": SETTINGS,
    }

    report = convert_workbook(workbook(sheets)).report

    unread = [f for f in report.warnings if f.where[2] == "E"]
    assert [f.where for f in unread] == [("survey", 3, "E"), ("survey", 4, "E")]
    assert unread[0].message.startswith("no report counts this key (it is kept with the")
