"""Which figures this computer can no longer count in full, after the retention purge.

Approved interviews, and children nothing else needs, leave the device after the
retention period (`rhi_desktop.retention`); the service keeps them. The store notes the
latest moment any purged record reached: a return, an episode's start or its end. A
report that counts records from that London day or earlier may now come out lower than
the true figure, so it says so, and the statutory returns, which must be complete, are
refused rather than made short.

Supervision sessions are never purged, so their figure stays whole.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.kpi_definitions import FIGURES, RecordKind
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store

TRAILING_FIGURES = frozenset({"repeat_children_12_months"})
"""Figures that look back over the twelve months before the period, not just within it."""


class StatutoryReturn(StrEnum):
    SSDA903 = "SSDA903 missing table"
    ANNEX_A = "Annex A List 8"


class RecordsRemovedError(ReportError):
    """A statutory return whose window reaches records purged from this device."""

    def __init__(self, report: StatutoryReturn, removed_through: date) -> None:
        super().__init__(
            f"The {report} cannot be made on this computer: records up to "
            f"{removed_through:%d/%m/%Y} have been removed from it under the retention "
            "policy, so it would be missing some of them. It needs a computer that keeps "
            "approved interviews for the whole period (IT sets this: retention_days)."
        )
        self.report = report
        self.removed_through = removed_through


def removed_through(store: Store) -> date | None:
    """The London day of the latest moment any purged record reached (None: no purge)."""
    reached = store.retention.removed_through()
    return None if reached is None else london_date(reached)


def own_records_removed(period: Period, removed: date | None) -> bool:
    """Whether records from within `period` itself may have been purged: then every
    figure but supervision may be short, not just the 12-month look-back."""
    return removed is not None and period.first_day <= removed


def incomplete_figures(period: Period, removed: date | None) -> tuple[str, ...]:
    """Keys of the figures for `period` that may miss purged records, in table order."""
    if removed is None:
        return ()
    look_back = period.trailing_year().first_day <= removed
    own = own_records_removed(period, removed)
    return tuple(
        spec.key
        for spec in FIGURES
        if spec.records is not RecordKind.SUPERVISION_SESSION
        and (look_back if spec.key in TRAILING_FIGURES else own)
    )


def require_whole(store: Store, report: StatutoryReturn, first_day: date) -> None:
    """Refuse a statutory return whose records start on `first_day` if any were purged."""
    removed = removed_through(store)
    if removed is not None and first_day <= removed:
        raise RecordsRemovedError(report, removed)
