"""KPI figures on a hand-built January 2026, every number worked out by hand below.

January 2026 is all GMT, so London and UTC agree there; the clock-change tests use
October 2025 and March 2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    OfferOutcome,
    PlacementArea,
    ReturnInterview,
)
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, kpi_table
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.queries import session_of
from rhi_desktop.reports.verification import VerificationState, month_status, verify_month
from rhi_desktop.store import Store
from rhi_desktop.store.team import TeamMember
from tests.core.reports.casebook import ACTOR, Casebook, london, utc
from tests.core.reports.conftest import Clock

JANUARY = Period.month(2026, 1)
S = InterviewState
O = OfferOutcome  # noqa: E741


@dataclass
class January:
    children: dict[str, str]
    episodes: dict[str, str]
    interviews: dict[str, str]
    sessions: dict[str, str]


def build_january(book: Casebook) -> January:
    """Seven children, their episodes, interviews, offers and supervision sessions."""
    a = book.child("A", looked_after=True, uasc=True, area=PlacementArea.OUT_OF_AREA)
    b = book.child("B")
    c = book.child("C", looked_after=True)
    d = book.child("D", looked_after=True, uasc=True)
    e = book.child("E")
    f = book.child("F", looked_after=True)
    g = book.child("G")
    ep = {
        # found in January (end in January):
        "A1": book.episode(a, utc(2026, 1, 2, 20), utc(2026, 1, 3, 10)),
        "A2": book.episode(a, utc(2026, 1, 10, 8), utc(2026, 1, 11, 9), EpisodeType.AWAY),
        "B1": book.episode(b, utc(2025, 12, 30, 22), utc(2026, 1, 1, 0, 30)),  # began in Dec
        "C1": book.episode(c, utc(2026, 1, 20, 9), utc(2026, 1, 21, 12)),
        "D1": book.episode(d, utc(2026, 1, 25, 10), utc(2026, 1, 26, 10)),
        "F1": book.episode(f, utc(2026, 1, 15, 8), utc(2026, 1, 15, 20)),
        "G1": book.episode(g, utc(2026, 1, 5, 18), utc(2026, 1, 6, 6)),
        # not found in January:
        "B2": book.episode(b, utc(2025, 11, 5, 9), utc(2025, 11, 6, 9)),
        "C2": book.episode(c, utc(2026, 1, 31, 23), utc(2026, 2, 1, 1)),  # found in February
        "D2": book.episode(d, utc(2025, 3, 1, 9), utc(2025, 3, 2, 9)),  # in the 12 months
        "D3": book.episode(d, utc(2025, 1, 15, 9), utc(2025, 1, 16, 9)),  # before them
        "E1": book.episode(e, utc(2026, 1, 28, 9), None),  # still missing
    }
    iv = {
        # returned 3 Jan 10:00. No contact first; accepted at exactly 72:00 (within).
        # Started 6 Jan 11:00 (73 h), signed off 6 Jan 12:30 (74.5 h: late).
        "IA": book.interview(
            a,
            [ep["A1"]],
            state=S.COMPLETED,
            started=utc(2026, 1, 6, 11),
            completed=utc(2026, 1, 6, 12, 30),
        ),
        # returned 11 Jan 09:00. Declined by the child at 6 h, accepted the next day.
        # Started 12 Jan 11:00 (26 h), signed off 12 Jan 12:00 (27 h).
        "IA2": book.interview(
            a,
            [ep["A2"]],
            interviewer="iv-2",
            state=S.APPROVED,
            started=utc(2026, 1, 12, 11),
            completed=utc(2026, 1, 12, 12),
        ),
        # returned 1 Jan 00:30. Declined by a parent at 72 h + 1 min: offered, not within.
        "IB": book.interview(b, [ep["B1"]], state=S.DECLINED),
        # returned 21 Jan 12:00. Accepted at 1 h. Started 24 Jan 11:00 (71 h), signed off
        # at exactly 72:00; later returned for amendment and reopened (see below).
        "IC": book.interview(
            c,
            [ep["C1"]],
            interviewer="iv-2",
            state=S.SUBMITTED,
            started=utc(2026, 1, 24, 11),
            completed=utc(2026, 1, 24, 12),
        ),
        # returned 26 Jan 10:00. Accepted at 2 h. Started 29 Jan 09:00 (71 h), signed off
        # 29 Jan 10:01 (72 h + 1 min: late).
        "ID": book.interview(
            d,
            [ep["D1"]],
            state=S.COMPLETED,
            started=utc(2026, 1, 29, 9),
            completed=utc(2026, 1, 29, 10, 1),
        ),
        # returned 15 Jan 20:00. A recorded decision not to offer.
        "IF": book.interview(f, [ep["F1"]], interviewer="iv-2"),
        # returned 6 Jan 06:00. Declined by the child at 4 h.
        "IG": book.interview(g, [ep["G1"]], interviewer="iv-2", state=S.DECLINED),
        # returned 1 Feb 01:00: due in February, not January.
        "IX": book.interview(c, [ep["C2"]]),
    }
    book.offer(iv["IA"], utc(2026, 1, 4, 9), O.NO_CONTACT)
    book.offer(iv["IA"], utc(2026, 1, 6, 10), O.ACCEPTED)
    book.offer(iv["IA2"], utc(2026, 1, 11, 15), O.DECLINED_BY_CHILD)
    book.offer(iv["IA2"], utc(2026, 1, 12, 10), O.ACCEPTED)
    book.offer(iv["IB"], utc(2026, 1, 4, 0, 31), O.DECLINED_BY_PARENT_CARER)
    book.offer(iv["IC"], utc(2026, 1, 21, 13), O.ACCEPTED)
    book.offer(iv["ID"], utc(2026, 1, 26, 12), O.ACCEPTED)
    book.offer(iv["IF"], utc(2026, 1, 16, 9), O.NOT_OFFERED)
    book.offer(iv["IG"], utc(2026, 1, 6, 10), O.DECLINED_BY_CHILD)
    book.offer(iv["IX"], utc(2026, 2, 1, 9), O.ACCEPTED)
    # The coordinator returns IC for amendment; reopening starts revision 2 afresh (its
    # started_at is now 3 Feb, completed_at empty). The first revision keeps the truth.
    book.move(iv["IC"], S.RETURNED, at=utc(2026, 2, 2, 9))
    book.move(iv["IC"], S.IN_PROGRESS, at=utc(2026, 2, 3, 9))
    sessions = {
        "iv1-dec": book.session("iv-1", date(2025, 12, 10)),
        "iv1-jan": book.session("iv-1", date(2026, 1, 7)),  # 28 days after: on time
        "iv2-dec": book.session("iv-2", date(2025, 12, 1)),
        "iv2-jan": book.session("iv-2", date(2026, 1, 5)),  # 35 days after: late
        "iv3-dec": book.session("iv-3", date(2025, 12, 14)),
        "iv3-jan": book.session("iv-3", date(2026, 1, 20)),  # due 11 Jan: late
    }
    return January(
        children={x.case_reference: x.id for x in (a, b, c, d, e, f, g)},
        episodes={k: v.id for k, v in ep.items()},
        interviews={k: v.id for k, v in iv.items()},
        sessions={k: v.id for k, v in sessions.items()},
    )


@pytest.fixture
def january(book: Casebook) -> January:
    return build_january(book)


def ids(table: KpiTable, key: str) -> set[str]:
    return set(table[key].ids)


def test_monthly_kpis_match_the_hand_worked_figures(store: Store, january: January) -> None:
    table = kpi_table(store, JANUARY)
    ep, ch, iv = january.episodes, january.children, january.interviews

    # Found episodes: ends in January are A1, A2, B1 (began in December), C1, D1, F1, G1
    # = 7. Not C2 (found 1 Feb), not E1 (still missing), not B2/D2/D3 (earlier).
    assert table["found_episodes"].value == 7
    assert ids(table, "found_episodes") == {
        ep[k] for k in ("A1", "A2", "B1", "C1", "D1", "F1", "G1")
    }
    # Children with a found episode: A, B, C, D, F, G = 6.
    assert table["children"].value == 6
    assert ids(table, "children") == {ch[k] for k in "ABCDFG"}
    # Repeat in the period: only A has two (A1, A2) = 1.
    assert ids(table, "repeat_children_period") == {ch["A"]}
    # Repeat over the 12 months 1 Feb 2025 - 31 Jan 2026, for children found in January:
    # A: A1 + A2 = 2 yes; B: B1 + B2 (Nov) = 2 yes; C: C1 only (C2 ends in Feb) = 1 no;
    # D: D1 + D2 (Mar 2025) = 2 yes (D3, Jan 2025, is outside); F, G: 1 each. = 3.
    assert table["repeat_children_12_months"].value == 3
    assert ids(table, "repeat_children_12_months") == {ch["A"], ch["B"], ch["D"]}
    # UASC among the six: A and D = 2.
    assert ids(table, "uasc_children") == {ch["A"], ch["D"]}

    # RHIs due (returned in January): IA, IA2, IB, IC, ID, IF, IG = 7 (IX returned in Feb).
    assert table["rhis_due"].value == 7
    # Offered (reached child or carer): all but IF (decision not to offer) = 6.
    assert ids(table, "rhis_offered") == {iv[k] for k in ("IA", "IA2", "IB", "IC", "ID", "IG")}
    # Within 72 h of return, by the first real offer: IA at exactly 72:00 (its earlier
    # attempt was no contact), IA2 6 h, IC 1 h, ID 2 h, IG 4 h = 5; IB at 72:01 is late.
    assert ids(table, "rhis_offered_within_72h") == {iv[k] for k in ("IA", "IA2", "IC", "ID", "IG")}
    # Latest answers: accepted IA, IA2 (declined first, then yes), IC, ID = 4;
    # declined by child IG = 1; by parent/carer IB = 1; not offered IF = 1.
    assert ids(table, "rhis_accepted") == {iv[k] for k in ("IA", "IA2", "IC", "ID")}
    assert ids(table, "rhis_declined_by_child") == {iv["IG"]}
    assert ids(table, "rhis_declined_by_parent_carer") == {iv["IB"]}
    assert ids(table, "rhis_not_offered") == {iv["IF"]}
    # Completed (first sign-off): IA, IA2, IC (revision 1, although reopened now), ID = 4.
    assert ids(table, "rhis_completed") == {iv[k] for k in ("IA", "IA2", "IC", "ID")}
    # Within 72 h: IA2 27 h, IC exactly 72:00 = 2. IA 74.5 h and ID 72:01 are late.
    assert ids(table, "rhis_completed_within_72h") == {iv["IA2"], iv["IC"]}
    # Hours from return to first start: IA 73, IA2 26, IC 71 (its first start, not the
    # reopening on 3 Feb), ID 71 -> sorted 26, 71, 71, 73 -> median (71 + 71) / 2 = 71.
    assert table["median_hours_to_interview"].value == 71.0
    assert ids(table, "median_hours_to_interview") == {iv[k] for k in ("IA", "IA2", "IC", "ID")}

    # Supervisions due in January, each 28 days after a session: iv-1's on 7 Jan (after
    # 10 Dec; held that day: on time) and iv-3's on 11 Jan (after 14 Dec; held 20 Jan:
    # late) = 2, on time 1. iv-2's fell due on 29 Dec (after 1 Dec): December's, late.
    assert ids(table, "supervisions_due") == {
        january.sessions["iv1-dec"],
        january.sessions["iv3-dec"],
    }
    assert ids(table, "supervision_on_time") == {january.sessions["iv1-dec"]}

    # Percentages: offered 6/7 = 85.7; within 72 h 5/7 = 71.4; accepted 4/6 = 66.7;
    # completed within 72 h 2/7 = 28.6; supervision 1/2 = 50.0.
    assert table.rates() == {
        "offered_rate": 85.7,
        "offered_within_72h_rate": 71.4,
        "accepted_rate": 66.7,
        "completed_within_72h_rate": 28.6,
        "supervision_on_time_rate": 50.0,
    }


def test_uasc_filter_counts_only_uasc_childrens_records(store: Store, january: January) -> None:
    table = kpi_table(store, JANUARY, Filters(uasc=True))
    ch, iv = january.children, january.interviews
    # UASC children A and D: episodes A1, A2, D1 = 3; children 2; repeat in period A;
    # over 12 months A (A1, A2) and D (D1, D2) = 2.
    assert table["found_episodes"].value == 3
    assert ids(table, "children") == {ch["A"], ch["D"]}
    assert ids(table, "repeat_children_period") == {ch["A"]}
    assert ids(table, "repeat_children_12_months") == {ch["A"], ch["D"]}
    # Their interviews IA, IA2, ID: all offered within 72 h and accepted.
    assert ids(table, "rhis_due") == {iv["IA"], iv["IA2"], iv["ID"]}
    assert ids(table, "rhis_offered_within_72h") == {iv["IA"], iv["IA2"], iv["ID"]}
    assert ids(table, "rhis_accepted") == {iv["IA"], iv["IA2"], iv["ID"]}
    # Supervision is about interviewers, not children: the child filter leaves it alone.
    assert table["supervisions_due"].value == 2


def test_interviewer_filter_follows_the_interviews_and_the_episodes_they_cover(
    store: Store, january: January
) -> None:
    table = kpi_table(store, JANUARY, Filters(interviewer_id="iv-1"))
    ep, ch, iv = january.episodes, january.children, january.interviews
    # iv-1 holds IA, IB, ID (IX is February's), covering A1, B1, D1.
    assert ids(table, "rhis_due") == {iv["IA"], iv["IB"], iv["ID"]}
    assert ids(table, "found_episodes") == {ep["A1"], ep["B1"], ep["D1"]}
    assert ids(table, "children") == {ch["A"], ch["B"], ch["D"]}
    # Over 12 months only episodes iv-1's interviews cover count: A1, B1, D1 - one each.
    assert table["repeat_children_12_months"].value == 0
    # Supervision: iv-1's own only: due 7 Jan, held that day.
    assert ids(table, "supervision_on_time") == {january.sessions["iv1-dec"]}
    assert table["supervisions_due"].value == 1


def test_team_filter_is_the_members_interviews(store: Store, january: January) -> None:
    iv = january.interviews
    team = kpi_table(store, JANUARY, Filters(team=frozenset({"iv-2", "iv-9"})))
    assert ids(team, "rhis_due") == {iv["IA2"], iv["IC"], iv["IF"], iv["IG"]}
    nobody = kpi_table(store, JANUARY, Filters(team=frozenset()))
    assert nobody["rhis_due"].value == 0 and nobody["found_episodes"].value == 0


def test_away_filter_counts_away_episodes_and_the_interviews_covering_them(
    store: Store, january: January
) -> None:
    table = kpi_table(store, JANUARY, Filters(episode_type=EpisodeType.AWAY))
    assert ids(table, "found_episodes") == {january.episodes["A2"]}
    assert ids(table, "rhis_due") == {january.interviews["IA2"]}
    looked_after = kpi_table(store, JANUARY, Filters(looked_after=False))
    # Not looked after: B and G; E is still missing.
    assert ids(looked_after, "children") == {january.children["B"], january.children["G"]}


def test_looked_after_filter_counts_episodes_from_care_as_the_returns_do(
    store: Store, book: Casebook
) -> None:
    # In care in January, home since; at home in January, in care since.
    left = book.child("LEFT-CARE", looked_after=False)
    from_care = book.episode(left, utc(2026, 1, 10, 20), utc(2026, 1, 11, 10), looked_after=True)
    came = book.child("NEW-IN-CARE", looked_after=True)
    from_home = book.episode(came, utc(2026, 1, 12, 20), utc(2026, 1, 13, 10), looked_after=False)
    in_care_interview = book.interview(left, [from_care])
    home_interview = book.interview(came, [from_home])

    in_care = kpi_table(store, JANUARY, Filters(looked_after=True))
    assert ids(in_care, "found_episodes") == {from_care.id}
    assert ids(in_care, "children") == {left.id}
    assert ids(in_care, "rhis_due") == {in_care_interview.id}
    at_home = kpi_table(store, JANUARY, Filters(looked_after=False))
    assert ids(at_home, "found_episodes") == {from_home.id}
    assert ids(at_home, "rhis_due") == {home_interview.id}


def test_a_supervision_never_held_counts_as_not_on_time_once_its_day_has_passed(
    store: Store, book: Casebook, clock: Clock
) -> None:
    # Kim's last session was on 29 October 2025: one fell due on 26 November and none
    # was held since. Jo's falls due on 24 December; it is 10 December now.
    kim = book.session("iv-kim", date(2025, 10, 29))
    book.session("iv-jo", date(2025, 11, 26))
    clock.now = utc(2025, 12, 10, 9)
    november = kpi_table(store, Period.month(2025, 11))
    assert ids(november, "supervisions_due") == {kim.id}
    assert ids(november, "supervision_on_time") == set()
    assert november.rates()["supervision_on_time_rate"] == 0.0
    december = kpi_table(store, Period.month(2025, 12))
    assert december["supervisions_due"].value == 0  # Jo's is not late yet

    clock.now = utc(2026, 1, 10, 9)  # and then it was missed too
    # Jo's, and Kim's second in a row: still no session, so one fell due again on 24 Dec.
    assert kpi_table(store, Period.month(2025, 12))["supervisions_due"].value == 2


def test_a_lapse_of_months_is_a_missed_supervision_each_cycle_until_one_is_held(
    store: Store, book: Casebook, clock: Clock
) -> None:
    # Kim: 1 Sep, then nothing until 10 Dec (late), then on time on 31 Dec. Two records
    # of the 31 Dec session are one supervision.
    september = book.session("iv-kim", date(2025, 9, 1))
    book.session("iv-kim", date(2025, 12, 10))
    book.session("iv-kim", date(2025, 12, 31))
    book.session("iv-kim", date(2025, 12, 31))
    clock.now = utc(2026, 3, 1, 9)

    def due_and_on_time(month: int, year: int = 2025) -> tuple[int, int]:
        table = kpi_table(store, Period.month(year, month))
        return table["supervisions_due"].value, table["supervision_on_time"].value

    assert due_and_on_time(9) == (1, 0)  # 29 Sep: missed
    assert due_and_on_time(10) == (1, 0)  # 27 Oct: missed again
    october = ids(kpi_table(store, Period.month(2025, 10)), "supervisions_due")
    assert {session_of(due) for due in october} == {september.id}  # the one it follows
    assert due_and_on_time(11) == (1, 0)  # 24 Nov: and again
    # 22 Dec would have been the next, but the 10 Dec session started a new cycle: its
    # due on 7 Jan was met on 31 Dec.
    assert due_and_on_time(12) == (0, 0)
    # 7 Jan, met on 31 Dec; 28 Jan, after the 31 Dec session: nothing since, missed.
    assert due_and_on_time(1, 2026) == (2, 1)
    assert due_and_on_time(2, 2026) == (1, 0)  # 25 Feb: missed again


def test_someone_no_longer_on_the_team_roster_misses_no_more_than_one(
    store: Store, book: Casebook, clock: Clock
) -> None:
    # Kim left after 1 Sep; the roster the service sends now lists only Ola.
    book.session("iv-kim", date(2025, 9, 1))
    book.session("iv-ola", date(2025, 9, 1))
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember("iv-ola", "ola", "interviewer")])
    clock.now = utc(2026, 3, 1, 9)

    september = kpi_table(store, Period.month(2025, 9))
    november = kpi_table(store, Period.month(2025, 11))

    assert september["supervisions_due"].value == 2  # both first dues count, both missed
    assert ids(november, "supervisions_due") and november["supervisions_due"].value == 1  # Ola's


def test_someone_who_leaves_keeps_the_supervisions_they_missed_on_the_team(
    store: Store, book: Casebook, clock: Clock
) -> None:
    # On the team in the autumn, Kim had no supervision after 1 Sep; Ola had hers.
    clock.now = utc(2025, 11, 5, 9)
    with store.transaction(ACTOR) as tx:
        tx.team.replace(
            [TeamMember("iv-kim", "kim", "interviewer"), TeamMember("iv-ola", "ola", "interviewer")]
        )
    book.session("iv-kim", date(2025, 9, 1))
    for day in (date(2025, 9, 1), date(2025, 9, 28), date(2025, 10, 25)):
        book.session("iv-ola", day)
    october = Period.month(2025, 10)
    before = kpi_table(store, october)
    assert (before["supervisions_due"].value, before["supervision_on_time"].value) == (2, 1)
    verify_month(store, october, ACTOR)

    # Kim drops off the roster the service sends on 15 January.
    clock.now = utc(2026, 3, 1, 9)
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember("iv-ola", "ola", "interviewer")], as_of=date(2026, 1, 15))

    after = kpi_table(store, october)
    assert (after["supervisions_due"].value, after["supervision_on_time"].value) == (2, 1)
    assert month_status(store, october).state is VerificationState.VERIFIED

    def kims(year: int, month: int) -> int:
        table = kpi_table(store, Period.month(year, month), Filters(interviewer_id="iv-kim"))
        return int(table["supervisions_due"].value)

    # 29 Sep, then each 28 days: 27 Oct, 24 Nov, 22 Dec, 19 Jan (after she left: not owed).
    assert [kims(2025, 10), kims(2025, 11), kims(2025, 12), kims(2026, 1)] == [1, 1, 1, 0]
    assert store.team.departures() == {"iv-kim": date(2026, 1, 15)}
    with store.transaction(ACTOR) as tx:  # back on the team: no longer a leaver
        tx.team.replace([TeamMember("iv-kim", "kim", "interviewer")], as_of=date(2026, 2, 1))
    assert store.team.departures() == {"iv-ola": date(2026, 2, 1)}


def test_no_supervision_falls_due_after_someone_left(
    store: Store, book: Casebook, clock: Clock
) -> None:
    # Kim's last session was on 20 Dec; the next would fall due on 17 Jan, but she
    # dropped off the roster on 5 Jan.
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember("iv-kim", "kim", "interviewer")], as_of=date(2025, 12, 1))
    book.session("iv-kim", date(2025, 12, 20))
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember("iv-ola", "ola", "interviewer")], as_of=date(2026, 1, 5))
    clock.now = utc(2026, 3, 1, 9)

    january = kpi_table(store, Period.month(2026, 1), Filters(interviewer_id="iv-kim"))

    assert january["supervisions_due"].value == 0


def test_a_date_range_counts_across_months(store: Store, january: January) -> None:
    table = kpi_table(store, Period(date(2026, 1, 20), date(2026, 2, 5)))
    ep = january.episodes
    # Ends from 20 Jan to 5 Feb: C1 (21 Jan), D1 (26 Jan), C2 (1 Feb) = 3.
    assert ids(table, "found_episodes") == {ep["C1"], ep["D1"], ep["C2"]}
    # C has C1 and C2 in the range: repeat.
    assert ids(table, "repeat_children_period") == {january.children["C"]}


def _returned_and_completed(
    book: Casebook, returned: tuple[int, ...], done: tuple[int, ...], started: tuple[int, ...]
) -> ReturnInterview:
    child = book.child()
    episode = book.episode(child, london(*returned) - timedelta(hours=5), london(*returned))
    return book.interview(
        child, [episode], state=S.COMPLETED, started=london(*started), completed=london(*done)
    )


def test_seventy_two_hours_are_elapsed_hours_across_the_autumn_clock_change(
    store: Store, book: Casebook
) -> None:
    # Returned Sat 25 Oct 2025 12:00 BST. Clocks went back at 02:00 on Sun 26 Oct, so 72
    # elapsed hours end at Tue 28 Oct 11:00 GMT. Signed off at 11:30 GMT: the wall
    # clock shows 71.5 hours, but 72.5 have passed - late. Started 10:00 GMT: 71 hours
    # (the wall clock says 70).
    interview = _returned_and_completed(
        book, returned=(2025, 10, 25, 12), done=(2025, 10, 28, 11, 30), started=(2025, 10, 28, 10)
    )
    table = kpi_table(store, Period.month(2025, 10))
    assert ids(table, "rhis_completed") == {interview.id}
    assert table["rhis_completed_within_72h"].value == 0
    assert table["median_hours_to_interview"].value == 71.0


def test_seventy_two_hours_are_elapsed_hours_across_the_spring_clock_change(
    store: Store, book: Casebook
) -> None:
    # Returned Sat 28 Mar 2026 12:00 GMT. Clocks went forward at 01:00 on Sun 29 Mar, so
    # 72 elapsed hours end at Tue 31 Mar 13:00 BST. Signed off at 12:30 BST: the wall
    # clock shows 72.5 hours, but only 71.5 have passed - within.
    interview = _returned_and_completed(
        book, returned=(2026, 3, 28, 12), done=(2026, 3, 31, 12, 30), started=(2026, 3, 31, 11)
    )
    table = kpi_table(store, Period.month(2026, 3))
    assert ids(table, "rhis_completed_within_72h") == {interview.id}
    assert table["median_hours_to_interview"].value == 70.0


def test_a_month_is_a_london_month_not_a_utc_one(store: Store, book: Casebook) -> None:
    child = book.child()
    # Found at 23:30 UTC on 31 March 2026, which is 00:30 BST on 1 April: April's.
    late = book.episode(child, utc(2026, 3, 31, 20), utc(2026, 3, 31, 23, 30))
    # Found at 23:30 UTC on 31 January 2026 (GMT): still January's.
    january = book.episode(child, utc(2026, 1, 31, 20), utc(2026, 1, 31, 23, 30))
    assert kpi_table(store, Period.month(2026, 3))["found_episodes"].value == 0
    assert set(kpi_table(store, Period.month(2026, 4))["found_episodes"].ids) == {late.id}
    assert set(kpi_table(store, JANUARY)["found_episodes"].ids) == {january.id}


def test_an_empty_month_has_zero_counts_and_no_median(store: Store) -> None:
    table = kpi_table(store, JANUARY)
    assert all(figure.value == 0 for figure in table if figure.key != "median_hours_to_interview")
    assert table["median_hours_to_interview"].value is None
    assert all(rate is None for rate in table.rates().values())
