"""What an interviewer does to a case, as small named operations over the store.

Each operation is one transaction (the store writes the outbox entries and audit events
with it), and every lifecycle move goes through `interviews.transition`, so the state
machine in `rhi_desktop.domain.lifecycle` stays the only authority. Widgets call these
and show the outcome; they hold no rules themselves. Problems a person can fix are
`CaseworkError`s with a `Problem` code the dialogs word for them. Qt-free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rhi_desktop.domain.deadlines import (
    require_aware,
    within_window,
)
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    ReturnInterview,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.domain.found_child import case_reference_is_plain, episode_problem
from rhi_desktop.forms.answers import AnswerTypeError, coerce_answer, to_json
from rhi_desktop.plain_text import plain_text
from rhi_desktop.review import deciding_review, returning_review
from rhi_desktop.store import Store

if TYPE_CHECKING:
    from rhi_desktop.forms.form import Form

S = InterviewState

OFFERABLE = frozenset({S.ASSIGNED, S.OFFERED, S.DECLINED})
OPENABLE_FOR_EDIT = frozenset({S.OFFERED, S.IN_PROGRESS, S.RETURNED})
READ_ONLY_VIEWABLE = frozenset({S.COMPLETED, S.SUBMITTED, S.APPROVED})
DECLINES = frozenset({OfferOutcome.DECLINED_BY_CHILD, OfferOutcome.DECLINED_BY_PARENT_CARER})
NEEDS_REASON = DECLINES | {OfferOutcome.NO_CONTACT, OfferOutcome.NOT_OFFERED}


class Problem(StrEnum):
    MISSING_CASE_REFERENCE = "missing_case_reference"
    CASE_REFERENCE_NOT_PLAIN = "case_reference_not_plain"
    MISSING_NAME = "missing_name"
    DUPLICATE_CASE_REFERENCE = "duplicate_case_reference"
    BORN_IN_FUTURE = "born_in_future"
    NOT_A_CHILD = "not_a_child"
    START_AFTER_RETURN = "start_after_return"
    START_BEFORE_BIRTH = "start_before_birth"
    RETURN_IN_FUTURE = "return_in_future"
    AWAY_NOT_LOOKED_AFTER = "away_not_looked_after"
    OFFER_IN_FUTURE = "offer_in_future"
    OFFER_BEFORE_RETURN = "offer_before_return"
    MISSING_OFFERED_BY = "missing_offered_by"
    MISSING_REASON = "missing_reason"
    CANNOT_OFFER_NOW = "cannot_offer_now"
    MISSING_LATE_REASON = "missing_late_reason"
    CHANGED_SINCE_CHECKED = "changed_since_checked"


class CaseworkError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class FoundChild:
    """A found child not yet on the caseload (e.g. the school rang), and their episode."""

    case_reference: str
    name: str
    date_of_birth: date
    looked_after: bool
    uasc: bool
    episode_type: EpisodeType
    episode_start: datetime
    returned_at: datetime


@dataclass(frozen=True, slots=True)
class OfferAttempt:
    offered_at: datetime
    method: OfferMethod
    offered_by: str
    outcome: OfferOutcome
    child_chose_venue_and_time: bool | None = None
    reason: str | None = None


def record_found_child(store: Store, actor: str, found: FoundChild, now: datetime) -> str:
    """Create the child, the episode and an assigned interview together; returns its id."""
    reference = plain_text(found.case_reference)
    name = found.name.strip()
    if not reference:
        raise CaseworkError(Problem.MISSING_CASE_REFERENCE)
    if not case_reference_is_plain(reference):
        raise CaseworkError(Problem.CASE_REFERENCE_NOT_PLAIN)
    if not name:
        raise CaseworkError(Problem.MISSING_NAME)
    start = require_aware(found.episode_start)
    returned = require_aware(found.returned_at)
    wrong = episode_problem(
        date_of_birth=found.date_of_birth,
        episode_type=found.episode_type,
        looked_after=found.looked_after,
        start=start,
        returned=returned,
        now=now,
    )
    if wrong is not None:
        raise CaseworkError(Problem(wrong.value))
    if store.children.by_case_reference(reference) is not None:
        raise CaseworkError(Problem.DUPLICATE_CASE_REFERENCE)
    child = Child(
        id=new_id(),
        case_reference=reference,
        name=name,
        date_of_birth=found.date_of_birth,
        looked_after=found.looked_after,
        uasc=found.uasc,
    )
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=found.episode_type,
        start=start,
        end=returned,
        looked_after=found.looked_after,
    )
    interview = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id=actor,
        returned_at=returned,
        state=S.ASSIGNED,
    )
    with store.transaction(actor) as tx:
        tx.children.add(child)
        tx.episodes.add(episode)
        tx.interviews.add(interview)
    return interview.id


def offer_moves(state: InterviewState, outcome: OfferOutcome) -> tuple[InterviewState, ...]:
    """The lifecycle moves an offer attempt with `outcome` makes from `state`.

    Accepted: the interview is offered (a re-offer after a decline moves declined ->
    offered). Declined: offered, then declined. No contact or not offered: the attempt
    is recorded and the state stays, so the 72-hour clock keeps showing.
    """
    if state not in OFFERABLE:
        raise CaseworkError(Problem.CANNOT_OFFER_NOW)
    if outcome is OfferOutcome.ACCEPTED:
        return () if state is S.OFFERED else (S.OFFERED,)
    if outcome in DECLINES:
        return (S.DECLINED,) if state is S.OFFERED else (S.OFFERED, S.DECLINED)
    return ()


def record_offer(
    store: Store, actor: str, interview_id: str, attempt: OfferAttempt, now: datetime
) -> InterviewState:
    """Record one offer attempt and make the moves it implies; returns the new state."""
    interview = store.interviews.get(interview_id)
    offered_at = require_aware(attempt.offered_at)
    if not attempt.offered_by.strip():
        raise CaseworkError(Problem.MISSING_OFFERED_BY)
    if attempt.outcome in NEEDS_REASON and not (attempt.reason or "").strip():
        raise CaseworkError(Problem.MISSING_REASON)
    if offered_at > require_aware(now):
        raise CaseworkError(Problem.OFFER_IN_FUTURE)
    if offered_at < interview.returned_at:
        raise CaseworkError(Problem.OFFER_BEFORE_RETURN)
    moves = offer_moves(interview.state, attempt.outcome)
    accepted = attempt.outcome is OfferOutcome.ACCEPTED
    offer = Offer(
        id=new_id(),
        interview_id=interview_id,
        offered_at=offered_at,
        method=attempt.method,
        offered_by=attempt.offered_by.strip(),
        outcome=attempt.outcome,
        child_chose_venue_and_time=attempt.child_chose_venue_and_time if accepted else None,
        reason=None if accepted else (attempt.reason or "").strip() or None,
    )
    state = interview.state
    with store.transaction(actor) as tx:
        tx.offers.add(offer)
        for target in moves:
            state = tx.interviews.transition(interview_id, target, at=now).state
    return state


def start_interview(
    store: Store, actor: str, interview_id: str, now: datetime, form: Form
) -> ReturnInterview:
    """Offered -> in progress, pinning `form` (its id and version); or reopen a returned
    one, which keeps the form it was started on. One already in progress is left as it is.

    A first start fills in the form's defaults (`Form.starting_answers`) and its offer
    questions from the offer already recorded, so the interviewer does not enter it
    twice (nor differently). Only what the pinned version asks, in the kind of answer it
    takes, is filled in: a later version may rename or drop an offer question, or no
    longer offer a choice, and the interviewer answers those in the form.
    """
    interview = store.interviews.get(interview_id)
    if interview.state is S.IN_PROGRESS:
        return interview
    with store.transaction(actor) as tx:
        moved = tx.interviews.transition(interview_id, S.IN_PROGRESS, at=now)
        if moved.form_id is None:
            filled_in = {**form.starting_answers(), **offer_answers(store, interview_id)}
            answers = {**answers_the_form_takes(form, filled_in), **moved.answers}
            moved = tx.interviews.update(
                dataclasses.replace(
                    moved, form_id=form.form_id, form_version=form.version, answers=answers
                )
            )
    return moved


def answers_the_form_takes(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Those of `answers` that `form` asks outside repeat groups and reads as they are."""
    taken: dict[str, Any] = {}
    for question_id, value in answers.items():
        info = form.fields.get(question_id)
        if info is None or info.repeat_id is not None or not info.answerable:
            continue
        try:
            coerce_answer(info.question, value, info.choices)
        except AnswerTypeError:
            continue
        taken[question_id] = value
    return taken


