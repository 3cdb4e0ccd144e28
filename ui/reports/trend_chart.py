"""Monthly trend charts (QtCharts), readable without colour: for the dashboard and the PDF.

Each line has its own marker shape and its own line style, and the legend shows both,
so a printout in grey or a reader who cannot tell the colours apart still tells the
lines apart. Axes are titled. A month with nothing to divide by has no point (the
line joins its neighbours), never a misleading zero. The same points are offered as a
table (`trend_rows`) for anyone who cannot use the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QChart,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QPen

from rhi_desktop.reports.monthly import TrendPoint
from rhi_desktop.reports.periods import Period
from ui.reports.text_table import TextRow

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class LineStyle:
    colour: str
    pen: Qt.PenStyle
    marker: QScatterSeries.MarkerShape


STYLES = (
    LineStyle("#1b5e9e", Qt.PenStyle.SolidLine, QScatterSeries.MarkerShape.MarkerShapeCircle),
    LineStyle("#b34700", Qt.PenStyle.DashLine, QScatterSeries.MarkerShape.MarkerShapeRectangle),
    LineStyle("#2e7d32", Qt.PenStyle.DotLine, QScatterSeries.MarkerShape.MarkerShapeTriangle),
)


def short_month(label: str, pattern: str = "MMM yyyy") -> str:
    """'2026-01' -> 'Jan 2026' (or 'Jan 26' with pattern "MMM yy", for an axis)."""
    period = Period.parse_month(label)
    return QLocale().toString(QDate(period.first_day.year, period.first_day.month, 1), pattern)


def _add_line(
    chart: QChart,
    name: str,
    values: Sequence[float | None],
    style: LineStyle,
    x_axis: QBarCategoryAxis,
    y_axis: QValueAxis,
) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    pen = QPen(QColor(style.colour))
    pen.setWidthF(2.5)
    pen.setStyle(style.pen)
    line.setPen(pen)
    markers = QScatterSeries()
    markers.setName(name)
    markers.setMarkerShape(style.marker)
    markers.setMarkerSize(10.0)
    markers.setColor(QColor(style.colour))
    markers.setBorderColor(QColor(style.colour))
    for x, value in enumerate(values):
        if value is None:
            continue
        line.append(QPointF(x, value))
        markers.append(QPointF(x, value))
    for series in (line, markers):
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return line


def _chart(title: str, points: Sequence[TrendPoint], y_title: str) -> tuple[QChart, QValueAxis]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    x_axis = QBarCategoryAxis()
    # Month names alone fit twelve to an axis; the years go in the axis title.
    x_axis.append([short_month(point.month, "MMM") for point in points])
    if points:
        x_axis.setTitleText(
            translate("TrendChart", "Month ({0} to {1})").format(
                short_month(points[0].month), short_month(points[-1].month)
            )
        )
    else:
        x_axis.setTitleText(translate("TrendChart", "Month"))
    y_axis = QValueAxis()
    y_axis.setTitleText(y_title)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    return chart, y_axis


def _finish(chart: QChart) -> None:
    """Show each line once in the legend: as the line with its style and marker."""
    legend = chart.legend()
    for series in chart.series():
        if isinstance(series, QScatterSeries):
            for marker in legend.markers(series):
                marker.setVisible(False)


def rates_chart(points: Sequence[TrendPoint]) -> QChart:
    """Offered and completed within 72 hours, as a percentage of RHIs due, by month."""
    chart, y_axis = _chart(
        translate("TrendChart", "RHIs within 72 hours as a % of RHIs due, last 12 months"),
        points,
        translate("TrendChart", "%"),
    )
    y_axis.setRange(0, 100)
    y_axis.setLabelFormat("%d")
    x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(x_axis, QBarCategoryAxis)
    _add_line(
        chart,
        translate("TrendChart", "Offered within 72 hours"),
        [point.offered_within_72h_rate for point in points],
        STYLES[0],
        x_axis,
        y_axis,
    )
    _add_line(
        chart,
        translate("TrendChart", "Completed within 72 hours"),
        [point.completed_within_72h_rate for point in points],
        STYLES[1],
        x_axis,
        y_axis,
    )
    _finish(chart)
    return chart


def volumes_chart(points: Sequence[TrendPoint]) -> QChart:
    """Found episodes, children and RHIs due, by month."""
    chart, y_axis = _chart(
        translate("TrendChart", "Episodes, children and RHIs due, last 12 months"),
        points,
        translate("TrendChart", "Number"),
    )
    highest = max([max(p.found_episodes, p.children, p.rhis_due) for p in points] or [0], default=0)
    y_axis.setRange(0, max(5, highest))
    y_axis.setLabelFormat("%d")
    y_axis.applyNiceNumbers()
    x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(x_axis, QBarCategoryAxis)
    lines = (
        (translate("TrendChart", "Found episodes"), [float(p.found_episodes) for p in points]),
        (translate("TrendChart", "Children"), [float(p.children) for p in points]),
        (translate("TrendChart", "RHIs due"), [float(p.rhis_due) for p in points]),
    )
    for (name, values), style in zip(lines, STYLES, strict=True):
        _add_line(chart, name, list(values), style, x_axis, y_axis)
    _finish(chart)
    return chart


def trend_headers() -> list[str]:
    return [
        translate("TrendChart", "Month"),
        translate("TrendChart", "Found episodes"),
        translate("TrendChart", "Children"),
        translate("TrendChart", "RHIs due"),
        translate("TrendChart", "Offered within 72 hours (%)"),
        translate("TrendChart", "Completed within 72 hours (%)"),
    ]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def trend_rows(points: Sequence[TrendPoint]) -> list[TextRow]:
    """The charts' points as table rows, the accessible alternative to the charts."""
    none = translate("TrendChart", "none (nothing due)")
    rows = []
    for point in points:
        cells = (
            short_month(point.month),
            str(point.found_episodes),
            str(point.children),
            str(point.rhis_due),
            percent(point.offered_within_72h_rate),
            percent(point.completed_within_72h_rate),
        )
        spoken = tuple(none if cell == "—" else cell for cell in cells)
        rows.append(TextRow(cells, point.month, spoken))
    return rows
