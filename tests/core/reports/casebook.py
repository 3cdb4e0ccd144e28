"""Fictional case records for report tests, written through the store's own repositories.

Every helper saves in its own transaction, as the app would, and returns the entity as
saved. Times are given as UTC instants (`utc`) or as London wall-clock times (`london`),
so a test can state a clock-change case the way a person would read it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from rhi_desktop.domain.deadlines import LONDON
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    Placement,
    PlacementArea,
    ReturnInterview,
    SupervisionSession,
    new_id,
)
from rhi_desktop.store import Store

ACTOR = "coordinator-1"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A London wall-clock time (GMT or BST as the date has it), as a UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


class Casebook:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._refs = itertools.count(1)

    def child(
        self,
        case_reference: str | None = None,
        *,
        date_of_birth: date = date(2010, 5, 1),
        looked_after: bool = False,
        uasc: bool = False,
        area: PlacementArea | None = None,
        gender: str | None = None,
        ethnicity: str | None = None,
    ) -> Child:
        child = Child(
            id=new_id(),
            case_reference=case_reference or f"CASE-{next(self._refs):04d}",
            name="Fictional Child",
            date_of_birth=date_of_birth,
            gender=gender,
            ethnicity=ethnicity,
            looked_after=looked_after,
            uasc=uasc,
            placement=Placement(area=area),
        )
        with self.store.transaction(ACTOR) as tx:
            return tx.children.add(child)

    def episode(
        self,
        child: Child,
        start: datetime,
        end: datetime | None,
        kind: EpisodeType = EpisodeType.MISSING,
        *,
        looked_after: bool | None = None,
    ) -> MissingEpisode:
        episode = MissingEpisode(new_id(), child.id, kind, start, end, looked_after=looked_after)
        with self.store.transaction(ACTOR) as tx:
            return tx.episodes.add(episode)

    def interview(
        self,
        child: Child,
        episodes: Sequence[MissingEpisode],
        *,
        interviewer: str = "iv-1",
        state: InterviewState = InterviewState.ASSIGNED,
        started: datetime | None = None,
        completed: datetime | None = None,
        answers: Mapping[str, Any] | None = None,
        form: tuple[str, int] | None = ("rhi", 1),
    ) -> ReturnInterview:
        returned = max(e.end for e in episodes if e.end is not None)
        has_answers = answers is not None
        interview = ReturnInterview(
            id=new_id(),
            child_id=child.id,
            episode_ids=tuple(e.id for e in episodes),
            interviewer_id=interviewer,
            returned_at=returned,
            state=state,
            form_id=form[0] if form and (has_answers or started) else None,
            form_version=form[1] if form and (has_answers or started) else None,
            answers=dict(answers or {}),
            started_at=started,
            completed_at=completed,
        )
        with self.store.transaction(ACTOR) as tx:
            return tx.interviews.add(interview)

    def offer(self, interview: ReturnInterview, at: datetime, outcome: OfferOutcome) -> Offer:
        offer = Offer(new_id(), interview.id, at, OfferMethod.PHONE, "iv-1", outcome)
        with self.store.transaction(ACTOR) as tx:
            return tx.offers.add(offer)

    def session(self, supervisee: str, held_on: date) -> SupervisionSession:
        session = SupervisionSession(new_id(), ACTOR, supervisee, held_on)
        with self.store.transaction(ACTOR) as tx:
            return tx.supervision_sessions.add(session)

    def move(self, interview: ReturnInterview, *states: InterviewState, at: datetime) -> None:
        """Walk an interview through lifecycle moves, all at instant `at`."""
        with self.store.transaction(ACTOR) as tx:
            for state in states:
                tx.interviews.transition(interview.id, state, at=at)
