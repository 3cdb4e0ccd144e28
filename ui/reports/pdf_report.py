"""The monthly report as an A4 PDF for the sub-committee, drawn with QPdfWriter.

It shows what `rhi_desktop.reports.monthly.MonthlyReport` holds and nothing more:
counts, percentages, theme labels from the form and the month's verification status;
never a name, a date of birth, a record id or anything typed as free text. Every page
repeats the month and its status in the header, so a single printed page cannot be
mistaken for verified figures, and carries "Page n of N" in the footer.

Page 1: title, status, the KPI table (rates with numerator and denominator).
Page 2: the twelve-month trend charts (QtCharts, drawn into the page) and their numbers.
Page 3: the most mentioned push and pull factors and risk indicators.

Drawing needs a Qt application object (charts are graphics items) and runs on the GUI
thread; the headless command creates one on the offscreen platform.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QGraphicsScene

from rhi_desktop.counted import by_count
from rhi_desktop.reports.kpi import Value
from rhi_desktop.reports.kpi_definitions import RATES
from rhi_desktop.reports.monthly import MonthlyReport, ThemeLines, TrendPoint
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import VerificationState
from ui.reports.figure_names import (
    figure_name,
    incomplete_text,
    rate_name,
    state_name,
    themes_short_text,
)
from ui.reports.period_picker import month_name
from ui.reports.trend_chart import percent, rates_chart, trend_headers, trend_rows, volumes_chart
from ui.uk_dates import format_london_date, format_uk_date

translate = QCoreApplication.translate

RESOLUTION = 300  # dots per inch: sharp text and charts when printed
CHART_SIZE = QSizeF(900, 430)  # the size charts are laid out at before scaling to the page
INK = QColor("#1a1a1a")
RULE = QColor("#8a8a8a")
PAGES = 3
HEADER = 20  # points kept for the running header and the footer


def _value(value: Value) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


class _Page:
    """A cursor down one page: writes lines of text and tables from the top margin."""

    def __init__(self, painter: QPainter, width: float, height: float) -> None:
        self.painter = painter
        self.width = width
        self.height = height
        self.dpi = float(RESOLUTION)
        self.y = self.pt(HEADER)
        self.bottom = height - self.pt(HEADER)

    def pt(self, points: float) -> float:
        return points * self.dpi / 72

    def font(self, size: float, bold: bool = False) -> None:
        font = QFont("DejaVu Sans")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)

    def text(self, text: str, size: float = 10, bold: bool = False, gap: float = 4) -> None:
        self.font(size, bold)
        rect = QRectF(0, self.y, self.width, self.bottom - self.y)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        used = self.painter.boundingRect(rect, flags, text)
        self.painter.setPen(INK)
        self.painter.drawText(rect, flags, text)
        self.y += used.height() + self.pt(gap)

    def rule(self) -> None:
        self.painter.setPen(QPen(RULE, self.pt(0.5)))
        self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.y += self.pt(4)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 9,
    ) -> None:
        """Columns at fractions `widths` of the page; the first left-aligned, others right."""
        line = self.pt(size * 1.6)
        lefts = [sum(widths[:n]) * self.width for n in range(len(widths))]
        self.font(size, bold=True)
        self._cells(headers, lefts, widths, line)
        self.rule()
        self.font(size)
        for row in rows:
            self._cells(row, lefts, widths, line)
        self.y += self.pt(6)

    def _cells(
        self, cells: Sequence[str], lefts: Sequence[float], widths: Sequence[float], line: float
    ) -> None:
        self.painter.setPen(INK)
        for n, cell in enumerate(cells):
            rect = QRectF(lefts[n] + (0 if n == 0 else self.pt(4)), self.y, 0, line)
            rect.setWidth(widths[n] * self.width - self.pt(4))
            align = Qt.AlignmentFlag.AlignLeft if n == 0 else Qt.AlignmentFlag.AlignRight
            flags = int(align | Qt.AlignmentFlag.AlignVCenter)
            self.painter.drawText(rect, flags, cell)
        self.y += line

    def chart(self, chart_scene: QGraphicsScene, height: float) -> None:
        target = QRectF(0, self.y, self.width, height)
        scaled = CHART_SIZE.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target.setSize(scaled)
        source = QRectF(0, 0, CHART_SIZE.width(), CHART_SIZE.height())
        chart_scene.render(self.painter, target, source)
        self.y += scaled.height() + self.pt(8)


def _status_text(report: MonthlyReport) -> str:
    state = state_name(report.status)
    when = format_london_date(report.verified_at) if report.verified_at is not None else ""
    if report.status is VerificationState.VERIFIED:
        return translate("MonthlyReport", "{0}: verified on {1}.").format(state, when)
    if report.status is VerificationState.CHANGED:
        return translate(
            "MonthlyReport",
            "{0}: verified on {1}, but the records have changed since. Figures that "
            "differ from what was verified: {2}.",
        ).format(state, when, ", ".join(report.changed_since_verified))
    return translate(
        "MonthlyReport",
        "{0}: these figures may change until a coordinator verifies the month.",
    ).format(state)


def _kpi_page(page: _Page, report: MonthlyReport, month: str) -> None:
    page.text(translate("MonthlyReport", "Return home interviews: monthly report"), 18, True)
    page.text(month, 14, True, gap=8)
    page.text(_status_text(report), 11, True)
    short = incomplete_text(report.removed_through, report.incomplete)
    if short:
        page.text(short, 9, True)
    page.text(translate("MonthlyReport", "Records covered: {0}.").format(report.records), 9, gap=10)
    page.rule()
    rows = [(figure_name(line.key), _value(line.value)) for line in report.kpis]
    page.table(
        [translate("MonthlyReport", "Measure"), translate("MonthlyReport", "Figure")],
        rows,
        [0.75, 0.25],
    )
    values = {line.key: line.value for line in report.kpis}
    rate_rows = []
    for spec, line in zip(RATES, report.rates, strict=True):
        rate_rows.append(
            (
                rate_name(line.key),
                percent(line.value if isinstance(line.value, float | int) else None),
                translate("MonthlyReport", "{0} of {1}").format(
                    _value(values.get(spec.numerator)), _value(values.get(spec.denominator))
                ),
            )
        )
    page.table(
        [
            translate("MonthlyReport", "Rate"),
            translate("MonthlyReport", "Percentage"),
            translate("MonthlyReport", "Out of"),
        ],
        rate_rows,
        [0.6, 0.2, 0.2],
    )


def _chart_scene(
    make: Callable[[Sequence[TrendPoint]], QChart], report: MonthlyReport
) -> QGraphicsScene:
    scene = QGraphicsScene()
    chart = make(report.trend)
    chart.setBackgroundRoundness(0)
    chart.resize(CHART_SIZE)
    scene.addItem(chart)
    scene.setSceneRect(QRectF(0, 0, CHART_SIZE.width(), CHART_SIZE.height()))
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    return scene


def _trend_page(page: _Page, report: MonthlyReport) -> None:
    page.text(translate("MonthlyReport", "Trends over the last twelve months"), 14, True, gap=8)
    if report.removed_through is not None and report.trend:
        first = report.trend[0].month
        if first <= f"{report.removed_through:%Y-%m}":
            page.text(
                translate(
                    "MonthlyReport",
                    "Records up to {0} have been removed from this computer under the "
                    "retention policy: months up to then may show fewer than there were.",
                ).format(format_uk_date(report.removed_through)),
                9,
                True,
            )
    chart_height = page.height * 0.3
    for make in (rates_chart, volumes_chart):
        scene = _chart_scene(make, report)
        page.chart(scene, chart_height)
        scene.clear()
    page.table(
        [
            *trend_headers()[:4],
            translate("MonthlyReport", "Offered in 72 h"),
            translate("MonthlyReport", "Completed in 72 h"),
        ],
        [row.cells for row in trend_rows(report.trend)],
        [0.2, 0.14, 0.12, 0.12, 0.21, 0.21],
        size=7.5,
    )


def _themes(page: _Page, title: str, found: ThemeLines) -> None:
    page.text(title, 12, True)
    if not found.lines:
        page.text(translate("MonthlyReport", "None recorded this month."), 9, gap=10)
        return
    page.table(
        [
            translate("MonthlyReport", "Theme"),
            translate("MonthlyReport", "Interviews"),
            translate("MonthlyReport", "Children"),
        ],
        [(line.label, str(line.interviews), str(line.children)) for line in found.lines],
        [0.6, 0.2, 0.2],
    )
    if found.more:
        page.text(
            translate(
                "MonthlyReport",
                "Also recorded this month: {0} more of this kind, each in as many interviews "
                "or fewer. All are on the Themes screen.",
            ).format(found.more),
            8,
            gap=8,
        )


def _themes_page(page: _Page, report: MonthlyReport) -> None:
    page.text(translate("MonthlyReport", "What interviews said"), 14, True, gap=8)
    page.text(
        by_count(
            report.interviews_analysed,
            translate(
                "MonthlyReport",
                "From 1 signed-off interview whose child returned this month; {1} could not "
                "be read on this computer (their form version is not installed).",
            ),
            translate(
                "MonthlyReport",
                "From {0} signed-off interviews whose child returned this month; {1} could "
                "not be read on this computer (their form version is not installed).",
            ),
            report.interviews_not_analysed,
        ),
        9,
        gap=10,
    )
    if report.themes_removed_through is not None:
        page.text(themes_short_text(report.themes_removed_through), 9, gap=10)
    if report.status is not VerificationState.PROVISIONAL:
        page.text(
            translate(
                "MonthlyReport",
                "Themes are not part of the verified figures: they follow each interview's "
                "latest signed-off answers, so an amendment after verification changes them.",
            ),
            9,
            gap=10,
        )
    _themes(page, translate("MonthlyReport", "Push factors (most mentioned)"), report.push_factors)
    _themes(page, translate("MonthlyReport", "Pull factors (most mentioned)"), report.pull_factors)
    _themes(
        page, translate("MonthlyReport", "Risk indicators (most mentioned)"), report.risk_indicators
    )
    page.text(
        translate(
            "MonthlyReport",
            "Places mentioned for two or more different children: {0}. Associates "
            "mentioned for two or more different children: {1}. (The places and people "
            "themselves are not in this report.)",
        ).format(report.recurring_places, report.recurring_associates),
        9,
    )


def _frame(
    painter: QPainter, page: _Page, number: int, month: str, state: str, report: MonthlyReport
) -> None:
    page.font(8)
    painter.setPen(INK)
    top = QRectF(0, 0, page.width, page.pt(12))
    heading = (
        translate("MonthlyReport", "RHI monthly report, {0}, {1} only: {2}").format(
            month, report.records, state
        )
        if report.filtered
        else translate("MonthlyReport", "RHI monthly report, {0}: {1}").format(month, state)
    )
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft), heading)
    bottom = QRectF(0, page.height - page.pt(12), page.width, page.pt(12))
    painter.drawText(
        bottom,
        int(Qt.AlignmentFlag.AlignRight),
        translate("MonthlyReport", "Page {0} of {1}").format(number, PAGES),
    )


def render_report(report: MonthlyReport) -> tuple[bytes, int]:
    """The report as PDF bytes, and how many pages it has."""
    month = month_name(Period.parse_month(report.month))
    state = state_name(report.status)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 15, 18, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(
        translate("MonthlyReport", "RHI monthly report {0} ({1})").format(report.month, state)
    )
    writer.setCreator("RHI Desktop")
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width, height = float(writer.width()), float(writer.height())
        drawers: list[Callable[[_Page], None]] = [
            lambda page: _kpi_page(page, report, month),
            lambda page: _trend_page(page, report),
            lambda page: _themes_page(page, report),
        ]
        for number, draw in enumerate(drawers, start=1):
            if number > 1:
                writer.newPage()
            page = _Page(painter, width, height)
            _frame(painter, page, number, month, state, report)
            draw(page)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data()), len(drawers)
