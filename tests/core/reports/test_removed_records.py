"""Reports after the retention purge: they say which figures may be short, and the
statutory returns, which must be complete, are refused rather than made short."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rhi_desktop.domain.entities import Child, InterviewState, OfferOutcome
from rhi_desktop.reports.completeness import RecordsRemovedError, StatutoryReturn
from rhi_desktop.reports.exports.annex_a import list8_table
from rhi_desktop.reports.exports.csv_xlsx import kpi_export
from rhi_desktop.reports.exports.ssda903 import missing_table
from rhi_desktop.reports.kpi import kpi_table
from rhi_desktop.reports.kpi_definitions import FIGURES
from rhi_desktop.reports.monthly import monthly_report
from rhi_desktop.reports.panel import panel_list
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.themes import themes
from rhi_desktop.reports.verification import (
    FigureSnapshot,
    VerificationError,
    VerificationProblem,
    VerificationState,
    changed_figures,
    month_status,
    verify_month,
)
from rhi_desktop.retention import purge_expired
from rhi_desktop.store import Store
from tests.core.reports.casebook import ACTOR, Casebook, london, utc
from tests.core.reports.conftest import Clock

S = InterviewState
MAY = Period.parse_month("2026-05")
SEPTEMBER = Period.parse_month("2026-09")
OCTOBER = Period.parse_month("2026-10")
YEAR = Period.collection_year("2026-27")


APPROVAL = (S.OFFERED, S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED, S.APPROVED)


def _approved_in_may(book: Casebook) -> Child:
    """A looked-after child missing on 1-2 May 2026, interviewed, approved on 4 May."""
    child = book.child("LAC-100", looked_after=True)
    episode = book.episode(child, london(2026, 5, 1, 20), london(2026, 5, 2, 10))
    interview = book.interview(child, [episode])
    book.offer(interview, london(2026, 5, 2, 12), OfferOutcome.ACCEPTED)
    book.move(interview, *APPROVAL, at=london(2026, 5, 4, 12))
    return child


def _purge(store: Store) -> None:
    with store.transaction(ACTOR) as tx:  # the service has everything: nothing waits to go
        tx.outbox.mark_sent([entry.change_id for entry in tx.outbox.pending(10_000)])
    report = purge_expired(store, ACTOR, now=utc(2026, 6, 10))
    assert report.interviews and report.children


def _missing_again_in_september(store: Store, book: Casebook, child: Child) -> None:
    """The service sends the child back with a new episode and interview."""
    with store.transaction(ACTOR) as tx:
        tx.children.add(dataclasses.replace(child, version=0))
    episode = book.episode(child, london(2026, 9, 1, 20), london(2026, 9, 2, 10))
    book.interview(child, [episode])


def test_nothing_purged_means_every_figure_is_whole(store: Store, book: Casebook) -> None:
    _approved_in_may(book)
    table = kpi_table(store, MAY)
    assert (table.removed_through, table.incomplete) == (None, ())
    assert store.retention.removed_through() is None


def test_the_purge_notes_the_latest_moment_its_records_reached(
    store: Store, book: Casebook
) -> None:
    _approved_in_may(book)
    _purge(store)
    assert store.retention.removed_through() == london(2026, 5, 2, 10)  # the return


def test_a_later_purge_of_older_records_does_not_move_the_mark_back(
    store: Store, book: Casebook
) -> None:
    _approved_in_may(book)
    _purge(store)
    older = book.child("LAC-101", looked_after=True)
    episode = book.episode(older, london(2026, 3, 1, 20), london(2026, 3, 2, 10))
    book.move(book.interview(older, [episode]), *APPROVAL, at=london(2026, 5, 4, 12))
    _purge(store)
    assert store.retention.removed_through() == london(2026, 5, 2, 10)


def test_figures_reaching_back_to_purged_records_are_named_as_possibly_short(
    store: Store, book: Casebook
) -> None:
    child = _approved_in_may(book)
    _purge(store)
    _missing_again_in_september(store, book, child)

    may = kpi_table(store, MAY)
    assert may.removed_through == date(2026, 5, 2)
    assert may["found_episodes"].value == 0  # the May episode is no longer on this computer
    assert may.incomplete == tuple(
        spec.key for spec in FIGURES if not spec.key.startswith("supervision")
    )
    # September's own records are all here; only the 12-month look-back reaches May, and
    # indeed the child's September episode is no longer counted as a repeat.
    september = kpi_table(store, SEPTEMBER)
    assert september.incomplete == ("repeat_children_12_months",)
    assert september["repeat_children_12_months"].value == 0

    report = monthly_report(store, SEPTEMBER)
    assert (report.removed_through, report.incomplete) == (
        date(2026, 5, 2),
        ("repeat_children_12_months",),
    )
    lines = kpi_export(store, SEPTEMBER).data.decode("utf-8-sig").splitlines()
    assert lines[0].endswith(",Records removed from this computer")
    assert lines[1].endswith(
        ",up to 02/05/2026; may be short: Repeat missing children (last 12 months)"
    )


def test_a_month_with_purged_records_cannot_be_verified_but_a_later_one_can(
    store: Store, book: Casebook, clock: Clock
) -> None:
    child = _approved_in_may(book)
    _purge(store)
    _missing_again_in_september(store, book, child)
    clock.now = OCTOBER.start  # both months have ended
    with pytest.raises(VerificationError) as refused:
        verify_month(store, MAY, ACTOR)
    assert refused.value.problem is VerificationProblem.RECORDS_REMOVED
    assert "2026-05" in str(refused.value)
    assert verify_month(store, SEPTEMBER, ACTOR).month == "2026-09"


def test_a_verified_month_stays_verified_when_its_records_are_purged_later(
    store: Store, book: Casebook, clock: Clock
) -> None:
    _approved_in_may(book)
    clock.now = utc(2026, 6, 2)  # May has ended; it is checked before the purge
    verified = verify_month(store, MAY, ACTOR)
    assert month_status(store, MAY).state is VerificationState.VERIFIED
    _purge(store)

    status = month_status(store, MAY)
    assert status.state is VerificationState.VERIFIED and status.changed == ()
    assert {"found_episodes", "children", "rhis_due"} <= set(status.removed)
    assert status.verifications == (verified,)


def test_records_added_to_a_verified_month_after_a_purge_still_show_as_a_change(
    store: Store, book: Casebook, clock: Clock
) -> None:
    _approved_in_may(book)
    clock.now = utc(2026, 6, 2)
    verify_month(store, MAY, ACTOR)
    _purge(store)
    for reference in ("LATE-1", "LATE-2"):  # two May returns recorded late, after the purge
        child = book.child(reference)
        book.episode(child, london(2026, 5, 20, 8), london(2026, 5, 21, 9))

    status = month_status(store, MAY)

    # A purge only takes records away: more found episodes than verified is a change.
    assert status.state is VerificationState.CHANGED
    assert "found_episodes" in status.changed and status.removed == ()


def test_a_figure_this_version_no_longer_defines_is_not_named_as_changed(
    store: Store, book: Casebook, clock: Clock
) -> None:
    clock.now = utc(2026, 6, 2)
    verified = verify_month(store, MAY, ACTOR)
    gone = {**verified.figures, "retired_figure": FigureSnapshot(3, "0" * 64)}
    assert changed_figures(dataclasses.replace(verified, figures=gone), verified.figures) == []


def test_statutory_returns_reaching_purged_records_are_refused(
    store: Store, book: Casebook
) -> None:
    child = _approved_in_may(book)
    _purge(store)
    _missing_again_in_september(store, book, child)
    with pytest.raises(RecordsRemovedError) as ssda903:
        missing_table(store, YEAR)
    assert ssda903.value.report is StatutoryReturn.SSDA903
    assert ssda903.value.removed_through == date(2026, 5, 2)
    assert "02/05/2026" in str(ssda903.value) and "LAC-100" not in str(ssda903.value)
    with pytest.raises(RecordsRemovedError) as annex_a:
        list8_table(store, date(2026, 9, 30))
    assert annex_a.value.report is StatutoryReturn.ANNEX_A


def test_statutory_returns_whose_window_starts_after_the_purge_are_made(
    store: Store, book: Casebook
) -> None:
    child = _approved_in_may(book)
    _purge(store)
    _missing_again_in_september(store, book, child)
    assert len(missing_table(store, Period.collection_year("2027-28")).rows) == 0
    as_at = date(2027, 5, 3)  # the 12 months from 4 May 2026: after the purged return
    assert [row[0] for row in list8_table(store, as_at).rows] == ["LAC-100"]


def test_panel_rules_reaching_purged_records_are_named_as_possibly_missing_children(
    store: Store, book: Casebook
) -> None:
    _approved_in_may(book)
    assert panel_list(store, utc(2026, 6, 1)).may_miss == ()  # nothing purged yet
    _purge(store)

    # On 10 June 2026, 90 days back reaches the purged records (the latest reached 2 May);
    # so does any rule about answers at any time, or about the child.
    june = panel_list(store, utc(2026, 6, 10))
    assert june.entries == ()  # the child the records were about has left the device
    assert june.removed_through == date(2026, 5, 2)
    assert june.may_miss == (
        "repeat_missing",
        "exploitation",
        "immediate_concern",
        "uasc_out_of_area",
    )
    # By late September the 90-day look-back starts after the purged records.
    september = panel_list(store, utc(2026, 9, 28))
    assert "repeat_missing" not in september.may_miss
    assert september.may_miss == ("exploitation", "immediate_concern", "uasc_out_of_area")


def test_themes_of_a_month_the_purge_reached_say_they_may_be_short(
    store: Store, book: Casebook
) -> None:
    _approved_in_may(book)
    assert themes(store, MAY).removed_through is None  # nothing purged yet
    _purge(store)

    assert themes(store, MAY).removed_through == date(2026, 5, 2)
    assert monthly_report(store, MAY).themes_removed_through == date(2026, 5, 2)
    assert themes(store, SEPTEMBER).removed_through is None  # after the purged records