def offer_answers(store: Store, interview_id: str) -> dict[str, Any]:
    """The offer the interview is held on, as answers to the RHI form's offer questions:
    the latest accepted one (a later attempt, say no contact before the meeting, does not
    undo it), else the latest recorded. Whether the child chose where and when to meet
    is asked in the form of an accepted offer, where it was recorded."""
    offers = store.offers.for_interview(interview_id)
    if not offers:
        return {}
    accepted = [offer for offer in offers if offer.outcome is OfferOutcome.ACCEPTED]
    latest = max(accepted or offers, key=lambda offer: offer.offered_at)
    answers = {
        "offer_made_at": to_json(latest.offered_at),
        "offer_method": latest.method.value,
        "offer_outcome": latest.outcome.value,
    }
    chose = latest.child_chose_venue_and_time
    if latest.outcome is OfferOutcome.ACCEPTED and chose is not None:
        answers["child_consulted"] = "yes" if chose else "no"
    return answers


def coordinator_feedback(store: Store, interview_id: str) -> Review | None:
    """The coordinator's comments the interviewer should read: on an approved interview,
    the approval's, if it has any (a coordinator may approve with a note for next
    time); otherwise the decision returning its latest returned revision, whose comments
    the interviewer works through (the one shown while the amended revision is worked
    on)."""
    interview = store.interviews.get(interview_id)
    if interview.state is S.APPROVED:
        approval = deciding_review(store, interview_id, ReviewDecision.APPROVED, interview.revision)
        commented = approval and (approval.overall_comment or approval.question_comments)
        return approval if commented else None
    return returning_review(store, interview_id)


