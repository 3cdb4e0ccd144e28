"""A returned interview the interviewer moved to a newer form version before sending it
back: what changed since the returned revision reads each revision in its own version's
words, and answers either version marks sensitive (or that neither version knows) stay
marked, so the review screen keeps them covered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.forms import Form, load_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry, migrate_draft, plan_migration
from rhi_desktop.review import (
    ChangeKind,
    QuestionChange,
    return_for_amendment,
    review_subject,
    revision_diff,
)
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.review.conftest import COORDINATOR, submitted
from tests.rhi_definition import rhi_definition

RETURNED = utc(2026, 2, 5, 18, 0)
STORY = "Stayed at a flat above the takeaway on Sample Road"
AWAY = "Was kept in a flat by two older men"
PLACE = "Flat 3, 12 Sample Road"
WORRY = "He gave her cannabis to carry"
PARK = "Met an adult at Sample Park"
NICKNAME = "Calls himself Fictional Kay"
ACTION = "Told the duty social worker about the flat"
V1_ANSWERS: Mapping[str, Any] = {
    "interviewer_name": "Sam Interviewer",
    "venue_type": "school",
    "before_story": STORY,
    "action_taken": ACTION,
    "what_happened": AWAY,
    "places": [{"place_description": PLACE, "place_duration": "under_6_hours"}],
    "people": [
        {
            "person_name": "Jay",
            "person_relationship": "friend",
            "person_concern": "yes",
            "person_concern_details": WORRY,
            "person_alias": NICKNAME,  # on neither version: its text may be anything
        }
    ],
    "where_went": PARK,  # on neither version
}


def _version_two() -> dict[str, Any]:
    """The RHI form as a team republished it: the story of where the child went and the
    places they stayed are asked elsewhere now, worries about a person are no longer
    asked row by row, "school" reads differently, the story before they left and a
    person's name are no longer marked sensitive and the action taken now is."""
    definition = rhi_definition(2)
    dropped = {"what_happened", "places"}
    for section in definition["sections"]:
        section["questions"] = [q for q in section["questions"] if q["id"] not in dropped]
        for question in section["questions"]:
            if question["id"] == "people":
                question["questions"] = [
                    q for q in question["questions"] if q["id"] != "person_concern_details"
                ]
                for field in question["questions"]:
                    if field["id"] == "person_name":
                        field["sensitive"] = False
            if question["id"] == "before_story":
                question["sensitive"] = False
            if question["id"] == "action_taken":
                question["sensitive"] = True
    for choice in definition["choice_lists"]["venues"]:
        if choice["value"] == "school":
            choice["label"] = "School, college or nursery"
    return definition


def _installed(folder: Path, version_two: dict[str, Any]) -> FormRegistry:
    """The bundled forms, and `version_two` installed beside them in `folder`."""
    forms = FormRegistry(BUNDLED_FORMS_DIR, folder)
    forms.install(version_two)
    return forms


@pytest.fixture
def registry(tmp_path: Path) -> FormRegistry:
    return _installed(tmp_path / "forms", _version_two())


def _returned_moved_and_resubmitted(
    store: Store,
    book: Casebook,
    registry: FormRegistry,
    amend: Callable[[dict[str, Any]], None],
    answers: Mapping[str, Any] = V1_ANSWERS,
) -> str:
    """Sent on version 1, returned, moved to version 2 by its interviewer, amended and sent
    again: revision 1 was made on version 1, revision 2 on version 2."""
    interview = submitted(book, RETURNED, answers=answers)
    at = RETURNED + timedelta(days=2)
    return_for_amendment(store, COORDINATOR, interview.id, 1, at, overall_comment="Add more")
    with store.transaction("iv-1") as tx:
        tx.interviews.transition(interview.id, InterviewState.IN_PROGRESS, at=at)
    with store.transaction("iv-1") as tx:
        draft = tx.interviews.get(interview.id)
        moved, _plan = migrate_draft(tx, interview.id, registry, expected_version=draft.version)
        answers = dict(moved.answers)
        amend(answers)
        tx.interviews.save_answers(interview.id, answers, expected_version=moved.version)
        tx.interviews.transition(interview.id, InterviewState.COMPLETED, at=at)
        tx.interviews.transition(interview.id, InterviewState.SUBMITTED, at=at)
    return interview.id


def _changes(store: Store, registry: FormRegistry, interview_id: str) -> dict[str, QuestionChange]:
    subject = review_subject(store, interview_id, registry.load)
    assert subject.revision == 2 and subject.changes is not None
    return {change.question_id: change for change in subject.changes}


def _amended(answers: dict[str, Any]) -> None:
    answers["venue_type"] = "home"
    answers["before_story"] = "Stayed with a friend from school"
    answers["action_taken"] = "Rang the duty social worker"
    answers["people"] = [{"person_name": "Jay", "person_relationship": "friend"}]


