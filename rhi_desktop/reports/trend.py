"""The monthly trend the dashboard and the monthly report chart, read in one pass.

    points = monthly_trend(store, Period.parse_month("2026-01"), Filters(uasc=True))
    points[-1].month                    # '2026-01', the newest of twelve
    points[-1].offered_within_72h_rate  # 85.0, as January's KPI table shows it

Each point holds the five figures the charts draw, for one London calendar month, exactly
as that month's KPI table (`kpi.kpi_table`) works them out under the same filters. Rather
than twelve full tables, each kind of record is read once over the whole span, counted
per month in SQL where it can be, and the 72-hour rule applied once per due interview.
"""

from __future__ import annotations

from dataclasses import dataclass

from rhi_desktop.domain.deadlines import within_window
from rhi_desktop.reports import queries
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import percentage
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store

TREND_MONTHS = 12


@dataclass(frozen=True, slots=True)
class TrendPoint:
    month: str
    found_episodes: int
    children: int
    rhis_due: int
    offered_within_72h_rate: float | None
    completed_within_72h_rate: float | None


def monthly_trend(
    store: Store, last: Period, filters: Filters | None = None, months: int = TREND_MONTHS
) -> tuple[TrendPoint, ...]:
    """`months` calendar months ending with the month `last` ends in, oldest first."""
    chosen = filters or Filters()
    periods = last.previous_months(months)
    db = queries.database(store)
    found = {row.period: row for row in queries.found_episodes_per_period(db, periods, chosen)}
    due = [0] * len(periods)
    offered_in_time = [0] * len(periods)
    completed_in_time = [0] * len(periods)
    for row in queries.due_interview_times(db, periods, chosen):
        due[row.period] += 1
        if row.first_offered_at is not None and within_window(
            row.returned_at, row.first_offered_at
        ):
            offered_in_time[row.period] += 1
        if row.completed_at is not None and within_window(row.returned_at, row.completed_at):
            completed_in_time[row.period] += 1
    points: list[TrendPoint] = []
    for n, period in enumerate(periods):
        episodes = found.get(n)
        points.append(
            TrendPoint(
                period.label,
                episodes.episodes if episodes else 0,
                episodes.children if episodes else 0,
                due[n],
                # The rates `kpi_definitions.RATES` defines, over RHIs due.
                percentage(offered_in_time[n], due[n]),
                percentage(completed_in_time[n], due[n]),
            )
        )
    return tuple(points)
