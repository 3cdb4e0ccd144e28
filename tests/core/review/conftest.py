"""A real encrypted store with a hand-set clock, and submitted interviews to review."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.domain.entities import InterviewState, ReturnInterview
from rhi_desktop.forms import Form, load_bundled_form
from rhi_desktop.store import Store
from tests.core.reports.casebook import ACTOR, Casebook, utc

FORM = load_bundled_form("rhi-v1.json")
COORDINATOR = ACTOR


class Clock:
    """The store's clock, set by the test; each reading moves on a millisecond."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


@pytest.fixture
def form() -> Form:
    return FORM


@pytest.fixture
def clock() -> Clock:
    return Clock(utc(2026, 2, 10, 9, 0))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = Store.create(tmp_path / "rhi.db", os.urandom(32), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def book(store: Store) -> Casebook:
    return Casebook(store)


def submitted(
    book: Casebook,
    returned_at: datetime,
    *,
    answers: Mapping[str, Any] | None = None,
    reference: str | None = None,
    started_after: timedelta = timedelta(hours=20),
    signed_off_after: timedelta = timedelta(hours=22),
    interviewer: str = "iv-1",
) -> ReturnInterview:
    """A child found at `returned_at`, interviewed, signed off and sent for review."""
    child = book.child(reference)
    episode = book.episode(child, returned_at - timedelta(days=1), returned_at)
    return book.interview(
        child,
        [episode],
        interviewer=interviewer,
        state=InterviewState.SUBMITTED,
        started=returned_at + started_after,
        completed=returned_at + signed_off_after,
        answers=answers or {"interviewer_name": "Sam Interviewer", "venue_type": "school"},
    )


def resubmit(store: Store, interview_id: str, answers: Mapping[str, Any], at: datetime) -> None:
    """The interviewer amends a returned interview into its next revision and sends it."""
    with store.transaction("iv-1") as tx:
        reopened = tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS, at=at)
        tx.interviews.save_answers(interview_id, answers, expected_version=reopened.version)
        tx.interviews.transition(interview_id, InterviewState.COMPLETED, at=at)
        tx.interviews.transition(interview_id, InterviewState.SUBMITTED, at=at)
