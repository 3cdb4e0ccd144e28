"""Provisional and verified months: a coordinator's sign-off on a month's figures.

Figures are provisional until a coordinator verifies the month. Verifying records, for
the month's whole-service figures (no filters), each figure's value and a digest of the
records behind it, plus one digest over all of that, and audits the act. Later, the
figures are worked out afresh and compared: a month whose records have since changed
is shown as changed, with the figures that moved, rather than silently staying
"verified". Verifying again records a new verification; earlier ones are kept.

A month some of whose own records have been purged from this device (the retention rule)
cannot be verified here: its figures are known to be short. A month whose only gap is in
the twelve months before it (the repeat-missing figure looks back that far) can be: the
status still names that figure as possibly short.

A filtered view of a month carries the month's status: verification is of the records,
and a filter only picks among them. A range is verified only when it is made of whole
months that are all verified and unchanged.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from rhi_desktop.audit import AuditAction, canonical_json, utc_text
from rhi_desktop.reports import queries, schema
from rhi_desktop.reports.completeness import (
    incomplete_figures,
    own_records_removed,
    removed_through,
)
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, compute
from rhi_desktop.reports.kpi_definitions import SPECS
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store

AUDIT_ENTITY = "kpi_verification"


class VerificationProblem(StrEnum):
    NOT_A_WHOLE_MONTH = "not_a_whole_month"
    DATABASE_TOO_OLD = "database_too_old"  # no table for verified months yet
    NOT_ENDED = "not_ended"
    RECORDS_REMOVED = "records_removed"  # some of the month's records were purged here


_PROBLEMS = {
    VerificationProblem.NOT_A_WHOLE_MONTH: "Only a whole calendar month can be verified.",
    VerificationProblem.DATABASE_TOO_OLD: (
        "This database cannot record verified months yet; update RHI Desktop."
    ),
    VerificationProblem.NOT_ENDED: "{0} has not ended yet, so its figures cannot be verified.",
    VerificationProblem.RECORDS_REMOVED: (
        "Some of {0}'s records have been removed from this computer under the retention "
        "policy, so its figures cannot be verified here."
    ),
}


class VerificationError(ReportError):
    """A month that cannot be verified; `problem` says why, `month` names it."""

    def __init__(self, problem: VerificationProblem, month: str = "") -> None:
        super().__init__(_PROBLEMS[problem].format(month))
        self.problem = problem
        self.month = month


class VerificationState(StrEnum):
    PROVISIONAL = "provisional"
    VERIFIED = "verified"
    CHANGED = "changed_since_verified"


@dataclass(frozen=True, slots=True)
class FigureSnapshot:
    value: int | float | None
    records: str
    """SHA-256 over the figure's record ids, so a swap of records at the same count shows."""


@dataclass(frozen=True, slots=True)
class Verification:
    id: str
    month: str
    verified_at: datetime
    verified_by: str
    digest: str
    figures: Mapping[str, FigureSnapshot]


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    period: Period
    state: VerificationState
    verifications: tuple[Verification, ...] = ()
    """The latest verification of each month in the period that has one."""
    changed: tuple[str, ...] = ()
    """Figure keys that differ now from what was verified (any month of the period)."""
    removed: tuple[str, ...] = ()
    """Figure keys that differ only because records were purged from this computer since:
    the verified figures stand, and these ones here may be lower than those verified."""

    @property
    def provisional(self) -> bool:
        return self.state is not VerificationState.VERIFIED


def snapshot(table: KpiTable) -> dict[str, FigureSnapshot]:
    return {
        figure.key: FigureSnapshot(
            figure.value, hashlib.sha256("\n".join(figure.ids).encode("ascii")).hexdigest()
        )
        for figure in table
    }


def _plain(figures: Mapping[str, FigureSnapshot]) -> dict[str, dict[str, Any]]:
    return {key: {"value": s.value, "records": s.records} for key, s in sorted(figures.items())}


def digest(figures: Mapping[str, FigureSnapshot]) -> str:
    return hashlib.sha256(canonical_json(_plain(figures))).hexdigest()


def _month_of(period: Period) -> str:
    if not period.is_whole_month:
        raise VerificationError(VerificationProblem.NOT_A_WHOLE_MONTH)
    return period.label