def test_answers_version_two_dropped_read_in_version_one_s_words_and_stay_marked(
    store: Store, book: Casebook, registry: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, registry, _amended)

    changes = _changes(store, registry, interview_id)

    away = changes["what_happened"]
    assert away.sensitive and away.kind is ChangeKind.LEFT_BEHIND
    assert away.label == "What happened while they were away?"
    assert away.section_title == "While they were missing"
    # Left behind by the move, not taken out by the interviewer: said so.
    assert (away.before, away.after) == (AWAY, "Not asked on form version 2")
    places = changes["places"]
    assert places.label == "Places they went" and places.before == "1 row"
    (row,) = places.rows
    assert row.kind is ChangeKind.LEFT_BEHIND and row.sensitive  # not taken out by hand
    assert [(f.label, f.text, f.sensitive) for f in row.before] == [
        ("Describe the place", PLACE, True),
        ("How long were they there?", "Less than 6 hours", False),
    ]


def test_a_repeat_row_reads_fields_version_two_dropped_in_version_one_s_words(
    store: Store, book: Casebook, registry: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, registry, _amended)

    (row,) = _changes(store, registry, interview_id)["people"].rows

    before = {f.question_id: (f.label, f.text, f.sensitive) for f in row.before}
    assert before["person_concern_details"] == ("What worries you?", WORRY, True)
    assert before["person_name"] == ("First name or nickname", "Jay", True)
    assert before["person_relationship"][2] is False
    assert before["person_alias"][1:] == (NICKNAME, True)  # on neither version
    after = {f.question_id: f.sensitive for f in row.after}
    assert after == {"person_name": True, "person_relationship": False}  # marked on v1


def test_a_question_marked_sensitive_on_either_version_is_marked(
    store: Store, book: Casebook, registry: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, registry, _amended)

    changes = _changes(store, registry, interview_id)

    assert changes["before_story"].sensitive  # marked on version 1 only
    assert changes["before_story"].before == STORY
    assert changes["action_taken"].sensitive  # marked on version 2 only
    assert changes["action_taken"].before == ACTION
    assert not changes["venue_type"].sensitive


def test_an_answer_neither_version_knows_is_marked(
    store: Store, book: Casebook, registry: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, registry, _amended)

    park = _changes(store, registry, interview_id)["where_went"]

    assert park.sensitive and park.before == PARK
    assert park.label == "A question not on this form version (where_went)"


def test_each_revision_s_choices_read_as_its_own_version_labels_them(
    store: Store, book: Casebook, registry: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, registry, _amended)

    venue = _changes(store, registry, interview_id)["venue_type"]

    assert (venue.before, venue.after) == ("School or college", "Their home")
    assert venue.label == "Where did you meet?"


def _version_two_without_school_and_asking_the_story_only_at_home() -> dict[str, Any]:
    """A version 2 that no longer offers "school" as a venue, and asks the story before
    they left only when the child was met at home."""
    definition = rhi_definition(2)
    definition["choice_lists"]["venues"] = [
        c for c in definition["choice_lists"]["venues"] if c["value"] != "school"
    ]
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == "before_story":
                question["relevant"] = "${venue_type} = 'home'"
    return definition


@pytest.fixture
def narrower(tmp_path: Path) -> FormRegistry:
    return _installed(
        tmp_path / "narrower", _version_two_without_school_and_asking_the_story_only_at_home()
    )


def test_an_answer_whose_choice_the_new_version_dropped_reads_as_left_behind_not_cleared(
    store: Store, book: Casebook, narrower: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, narrower, lambda _: None)

    changes = _changes(store, narrower, interview_id)

    venue = changes["venue_type"]
    assert venue.kind is ChangeKind.LEFT_BEHIND
    assert (venue.before, venue.after) == (
        "School or college",
        "Its choice is not offered on form version 2",
    )


def test_an_answer_the_new_version_does_not_ask_reads_as_left_behind_not_cleared(
    store: Store, book: Casebook, narrower: FormRegistry
) -> None:
    interview_id = _returned_moved_and_resubmitted(store, book, narrower, lambda _: None)

    story = _changes(store, narrower, interview_id)["before_story"]

    assert story.kind is ChangeKind.LEFT_BEHIND
    assert (story.before, story.after) == (STORY, "Not asked on form version 2")


def test_an_answer_the_move_carried_and_the_interviewer_then_cleared_reads_as_cleared(
    store: Store, book: Casebook, narrower: FormRegistry
) -> None:
    def clear_the_action(answers: dict[str, Any]) -> None:
        answers["offer_outcome"] = "accepted"
        answers["venue_type"] = "home"  # the story is asked again...
        del answers["action_taken"]  # ...and the carried action taken out by hand
        answers.pop("before_story", None)  # ...and the story, asked again, left empty

    interview_id = _returned_moved_and_resubmitted(store, book, narrower, clear_the_action)

    changes = _changes(store, narrower, interview_id)

    assert changes["action_taken"].kind is ChangeKind.REMOVED
    assert changes["action_taken"].after == "Not answered"
    assert changes["before_story"].kind is ChangeKind.REMOVED


