"""What changed between revisions, in the form's words."""

from __future__ import annotations

from rhi_desktop.forms import Form
from rhi_desktop.review import ChangeKind, FieldText, Words, revision_diff

BEFORE = {
    "venue_type": "school",
    "interviewer_name": "Sam",
    "interpreter_used": "no",
    "safety_information": ["missing_people"],
    "interview_date": "2026-02-06",
    "feelings": 3,
    "people": [
        {"person_name": "Jay", "person_relationship": "friend"},
        {"person_name": "Kit", "person_relationship": "adult_known", "person_age": 30},
        {"person_name": "Lou", "person_relationship": "family_member"},
    ],
}


def test_unchanged_answers_give_no_changes(form: Form) -> None:
    assert revision_diff(BEFORE, dict(BEFORE), form) == ()


def test_a_changed_choice_reads_as_its_labels_under_the_question_label(form: Form) -> None:
    after = {**BEFORE, "venue_type": "home", "safety_information": ["missing_people", "childline"]}

    venue, safety = revision_diff(BEFORE, after, form)

    assert venue.question_id == "venue_type" and venue.kind is ChangeKind.CHANGED
    assert venue.label == "Where did you meet?"
    assert venue.section_title == "Where we met and who was there"
    assert (venue.before, venue.after) == ("School or college", "Their home")
    assert safety.label == "What safety information did you give?"
    assert safety.after.startswith("Missing People: call or text 116 000")
    assert "; Childline: 0800 1111" in safety.after


def test_answered_and_cleared_questions_say_so_in_the_words_given(form: Form) -> None:
    words = Words(yes="Ie", no="Na", not_answered="Heb ei ateb")
    after = {**BEFORE, "interpreter_used": "yes", "interpreter_language": "Tigrinya"}
    del after["interviewer_name"]
    after["interview_date"] = "2026-02-07"
    after["feelings"] = 5

    changes = {c.question_id: c for c in revision_diff(BEFORE, after, form, words)}

    assert list(changes) == [
        "interview_date",
        "interpreter_used",
        "interpreter_language",
        "feelings",
        "interviewer_name",
    ]  # form order
    assert (changes["interview_date"].before, changes["interview_date"].after) == (
        "06/02/2026",
        "07/02/2026",
    )
    assert (changes["interpreter_used"].before, changes["interpreter_used"].after) == ("Na", "Ie")
    language = changes["interpreter_language"]
    assert language.kind is ChangeKind.ADDED
    assert (language.before, language.after) == ("Heb ei ateb", "Tigrinya")
    assert (changes["feelings"].before, changes["feelings"].after) == (
        "3 (Okay)",
        "5 (Very happy)",
    )
    name = changes["interviewer_name"]
    assert name.kind is ChangeKind.REMOVED and (name.before, name.after) == ("Sam", "Heb ei ateb")


def test_repeat_rows_are_matched_before_they_are_called_changed(form: Form) -> None:
    people = BEFORE["people"]
    assert isinstance(people, list)
    after = {
        **BEFORE,
        "people": [
            people[0],
            {"person_name": "Lou", "person_relationship": "family_member", "person_age": 40},
            {"person_name": "Mo", "person_relationship": "online_contact"},
        ],
    }

    (change,) = revision_diff(BEFORE, after, form)

    assert change.label == "People they were with" and change.kind is ChangeKind.CHANGED
    assert (change.before, change.after) == ("3 rows", "3 rows")
    shown = [
        (
            r.kind,
            r.before_number,
            r.after_number,
            [f.text for f in r.before],
            [f.text for f in r.after],
        )
        for r in change.rows
    ]
    assert shown == [
        (ChangeKind.REMOVED, 2, None, ["Kit", "Adult they know", "30"], []),
        (
            ChangeKind.CHANGED,
            3,
            2,
            ["Lou", "Family member"],
            ["Lou", "Family member", "40"],
        ),
        (ChangeKind.ADDED, None, 3, [], ["Mo", "Someone they met online"]),
    ]
    assert change.rows[0].before[1] == FieldText(
        "person_relationship", "Who are they to the young person?", "Adult they know"
    )


def test_a_removed_middle_row_is_one_removed_row(form: Form) -> None:
    people = BEFORE["people"]
    assert isinstance(people, list)
    after = {**BEFORE, "people": [people[0], people[2]]}

    (change,) = revision_diff(BEFORE, after, form)

    (row,) = change.rows
    assert (row.kind, row.before_number, row.after_number) == (ChangeKind.REMOVED, 2, None)
    assert [f.text for f in row.before] == ["Kit", "Adult they know", "30"]
    assert (change.before, change.after) == ("3 rows", "2 rows")


def test_a_row_edited_after_a_removed_one_is_paired_with_the_row_it_was(form: Form) -> None:
    """Amy removed, Ben's name corrected: Amy's row, first and sharing one answer with
    Benjamin's, took it, so review said Ben, the person with the concern, was removed
    and Amy rewritten to hold his concern."""
    ben = {
        "person_name": "Ben",
        "person_relationship": "friend",
        "person_age": 30,
        "person_concern": "yes",
        "person_concern_details": "He gave her drugs",
    }
    cal = {"person_name": "Cal", "person_relationship": "family_member"}
    before = {"people": [{"person_name": "Amy", "person_relationship": "friend"}, ben, cal]}
    after = {"people": [{**ben, "person_name": "Benjamin"}, cal]}

    (change,) = revision_diff(before, after, form)

    rows = [(row.kind, row.before_number, row.after_number) for row in change.rows]
    assert rows == [(ChangeKind.REMOVED, 1, None), (ChangeKind.CHANGED, 2, 1)]
    assert [f.text for f in change.rows[0].before] == ["Amy", "Friend"]


def test_a_first_row_is_added(form: Form) -> None:
    before = {"venue_type": "school"}
    after = {**before, "agreed_actions": [{"action_what": "Call the school"}]}

    (change,) = revision_diff(before, after, form)

    assert change.kind is ChangeKind.ADDED and change.after == "1 row"
    (row,) = change.rows
    assert row.kind is ChangeKind.ADDED and row.after_number == 1
    assert row.after[0].text == "Call the school"


def test_answers_the_form_does_not_have_are_named_last(form: Form) -> None:
    changes = revision_diff(
        {"where_went": "Park"}, {"where_went": "Beach", "venue_type": "home"}, form
    )

    assert [c.question_id for c in changes] == ["venue_type", "where_went"]
    assert changes[1].label == "A question not on this form version (where_went)"
    assert (changes[1].before, changes[1].after) == ("Park", "Beach")
