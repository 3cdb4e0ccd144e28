"""Choosing a reporting period: a calendar month from a list, or dates typed as dd/mm/yyyy.

Months are listed newest first, from the current month back two years (more can be
added with `show_month`); the list starts on the last whole month, the one a committee
reports on. A date range is typed in UK format and read when asked for (`period()`), so
a half-typed date never changes the figures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.reports.periods import Period, add_months
from ui.messages import date_problem_text
from ui.uk_dates import InvalidDateText, format_uk_date, parse_uk_date

MONTHS_LISTED = 24
MONTH, RANGE = 0, 1


class PeriodProblem(ValueError):
    """A typed date range that cannot be used; `field` is where to put the cursor."""

    def __init__(self, text: str, field: QWidget) -> None:
        super().__init__(text)
        self.text = text
        self.field = field


def month_name(period: Period) -> str:
    """'January 2026', in the app's language."""
    first = period.first_day
    return QLocale().toString(QDate(first.year, first.month, 1), "MMMM yyyy")


class PeriodPicker(QWidget):
    changed = Signal()
    """The kind or the month changed (typed dates are read when the figures are asked for)."""

    def __init__(
        self, clock: Callable[[], datetime], parent: QWidget | None = None, *, months: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self._clock = clock
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        self.kind.addItem(self.tr("A month"))
        self.kind.addItem(self.tr("A date range"))
        self.kind.setAccessibleName(self.tr("Period"))
        self.month = QComboBox()
        self.month.setObjectName("periodMonth")
        self.month.setAccessibleName(self.tr("Month"))
        self.first = QLineEdit()
        self.first.setObjectName("periodFrom")
        self.first.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.first.setAccessibleName(self.tr("From (dd/mm/yyyy)"))
        self.last = QLineEdit()
        self.last.setObjectName("periodTo")
        self.last.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.last.setAccessibleName(self.tr("To (dd/mm/yyyy)"))
        kind_label = QLabel(self.tr("&Period:"))
        kind_label.setBuddy(self.kind)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.month)
        first_label = QLabel(self.tr("Fro&m:"))
        first_label.setBuddy(self.first)
        last_label = QLabel(self.tr("T&o:"))
        last_label.setBuddy(self.last)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(kind_label, 0, 0)
        layout.addWidget(self.kind, 0, 1)
        layout.addWidget(month_label, 0, 2)
        layout.addWidget(self.month, 0, 3)
        layout.addWidget(first_label, 1, 0)
        layout.addWidget(self.first, 1, 1)
        layout.addWidget(last_label, 1, 2)
        layout.addWidget(self.last, 1, 3)
        self._range_widgets: tuple[QWidget, ...] = (first_label, self.first, last_label, self.last)
        self._month_widgets: tuple[QWidget, ...] = (month_label, self.month)
        """Each pair of rows is enabled, labels too, only while chosen: From and Month share
        an Alt letter, which must answer to the one in use."""
        self._fill_months()
        if not months:
            self.kind.setCurrentIndex(RANGE)
            self.kind.hide()
            kind_label.hide()
        self._kind_changed(self.kind.currentIndex())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.month.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def _today(self) -> date:
        return london_date(self._clock())

    def _fill_months(self) -> None:
        today = self._today()
        anchor = date(today.year, today.month, 1)
        for back in range(MONTHS_LISTED):
            first = add_months(anchor, -back)
            self._add_month(Period.month(first.year, first.month))
        self.month.setCurrentIndex(1)  # the last whole month
        last_month = Period.month(anchor.year, anchor.month).previous_months(2)[0]
        self.first.setText(format_uk_date(last_month.first_day))
        self.last.setText(format_uk_date(last_month.last_day))

    def _add_month(self, month: Period) -> None:
        self.month.addItem(month_name(month), month.label)

    def _kind_changed(self, index: int) -> None:
        ranged = index == RANGE
        for widget in self._month_widgets:
            widget.setEnabled(not ranged)
        for widget in self._range_widgets:
            widget.setEnabled(ranged)
        self.changed.emit()

    @property
    def is_month(self) -> bool:
        return self.kind.currentIndex() == MONTH

    def show_month(self, month: Period) -> None:
        """Choose `month` (listing it if it is older than the list)."""
        index = self.month.findData(month.label)
        if index < 0:
            self._add_month(month)
            index = self.month.count() - 1
        self.kind.setCurrentIndex(MONTH)
        self.month.setCurrentIndex(index)

    def show_range(self, first: date, last: date) -> None:
        self.first.setText(format_uk_date(first))
        self.last.setText(format_uk_date(last))
        self.kind.setCurrentIndex(RANGE)

    def period(self) -> Period:
        """The chosen period; PeriodProblem if typed dates cannot be used."""
        if self.is_month:
            return Period.parse_month(str(self.month.currentData()))
        first = self._date(self.first, self.tr("From"))
        last = self._date(self.last, self.tr("To"))
        if last < first:
            raise PeriodProblem(self.tr("The period must not end before it starts."), self.last)
        return Period(first, last)

    def _date(self, box: QLineEdit, name: str) -> date:
        try:
            return parse_uk_date(box.text())
        except InvalidDateText as exc:
            raise PeriodProblem(date_problem_text(exc.problem, name), box) from None

    def focus_first(self) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)
