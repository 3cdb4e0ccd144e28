"""What the monthly PDF is drawn from: figures, a 12-month trend, top themes, status."""

from __future__ import annotations

import re

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import kpi_table
from rhi_desktop.reports.monthly import ThemeLine, ThemeLines, monthly_report
from rhi_desktop.reports.verification import VerificationState, verify_month
from rhi_desktop.store import Store
from rhi_desktop.store.team import TeamMember
from tests.core.reports.casebook import ACTOR, Casebook, utc
from tests.core.reports.interview_answers import answers
from tests.core.reports.test_kpis import JANUARY, build_january

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def test_the_monthly_report_has_figures_trend_and_themes_without_personal_data(
    store: Store, book: Casebook
) -> None:
    build_january(book)
    for ref, day, push in (("TH-1", 4, ["bullying"]), ("TH-2", 8, ["bullying", "neglect"])):
        child = book.child(ref)
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        book.interview(
            child,
            [episode],
            state=InterviewState.COMPLETED,
            answers=answers(
                push=push, places=[("Marrowbone Viaduct", "", None)], people=["Zephyrine Quill"]
            ),
        )
    verify_month(store, JANUARY, ACTOR)
    report = monthly_report(store, JANUARY, top_n=1)
    table = kpi_table(store, JANUARY)

    assert report.month == "2026-01" and report.status is VerificationState.VERIFIED
    assert report.verified_at is not None
    assert {line.key: line.value for line in report.kpis} == table.values()
    # The hand-worked January plus the two new children's episodes: 7 + 2 found.
    assert table["found_episodes"].value == 9
    assert [point.month for point in report.trend] == [
        *(f"2025-{m:02d}" for m in range(2, 13)),
        "2026-01",
    ]
    assert report.trend[-1].found_episodes == 9
    # B2 (November 2025) and D2 (March 2025) show in their months.
    assert {p.month: p.found_episodes for p in report.trend if p.found_episodes} == {
        "2025-03": 1,
        "2025-11": 1,
        "2026-01": 9,
    }
    assert report.push_factors == ThemeLines(
        (ThemeLine("push.bullying", "Bullying, in person or online", 2, 2),), more=1
    )
    assert (report.recurring_places, report.recurring_associates) == (1, 1)
    # Signed off in January: IA, IA2, ID, IC (read as its signed-off first revision while
    # it is reopened for amendment) - none with answers recorded - and the two above.
    assert report.interviews_analysed == 6
    everything = repr(report)
    assert not UUID.search(everything)
    assert "Marrowbone" not in everything and "Zephyrine" not in everything
    assert "Fictional" not in everything


def test_themes_mentioned_as_often_as_the_last_shown_are_all_shown(
    store: Store, book: Casebook
) -> None:
    for ref, day, risks in (
        ("TT-1", 4, ["cse", "self_harm"]),
        ("TT-2", 6, ["cse", "fgm"]),
        ("TT-3", 8, ["cce"]),
    ):
        child = book.child(ref)
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        book.interview(
            child, [episode], state=InterviewState.COMPLETED, answers=answers(risks=risks)
        )

    shown = monthly_report(store, JANUARY, top_n=2).risk_indicators

    # CSE twice; then CCE, FGM and self-harm once each: none is left out for its name.
    assert [line.key for line in shown.lines] == [
        "risk.cse",
        "risk.cce",
        "risk.fgm",
        "risk.self_harm",
    ]
    assert shown.more == 0
    assert monthly_report(store, JANUARY, top_n=1).risk_indicators.more == 3


def test_a_report_for_one_interviewer_names_them_as_the_team_knows_them(
    store: Store, book: Casebook
) -> None:
    sam = "0f3c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember(sam, "sam.interviewer", "interviewer")])

    report = monthly_report(store, JANUARY, Filters(interviewer_id=sam))

    assert report.filtered and report.records == "interviewer sam.interviewer"
    assert not UUID.search(repr(report))
    assert not monthly_report(store, JANUARY).filtered


def test_a_changed_verified_month_names_the_figures_that_moved(
    store: Store, book: Casebook
) -> None:
    build_january(book)
    verify_month(store, JANUARY, ACTOR)
    child = book.child("LATE-1")
    book.episode(child, utc(2026, 1, 30, 8), utc(2026, 1, 30, 20))
    report = monthly_report(store, JANUARY)
    assert report.status is VerificationState.CHANGED
    assert "Found episodes" in report.changed_since_verified
