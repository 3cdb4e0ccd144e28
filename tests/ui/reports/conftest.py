"""Report screens on a real encrypted profile holding the hand-worked January 2026 of the
core report tests, plus early February cases whose interviews feed themes and the panel.

The profile is made once per session (Argon2 and the records once); each test opens its
own copy, with the store's clock set to 10 February 2026, when January has ended.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers
from tests.core.reports.test_kpis import January, build_january
from tests.ui.conftest import PASSPHRASE, FakeClock
from ui.profile_holder import ProfileHolder

NOW = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ReportBook:
    january: January
    february: dict[str, str]
    """Case reference -> child id of the February cases (P and Q)."""


def _february(book: Casebook) -> dict[str, str]:
    """P: three episodes in a week and a CSE indicator; Q: an immediate concern. Both
    mention the same bus station and the same associate, so both recur."""
    p = book.child("P", looked_after=True)
    q = book.child("Q")
    episodes = [book.episode(p, utc(2026, 2, day, 8), utc(2026, 2, day, 20)) for day in (1, 3, 5)]
    book.interview(
        p,
        episodes[-1:],
        state=InterviewState.COMPLETED,
        started=utc(2026, 2, 6, 9),
        completed=utc(2026, 2, 6, 10),
        answers=answers(
            push=["bullying"], risks=["cse"], places=[("Bus station", "", None)], people=["Kim"]
        ),
    )
    found = book.episode(q, utc(2026, 2, 6, 8), utc(2026, 2, 6, 22))
    book.interview(
        q,
        [found],
        state=InterviewState.COMPLETED,
        started=utc(2026, 2, 7, 9),
        completed=utc(2026, 2, 7, 10),
        answers=answers(
            push=["bullying"],
            immediate_concern="yes",
            places=[("BUS   STATION", "", None)],
            people=["Kim"],
        ),
    )
    return {"P": p.id, "Q": q.id}


@pytest.fixture(scope="session")
def report_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProfilePaths, ReportBook]:
    paths = ProfilePaths(tmp_path_factory.mktemp("reports") / "profile")
    profile = create_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        book = Casebook(store)
        made = ReportBook(build_january(book), _february(book))
    return paths, made


@pytest.fixture
def report_clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def report_book(report_template: tuple[ProfilePaths, ReportBook]) -> ReportBook:
    return report_template[1]


@pytest.fixture
def holder(
    tmp_path: Path, report_template: tuple[ProfilePaths, ReportBook], report_clock: FakeClock
) -> Iterator[ProfileHolder]:
    """An unlocked copy of the report profile, as the app holds it."""
    paths = ProfilePaths(tmp_path / "profile")
    shutil.copytree(report_template[0].root, paths.root)
    held = ProfileHolder()
    held.hold(open_profile(paths, PASSPHRASE, Settings.load(paths), None, clock=report_clock))
    yield held
    held.close()
