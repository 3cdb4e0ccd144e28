"""A real encrypted store with an injected clock, and cases at chosen lifecycle points."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.store import Store

START = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
ACTOR = "coordinator-1"


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = Store.create(tmp_path / "rhi.db", os.urandom(32), clock=clock)
    yield opened
    opened.close()


def add_child(store: Store, name: str = "Ottoline Fothergill") -> Child:
    child = Child(
        id=new_id(),
        case_reference=f"RET-{new_id()[:8]}",
        name=name,
        date_of_birth=date(2011, 4, 5),
    )
    with store.transaction(ACTOR) as tx:
        return tx.children.add(child)


def add_interview(
    store: Store, child: Child, clock: Clock, *, approve: bool = True
) -> ReturnInterview:
    """An interview for `child`, walked to submitted and (by default) approved now."""
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=EpisodeType.MISSING,
        start=clock.now - timedelta(days=2),
        end=clock.now - timedelta(days=1),
    )
    interview = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id="interviewer-1",
        returned_at=clock.now - timedelta(days=1),
        answers={"where_went": "Marrowbone Viaduct"},
    )
    S = InterviewState
    with store.transaction(ACTOR) as tx:
        tx.episodes.add(episode)
        tx.interviews.add(interview)
        for target in (S.OFFERED, S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED):
            tx.interviews.transition(interview.id, target)
        if approve:
            tx.reviews.add(
                Review(
                    id=new_id(),
                    interview_id=interview.id,
                    revision=1,
                    reviewer_id=ACTOR,
                    decided_at=clock.now,
                    decision=ReviewDecision.APPROVED,
                )
            )
    return store.interviews.get(interview.id)


def everything_sent(store: Store) -> None:
    """What a successful sync leaves: the outbox emptied."""
    with store.transaction(ACTOR) as tx:
        tx.outbox.mark_sent(e.change_id for e in store.outbox.pending(limit=100_000))
