"""A form's validation issues reach the person in their language: worded in the UI from
the issue's kind and numbers (the engine's English message is for logs), with a message
the form itself gave kept as the form gave it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from rhi_desktop.domain.entities import ReturnInterview, new_id
from rhi_desktop.forms import QuestionType, load_form
from rhi_desktop.forms.answers import LONGEST_TEXT, TypeProblem
from rhi_desktop.forms.changes import FieldKey
from rhi_desktop.forms.validation import Issue, IssueKind
from tests.ui.forms.conftest import fixed_clock
from tests.ui.translators import translated
from ui.forms.uk_input import UkDateInput, UkDateTimeInput, UkTimeInput
from ui.issue_words import issue_words
from ui.sign_off_check import Blocker, SignOffCheck, check_for_sign_off
from ui.sign_off_dialogs import blocker_text

WELSH = {
    "This question needs an answer.": "Mae angen ateb i'r cwestiwn hwn.",
    "Add at least {0} rows.": "Ychwanegwch o leiaf {0} rhes.",
    "This answer is not allowed here.": "Ni chaniateir yr ateb hwn yma.",
}
KEY = FieldKey("where_went", None)


@pytest.fixture
def in_welsh(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    with translated(tmp_path, {"FormIssues": WELSH}):
        yield


@pytest.mark.usefixtures("in_welsh")
def test_issues_are_worded_in_the_persons_language() -> None:
    required = Issue(KEY, IssueKind.REQUIRED, "This question needs an answer.")
    rows = Issue(KEY, IssueKind.ROWS, "Add at least 3 rows.", min_rows=3)
    default = Issue(KEY, IssueKind.CONSTRAINT, "This answer is not allowed here.")
    own = Issue(KEY, IssueKind.CONSTRAINT, "Rhowch ddyddiad yn y gorffennol.", from_form=True)

    assert issue_words(required) == "Mae angen ateb i'r cwestiwn hwn."
    assert issue_words(rows) == "Ychwanegwch o leiaf 3 rhes."
    assert issue_words(default) == "Ni chaniateir yr ateb hwn yma."
    assert issue_words(own) == "Rhowch ddyddiad yn y gorffennol."


def test_in_english_one_row_is_one_row() -> None:
    assert issue_words(Issue(KEY, IssueKind.ROWS, "", min_rows=1)) == "Add at least 1 row."
    assert issue_words(Issue(KEY, IssueKind.ROWS, "", max_rows=4)) == "Keep to at most 4 rows."


def _blocker_text(section: str, question: Mapping[str, object], answers: dict[str, Any]) -> str:
    """What the sign-off says of a one-question form with `answers`."""
    return blocker_text(_check(section, question, answers))


def _check(section: str, question: Mapping[str, object], answers: dict[str, Any]) -> SignOffCheck:
    """The sign-off check of a one-question form with `answers`."""
    form = load_form(
        {
            "form_id": "small",
            "version": 1,
            "title": "Return interview",
            "sections": [{"id": "one", "title": section, "questions": [question]}],
        }
    )

    class Forms:
        def load(self, form_id: str, version: int) -> object:
            return form

    interview = ReturnInterview(
        id=new_id(),
        child_id=new_id(),
        episode_ids=(),
        interviewer_id="iv",
        returned_at=fixed_clock(),
        form_id="small",
        form_version=1,
        answers=answers,
    )
    return check_for_sign_off(interview, fixed_clock, Forms())  # type: ignore[arg-type]


@pytest.mark.usefixtures("in_welsh")
def test_the_sign_off_check_lists_issues_in_the_persons_language() -> None:
    question = {"id": "where_went", "type": "text", "label": "Where?", "required": True}
    text = _blocker_text("During", question, {})

    assert "• During: Where? — Mae angen ateb i'r cwestiwn hwn." in text


def test_the_sign_off_check_names_the_row_of_a_question_in_a_repeat_group() -> None:
    # Two places with no name gave two identical lines, with no way to tell which.
    group = {"id": "places", "type": "repeat", "label": "Places", "questions": [
        {"id": "place", "type": "text", "label": "Name of the place", "required": True},
    ]}  # fmt: skip
    text = _blocker_text("During", group, {"places": [{}, {"place": "Park"}, {}]})

    assert "• During: Name of the place (row 1) — This question needs an answer." in text
    assert "• During: Name of the place (row 3) — This question needs an answer." in text
    assert "(row 2)" not in text


def test_answers_too_long_to_send_in_one_record_stop_the_sign_off_by_name() -> None:
    """Each answer within its length, together they were more than the central service
    takes in one record: signed off, the interview could never be sent, nor changed to
    fit. Beyond ASCII each letter is sent as six characters, so Urdu runs out first."""
    group = {"id": "notes", "type": "repeat", "label": "Notes of what was said", "questions": [
        {"id": "note", "type": "long_text", "label": "What was said"},
    ]}  # fmt: skip
    longest = LONGEST_TEXT[QuestionType.LONG_TEXT]
    in_urdu = {"notes": [{"note": "\u0628" * longest}] * 3}
    in_english = {"notes": [{"note": "b" * longest}] * 3}

    assert _check("After", group, in_english).ok
    check = _check("After", group, in_urdu)
    assert check.blocker is Blocker.TOO_LONG_TO_SEND
    text = blocker_text(check)
    assert text.startswith("The answers are too long to send to the central service")
    assert "• Notes of what was said" in text


def test_an_answer_of_the_wrong_kind_is_explained_in_uk_formats_never_iso() -> None:
    """The engine's message is for logs ("enter a real date as YYYY-MM-DD"); the person
    is told what to type, in the formats the form's inputs take."""
    wrong = Issue(KEY, IssueKind.TYPE, "Enter a real date as YYYY-MM-DD.")

    assert issue_words(wrong, QuestionType.DATE) == "Enter a date like 27/11/2026 or 27 Nov 2026."
    assert issue_words(wrong, QuestionType.DATETIME) == (
        "Enter a date and a time, like 27/11/2026 14:30."
    )
    assert issue_words(wrong, QuestionType.INTEGER) == "Enter a whole number."
    for kind in QuestionType:
        assert "YYYY" not in issue_words(wrong, kind) and "HH:MM" not in issue_words(wrong, kind)
    assert issue_words(wrong) == "This answer is not the kind the question asks for."


