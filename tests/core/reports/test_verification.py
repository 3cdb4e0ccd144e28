"""A coordinator verifies a month; later edits to its records show, figure by figure."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import kpi_table
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import (
    VerificationError,
    VerificationState,
    latest_verification,
    period_status,
    verify_month,
)
from rhi_desktop.store import Store
from tests.core.reports.casebook import ACTOR, Casebook, utc
from tests.core.reports.conftest import Clock
from tests.core.reports.test_kpis import JANUARY, build_january

FEBRUARY = Period.month(2026, 2)


def test_a_month_stays_provisional_until_a_coordinator_verifies_it(
    store: Store, book: Casebook
) -> None:
    build_january(book)
    assert period_status(store, JANUARY).state is VerificationState.PROVISIONAL
    made = verify_month(store, JANUARY, "coordinator-7")
    status = period_status(store, JANUARY)
    assert status.state is VerificationState.VERIFIED
    assert status.verifications == (made,)
    assert made.figures["found_episodes"].value == 7
    # Verification is of the month's records: a filtered view shows the same status.
    filtered = kpi_table(store, JANUARY, Filters(uasc=True))
    assert period_status(store, JANUARY, filtered).state is VerificationState.VERIFIED


def test_verifying_is_audited_with_the_month_and_digest_only(store: Store, book: Casebook) -> None:
    build_january(book)
    made = verify_month(store, JANUARY, "coordinator-7")
    event = store.audit.events()[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "kpi_verification", made.id)
    assert event.actor == "coordinator-7"
    assert dict(event.detail) == {"month": "2026-01", "digest": made.digest}
    assert store.audit.verify().ok


def test_an_edit_after_verification_shows_which_figures_changed(
    store: Store, book: Casebook
) -> None:
    january = build_january(book)
    verify_month(store, JANUARY, ACTOR)
    # Someone corrects D1: the child was in fact found on 2 February.
    with store.transaction(ACTOR) as tx:
        d1 = tx.episodes.get(january.episodes["D1"])
        tx.episodes.update(dataclasses.replace(d1, end=utc(2026, 2, 2, 10)))
    status = period_status(store, JANUARY)
    assert status.state is VerificationState.CHANGED
    # D drops out of January's found episodes, children, UASC children and repeat counts;
    # the interview figures (ID returned on 26 Jan) are untouched.
    assert set(status.changed) == {
        "found_episodes",
        "children",
        "uasc_children",
        "repeat_children_12_months",
    }
    # Verifying again accepts the corrected figures; the first verification is kept.
    again = verify_month(store, JANUARY, ACTOR)
    assert period_status(store, JANUARY).state is VerificationState.VERIFIED
    assert latest_verification(store, JANUARY) == again
    assert again.figures["found_episodes"].value == 6


def test_a_swap_of_records_at_the_same_count_still_shows_as_changed(
    store: Store, book: Casebook
) -> None:
    january = build_january(book)
    verify_month(store, JANUARY, ACTOR)
    with store.transaction(ACTOR) as tx:
        # G1 moves out of January and E1 (still missing) is found in January instead:
        # seven found episodes either way, but not the same seven.
        g1 = tx.episodes.get(january.episodes["G1"])
        tx.episodes.update(dataclasses.replace(g1, end=utc(2026, 2, 3)))
        e1 = tx.episodes.get(january.episodes["E1"])
        tx.episodes.update(dataclasses.replace(e1, end=utc(2026, 1, 29)))
    table = kpi_table(store, JANUARY)
    assert table["found_episodes"].value == 7
    status = period_status(store, JANUARY, table)
    assert status.state is VerificationState.CHANGED
    assert "found_episodes" in status.changed and "children" in status.changed


def test_a_month_that_has_not_ended_cannot_be_verified(
    store: Store, book: Casebook, clock: Clock
) -> None:
    build_january(book)
    clock.now = utc(2026, 1, 31, 23, 0)
    with pytest.raises(VerificationError, match="not ended"):
        verify_month(store, JANUARY, ACTOR)
    with pytest.raises(VerificationError, match="whole calendar month"):
        verify_month(store, Period(date(2026, 1, 1), date(2026, 1, 15)), ACTOR)
    assert latest_verification(store, JANUARY) is None


def test_a_range_is_verified_only_when_every_whole_month_in_it_is(
    store: Store, book: Casebook, clock: Clock
) -> None:
    build_january(book)
    both = Period(date(2026, 1, 1), date(2026, 2, 28))
    verify_month(store, JANUARY, ACTOR)
    assert period_status(store, both).state is VerificationState.PROVISIONAL
    clock.now = utc(2026, 3, 2, 9)
    verify_month(store, FEBRUARY, ACTOR)
    assert period_status(store, both).state is VerificationState.VERIFIED
    part = Period(date(2026, 1, 1), date(2026, 2, 10))
    assert period_status(store, part).state is VerificationState.PROVISIONAL
