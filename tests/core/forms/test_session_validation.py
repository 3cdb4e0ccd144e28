"""Validation while an interview is filled in: required, relevance, constraints and types."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from rhi_desktop.forms import (
    FieldKey,
    Form,
    FormSession,
    InvalidAnswer,
    IssueKind,
    Location,
    QuestionType,
    load_form,
    with_held,
)
from rhi_desktop.forms.answers import LONGEST_TEXT, MAX_WHOLE_NUMBER, TypeProblem

Clock = Callable[[], datetime]

VISIT: dict[str, Any] = {
    "form_id": "visit",
    "version": 1,
    "title": "Visit",
    "choice_lists": {
        "venues": [
            {"value": "school", "label": "School"},
            {"value": "home", "label": "Home"},
            {"value": "other", "label": "Elsewhere"},
        ],
        "risks": [
            {"value": "cse", "label": "CSE", "report_key": "risk.cse"},
            {"value": "cce", "label": "CCE", "report_key": "risk.cce"},
            {"value": "none", "label": "None"},
        ],
    },
    "sections": [
        {
            "id": "meeting",
            "title": "Meeting",
            "questions": [
                {"id": "met", "type": "yes_no", "label": "Did you meet?", "required": True},
                {"id": "venue", "type": "single_choice", "label": "Where?", "choices": "venues",
                 "relevant": "${met} = 'yes'", "required": True, "default": "school"},
                {"id": "venue_other", "type": "text", "label": "Where else?",
                 "relevant": "${venue} = 'other'", "required": True},
                {"id": "start", "type": "time", "label": "Start"},
                {"id": "end", "type": "time", "label": "End",
                 "constraint": "${start} = '' or . > ${start}",
                 "constraint_message": "The end must be after the start."},
                {"id": "age", "type": "integer", "label": "Age",
                 "constraint": ". >= 0 and . < 18", "constraint_message": "Children are under 18."},
                {"id": "age_next_year", "type": "integer", "label": "Next year",
                 "calculation": "${age} + 1"},
                {"id": "weight", "type": "decimal", "label": "Hours missing"},
                {"id": "met_on", "type": "date", "label": "Date", "constraint": ". <= today()",
                 "constraint_message": "Not in the future."},
                {"id": "found_at", "type": "datetime", "label": "Found at"},
                {"id": "where_found", "type": "location", "label": "Where found"},
            ],
        },
        {
            "id": "risk",
            "title": "Risk",
            "relevant": "${met} = 'yes'",
            "questions": [
                {"id": "risks", "type": "multiple_choice", "label": "Risks", "choices": "risks",
                 "constraint": "not(selected(., 'none')) or count-selected(.) = 1",
                 "constraint_message": "'None' goes alone."},
                {"id": "concern", "type": "yes_no", "label": "Immediate concern?"},
                {"id": "action", "type": "long_text", "label": "Action taken",
                 "required": "${concern} = 'yes'"},
                {"id": "rating", "type": "scale", "label": "Feeling",
                 "scale": {"min": 1, "max": 5}},
                {"id": "people", "type": "repeat", "label": "People", "min_rows": 1,
                 "max_rows": 2, "questions": [
                    {"id": "name", "type": "text", "label": "Name", "required": True,
                     "sensitive": True},
                    {"id": "worry", "type": "yes_no", "label": "Worried?", "default": "no"},
                    {"id": "why", "type": "long_text", "label": "Why?",
                     "relevant": "${worry} = 'yes'", "required": True},
                ]},
            ],
        },
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def visit() -> Form:
    return load_form(VISIT)


@pytest.fixture
def session(visit: Form, clock: Clock) -> FormSession:
    return FormSession(visit, clock=clock)


def kinds(session: FormSession) -> dict[FieldKey, list[IssueKind]]:
    return {key: [i.kind for i in issues] for key, issues in session.validate().by_question.items()}


def test_a_new_interview_asks_only_for_what_is_required_and_relevant(session: FormSession) -> None:
    report = session.validate()
    assert not report.ok
    assert kinds(session) == {FieldKey("met"): [IssueKind.REQUIRED]}
    assert list(report.by_section) == ["meeting"]
    assert report.for_question("met")[0].message == "This question needs an answer."


def test_answering_reveals_the_next_questions_and_their_requirements(session: FormSession) -> None:
    session.set_answer("met", "yes")
    assert session.is_relevant("risk") and session.is_relevant("venue")
    assert session.answer("venue") == "school"  # the definition's default
    assert kinds(session) == {FieldKey("people"): [IssueKind.ROWS]}
    assert session.validate().by_section["risk"][0].message == "Add at least 1 row."
    session.set_answer("venue", "other")
    assert kinds(session)[FieldKey("venue_other")] == [IssueKind.REQUIRED]


def test_a_required_expression_applies_only_while_its_condition_holds(session: FormSession) -> None:
    session.set_answer("met", "yes")
    assert not session.is_required("action")
    session.set_answer("concern", "yes")
    assert session.is_required("action")
    assert FieldKey("action") in session.validate().by_question
    session.set_answer("action", "Called the duty social worker")
    assert FieldKey("action") not in session.validate().by_question
    session.set_answer("concern", "no")
    assert not session.is_required("action")


def test_answers_to_hidden_questions_leave_the_record_and_come_back_when_shown_again(
    session: FormSession,
) -> None:
    session.set_answer("met", "yes")
    session.set_answer("venue", "other")
    session.set_answer("venue_other", "A cafe near the station")
    session.set_answer("risks", ["cse"])
    assert session.record()["venue_other"] == "A cafe near the station"

    session.set_answer("venue", "home")
    assert "venue_other" not in session.record()
    assert session.answer("venue_other") == "A cafe near the station"  # remembered while typing

    session.set_answer("met", "no")
    record = session.record()
    assert record == {"met": "no"}
    assert not session.is_relevant("risks") and not session.is_relevant("risk")

    session.set_answer("met", "yes")
    session.set_answer("venue", "other")
    assert session.record()["venue_other"] == "A cafe near the station"
    assert session.record()["risks"] == ["cse"]


def test_hidden_questions_read_as_empty_in_other_expressions(session: FormSession) -> None:
    session.set_answer("met", "yes")
    session.set_answer("concern", "yes")
    assert session.is_required("action")
    session.set_answer("met", "no")  # hides the whole risk section, concern included
    session.set_answer("met", "yes")
    assert session.is_required("action")  # concern's answer is back, so is the requirement


def test_constraints_judge_answers_and_show_the_forms_message(session: FormSession) -> None:
    session.set_answer("start", "10:30")
    session.set_answer("end", "10:00")
    (issue,) = session.issues("end")
    assert issue.kind is IssueKind.CONSTRAINT
    assert issue.message == "The end must be after the start."
    session.set_answer("end", "11:45")
    assert session.issues("end") == ()
    session.set_answer("age", 19)
    assert session.issues("age")[0].message == "Children are under 18."
    session.set_answer("met_on", "2024-03-15")  # the fixed clock says 14 March 2024
    assert session.issues("met_on")[0].message == "Not in the future."
    session.set_answer("met", "yes")
    session.set_answer("risks", ["cse", "none"])
    assert session.issues("risks")[0].message == "'None' goes alone."


def test_a_whole_number_too_large_for_a_decimal_is_reported_not_raised(visit: Form) -> None:
    # float() refuses it: loading, answering and reviewing such a record raised
    # OverflowError, past every caller's handling.
    huge = 10**400
    session = FormSession(visit, {"weight": huge})
    assert session.issues("weight")[0].type_problem is TypeProblem.TOO_LARGE
    session.set_answer("weight", -huge)
    assert session.issues("weight")[0].type_problem is TypeProblem.TOO_LARGE


def test_a_constraint_without_an_answer_does_not_complain(session: FormSession) -> None:
    session.set_answer("start", "10:30")
    assert session.issues("end") == ()


WRONG = TypeProblem.WRONG_KIND


@pytest.mark.parametrize(
    ("question", "typed", "message", "problem"),
    [
        ("age", "fourteen", "Enter a whole number.", WRONG),
        ("age", "14.5", "Enter a whole number.", WRONG),
        ("age", "9" * 17, "The number is too large.", TypeProblem.TOO_LARGE),
        ("age", "9" * 5000, "The number is too large.", TypeProblem.TOO_LARGE),
        ("weight", "1,5", "Enter a number, like 2.5.", WRONG),
        ("weight", 2**53 - 1, "The number is too large.", TypeProblem.TOO_LARGE),
        ("met_on", "2024-02-30", "Enter a real date from 1900 to 2100 as YYYY-MM-DD.", WRONG),
        ("met_on", "30/01/2024", "Enter a real date from 1900 to 2100 as YYYY-MM-DD.", WRONG),
        (
            "found_at",
            "yesterday",
            "Enter a real date and time from 1900 to 2100 as YYYY-MM-DDTHH:MM.",
            WRONG,
        ),
        # London skipped 01:00-02:00 that day, as the clocks went forward.
        (
            "found_at",
            "2026-03-29T01:30",
            "Enter a real date and time from 1900 to 2100 as YYYY-MM-DDTHH:MM.",
            WRONG,
        ),
        ("start", "25:00", "Enter a real time as HH:MM.", WRONG),
        ("met", "maybe", "Not one of the choices.", TypeProblem.NOT_A_CHOICE),
        (
            "where_found",
            {"description": "Bus station", "postcode": "NOT A CODE"},
            "Not a valid UK postcode.",
            TypeProblem.NOT_A_POSTCODE,
        ),
    ],
)
def test_answers_of_the_wrong_type_are_kept_for_correcting_and_never_echoed(
    session: FormSession,
    clock: Clock,
    question: str,
    typed: object,
    message: str,
    problem: TypeProblem,
) -> None:
    """The English message is for logs; `type_problem` says which way, for a screen."""
    session.set_answer(question, typed)
    (issue,) = session.issues(question)
    assert (issue.kind, issue.message, issue.type_problem) == (IssueKind.TYPE, message, problem)
    assert str(typed) not in issue.message
    entry = session.entry(question)
    assert isinstance(entry, InvalidAnswer) and entry.raw == typed
    assert session.answer(question) is None
    # Saved as typed, so closing or a crash loses nothing; it reads back as not valid.
    assert session.record()[question] == typed
    reopened = FormSession(session.form, session.record(), clock=clock)
    assert [i.message for i in reopened.issues(question)] == [message]
    assert not reopened.validate().ok


def test_a_london_time_that_happened_twice_needs_its_offset(session: FormSession) -> None:
    """01:30 on the night the clocks went back could be either of two instants an hour
    apart, and an hour moves the 72-hour deadline: it is not taken as either unasked."""
    session.set_answer("found_at", "2026-10-25T01:30")  # the clocks went back at 02:00 BST
    assert session.answer("found_at") is None
    assert [(issue.kind, issue.message) for issue in session.issues("found_at")] == [
        (
            IssueKind.TYPE,
            "That time happened twice in London, as the clocks went back: add +01:00 for "
            "the first (BST) or +00:00 for the second (GMT).",
        )
    ]
    session.set_answer("found_at", "2026-10-25T01:30+00:00")  # the second: GMT
    assert session.record()["found_at"] == "2026-10-25T01:30:00+00:00"
    session.set_answer("found_at", datetime(2026, 10, 25, 1, 30))  # naive, so either
    assert session.answer("found_at") is None
    session.set_answer("found_at", "1947-08-10T02:30")  # from double summer time
    assert session.issues("found_at")[0].message.endswith(
        "add +02:00 for the first (BDST) or +01:00 for the second (BST)."
    )
    session.set_answer("found_at", "2101-10-30T01:30")  # out of the years first
    assert session.issues("found_at")[0].message.startswith("Enter a real date and time")
    session.set_answer("found_at", "2026-10-25T02:00")  # the hour after it happened once
    assert session.record()["found_at"] == "2026-10-25T02:00:00+00:00"
    session.set_answer("found_at", "2026-03-29T02:00")  # the first minute after the jump
    assert session.record()["found_at"] == "2026-03-29T01:00:00+00:00"


def test_an_invalid_answer_reads_as_empty_so_calculations_do_not_use_it(
    session: FormSession,
) -> None:
    session.set_answer("age", "15")
    assert session.answer("age_next_year") == 16
    session.set_answer("age", "15x")
    assert session.answer("age_next_year") is None
    assert "age_next_year" not in session.record()


def test_a_calculated_whole_number_too_large_to_keep_is_empty(session: FormSession) -> None:
    session.set_answer("age", MAX_WHOLE_NUMBER - 1)
    assert session.answer("age_next_year") == MAX_WHOLE_NUMBER
    session.set_answer("age", MAX_WHOLE_NUMBER)  # one more is past what a record may hold
    assert session.answer("age_next_year") is None
    assert "age_next_year" not in session.record()


DAYS: dict[str, Any] = {
    "form_id": "days",
    "version": 1,
    "title": "Days",
    "choice_lists": {},
    "sections": [{"id": "main", "title": "Main", "questions": [
        {"id": "hours", "type": "decimal", "label": "Hours missing"},
        {"id": "full_days", "type": "integer", "label": "Full days",
         "calculation": "${hours} div 24"},
    ]}],
}  # fmt: skip


def test_a_calculated_whole_number_drops_its_fraction_as_in_odk(clock: Clock) -> None:
    session = FormSession(load_form(DAYS), clock=clock)
    for hours, full_days in ((61, 2), (36, 1), (71.9, 2), (72, 3), (-36, -1)):
        session.set_answer("hours", hours)
        assert session.answer("full_days") == full_days


def test_a_calculated_whole_number_is_not_cut_short_by_floating_point(clock: Clock) -> None:
    # 4.1 * 24 is 98.39999999999999 and 4.1 * 60 is 245.99999999999997: cut off, 245
    # minutes were stored for 4.1 hours.
    definition = copy.deepcopy(DAYS)
    definition["sections"][0]["questions"][1]["calculation"] = "${hours} * 60"
    session = FormSession(load_form(definition), clock=clock)
    for hours, minutes in ((4.1, 246), (0.7, 42), (1234.9, 74094), (2.51, 150), (-4.1, -246)):
        session.set_answer("hours", hours)
        assert session.answer("full_days") == minutes


def test_typed_answers_are_normalised(session: FormSession) -> None:
    session.set_answer("met", True)
    session.set_answer("risks", "cce cse")
    session.set_answer("where_found", {"description": " Bus station ", "postcode": "sw1a1aa"})
    session.set_answer("found_at", "2024-03-13T23:15")  # London wall-clock time
    session.set_answer("weight", " 2.5 ")
    session.set_answer("rating", "4")
    assert session.answer("met") == "yes"
    assert session.answer("risks") == ("cse", "cce")  # choice-list order
    assert session.answer("where_found") == Location("Bus station", "SW1A 1AA")
    assert session.answer("found_at") == datetime(2024, 3, 13, 23, 15, tzinfo=UTC)
    assert session.answer("weight") == 2.5
    assert session.answer("rating") == 4
    session.set_answer("rating", 6)
    assert session.issues("rating")[0].message == "Choose a point from 1 to 5."


def test_text_is_kept_without_control_characters_and_within_its_length(
    session: FormSession,
) -> None:
    """A NUL pasted from a PDF was kept, and the central service refuses a record holding
    one: the interview, signed off, could never be sent. A document pasted whole made the
    record too long to send, with nothing said while it could still be shortened."""
    session.set_answer("met", "yes")
    session.set_answer("action", "Called\x00 the duty\x1b team\r\n\tat once\ud800")
    assert session.answer("action") == "Called the duty team\r\n\tat once\ufffd"
    longest = LONGEST_TEXT[QuestionType.LONG_TEXT]
    session.set_answer("action", "x" * longest)
    assert session.issues("action") == ()
    session.set_answer("action", "x" * (longest + 1))
    (issue,) = session.issues("action")
    assert issue.type_problem is TypeProblem.TOO_LONG
    assert issue.message == f"Shorten it to at most {longest} characters."
    session.set_answer("venue", "other")
    session.set_answer("venue_other", "y" * (LONGEST_TEXT[QuestionType.TEXT] + 1))
    assert [i.type_problem for i in session.issues("venue_other")] == [TypeProblem.TOO_LONG]
    session.set_answer("venue_other", "\x00\x07 ")
    assert session.answer("venue_other") is None  # nothing but controls: no answer
    session.set_answer("venue_other", "\u200b\u00ad\u2060 \ufeff")
    assert session.answer("venue_other") is None  # nothing that shows: no answer either
    session.set_answer("venue_other", "\u200bBus\u00adstation")
    assert session.answer("venue_other") == "\u200bBus\u00adstation"  # kept as typed


def test_clearing_an_answer_makes_a_required_question_ask_again(session: FormSession) -> None:
    session.set_answer("met", "no")
    assert session.validate().ok
    changes = session.clear_answer("met")
    assert FieldKey("met") in changes.validity
    assert not session.validate().ok
    session.set_answer("met", "   ")
    assert session.entry("met") is None


def test_repeat_rows_are_validated_per_row_and_counted_against_min_and_max(
    session: FormSession,
) -> None:
    session.set_answer("met", "yes")
    session.add_row("people")
    assert session.answer("worry", row=0) == "no"  # a row starts with its defaults
    assert kinds(session) == {FieldKey("name", 0): [IssueKind.REQUIRED]}
    session.set_answer("name", "Jay", row=0)
    session.add_row("people")
    session.set_answer("name", "Kez", row=1)
    session.set_answer("worry", "yes", row=1)
    assert kinds(session) == {FieldKey("why", 1): [IssueKind.REQUIRED]}
    session.add_row("people")
    assert session.validate().for_question("people")[0].message == "Keep to at most 2 rows."
    session.remove_row("people", 2)
    session.remove_row("people", 0)
    assert session.answer("name", row=0) == "Kez"
    assert kinds(session) == {FieldKey("why", 0): [IssueKind.REQUIRED]}
    session.set_answer("why", "Older, gives lifts", row=0)
    session.set_answer("risks", ["cce"])
    session.set_answer("venue", "school")
    assert session.validate().ok
    assert session.record()["people"] == [
        {"name": "Kez", "worry": "yes", "why": "Older, gives lifts"}
    ]


def test_a_record_reads_back_into_the_same_interview(visit: Form, clock: Clock) -> None:
    first = FormSession(visit, clock=clock)
    first.set_answer("met", "yes")
    first.set_answer("start", time(9, 5))
    first.set_answer("met_on", date(2024, 3, 1))
    first.set_answer("found_at", datetime(2024, 2, 29, 22, 0, tzinfo=UTC))
    first.set_answer("where_found", Location("Park", "M1 1AE"))
    first.set_answer("risks", ["cse", "cce"])
    first.set_answer("age", 14)
    first.add_row("people")
    first.set_answer("name", "Jay", row=0)
    record = first.record()
    assert record["found_at"] == "2024-02-29T22:00:00+00:00"
    assert record["where_found"] == {"description": "Park", "postcode": "M1 1AE"}
    assert record["age_next_year"] == 15

    again = FormSession(visit, record, clock=clock)
    assert again.record() == record
    assert again.state() == first.state()


def test_a_restored_draft_keeps_its_own_answers_not_the_defaults(visit: Form, clock: Clock) -> None:
    restored = FormSession(visit, {"met": "yes"}, clock=clock)
    assert restored.answer("venue") is None


def test_defaults_hidden_when_a_draft_was_saved_come_back_with_their_questions(
    visit: Form, clock: Clock
) -> None:
    first = FormSession(visit, clock=clock)
    first.set_answer("met", "yes")
    first.add_row("people")  # worried? starts as "no"
    first.set_answer("name", "Jay", row=0)
    first.set_answer("met", "no")  # hides where they met, and the people
    record = first.record()
    assert "venue" not in record and "people" not in record

    reopened = FormSession(visit, with_held(record, first.holding()), clock=clock)
    assert reopened.record() == record
    assert reopened.hidden_entries() == first.hidden_entries()  # defaults are not work lost
    for session in (first, reopened):
        session.set_answer("met", "yes")
    assert reopened.record() == first.record()
    assert reopened.answer("venue") == "school"
    assert reopened.answer("worry", row=0) == "no"


def test_a_record_with_answers_the_form_does_not_have_is_refused(visit: Form) -> None:
    with pytest.raises(ValueError, match=r"does not have at the top level: \['name', 'nickname'\]"):
        FormSession(visit, {"met": "yes", "nickname": "x", "name": "y"})
    with pytest.raises(ValueError, match="rows of 'people' have no questions"):
        FormSession(visit, {"people": [{"age": 3}]})


def test_programming_mistakes_raise_at_once(session: FormSession) -> None:
    with pytest.raises(KeyError, match="no question 'nope'"):
        session.set_answer("nope", "x")
    with pytest.raises(ValueError, match="calculated question"):
        session.set_answer("age_next_year", 3)
    with pytest.raises(IndexError, match="has no row 0"):
        session.set_answer("name", "x", row=0)
    with pytest.raises(ValueError, match="not inside a repeat group"):
        session.set_answer("met", "yes", row=0)
    with pytest.raises(ValueError, match="not a repeat group"):
        session.add_row("met")


def test_a_clock_without_a_time_zone_is_refused_rather_than_guessed(visit: Form) -> None:
    with pytest.raises(ValueError, match="naive datetimes are ambiguous"):
        FormSession(visit, {"met_on": "2024-03-01"}, clock=lambda: datetime(2024, 3, 14, 10, 30))


def test_problems_are_listed_in_screen_order_row_by_row() -> None:
    # They were listed question by question across rows, so "Check answers" went to the
    # second row's name before the first row's age.
    form = load_form({
        "form_id": "people", "version": 1, "title": "People", "choice_lists": {},
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "people", "type": "repeat", "label": "People", "questions": [
                {"id": "name", "type": "text", "label": "Name", "required": True},
                {"id": "age", "type": "integer", "label": "Age", "required": True},
            ]},
            {"id": "after", "type": "text", "label": "After", "required": True},
        ]}],
    })  # fmt: skip
    session = FormSession(form, {"people": [{"name": "Jay"}, {"age": 15}, {}]})
    keys = [(issue.key.id, issue.key.row) for issue in session.validate().issues]
    assert keys == [("age", 0), ("name", 1), ("name", 2), ("age", 2), ("after", None)]


def test_a_time_given_in_code_is_kept_as_a_record_reads_it_back(
    session: FormSession, clock: Clock
) -> None:
    """A time with a zone could not be compared with a plain one (a TypeError out of
    the constraint); one with microseconds was saved as text that did not read back."""
    session.set_answer("start", time(10, 30, 15, 500000))
    assert session.answer("start") == time(10, 30, 15)
    reopened = FormSession(session.form, session.record(), clock=clock)
    assert reopened.answer("start") == time(10, 30, 15)
    session.set_answer("start", time(10, 30, tzinfo=UTC))
    assert session.answer("start") is None
    assert session.issues("start")[0].kind is IssueKind.TYPE


def test_text_pasted_with_its_accents_as_marks_reads_as_typed() -> None:
    """'Siân' from a case system, its accent a mark of its own, was five letters long and
    not the 'Siân' the form compares it with."""
    form = load_form({
        "form_id": "names", "version": 1, "title": "Names",
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "name", "type": "text", "label": "Name",
             "constraint": "string-length(.) <= 4"},
            {"id": "is_sian", "type": "text", "label": "Is it?",
             "calculation": "if(${name} = 'Si\u00e2n', 'yes', 'no')"},
        ]}],
    })  # fmt: skip
    session = FormSession(form)
    session.set_answer("name", "Sia\u0302n")

    assert session.answer("name") == "Si\u00e2n"
    assert not session.issues("name")
    assert session.answer("is_sian") == "yes"
