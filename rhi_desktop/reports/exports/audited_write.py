"""Writing an export file and auditing it, the one way the headless command and the app do.

The file is written atomically (a temporary file renamed into place, created 0600: it may
hold personal data). The audit event records what was exported - its kind, format, row
count, and which records (period or as-at day, filters by ids) - never any content. The
event is committed while the content is still in its temporary file, and only then is
the file put in place: a crash at any moment leaves either no file, or a file whose
export is in the audit log. If the audit cannot be written, the temporary file is
removed and no export file appears. If the file cannot be put in place (on Windows, last
month's file is still open in Excel), a second event records that the export was not
written, and why, by error code only.

A crash between the two steps leaves a hidden temporary copy beside the chosen file.
Where each export is going is noted in the store before its copy is written, and cleared
once it is in place: the next export (whichever file it writes) and the next unlock
remove the copies an export cut short left behind (`clear_interrupted_exports`), and the
next export's event counts them.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from rhi_desktop.atomic_file import remove_leftover_temporaries, staged
from rhi_desktop.audit import AuditAction, AuditEvent, DetailValue
from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.report_keys import FormSource, bundled_forms
from rhi_desktop.store import Store
from rhi_desktop.store.exports_under_way import clear_interrupted_exports

log = logging.getLogger(__name__)

AUDIT_ENTITY = "export"
INSTALLED_FORMS = "forms"  # where a profile keeps form versions installed after release


def profile_forms(profile_root: Path) -> FormSource:
    """The form definitions interviews on this profile may have pinned: bundled and installed."""
    return bundled_forms(
        [d for d in (BUNDLED_FORMS_DIR, profile_root / INSTALLED_FORMS) if d.is_dir()]
    )


def audit_detail(
    kind: str,
    made: ExportFile,
    *,
    period: Period | None = None,
    collection_year: str | None = None,
    as_at: date | None = None,
    filters: Filters | None = None,
) -> dict[str, DetailValue]:
    """What the audit event says about an export: kind, format, counts, and which records
    (period, collection year or as-at day, and filters) - never a name or any content."""
    detail: dict[str, DetailValue] = {"kind": kind, "format": made.format, "rows": made.rows}
    if period is not None:
        detail.update(first_day=period.first_day.isoformat(), last_day=period.last_day.isoformat())
    if collection_year is not None:
        detail["collection_year"] = collection_year
    if as_at is not None:
        detail["as_at"] = as_at.isoformat()
    if filters is not None:
        detail.update(filters_detail(filters))
    if made.format == "geojson":
        detail["not_placed"] = made.not_placed
    return detail


def filters_detail(filters: Filters) -> dict[str, DetailValue]:
    """The filters an export was narrowed by, as ids, counts and flags: the interviewer by
    user id, a team by how many members (their ids would not fit an audit detail)."""
    detail: dict[str, DetailValue] = {}
    if filters.interviewer_id is not None:
        detail["filter_interviewer"] = filters.interviewer_id
    if filters.team is not None:
        detail["filter_team_members"] = len(filters.team)
    if filters.uasc is not None:
        detail["filter_uasc"] = filters.uasc
    if filters.looked_after is not None:
        detail["filter_looked_after"] = filters.looked_after
    if filters.episode_type is not None:
        detail["filter_type"] = EpisodeType(filters.episode_type).value
    return detail


def write_and_audit(
    store: Store, actor: str, out_path: Path, made: ExportFile, detail: Mapping[str, DetailValue]
) -> None:
    """Append the export's audit event, then put `made` in place at `out_path`; if that
    last step fails, record that the export was not written before raising the error."""
    recorded = dict(detail)
    removed = clear_interrupted_exports(store, actor) + remove_leftover_temporaries(out_path)
    if removed:
        recorded["leftovers_removed"] = removed
    with store.transaction(actor) as tx:
        tx.exports_under_way.begin(out_path)
    with staged(out_path, made.data) as put_in_place:
        exported = _append_export_event(store, actor, None, recorded)
        try:
            put_in_place()
        except OSError as exc:
            _record_not_written(store, actor, exported, recorded, exc)
            raise
    # In place. (On an error its copy is removed, and the note stays for the next unlock
    # or export to clear: the store may be what failed.)
    with store.transaction(actor) as tx:
        tx.exports_under_way.end(out_path)


def _append_export_event(
    store: Store, actor: str, entity_id: str | None, detail: Mapping[str, DetailValue]
) -> AuditEvent:
    with store.transaction(actor) as tx:
        return tx.audit.append(AuditAction.EXPORT, AUDIT_ENTITY, entity_id, detail)


def _record_not_written(
    store: Store,
    actor: str,
    exported: AuditEvent,
    detail: Mapping[str, DetailValue],
    exc: OSError,
) -> None:
    """A follow-up to the `exported` event: the same detail, marked not written, with the
    error's code (never its message or paths, which may name a child)."""
    not_written = {**detail, "written": False, "reason": error_code(exc)}
    try:
        _append_export_event(store, actor, exported.id, not_written)
    except Exception as audit_failure:
        # The person still needs to hear why the file is missing, so the file error is
        # the one raised; this one is kept in the log.
        log.error(
            "could not record that an export was not written (%s)",
            type(audit_failure).__name__,
            exc_info=(type(audit_failure), audit_failure, audit_failure.__traceback__),
        )


def error_code(exc: OSError) -> str:
    """The error's symbolic code, e.g. EACCES (its class name when it has none)."""
    return errno.errorcode.get(exc.errno, type(exc).__name__) if exc.errno else type(exc).__name__
