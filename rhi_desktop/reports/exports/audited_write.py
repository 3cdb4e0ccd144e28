"""Writing an export file and auditing it, the one way the headless command and the app do.

The file is written atomically (a temporary file renamed into place, created 0600: it may
hold personal data). The audit event records what was exported - its kind, format, row
count and period - never any content. The event is committed while the content is still
in its temporary file, and only then is the file put in place: a crash at any moment
leaves either no file, or a file whose export is in the audit log. If the audit cannot be
written, the temporary file is removed and no export file appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rhi_desktop.atomic_file import staged
from rhi_desktop.audit import AuditAction, DetailValue
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.report_keys import FormSource, bundled_forms
from rhi_desktop.store import Store

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
) -> dict[str, DetailValue]:
    """What the audit event says about an export: kind, format, counts and period only."""
    detail: dict[str, DetailValue] = {"kind": kind, "format": made.format, "rows": made.rows}
    if period is not None:
        detail.update(first_day=period.first_day.isoformat(), last_day=period.last_day.isoformat())
    if collection_year is not None:
        detail["collection_year"] = collection_year
    if made.format == "geojson":
        detail["not_placed"] = made.not_placed
    return detail


def write_and_audit(
    store: Store, actor: str, out_path: Path, made: ExportFile, detail: Mapping[str, DetailValue]
) -> None:
    """Append the export's audit event, then put `made` in place at `out_path`."""
    with staged(out_path, made.data) as put_in_place:
        with store.transaction(actor) as tx:
            tx.audit.append(AuditAction.EXPORT, AUDIT_ENTITY, None, detail)
        put_in_place()
