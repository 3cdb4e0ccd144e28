"""The KPI table as CSV and XLSX: exact header, one row per month, status and definitions."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from rhi_desktop.reports.exports.csv_xlsx import kpi_export
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi_definitions import FIGURES
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import verify_month
from rhi_desktop.store import Store
from tests.core.reports.casebook import ACTOR, Casebook
from tests.core.reports.test_kpis import JANUARY, build_january

HEADER = (
    "Period start,Period end,Status,Records,Found episodes,Children,"
    "Repeat missing children (in the period),Repeat missing children (last 12 months),"
    "UASC children,RHIs due,RHIs offered,RHIs offered within 72 hours,RHIs accepted,"
    "RHIs declined by the child,RHIs declined by parent or carer,"
    "RHIs not offered (decision recorded),RHIs completed,RHIs completed within 72 hours,"
    "Median hours from return to interview,Supervisions due,Supervisions held on time,"
    "RHIs offered (% of due),Offered within 72 hours (% of due),Accepted (% of offered),"
    "Completed within 72 hours (% of due),Supervision on time (%),"
    "Records removed from this computer\r\n"
)
# The hand-worked January figures of test_kpis, then the percentages.
JANUARY_ROW = (
    "2026-01-01,2026-01-31,{status},all records,7,6,1,3,2,7,6,5,4,1,1,1,4,2,71.0,2,1,"
    "85.7,71.4,66.7,28.6,50.0,\r\n"
)


def test_kpi_csv_is_the_header_and_one_row_per_month(store: Store, book: Casebook) -> None:
    build_january(book)
    made = kpi_export(store, JANUARY)
    assert made.data == (HEADER + JANUARY_ROW.format(status="provisional")).encode("utf-8-sig")
    assert (made.rows, made.format) == (1, "csv")
    verify_month(store, JANUARY, ACTOR)
    verified = kpi_export(store, JANUARY).data.decode("utf-8-sig")
    assert verified.endswith(JANUARY_ROW.format(status="verified"))


def test_a_range_over_months_has_a_row_each_and_one_for_the_whole(
    store: Store, book: Casebook
) -> None:
    build_january(book)
    made = kpi_export(store, Period(date(2025, 12, 15), date(2026, 1, 31)), Filters(uasc=True))
    lines = made.data.decode("utf-8-sig").split("\r\n")
    assert [line.split(",")[:4] for line in lines[1:4]] == [
        ["2025-12-15", "2025-12-31", "provisional", "UASC"],
        ["2026-01-01", "2026-01-31", "provisional", "UASC"],
        ["2025-12-15", "2026-01-31", "provisional", "UASC"],
    ]
    assert made.rows == 3 and lines[4] == ""


def test_kpi_xlsx_has_the_table_and_what_each_column_counts(store: Store, book: Casebook) -> None:
    build_january(book)
    made = kpi_export(store, JANUARY, file_format="xlsx")
    workbook = load_workbook(io.BytesIO(made.data))
    assert workbook.sheetnames == ["KPIs", "Definitions"]
    table = list(workbook["KPIs"].iter_rows(values_only=True))
    assert ",".join(str(cell) for cell in table[0]) + "\r\n" == HEADER
    assert table[1][:6] == (
        datetime(2026, 1, 1),
        datetime(2026, 1, 31),
        "provisional",
        "all records",
        7,
        6,
    )
    assert workbook["KPIs"]["A1"].font.bold
    definitions = dict(workbook["Definitions"].iter_rows(min_row=2, values_only=True))
    assert definitions["Found episodes"] == FIGURES[0].definition
    assert "exactly 72" in str(definitions["RHIs offered within 72 hours"])
