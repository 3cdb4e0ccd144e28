"""The KPI table for a range as CSV or XLSX: one row per calendar month, then the range.

Columns: the period's first and last day, its status (provisional, verified, or changed
since verified), which records it covers (the filters), every KPI in
`kpi_definitions.FIGURES` order, the percentages in `RATES`, then which figures may be
short because records were purged from this computer (blank when none). A range of more than
one month ends with a row for the whole range; a range within one month has that row
alone. The XLSX adds a "Definitions" sheet saying exactly what each column counts.
"""

from __future__ import annotations

from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.table_files import Cell, Table, csv_bytes, xlsx_bytes
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, kpi_table
from rhi_desktop.reports.kpi_definitions import FIGURES, RATES, SPECS
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import PeriodStatus, VerificationState, period_status
from rhi_desktop.store import Store

STATUS_TEXT = {
    VerificationState.PROVISIONAL: "provisional",
    VerificationState.VERIFIED: "verified",
    VerificationState.CHANGED: "changed since verified",
}
REMOVED_COLUMN = "Records removed from this computer"
HEADER = (
    "Period start",
    "Period end",
    "Status",
    "Records",
    *(spec.label for spec in FIGURES),
    *(spec.label for spec in RATES),
    REMOVED_COLUMN,
)


def kpi_rows(
    store: Store, period: Period, filters: Filters | None = None
) -> list[tuple[KpiTable, PeriodStatus]]:
    """Each month of the range (clipped to it), then the whole range if it spans months."""
    chosen = filters or Filters()
    periods = period.months()
    if len(periods) > 1:
        periods.append(period)
    rows = []
    for each in periods:
        table = kpi_table(store, each, chosen)
        rows.append((table, period_status(store, each, table)))
    return rows


def kpi_table_rows(rows: list[tuple[KpiTable, PeriodStatus]]) -> Table:
    body: list[tuple[Cell, ...]] = []
    for table, status in rows:
        rates = table.rates()
        body.append(
            (
                table.period.first_day,
                table.period.last_day,
                STATUS_TEXT[status.state],
                table.filters.describe(),
                *(figure.value for figure in table),
                *(rates[spec.key] for spec in RATES),
                _removed(table),
            )
        )
    return Table("KPIs", HEADER, tuple(body))


def _removed(table: KpiTable) -> str:
    if table.removed_through is None or not table.incomplete:
        return ""
    short = "; ".join(SPECS[key].label for key in table.incomplete)
    return f"up to {table.removed_through:%d/%m/%Y}; may be short: {short}"


def definitions() -> Table:
    rows: list[tuple[Cell, ...]] = [(spec.label, spec.definition) for spec in FIGURES]
    rows += [
        (
            spec.label,
            f"{_label(spec.numerator)} as a percentage of {_label(spec.denominator)}, "
            "to one decimal place; blank when that is zero.",
        )
        for spec in RATES
    ]
    rows.append(
        (
            REMOVED_COLUMN,
            "The figures that may count fewer records than there were: approved interviews, "
            "and children nothing else needs, are removed from this computer after the "
            "retention period, and a figure counting records from up to that date can no "
            "longer count them. Blank when nothing it counts has been removed.",
        )
    )
    return Table("Definitions", ("Column", "What it counts"), tuple(rows))


def _label(key: str) -> str:
    return next(spec.label for spec in FIGURES if spec.key == key)


def kpi_export(
    store: Store, period: Period, filters: Filters | None = None, *, file_format: str = "csv"
) -> ExportFile:
    table = kpi_table_rows(kpi_rows(store, period, filters))
    if file_format == "xlsx":
        return ExportFile(xlsx_bytes([table, definitions()]), len(table.rows), "xlsx")
    return ExportFile(csv_bytes(table), len(table.rows), "csv")
