"""Which answers the review screen must keep covered: those to questions the bundled RHI
form marks sensitive, wherever they appear (a plain answer, a field of a repeat row, a
change between revisions). An answer to a question the form does not know may hold
anything, so it is marked too, in the answers as in what changed between revisions (see
test_changes_across_form_versions)."""

from __future__ import annotations

from rhi_desktop.forms import Form, load_form
from rhi_desktop.review import AnswerLine, ChangeKind, answer_summary, revision_diff

STORY = "Stayed at a flat above the takeaway"
ANSWERS = {
    "offer_outcome": "accepted",
    "venue_type": "school",
    "before_story": STORY,
    "immediate_concern": "yes",
    "concern_details": "An adult at the flat gave them a phone",
    "people": [{"person_name": "Jay", "person_relationship": "friend"}],
    "where_went": "Sample Park",  # a question not on this form version
}


def _lines(form: Form | None) -> dict[str, AnswerLine]:
    return {line.question_id: line for s in answer_summary(form, ANSWERS) for line in s.lines}


def test_answers_to_sensitive_questions_are_marked_and_others_are_not(form: Form) -> None:
    lines = _lines(form)

    assert lines["before_story"].sensitive and lines["before_story"].text == STORY
    assert lines["concern_details"].sensitive
    assert not lines["venue_type"].sensitive
    assert not lines["immediate_concern"].sensitive
    assert not lines["people"].sensitive  # "1 row" reveals nothing; its fields say
    assert lines["where_went"].sensitive  # not on this form: it may hold anything


def test_an_unanswered_sensitive_question_is_still_marked(form: Form) -> None:
    lines = {
        line.question_id: line
        for s in answer_summary(form, {"offer_outcome": "accepted"})
        for line in s.lines
    }

    assert lines["before_story"].sensitive and not lines["before_story"].answered


def test_repeat_row_fields_carry_their_own_question_s_mark(form: Form) -> None:
    (row,) = _lines(form)["people"].rows

    marks = {field.question_id: field.sensitive for field in row.fields}
    assert marks == {"person_name": True, "person_relationship": False}


def test_a_repeat_group_stored_as_something_else_is_marked_when_its_rows_would_be(
    form: Form,
) -> None:
    sections = answer_summary(form, {"people": "Jay and Kit", "venue_type": "home"})

    lines = {line.question_id: line for s in sections for line in s.lines}
    assert lines["people"].text == "Jay and Kit" and lines["people"].sensitive


def test_without_the_form_every_answer_is_marked() -> None:
    lines = _lines(None)

    assert lines["before_story"].text == STORY
    assert all(line.sensitive for line in lines.values())


def test_a_row_answer_to_a_question_the_group_does_not_have_is_marked(form: Form) -> None:
    answers = {**ANSWERS, "people": [{"person_name": "Jay", "nickname_used": "J"}]}
    (row,) = {line.question_id: line for s in answer_summary(form, answers) for line in s.lines}[
        "people"
    ].rows

    marks = {field.question_id: field.sensitive for field in row.fields}
    assert marks == {"person_name": True, "nickname_used": True}


def test_changes_to_sensitive_questions_and_rows_are_marked(form: Form) -> None:
    after = {
        **ANSWERS,
        "before_story": "Stayed with a friend",
        "venue_type": "home",
        "people": [{"person_name": "Kit", "person_relationship": "friend"}],
        "police_info_shared": "yes",
        "police_info_summary": "Address of the flat",
    }

    changes = {change.question_id: change for change in revision_diff(ANSWERS, after, form)}

    assert changes["before_story"].sensitive
    assert (changes["before_story"].before, changes["before_story"].after) == (
        STORY,
        "Stayed with a friend",
    )
    assert changes["police_info_summary"].sensitive
    assert changes["police_info_summary"].kind is ChangeKind.ADDED
    assert not changes["venue_type"].sensitive
    assert not changes["police_info_shared"].sensitive
    people = changes["people"]
    assert not people.sensitive
    (row,) = people.rows
    assert row.sensitive
    assert [(f.question_id, f.sensitive) for f in row.after] == [
        ("person_name", True),
        ("person_relationship", False),
    ]


def test_changes_without_the_form_are_marked_as_they_may_hold_anything() -> None:
    after = {**ANSWERS, "before_story": "Stayed with a friend"}

    (change,) = revision_diff(ANSWERS, after, None)

    assert change.question_id == "before_story" and change.sensitive


def test_a_row_question_answered_outside_its_rows_is_covered_in_both_trees(form: Form) -> None:
    stray = {"action_what": "Told the police about the flat"}  # a row's question, at the top

    (change,) = revision_diff({}, stray, form, old_form=form)
    lines = {line.question_id: line for s in answer_summary(form, stray) for line in s.lines}
    line = lines["action_what"]

    assert change.sensitive and line.sensitive
    assert change.label == line.label


COVERED_GROUP = {
    "form_id": "visit", "version": 1, "title": "Visit",
    "sections": [{"id": "main", "title": "Main", "questions": [
        {"id": "people", "type": "repeat", "label": "People", "sensitive": True,
         "questions": [
             {"id": "name", "type": "text", "label": "Name"},
             {"id": "what", "type": "long_text", "label": "What happened"},
         ]},
    ]}],
}  # fmt: skip


def test_every_answer_in_the_rows_of_a_sensitive_group_is_marked() -> None:
    """However the form was written: marking the group covers each question in its rows,
    as the XLSForm import marks them one by one."""
    form = load_form(COVERED_GROUP)
    answers = {"people": [{"name": "Darren", "what": "He hit me"}]}
    (line,) = [line for s in answer_summary(form, answers) for line in s.lines]

    assert [field.sensitive for field in line.rows[0].fields] == [True, True]
    assert form.field("name").sensitive and not form.field("name").question.sensitive


def test_a_calculation_that_reads_a_sensitive_answer_is_marked_too() -> None:
    """It may be the disclosure itself, copied: lists and exports showed it uncovered.
    So is a calculation that reads that calculation."""
    form = load_form({
        "form_id": "visit", "version": 1, "title": "Visit",
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "summary", "type": "text", "label": "Summary",
             "calculation": "coalesce(${told_us}, 'nothing')"},
            {"id": "told_us", "type": "long_text", "label": "What they told us",
             "sensitive": True},
            {"id": "heading", "type": "text", "label": "Heading",
             "calculation": "if(${summary} = '', 'none', ${summary})"},
            {"id": "nights", "type": "integer", "label": "Nights away"},
            {"id": "weeks", "type": "decimal", "label": "Weeks", "calculation": "${nights} div 7"},
        ]}],
    })  # fmt: skip
    sections = answer_summary(form, {"told_us": STORY, "summary": STORY, "heading": STORY})
    lines = {line.question_id: line for s in sections for line in s.lines}

    assert lines["summary"].sensitive and lines["heading"].sensitive
    assert not form.field("weeks").sensitive
