"""What the monthly PDF report shows, as plain data for `ui` to draw (charts, QPdfWriter).

Counts, percentages, labels and the month's verification status only: no names, no
record ids, no answer text, no places or associates (just how many recur), so the report
can go to a committee as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import Value, kpi_table
from rhi_desktop.reports.kpi_definitions import RATES
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.report_keys import FormSource
from rhi_desktop.reports.themes import ThemeCount, themes, top
from rhi_desktop.reports.trend import TrendPoint as TrendPoint  # MonthlyReport.trend holds them
from rhi_desktop.reports.trend import monthly_trend
from rhi_desktop.reports.verification import VerificationState, period_status
from rhi_desktop.store import Store


@dataclass(frozen=True, slots=True)
class Line:
    key: str
    label: str
    value: Value


@dataclass(frozen=True, slots=True)
class ThemeLine:
    key: str
    label: str
    interviews: int
    children: int


@dataclass(frozen=True, slots=True)
class ThemeLines:
    """The most mentioned themes of a kind, and how many others were recorded too."""

    lines: tuple[ThemeLine, ...]
    more: int


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    month: str
    records: str
    """Which records the figures cover (the filters, described)."""
    filtered: bool
    """Whether that is fewer than all records (every page then says so)."""
    status: VerificationState
    verified_at: datetime | None
    changed_since_verified: tuple[str, ...]
    """Labels of the figures that differ from what was verified."""
    removed_through: date | None
    """The last day of records purged from this device (None: nothing purged)."""
    incomplete: tuple[str, ...]
    """Keys of the month's figures that may miss those records."""
    kpis: tuple[Line, ...]
    rates: tuple[Line, ...]
    trend: tuple[TrendPoint, ...]
    """The twelve months ending with this one, oldest first."""
    push_factors: ThemeLines
    pull_factors: ThemeLines
    risk_indicators: ThemeLines
    interviews_analysed: int
    interviews_not_analysed: int
    recurring_places: int
    recurring_associates: int
    themes_removed_through: date | None = None
    """Set when the purge reached the month: its themes may be short."""


def _lines(counts: tuple[ThemeCount, ...], n: int) -> ThemeLines:
    shown = top(counts, n)
    lines = tuple(ThemeLine(c.key, c.label, c.count, len(c.children)) for c in shown)
    return ThemeLines(lines, len(counts) - len(shown))


def monthly_report(
    store: Store,
    month: Period,
    filters: Filters | None = None,
    *,
    forms: FormSource | None = None,
    top_n: int = 5,
) -> MonthlyReport:
    chosen = filters or Filters()
    table = kpi_table(store, month, chosen)
    status = period_status(store, month, table)
    found = themes(store, month, chosen, forms)
    labels = {figure.key: figure.label for figure in table}
    return MonthlyReport(
        month=month.label,
        records=chosen.describe(store.team.name_of),
        filtered=not chosen.is_empty,
        status=status.state,
        verified_at=status.verifications[-1].verified_at if status.verifications else None,
        changed_since_verified=tuple(labels.get(key, key) for key in status.changed),
        removed_through=table.removed_through,
        incomplete=table.incomplete,
        kpis=tuple(Line(figure.key, figure.label, figure.value) for figure in table),
        rates=tuple(Line(spec.key, spec.label, table.rate(spec.key)) for spec in RATES),
        trend=monthly_trend(store, month, chosen),
        push_factors=_lines(found.push, top_n),
        pull_factors=_lines(found.pull, top_n),
        risk_indicators=_lines(found.risks, top_n),
        interviews_analysed=len(found.analysed),
        interviews_not_analysed=len(found.not_analysed),
        recurring_places=len(found.recurring_places),
        recurring_associates=len(found.recurring_associates),
        themes_removed_through=found.removed_through,
    )
