"""A real encrypted store with the reports schema, a hand-set clock, and a casebook."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc


class Clock:
    """The store's clock, set by the test; each reading moves on a millisecond."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(utc(2026, 2, 10, 9, 0))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    dek = os.urandom(32)
    opened = Store.create(tmp_path / "rhi.db", dek, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def book(store: Store) -> Casebook:
    return Casebook(store)