def amend_returned(store: Store, actor: str, interview_id: str, now: datetime) -> ReturnInterview:
    """Returned -> in progress: the returned revision is kept as it was and the next
    revision starts from a copy of its answers (IllegalTransition if not returned)."""
    with store.transaction(actor) as tx:
        return tx.interviews.transition(interview_id, S.IN_PROGRESS, at=now)


def is_late(interview: ReturnInterview, now: datetime) -> bool:
    """Signing off now is beyond the 72 hours after the child returned. Never for an
    amendment: the interview was done, and judged, at the first sign-off, whose reason
    for any lateness is kept."""
    return interview.revision == 1 and not within_window(interview.returned_at, now)


def sign_off(
    store: Store,
    actor: str,
    interview_id: str,
    now: datetime,
    late_reason: str | None = None,
    *,
    checked_version: int | None = None,
) -> ReturnInterview:
    """In progress -> completed: read-only on this device from then on.

    A sign-off later than 72 hours after the return needs the reason, saved with it.
    `checked_version`: the version whose answers were checked as ready; if the interview
    has changed since (saved from its window, or by a sync), it is not signed off.
    """
    reason = (late_reason or "").strip() or None
    with store.transaction(actor) as tx:
        interview = tx.interviews.get(interview_id)
        if checked_version is not None and interview.version != checked_version:
            raise CaseworkError(Problem.CHANGED_SINCE_CHECKED)
        if is_late(interview, now) and reason is None:
            raise CaseworkError(Problem.MISSING_LATE_REASON)
        if reason is not None and reason != interview.late_reason:
            tx.interviews.update(dataclasses.replace(interview, late_reason=reason))
        return tx.interviews.transition(interview_id, S.COMPLETED, at=now)


def answers_of(store: Store, interview_id: str) -> Mapping[str, Any]:
    return store.interviews.get(interview_id).answers