def _without_buses_asking_other_ways_per_place() -> dict[str, Any]:
    """Version 2 no longer offers "Bus", asks "How else did they travel?" in each row of
    the places, and no longer asks how long they stayed at each."""
    definition = rhi_definition(2)
    definition["choice_lists"]["travel_modes"] = [
        c for c in definition["choice_lists"]["travel_modes"] if c["value"] != "bus"
    ]
    for section in definition["sections"]:
        moved = [q for q in section["questions"] if q["id"] == "travel_other"]
        section["questions"] = [q for q in section["questions"] if q["id"] != "travel_other"]
        for question in section["questions"]:
            if question["id"] == "places":
                fields = [q for q in question["questions"] if q["id"] != "place_duration"]
                question["questions"] = [*fields, {**moved[0], "relevant": None}]
    return definition


TRAVELLED = {
    **V1_ANSWERS,
    "offer_outcome": "accepted",  # (the sections of the time away are asked)
    "travel": ["walked", "bus", "other"],
    "travel_other": "A friend's moped",
}


def test_what_the_move_alone_changed_is_not_read_as_the_interviewer_s_edit(
    store: Store, book: Casebook, tmp_path: Path
) -> None:
    """Moved and sent back with no edit, the choice the new version dropped read as taken
    out by the interviewer ("changed"), as did a row's answer the new version no longer
    asks; and an answer now asked in each row read as not asked at all."""
    registry = _installed(tmp_path / "forms", _without_buses_asking_other_ways_per_place())
    interview_id = _returned_moved_and_resubmitted(
        store, book, registry, lambda answers: None, TRAVELLED
    )

    changes = _changes(store, registry, interview_id)

    travel = changes["travel"]
    assert travel.kind is ChangeKind.MOVED
    assert (travel.before, travel.after) == ("Walked; Bus; Another way", "Walked; Another way")
    (row,) = changes["places"].rows
    assert changes["places"].kind is ChangeKind.MOVED and row.kind is ChangeKind.MOVED
    other = changes["travel_other"]
    assert other.kind is ChangeKind.LEFT_BEHIND
    assert other.after == "Asked in each row of Places they went on form version 2"
    assert ChangeKind.CHANGED not in {change.kind for change in changes.values()}


def test_an_edit_on_top_of_the_move_reads_as_the_interviewer_s(
    store: Store, book: Casebook, tmp_path: Path
) -> None:
    registry = _installed(tmp_path / "forms", _without_buses_asking_other_ways_per_place())

    def amend(answers: dict[str, Any]) -> None:
        answers["travel"] = ["walked"]
        answers["places"] = [{"place_description": PLACE, "travel_other": "A moped"}]

    interview_id = _returned_moved_and_resubmitted(store, book, registry, amend, TRAVELLED)
    changes = _changes(store, registry, interview_id)
    assert changes["travel"].kind is ChangeKind.CHANGED
    assert changes["places"].kind is ChangeKind.CHANGED
    assert changes["places"].rows[0].kind is ChangeKind.CHANGED


def test_a_new_question_s_default_reads_as_the_move_s_not_as_answered() -> None:
    """Version 2 asks "Police told?", starting at "No": moved and sent back with no
    edit, review read "Police told? (answered)", as if the interviewer had said no."""

    def form(version: int, top: list[dict[str, Any]], row: list[dict[str, Any]]) -> Form:
        people = {"id": "people", "type": "repeat", "label": "People",
                  "questions": [{"id": "who", "type": "text", "label": "Who"}, *row]}  # fmt: skip
        return load_form(
            {"form_id": "f", "version": version, "title": "T",
             "sections": [{"id": "s", "title": "S", "questions": [*top, people]}]}
        )  # fmt: skip

    told = {"id": "police", "type": "yes_no", "label": "Police told?", "default": "no"}
    known = {"id": "known", "type": "yes_no", "label": "Known?", "default": "no"}
    v1, v2 = form(1, [], []), form(2, [told], [known])
    old = {"people": [{"who": "Kit"}, {"who": "Sam"}]}
    moved = plan_migration(old, v1, v2).answers

    changes = {c.question_id: c for c in revision_diff(old, moved, v2, old_form=v1)}
    assert changes["police"].kind is ChangeKind.MOVED
    assert changes["people"].kind is ChangeKind.MOVED

    kit_taken_out = {**moved, "people": moved["people"][1:]}
    (people,) = revision_diff(old, kit_taken_out, v2, old_form=v1)[1:]
    rows = [(row.kind, row.before_number, row.after_number) for row in people.rows]
    assert rows == [(ChangeKind.REMOVED, 1, None), (ChangeKind.MOVED, 2, 1)]