def test_a_postcode_or_a_number_too_large_is_told_what_is_wrong_with_it() -> None:
    def wrong(problem: TypeProblem) -> Issue:
        return Issue(KEY, IssueKind.TYPE, "English, for logs.", type_problem=problem)

    assert issue_words(wrong(TypeProblem.NOT_A_POSTCODE), QuestionType.LOCATION) == (
        "That is not a UK postcode: check it, or leave the postcode out."
    )
    assert issue_words(wrong(TypeProblem.TOO_LARGE), QuestionType.INTEGER) == (
        "The number is too large: check it."
    )
    assert issue_words(wrong(TypeProblem.WRONG_KIND), QuestionType.INTEGER) == (
        "Enter a whole number."
    )
    assert issue_words(wrong(TypeProblem.TOO_LONG), QuestionType.LONG_TEXT) == (
        "This answer is too long to keep: shorten it to 20,000 characters."
    )
    assert issue_words(wrong(TypeProblem.TOO_LONG), QuestionType.TEXT) == (
        "This answer is too long to keep: shorten it to 2,000 characters."
    )


@pytest.mark.parametrize(
    ("kind", "typed", "said"),
    [
        ("date", "31/4/2026", "There is no such date: check the day and month."),
        ("date", "the day after", "Enter a date like 27/11/2026 or 27 Nov 2026."),
        (
            "datetime",
            "29/03/2026 01:30",
            "That time did not happen in the UK: the clocks went forward an hour.",
        ),
        ("time", "25:10", "There is no such time: check the hour and minutes."),
    ],
)
def test_the_sign_off_list_words_a_mistyped_date_as_the_form_does(
    kind: str, typed: str, said: str
) -> None:
    """It said what shape to type whatever the field said, so 31/4/2026 was told to be
    written like 27/11/2026, which it was."""
    question = {"id": "met_on", "type": kind, "label": "Date of the interview"}
    text = _blocker_text("Venue", question, {"met_on": typed})

    assert f"• Venue: Date of the interview — {said}" in text
    assert problem_text_of(kind, typed) == said  # the field's own words


def problem_text_of(kind: str, typed: str) -> str | None:
    """What the form's date or time input says of `typed`."""
    holder = QWidget()
    try:
        kinds = {"date": UkDateInput, "time": UkTimeInput, "datetime": UkDateTimeInput}
        input_ = kinds[kind](holder)
        input_.show_value(typed)
        return input_.problem()
    finally:
        shiboken6.delete(holder)