def verify_month(store: Store, month: Period, actor: str) -> Verification:
    """Record the month's current figures as verified by `actor`, and audit it.

    Refused for a month that has not ended yet: its figures are still arriving.
    """
    label = _month_of(month)
    db = queries.database(store)
    if not schema.has_verification_table(db):
        raise VerificationError(VerificationProblem.DATABASE_TOO_OLD)
    now = db.clock()
    if now < month.end:
        raise VerificationError(VerificationProblem.NOT_ENDED, label)
    if own_records_removed(month, removed_through(store)):
        raise VerificationError(VerificationProblem.RECORDS_REMOVED, label)
    figures = snapshot(compute(db, month, Filters()))
    made = Verification(str(uuid.uuid4()), label, now, actor, digest(figures), figures)
    with store.transaction(actor) as tx:
        db.execute(
            "INSERT INTO kpi_verifications (id, month, verified_at, verified_by, digest, figures)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                made.id,
                label,
                utc_text(now),
                actor,
                made.digest,
                json.dumps(_plain(figures), sort_keys=True),
            ),
        )
        tx.audit.append(
            AuditAction.CREATE, AUDIT_ENTITY, made.id, {"month": label, "digest": made.digest}
        )
    return made


def latest_verification(store: Store, month: Period) -> Verification | None:
    label = _month_of(month)
    db = queries.database(store)
    if not schema.has_verification_table(db):
        return None
    row = db.fetchone(
        "SELECT id, month, verified_at, verified_by, digest, figures FROM kpi_verifications"
        " WHERE month = ? ORDER BY verified_at DESC, rowid DESC LIMIT 1",
        (label,),
    )
    if row is None:
        return None
    figures = {
        key: FigureSnapshot(item["value"], item["records"])
        for key, item in json.loads(row[5]).items()
    }
    return Verification(row[0], row[1], datetime.fromisoformat(row[2]), row[3], row[4], figures)


def changed_figures(verification: Verification, now: Mapping[str, FigureSnapshot]) -> list[str]:
    """Figures that differ now, in table order, among those this app defines (a figure a
    later version renamed or dropped shows as the figure it is now)."""
    return [key for key in SPECS if verification.figures.get(key) != now.get(key)]


def _as_removal_makes(
    verification: Verification, now: Mapping[str, FigureSnapshot], differ: list[str]
) -> bool:
    """Whether the differences are ones removing records could make: every count that
    differs is lower now, and at least one is (a purge takes records away). Rates and
    medians may move either way, but never alone. No difference at all (only a figure
    no longer defined went) is fine too."""
    if not differ:
        return True
    lower = False
    for key in differ:
        was, is_now = verification.figures.get(key), now.get(key)
        before = None if was is None else was.value
        after = None if is_now is None else is_now.value
        if isinstance(before, int) and isinstance(after, int):
            if after > before:
                return False
            lower = lower or after < before
    return lower


def month_status(store: Store, month: Period, current: KpiTable | None = None) -> PeriodStatus:
    """The month's state; pass `current` (its unfiltered table) to save working it out.

    The retention purge takes approved interviews off this computer, and their figures
    come out lower than when they were verified. That is not a change to the records:
    a month whose figures differ only where records have been removed, as removal makes
    them differ (some count lower, none higher), stays verified, naming those figures
    (`removed`). A count that went up, or figures that moved with no count lower, are
    records changed since, purge or not."""
    verification = latest_verification(store, month)
    if verification is None:
        return PeriodStatus(month, VerificationState.PROVISIONAL)
    if current is None or not current.filters.is_empty or current.period != month:
        current = compute(queries.database(store), month, Filters())
    now = snapshot(current)
    if digest(now) == verification.digest:
        return PeriodStatus(month, VerificationState.VERIFIED, (verification,))
    differ = changed_figures(verification, now)
    short = set(incomplete_figures(month, removed_through(store)))
    if short.issuperset(differ) and _as_removal_makes(verification, now, differ):
        return PeriodStatus(month, VerificationState.VERIFIED, (verification,), (), tuple(differ))
    return PeriodStatus(month, VerificationState.CHANGED, (verification,), tuple(differ))


def period_status(store: Store, period: Period, current: KpiTable | None = None) -> PeriodStatus:
    """A whole month's own status; for a range, verified only if every month in it is."""
    if period.is_whole_month:
        return month_status(store, period, current)
    months = period.months()
    if any(not month.is_whole_month for month in months):
        return PeriodStatus(period, VerificationState.PROVISIONAL)
    statuses = [month_status(store, month) for month in months]
    verifications = tuple(v for status in statuses for v in status.verifications)
    changed = tuple(sorted({key for status in statuses for key in status.changed}))
    if any(status.state is VerificationState.CHANGED for status in statuses):
        return PeriodStatus(period, VerificationState.CHANGED, verifications, changed)
    if all(status.state is VerificationState.VERIFIED for status in statuses):
        removed = tuple(sorted({key for status in statuses for key in status.removed}))
        return PeriodStatus(period, VerificationState.VERIFIED, verifications, (), removed)
    return PeriodStatus(period, VerificationState.PROVISIONAL, verifications)
