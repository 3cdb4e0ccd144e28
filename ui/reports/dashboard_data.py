"""What the KPI dashboard shows, worked out off the GUI thread: plain data, Qt-free.

A refresh is two jobs: the figures for the chosen period with their verification status
(one KPI table, well under half a second on 50,000 episodes), then the monthly trend
(twelve months read in one pass), so the figures appear without waiting for the chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rhi_desktop.reports import queries
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, Value, compute, kpi_table
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.trend import TrendPoint, monthly_trend
from rhi_desktop.reports.verification import (
    PeriodStatus,
    VerificationState,
    period_status,
)
from rhi_desktop.store import Store
from sync.protocol import Role

VERIFYING_ROLES = frozenset({Role.COORDINATOR.value, Role.SERVICE_MANAGER.value})


@dataclass(frozen=True, slots=True)
class FigureChange:
    key: str
    verified: Value
    now: Value


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    table: KpiTable
    status: PeriodStatus
    changes: tuple[FigureChange, ...] = ()
    """For a whole month changed since it was verified, or verified and since purged on
    this computer: each figure that moved, then and now."""


def load_figures(store: Store, period: Period, filters: Filters) -> DashboardFigures:
    table = kpi_table(store, period, filters)
    status = period_status(store, period, table)
    moved = status.changed if status.state is VerificationState.CHANGED else status.removed
    if not moved or not period.is_whole_month:
        return DashboardFigures(table, status)
    whole = table if filters.is_empty else compute(queries.database(store), period, Filters())
    verified = status.verifications[-1].figures
    now = whole.values()
    changes = tuple(
        FigureChange(key, verified[key].value if key in verified else None, now.get(key))
        for key in moved
    )
    return DashboardFigures(table, status, changes)


def trend(store: Store, last: Period, filters: Filters) -> tuple[TrendPoint, ...]:
    """The twelve calendar months ending with the month `last` ends in, oldest first."""
    return monthly_trend(store, last, filters)


def staff_choices(store: Store) -> tuple[tuple[str, str], ...]:
    """Interviewer and team-member choices as (user id, what to show), by what is shown.

    The team's interviewers come from the roster the central service sends with each
    pull (by username), together with anyone else the records name (by the start of
    their user id, when the roster does not know them).
    """
    named = {m.user_id: m.name for m in store.team.members("interviewer")}
    for user_id in queries.staff_ids(queries.database(store)):
        if user_id not in named:
            member = store.team.member(user_id)
            named[user_id] = member.name if member is not None else user_id[:8]
    return tuple(sorted(named.items(), key=lambda item: (item[1].casefold(), item[0])))


def may_verify(store: Store) -> bool:
    """Coordinators and service managers verify months; so may a device not yet enrolled
    (a single-user installation has nobody else to do it)."""
    enrolment = store.sync_state.enrolment()
    return enrolment is None or enrolment.role in VERIFYING_ROLES
