"""What the app's Export dialog asks for, and doing it: the same exporters as the command.

Qt-free. Each export is produced by the core's exporter for its kind, then written and
audited by `rhi_desktop.reports.exports.audited_write`, exactly as `rhi-desktop export`
does. The monthly PDF is drawn on the GUI thread (`pdf_report`), so it arrives here as
bytes to write and audit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from rhi_desktop.reports.exports.annex_a import annex_a_list8
from rhi_desktop.reports.exports.audited_write import audit_detail, profile_forms, write_and_audit
from rhi_desktop.reports.exports.csv_xlsx import kpi_export
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.geojson import places_geojson
from rhi_desktop.reports.exports.ssda903 import ssda903_missing
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store


class ExportKind(StrEnum):
    KPI = "kpi"
    SSDA903 = "ssda903-missing"
    ANNEX_A = "annex-a-list8"
    GEOJSON = "geojson"
    REPORT = "report"

    @property
    def has_period(self) -> bool:
        return self in (ExportKind.KPI, ExportKind.GEOJSON, ExportKind.REPORT)

    @property
    def has_filters(self) -> bool:
        """Whether the dashboard's filters narrow this export's records."""
        return self in (ExportKind.KPI, ExportKind.GEOJSON)

    @property
    def has_table_format(self) -> bool:
        return self in (ExportKind.KPI, ExportKind.ANNEX_A)

    def extension(self, file_format: str) -> str:
        if self is ExportKind.GEOJSON:
            return "geojson"
        if self is ExportKind.REPORT:
            return "pdf"
        if self is ExportKind.SSDA903:
            return "csv"
        return file_format


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: ExportKind
    out: Path
    period: Period | None = None
    """kpi and geojson: any period; report: a whole month."""
    collection_year: str | None = None
    as_at: date | None = None
    file_format: str = "csv"
    filters: Filters = field(default_factory=Filters)
    postcode_lookup: Path | None = None
    """geojson: the IT-supplied lookup that places postcodes (policy `postcode_lookup`)."""


def _collection_year(request: ExportRequest) -> Period:
    assert request.collection_year is not None
    return Period.collection_year(request.collection_year)


def produce(store: Store, profile_root: Path, request: ExportRequest) -> ExportFile:
    """The file's bytes for every kind but the PDF; raises the core's ReportErrors."""
    kind = request.kind
    if kind is ExportKind.KPI:
        assert request.period is not None
        return kpi_export(store, request.period, request.filters, file_format=request.file_format)
    if kind is ExportKind.SSDA903:
        return ssda903_missing(store, _collection_year(request))
    if kind is ExportKind.ANNEX_A:
        assert request.as_at is not None
        return annex_a_list8(store, request.as_at, file_format=request.file_format)
    if kind is ExportKind.GEOJSON:
        assert request.period is not None
        return places_geojson(
            store,
            request.period,
            request.filters,
            forms=profile_forms(profile_root),
            lookup_file=request.postcode_lookup,
        )
    raise ValueError("the monthly report is drawn by the app, not produced here")


def _record(store: Store, actor: str, request: ExportRequest, made: ExportFile) -> None:
    detail = audit_detail(
        request.kind.value,
        made,
        period=request.period if request.kind.has_period else None,
        collection_year=request.collection_year if request.kind is ExportKind.SSDA903 else None,
        as_at=request.as_at if request.kind is ExportKind.ANNEX_A else None,
        filters=request.filters if request.kind.has_filters else None,
    )
    write_and_audit(store, actor, request.out, made, detail)


def export(store: Store, actor: str, profile_root: Path, request: ExportRequest) -> ExportFile:
    """Produce, write (atomically, 0600) and audit one export."""
    made = produce(store, profile_root, request)
    _record(store, actor, request, made)
    return made


def write_report(
    store: Store, actor: str, request: ExportRequest, pdf: bytes, pages: int
) -> ExportFile:
    """Write and audit a monthly report already drawn; its 'rows' are its pages."""
    made = ExportFile(pdf, pages, "pdf")
    _record(store, actor, request, made)
    return made
