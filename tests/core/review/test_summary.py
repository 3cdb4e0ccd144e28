"""The submitted answers as the review screen lists them, section by section."""

from __future__ import annotations

from rhi_desktop.forms import Form, load_form
from rhi_desktop.review import AnswerLine, Words, answer_summary

ANSWERS = {
    "offer_made_at": "2026-02-06T10:15:00+00:00",
    "offer_outcome": "accepted",
    "interview_date": "2026-02-06",
    "venue_type": "school",
    "interpreter_used": "no",
    "people": [{"person_name": "Jay", "person_relationship": "friend", "person_age": 15}],
    "interviewer_name": "Sam Interviewer",
    "declaration": "yes",
}


def _lines(form: Form) -> dict[str, AnswerLine]:
    return {
        line.question_id: line
        for section in answer_summary(form, ANSWERS)
        for line in section.lines
    }


def test_sections_come_in_form_order_with_readable_answers(form: Form) -> None:
    sections = answer_summary(form, ANSWERS)

    titles = [s.title for s in sections]
    assert titles[:2] == ["The offer", "Where we met and who was there"]
    assert titles[-1] == "Sign-off"
    lines = _lines(form)
    assert lines["offer_made_at"].text == "Fri 06 Feb 2026, 10:15 GMT"
    assert lines["interview_date"].text == "06/02/2026"
    assert lines["venue_type"].label == "Where did you meet?"
    assert lines["venue_type"].text == "School or college"
    assert lines["interpreter_used"].text == "No"
    assert lines["declaration"].answered


def test_relevant_questions_left_unanswered_are_listed_and_skipped_ones_are_not(
    form: Form,
) -> None:
    lines = _lines(form)

    assert lines["harm_disclosed"] == AnswerLine(
        "harm_disclosed",
        "Did they tell you about harm that happened before or while they were missing?",
        "Not answered",
        False,
    )
    assert "interpreter_language" not in lines  # asked only when an interpreter was used
    assert "declined_reason" not in lines  # the offer was accepted


def test_repeat_groups_list_their_rows(form: Form) -> None:
    people = _lines(form)["people"]

    assert people.text == "1 row" and people.answered
    (row,) = people.rows
    assert row.number == 1
    assert [(f.label, f.text) for f in row.fields] == [
        ("First name or nickname", "Jay"),
        ("Who are they to the young person?", "Friend"),
        ("About how old are they?", "15"),
    ]


def test_answers_the_form_does_not_have_are_listed_last_in_the_words_given(form: Form) -> None:
    words = Words(not_answered="—", other_answers="Other answers")

    sections = answer_summary(form, {**ANSWERS, "where_went": "Sample Park", "n": 3}, words)

    other = sections[-1]
    assert other.title == "Other answers"
    assert [(line.question_id, line.text) for line in other.lines] == [
        ("n", "3"),
        ("where_went", "Sample Park"),
    ]
    assert any(line.text == "—" for s in sections for line in s.lines)


def test_a_record_that_does_not_fit_the_form_is_still_listed(form: Form) -> None:
    sections = answer_summary(form, {"people": "not rows", "venue_type": "home"})

    lines = {line.question_id: line for s in sections for line in s.lines}
    assert lines["venue_type"].text == "Their home"
    assert lines["people"].text == "not rows"  # shown as stored, not hidden
    assert "harm_disclosed" not in lines  # relevance unknown: only what was answered


def test_a_decimal_reads_in_figures_as_typed() -> None:
    """It was shown to six figures, in scientific notation past them: £1,234,567.50 read
    as 1.23457e+06, and 0.00005 as 5e-05."""
    form = load_form({
        "form_id": "money", "version": 1, "title": "Money",
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "owed", "type": "decimal", "label": "Owed"},
            {"id": "dose", "type": "decimal", "label": "Dose"},
        ]}],
    })  # fmt: skip
    sections = answer_summary(form, {"owed": 1234567.5, "dose": 5e-05})
    lines = {line.question_id: line.text for s in sections for line in s.lines}

    assert lines == {"owed": "1234567.5", "dose": "0.00005"}
