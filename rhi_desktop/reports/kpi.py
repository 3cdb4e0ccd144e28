"""The KPI table for a month or any date range, every figure with the records behind it.

    table = kpi_table(store, Period.parse_month("2026-01"), Filters(uasc=True))
    table["rhis_offered_within_72h"].value      # 17
    table["rhis_offered_within_72h"].ids        # the 17 interview ids, for drill-down
    table.rate("offered_within_72h_rate")       # 85.0

What each figure counts is defined once, in `kpi_definitions.FIGURES`. The heavy lifting
(range scans and the 12-month repeat count) is done in SQL; what is left per period is
a few thousand narrow rows at most.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from rhi_desktop.domain.deadlines import london_date, within_window
from rhi_desktop.domain.entities import OfferOutcome
from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import (
    incomplete_figures,
    own_records_removed,
    removed_through,
)
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi_definitions import FIGURES, RATES, SPECS, RecordKind
from rhi_desktop.reports.offers import summarise
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store
from rhi_desktop.store.db import Database

Value = int | float | None


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    value: Value
    ids: tuple[str, ...]
    """The records the figure counts (sorted), of the kind `records` names."""

    @property
    def label(self) -> str:
        return SPECS[self.key].label

    @property
    def records(self) -> RecordKind:
        return SPECS[self.key].records


@dataclass(frozen=True, slots=True)
class KpiTable:
    period: Period
    filters: Filters
    figures: tuple[Figure, ...]
    removed_through: date | None = None
    """The last day of records purged from this device (None: nothing purged)."""

    @property
    def incomplete(self) -> tuple[str, ...]:
        """Keys of the figures that may miss purged records: they can be lower than the truth."""
        return incomplete_figures(self.period, self.removed_through)

    @property
    def own_records_removed(self) -> bool:
        """Whether some of the period's own records were purged (see `completeness`)."""
        return own_records_removed(self.period, self.removed_through)

    def __getitem__(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(f"no KPI named {key!r}")

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    def values(self) -> dict[str, Value]:
        return {figure.key: figure.value for figure in self.figures}

    def rate(self, key: str) -> float | None:
        """A percentage from `RATES`, to one decimal place; None when nothing to divide by."""
        spec = next((r for r in RATES if r.key == key), None)
        if spec is None:
            raise KeyError(f"no rate named {key!r}")
        return percentage(self[spec.numerator].value, self[spec.denominator].value)

    def rates(self) -> dict[str, float | None]:
        return {spec.key: self.rate(spec.key) for spec in RATES}


def percentage(numerator: Value, denominator: Value) -> float | None:
    """A count as a percentage of another, to one decimal place; None when nothing to divide by."""
    if not isinstance(numerator, int) or not isinstance(denominator, int) or not denominator:
        return None
    return round(100 * numerator / denominator, 1)


def _count(key: str, ids: set[str] | list[str]) -> Figure:
    unique = tuple(sorted(set(ids)))
    return Figure(key, len(unique), unique)


def _hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def kpi_table(store: Store, period: Period, filters: Filters | None = None) -> KpiTable:
    table = compute(queries.database(store), period, filters or Filters())
    return dataclasses.replace(table, removed_through=removed_through(store))


def compute(db: Database, period: Period, filters: Filters) -> KpiTable:
    """The KPI table over one open database (what `kpi_table` and the benchmark run)."""
    figures: dict[str, Figure] = {}
    figures.update(_episode_figures(db, period, filters))
    figures.update(_interview_figures(db, period, filters))
    figures.update(_supervision_figures(db, period, filters))
    return KpiTable(period, filters, tuple(figures[spec.key] for spec in FIGURES))


def _episode_figures(db: Database, period: Period, filters: Filters) -> dict[str, Figure]:
    found = queries.found_episodes(db, period, filters)
    per_child = Counter(row.child_id for row in found)
    trailing = queries.repeat_children(db, period.trailing_year(), period, filters)
    return {
        "found_episodes": _count("found_episodes", [row.id for row in found]),
        "children": _count("children", list(per_child)),
        "repeat_children_period": _count(
            "repeat_children_period", [child for child, n in per_child.items() if n >= 2]
        ),
        "repeat_children_12_months": _count("repeat_children_12_months", trailing),
        "uasc_children": _count("uasc_children", [row.child_id for row in found if row.uasc]),
    }


def _interview_figures(db: Database, period: Period, filters: Filters) -> dict[str, Figure]:
    due = queries.due_interviews(db, period, filters)
    attempts: defaultdict[str, list[tuple[datetime, OfferOutcome]]] = defaultdict(list)
    for offer in queries.offers_for_due_interviews(db, period, filters):
        attempts[offer.interview_id].append((offer.offered_at, offer.outcome))
    picked: defaultdict[str, list[str]] = defaultdict(list)
    hours: dict[str, float] = {}
    for interview in due:
        summary = summarise(attempts.get(interview.id, ()))
        if summary.first_offered_at is not None:
            picked["rhis_offered"].append(interview.id)
            if within_window(interview.returned_at, summary.first_offered_at):
                picked["rhis_offered_within_72h"].append(interview.id)
        if summary.answer is not None:
            picked[_ANSWER_FIGURE[summary.answer]].append(interview.id)
        if summary.decided_not_to_offer:
            picked["rhis_not_offered"].append(interview.id)
        if interview.completed_at is not None:
            picked["rhis_completed"].append(interview.id)
            if within_window(interview.returned_at, interview.completed_at):
                picked["rhis_completed_within_72h"].append(interview.id)
        if interview.started_at is not None:
            hours[interview.id] = _hours(interview.returned_at, interview.started_at)
    keys = (
        "rhis_offered",
        "rhis_offered_within_72h",
        "rhis_accepted",
        "rhis_declined_by_child",
        "rhis_declined_by_parent_carer",
        "rhis_not_offered",
        "rhis_completed",
        "rhis_completed_within_72h",
    )
    found = {key: _count(key, picked[key]) for key in keys}
    found["rhis_due"] = _count("rhis_due", [interview.id for interview in due])
    median = round(statistics.median(hours.values()), 2) if hours else None
    found["median_hours_to_interview"] = Figure(
        "median_hours_to_interview", median, tuple(sorted(hours))
    )
    return found


_ANSWER_FIGURE: Mapping[OfferOutcome, str] = {
    OfferOutcome.ACCEPTED: "rhis_accepted",
    OfferOutcome.DECLINED_BY_CHILD: "rhis_declined_by_child",
    OfferOutcome.DECLINED_BY_PARENT_CARER: "rhis_declined_by_parent_carer",
}


def _supervision_figures(db: Database, period: Period, filters: Filters) -> dict[str, Figure]:
    """Supervisions due in the period, and those held by their due day. One due today or
    later and not yet held is not yet late, so it is left out until it is held or missed;
    one never held stays in, as not on time (leaving it out would hide the very lapse
    the figure is there to show)."""
    today = london_date(db.clock())
    due = [
        row
        for row in queries.due_supervisions(db, period, filters)
        if row.next_held_on is not None or row.due_on < today
    ]
    on_time = [
        row.after_id
        for row in due
        if row.next_held_on is not None and row.next_held_on <= row.due_on
    ]
    return {
        "supervisions_due": _count("supervisions_due", [row.after_id for row in due]),
        "supervision_on_time": _count("supervision_on_time", on_time),
    }
