"""Shared store fixtures: a random data key, an injected clock, and seeded stores."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Store
from tests.core.store.seeding import Seeded, seed

START = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand; each reading advances it a millisecond."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class SeededStore:
    store: Store
    seeded: Seeded


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def dek() -> bytes:
    return os.urandom(32)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def profile(tmp_path: Path) -> ProfilePaths:
    root = tmp_path / "profile"
    root.mkdir()
    return ProfilePaths(root)


@pytest.fixture
def store(profile: ProfilePaths, dek: bytes, clock: Clock) -> Iterator[Store]:
    opened = Store.create(profile.db, dek, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def make_seeded_store(
    profile: ProfilePaths, dek: bytes, clock: Clock
) -> Iterator[Callable[..., SeededStore]]:
    made: list[Store] = []

    def make(children: int = 20) -> SeededStore:
        opened = Store.create(profile.db, dek, clock=clock)
        made.append(opened)
        return SeededStore(opened, seed(opened, clock.now, children=children))

    yield make
    for opened in made:
        opened.close()  # closing twice is harmless
