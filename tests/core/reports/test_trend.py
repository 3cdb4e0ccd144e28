"""The one-pass monthly trend shows, month by month, what that month's KPI table shows.

The reference is the way the trend used to be worked out: one full KPI table per month.
Records sit on London month boundaries on both sides of a clock change, and offers and
sign-offs on both sides of the 72-hour mark, so any slip in the bucketing or the 72-hour
rule moves a count from one month, or one side of a rate, to another.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

import pytest

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    ReturnInterview,
)
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, kpi_table
from rhi_desktop.reports.periods import Period, add_months, london_midnight
from rhi_desktop.reports.trend import TREND_MONTHS, TrendPoint, monthly_trend
from rhi_desktop.store import Store
from tests.core.reports.casebook import ACTOR, Casebook, london, utc
from tests.core.reports.test_kpis import JANUARY, build_january

S = InterviewState
O = OfferOutcome  # noqa: E741
APRIL = Period.month(2026, 4)
"""The trend ending April 2026 runs from May 2025 and takes in both 2025-26 clock changes."""

FILTERS = (
    Filters(),
    Filters(interviewer_id="iv-1"),
    Filters(interviewer_id="iv-2"),
    Filters(team=frozenset({"iv-2", "iv-3"})),
    Filters(team=frozenset()),
    Filters(interviewer_id="iv-1", team=frozenset({"iv-2"})),
    Filters(uasc=True),
    Filters(uasc=False),
    Filters(looked_after=True),
    Filters(looked_after=False),
    Filters(episode_type=EpisodeType.MISSING),
    Filters(episode_type=EpisodeType.AWAY),
    Filters(uasc=False, looked_after=True, episode_type=EpisodeType.MISSING),
    Filters(interviewer_id="iv-2", looked_after=True),
)


def _count(table: KpiTable, key: str) -> int:
    value = table[key].value
    assert isinstance(value, int)
    return value


def twelve_tables(store: Store, last: Period, filters: Filters) -> tuple[TrendPoint, ...]:
    """The trend as one full KPI table per month gives it."""
    points = []
    for month in last.previous_months(TREND_MONTHS):
        table = kpi_table(store, month, filters)
        points.append(
            TrendPoint(
                month.label,
                _count(table, "found_episodes"),
                _count(table, "children"),
                _count(table, "rhis_due"),
                table.rate("offered_within_72h_rate"),
                table.rate("completed_within_72h_rate"),
            )
        )
    return tuple(points)


def assert_trend_matches_the_tables(store: Store, last: Period) -> None:
    for filters in FILTERS:
        assert monthly_trend(store, last, filters) == twelve_tables(store, last, filters), (
            filters.describe()
        )


def build_boundaries(book: Casebook) -> None:
    """Episodes found either side of London midnights in BST and GMT, with their interviews.

    Each interview is signed off, and first offered, either exactly 72 elapsed hours after
    the return or a microsecond later: in turn, so that one of the two is always late.
    """
    la = book.child("LA", looked_after=True)
    us = book.child("US", looked_after=True, uasc=True)
    no = book.child("NO")
    bst_start = london(2025, 10, 1)  # 23:00 UTC on 30 September
    found = (
        # The last moment of September in London (BST) and the first of October.
        (la, bst_start - timedelta(microseconds=1), EpisodeType.MISSING, "iv-1"),
        (us, bst_start, EpisodeType.AWAY, "iv-2"),
        # 23:59 UTC on 31 October is still October in London (GMT); midnight is November.
        (no, utc(2025, 10, 31, 23, 59), EpisodeType.MISSING, "iv-3"),
        (la, utc(2025, 11, 1), EpisodeType.AWAY, "iv-1"),
        # 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April: April's.
        (us, utc(2026, 3, 31, 23, 30), EpisodeType.MISSING, "iv-2"),
        # Returned the day before each clock change.
        (no, london(2025, 10, 25, 12), EpisodeType.MISSING, "iv-1"),
        (la, london(2026, 3, 28, 12), EpisodeType.AWAY, "iv-3"),
    )
    for n, (child, end, kind, interviewer) in enumerate(found):
        episode = book.episode(child, end - timedelta(hours=6), end, kind)
        on_time, late = end + timedelta(hours=72), end + timedelta(hours=72, microseconds=1)
        interview = book.interview(
            child,
            [episode],
            interviewer=interviewer,
            state=S.COMPLETED,
            started=end + timedelta(hours=2),
            completed=late if n % 2 else on_time,
        )
        book.offer(interview, end + timedelta(hours=1), O.NO_CONTACT)
        book.offer(interview, on_time if n % 2 else late, O.DECLINED_BY_CHILD)
        book.offer(interview, end + timedelta(hours=80), O.ACCEPTED)
    # Clocks went back on 26 October 2025: 72 elapsed hours from 12:00 BST on the 25th end
    # at 11:00 GMT on the 28th. Offered at 11:30 GMT, when the wall clock shows 71.5: late.
    episode = book.episode(no, london(2025, 10, 25, 6), london(2025, 10, 25, 12))
    book.offer(book.interview(no, [episode]), london(2025, 10, 28, 11, 30), O.ACCEPTED)


def test_the_trend_matches_a_kpi_table_per_month_on_the_hand_built_records(
    store: Store, book: Casebook
) -> None:
    build_january(book)
    build_boundaries(book)

    assert_trend_matches_the_tables(store, APRIL)
    assert_trend_matches_the_tables(store, JANUARY)
    trend = {point.month: point for point in monthly_trend(store, APRIL)}
    assert list(trend) == [
        *(f"2025-{m:02d}" for m in range(5, 13)),
        *(f"2026-{m:02d}" for m in range(1, 5)),
    ]
    # September's last BST moment; October's first, its last GMT minute and the two
    # returns on the 25th; November's midnight and B2; January's seven; C2 (1 February);
    # the return on 28 March; 00:30 BST on 1 April.
    assert {month: p.found_episodes for month, p in trend.items() if p.found_episodes} == {
        "2025-09": 1,
        "2025-10": 4,
        "2025-11": 2,
        "2026-01": 7,
        "2026-02": 1,
        "2026-03": 1,
        "2026-04": 1,
    }
    # October's four due: the return at its first moment, at 23:59 UTC on the 31st, and
    # two at 12:00 BST on the 25th. First offered at 72:00: the first moment's and one of
    # the 25th's; the 31st's a microsecond late; the other of the 25th's 72.5 elapsed
    # hours late = 2 of 4. Signed off at 72:00: the 31st's alone (the first moment's and
    # the 25th's a microsecond late, the fourth never) = 1 of 4.
    october = trend["2025-10"]
    assert (october.found_episodes, october.children, october.rhis_due) == (4, 2, 4)
    assert (october.offered_within_72h_rate, october.completed_within_72h_rate) == (50.0, 25.0)
    # January as its hand-worked KPI table has it.
    january = trend["2026-01"]
    assert (january.children, january.rhis_due) == (6, 7)
    assert (january.offered_within_72h_rate, january.completed_within_72h_rate) == (71.4, 28.6)


def test_a_month_with_nothing_due_has_no_rates(store: Store, book: Casebook) -> None:
    child = book.child()
    book.episode(child, utc(2026, 3, 2, 8), utc(2026, 3, 2, 20))
    trend = monthly_trend(store, APRIL, months=2)
    assert trend == (
        TrendPoint("2026-03", 1, 1, 0, None, None),
        TrendPoint("2026-04", 0, 0, 0, None, None),
    )
    assert trend == twelve_tables(store, APRIL, Filters())[-2:]


# -- randomised records ---------------------------------------------------------------------

BOUNDARIES = (
    # London midnights starting March 2025 to June 2026, in GMT and in BST.
    *(london_midnight(add_months(date(2025, 3, 1), n)) for n in range(16)),
    # Noon the day before each clock change: 72 hours from near here cross it.
    london(2025, 3, 29, 12),
    london(2025, 10, 25, 12),
    london(2026, 3, 28, 12),
)
NEAR = (
    timedelta(0),
    timedelta(microseconds=1),
    -timedelta(microseconds=1),
    timedelta(minutes=30),
    -timedelta(minutes=30),
    timedelta(hours=1),
    -timedelta(hours=1),
)
STARTED = frozenset({S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED})
AROUND_72 = (
    timedelta(hours=72),
    timedelta(hours=72, microseconds=1),
    timedelta(hours=72) - timedelta(microseconds=1),
    timedelta(hours=71),
    timedelta(hours=73),
    timedelta(hours=2),
    timedelta(hours=100),
)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _instant_near_a_boundary(rng: random.Random) -> datetime:
    boundary = rng.choice(BOUNDARIES)
    if rng.random() < 0.6:
        return boundary + rng.choice(NEAR)
    return boundary + timedelta(hours=rng.uniform(-400, 400))


def _after_return(rng: random.Random, returned: datetime) -> datetime:
    if rng.random() < 0.7:
        return returned + rng.choice(AROUND_72)
    return returned + timedelta(hours=rng.uniform(0, 150))


def build_random(store: Store, seed: int) -> None:
    """Children, episodes, interviews (some reopened for amendment) and offers, at random."""
    rng = random.Random(seed)
    children = [
        Child(
            id=_id(rng),
            case_reference=f"RND-{seed}-{n:03d}",
            name="Fictional Child",
            date_of_birth=date(2010, 5, 1),
            looked_after=rng.random() < 0.5,
            uasc=rng.random() < 0.3,
        )
        for n in range(30)
    ]
    episodes: list[MissingEpisode] = []
    for _ in range(160):
        end = _instant_near_a_boundary(rng)
        episodes.append(
            MissingEpisode(
                id=_id(rng),
                child_id=rng.choice(children).id,
                type=rng.choice((EpisodeType.MISSING, EpisodeType.AWAY)),
                start=end - timedelta(hours=rng.uniform(1, 40)),
                end=None if rng.random() < 0.05 else end,
            )
        )
    by_child: dict[str, list[MissingEpisode]] = {}
    for episode in episodes:
        if episode.end is not None:
            by_child.setdefault(episode.child_id, []).append(episode)
    interviews: list[ReturnInterview] = []
    offers: list[Offer] = []
    for child_id, found in by_child.items():
        rng.shuffle(found)
        while found and rng.random() < 0.9:
            # Most interviews cover one episode; some cover two of the same child's.
            covered = [found.pop() for _ in range(min(len(found), rng.choice((1, 1, 1, 2))))]
            returned = max(e.end for e in covered if e.end is not None)
            state = rng.choice((S.ASSIGNED, S.DECLINED, S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED))
            started = _after_return(rng, returned) if state in STARTED else None
            completed = (
                _after_return(rng, returned)
                if started is not None and state is not S.IN_PROGRESS
                else None
            )
            interview = ReturnInterview(
                id=_id(rng),
                child_id=child_id,
                episode_ids=tuple(e.id for e in covered),
                interviewer_id=rng.choice(("iv-1", "iv-2", "iv-3")),
                returned_at=returned,
                state=state,
                form_id="rhi" if started else None,
                form_version=1 if started else None,
                started_at=started,
                completed_at=completed,
            )
            interviews.append(interview)
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                offers.append(
                    Offer(
                        id=_id(rng),
                        interview_id=interview.id,
                        offered_at=_after_return(rng, returned),
                        method=OfferMethod.PHONE,
                        offered_by=interview.interviewer_id,
                        outcome=rng.choice(list(OfferOutcome)),
                    )
                )
    with store.transaction(ACTOR) as tx:
        tx.children.add_many(children)
        tx.episodes.add_many(episodes)
        tx.interviews.add_many(interviews)
        tx.offers.add_many(offers)
    with store.transaction(ACTOR) as tx:
        # Returned for amendment and reopened: the first sign-off stays in the revision.
        for interview in interviews:
            if interview.state is S.SUBMITTED and rng.random() < 0.5:
                at = utc(2026, 6, 1)
                tx.interviews.transition(interview.id, S.RETURNED, at=at)
                tx.interviews.transition(interview.id, S.IN_PROGRESS, at=at + timedelta(hours=1))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_trend_matches_a_kpi_table_per_month_on_random_records(store: Store, seed: int) -> None:
    build_random(store, seed)
    trend = monthly_trend(store, APRIL)
    # The records reach every month of the trend, so the comparison is not of empties.
    assert all(point.found_episodes and point.rhis_due for point in trend)
    assert_trend_matches_the_tables(store, APRIL)
