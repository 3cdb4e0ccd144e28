"""A real encrypted store holding a team roster, and a hand-set clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.store import Store
from rhi_desktop.store.team import TeamMember

COORDINATOR = TeamMember("coord-1", "alex.coordinator", "coordinator")
SAM = TeamMember("iv-sam", "sam.interviewer", "interviewer")
KIM = TeamMember("iv-kim", "kim.interviewer", "interviewer")
MANAGER = TeamMember("mgr-1", "morgan.manager", "service_manager")
TEAM = (COORDINATOR, SAM, KIM, MANAGER)


class Clock:
    """The store's clock, set by the test; each reading moves on a millisecond."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 2, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = Store.create(tmp_path / "rhi.db", os.urandom(32), clock=clock)
    with opened.transaction("sync") as tx:
        tx.team.replace(TEAM)
    yield opened
    opened.close()
