"""reports.kpi_50k and reports.trend_50k: KPIs over 50,000 episodes and 20,000 interviews.

The store is a real encrypted one (SQLCipher), filled through the store's own
repositories with two years of fictional episodes, interviews with realistic answers,
offers and supervision sessions.

- reports.kpi_50k: the time to compute one month's full KPI table (every figure with its
  record ids); the baseline is one plain `SELECT count(*)` over the same episodes table
  in the same store, the cheapest question one can ask of it. Goal: the table in under
  0.5 s.
- reports.trend_50k: the dashboard's 12-month trend (`monthly_trend`, one pass over the
  twelve months); the baseline is the same trend read from twelve full monthly KPI
  tables, as it used to be. Goal: the trend in under 0.5 s.
"""

from __future__ import annotations

import os
import random
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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
)
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import compute
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.queries import database
from rhi_desktop.reports.trend import TREND_MONTHS, monthly_trend
from rhi_desktop.store import Store
from tests.benchmarks.answers import realistic_answers
from tests.benchmarks.harness import BenchResult, best_of

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
MONTH = Period.month(2026, 10)
BATCH = 2000
INTERVIEWERS = tuple(f"interviewer-{n}" for n in range(8))
STARTED = (
    InterviewState.IN_PROGRESS,
    InterviewState.COMPLETED,
    InterviewState.SUBMITTED,
    InterviewState.APPROVED,
)
OUTCOMES = (
    OfferOutcome.ACCEPTED,
    OfferOutcome.DECLINED_BY_CHILD,
    OfferOutcome.DECLINED_BY_PARENT_CARER,
    OfferOutcome.NO_CONTACT,
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _children(rng: random.Random, count: int) -> list[Child]:
    found = []
    for n in range(count):
        uasc = rng.random() < 0.15
        looked_after = uasc or rng.random() < 0.5
        found.append(
            Child(
                id=_uuid(rng),
                case_reference=f"BENCH-{n:06d}",
                name=f"Bench Child {n}",
                date_of_birth=date(2010, 1, 1) + timedelta(days=rng.randint(0, 2500)),
                looked_after=looked_after,
                uasc=uasc,
                placement=Placement(area=PlacementArea.OUT_OF_AREA if uasc else None),
            )
        )
    return found


def _episodes(rng: random.Random, children: list[Child], count: int) -> list[MissingEpisode]:
    found = []
    for _ in range(count):
        # A few children go missing again and again, as the service sees.
        child = children[min(int(rng.paretovariate(1.2)) - 1, len(children) - 1)]
        child = child if rng.random() < 0.3 else rng.choice(children)
        start = NOW - timedelta(days=rng.uniform(1, 730))
        found.append(
            MissingEpisode(
                id=_uuid(rng),
                child_id=child.id,
                type=EpisodeType.AWAY if rng.random() < 0.25 else EpisodeType.MISSING,
                start=start,
                end=start + timedelta(hours=rng.choice((3, 6, 14, 26, 50, 96))),
            )
        )
    return found


def _interviews(
    rng: random.Random, episodes: list[MissingEpisode], count: int
) -> tuple[list[ReturnInterview], list[Offer]]:
    interviews, offers = [], []
    for episode in rng.sample(episodes, count):
        assert episode.end is not None
        state = rng.choice((InterviewState.ASSIGNED, InterviewState.DECLINED, *STARTED))
        started = episode.end + timedelta(hours=rng.uniform(2, 100)) if state in STARTED else None
        done = started is not None and state is not InterviewState.IN_PROGRESS
        interview = ReturnInterview(
            id=_uuid(rng),
            child_id=episode.child_id,
            episode_ids=(episode.id,),
            interviewer_id=rng.choice(INTERVIEWERS),
            returned_at=episode.end,
            state=state,
            form_id="rhi" if started else None,
            form_version=1 if started else None,
            answers=realistic_answers(rng) if started else {},
            started_at=started,
            completed_at=started + timedelta(minutes=80) if done and started else None,
        )
        interviews.append(interview)
        if state is not InterviewState.ASSIGNED:
            for attempt in range(rng.randint(1, 2)):
                offers.append(
                    Offer(
                        id=_uuid(rng),
                        interview_id=interview.id,
                        offered_at=episode.end + timedelta(hours=rng.uniform(1, 90) + attempt),
                        method=OfferMethod.PHONE,
                        offered_by=interview.interviewer_id,
                        outcome=rng.choice(OUTCOMES),
                    )
                )
    return interviews, offers


def _sessions(rng: random.Random) -> list[SupervisionSession]:
    return [
        SupervisionSession(
            id=_uuid(rng),
            supervisor_id="coordinator",
            supervisee_id=who,
            held_on=(NOW - timedelta(days=730 - 27 * n + rng.randint(0, 6))).date(),
        )
        for who in INTERVIEWERS
        for n in range(27)
    ]


def fill(store: Store, scale: float, seed: int = 50_000) -> None:
    """Two years of fictional records at `scale` x (50,000 episodes, 20,000 interviews)."""
    rng = random.Random(seed)
    children = _children(rng, max(50, int(12_000 * scale)))
    episodes = _episodes(rng, children, max(100, int(50_000 * scale)))
    interviews, offers = _interviews(rng, episodes, max(40, int(20_000 * scale)))
    batches: list[tuple[str, list[object]]] = [
        ("children", list(children)),
        ("episodes", list(episodes)),
        ("interviews", list(interviews)),
        ("offers", list(offers)),
        ("supervision_sessions", list(_sessions(rng))),
    ]
    for name, items in batches:
        for start in range(0, len(items), BATCH):
            with store.transaction("bench") as tx:
                getattr(tx, name).add_many(items[start : start + BATCH])


def run(scale: float) -> list[BenchResult]:
    with tempfile.TemporaryDirectory() as tmp:
        dek = os.urandom(32)
        store = Store.create(Path(tmp) / "reports.db", dek)
        try:
            fill(store, scale)
            db = database(store)
            repeats = 5 if scale >= 1 else 2
            table_time = best_of(repeats, lambda: compute(db, MONTH, Filters()))
            count_time = best_of(repeats, lambda: db.scalar("SELECT count(*) FROM episodes"))
            trend_time = best_of(repeats, lambda: monthly_trend(store, MONTH, Filters()))
            months = MONTH.previous_months(TREND_MONTHS)
            tables_time = best_of(
                repeats, lambda: [compute(db, month, Filters()) for month in months]
            )
        finally:
            store.close()
    return [
        BenchResult.compare("reports.kpi_50k", table_time, count_time, "s", goal=None),
        BenchResult.report("reports.kpi_50k_seconds", table_time, "s", goal=0.5),
        BenchResult.compare("reports.trend_50k", trend_time, tables_time, "s", goal=None),
        BenchResult.report("reports.trend_50k_seconds", trend_time, "s", goal=0.5),
    ]
