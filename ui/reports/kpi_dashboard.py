"""The KPI dashboard: a month or date range, filters, the figures, their status and trends.

Every figure is worked out by `rhi_desktop.reports` on the background worker and comes
back by signal, so the window keeps painting while a large service's month is counted.
Activating a figure (Enter, or a double click) lists the records behind it. The banner
says whether the figures are provisional, verified, or changed since a coordinator
verified them (and which moved); "Verify this month…" records a verification, which the
core audits. The trend charts have a table beside them with the same numbers.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import KpiTable, Value
from rhi_desktop.reports.kpi_definitions import FIGURES, RATES
from rhi_desktop.reports.monthly import TrendPoint
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.verification import VerificationState, verify_month
from rhi_desktop.store import Store
from ui.announce import announce
from ui.messages import error_text
from ui.profile_holder import ProfileAccess
from ui.reports.dashboard_data import (
    DashboardFigures,
    load_figures,
    may_verify,
    staff_choices,
    trend,
)
from ui.reports.drill_down import Record, records_behind
from ui.reports.figure_names import figure_name, incomplete_text, rate_name, state_name
from ui.reports.period_picker import PeriodPicker, PeriodProblem, month_name
from ui.reports.records_dialog import RecordsDialog
from ui.reports.text_table import KEY_ROLE, TextRow, TextTableModel, text_table_view
from ui.reports.trend_chart import rates_chart, trend_headers, trend_rows, volumes_chart
from ui.uk_dates import format_london_date
from ui.workers import SerialWorker

log = logging.getLogger(__name__)

RATE_PREFIX = "rate:"
NONE = "—"
StaffChoices = Callable[[Store], Sequence[tuple[str, str]]]  # (user id, shown as)


def value_text(value: Value) -> str:
    if value is None:
        return NONE
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class KpiDashboardPage(QWidget):
    refreshed = Signal()
    """New figures are on show."""
    trend_refreshed = Signal()
    verified = Signal()
    records_shown = Signal()

    def __init__(
        self,
        holder: ProfileAccess,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        worker: SerialWorker | None = None,
        staff: StaffChoices = staff_choices,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kpiDashboardPage")
        self.setAccessibleName(self.title())
        self._holder = holder
        self._clock = clock
        self._worker = worker if worker is not None else SerialWorker(self)
        self._staff = staff
        self._generation = 0
        self._epoch = 0  # moves on at each clear(): results asked for before it are dropped
        self._figures: DashboardFigures | None = None
        self._may_verify = False
        self.records_dialog: RecordsDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.export_dialog: QWidget | None = None
        self._build()

    def title(self) -> str:
        return self.tr("KPI dashboard")

    # -- building ------------------------------------------------------------------------

    def _combo(self, name: str, accessible: str, items: Sequence[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return combo

    def _labelled(self, grid: QGridLayout, row: int, column: int, text: str, w: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(w)
        grid.addWidget(label, row, column)
        grid.addWidget(w, row, column + 1)

    def _build(self) -> None:
        self.picker = PeriodPicker(self._clock, self)
        self.picker.changed.connect(self.refresh)
        any_yes_no = [(self.tr("Any"), None), (self.tr("Yes"), True), (self.tr("No"), False)]
        self.interviewer = self._combo(
            "interviewerFilter", self.tr("Interviewer"), [(self.tr("Any interviewer"), None)]
        )
        self.uasc = self._combo("uascFilter", self.tr("UASC"), any_yes_no)
        self.looked_after = self._combo("lookedAfterFilter", self.tr("Looked after"), any_yes_no)
        self.episode_type = self._combo(
            "episodeTypeFilter",
            self.tr("Episode type"),
            [
                (self.tr("Any"), None),
                (self.tr("Missing (M)"), EpisodeType.MISSING.value),
                (self.tr("Away (A)"), EpisodeType.AWAY.value),
            ],
        )
        self.team = QListWidget()
        self.team.setObjectName("teamFilter")
        self.team.setAccessibleName(self.tr("Team members (tick to count only their work)"))
        self.team.setMaximumHeight(90)
        self.team.itemChanged.connect(lambda _item: self.refresh())
        filters = QGridLayout()
        self._labelled(filters, 0, 0, self.tr("&Interviewer:"), self.interviewer)
        self._labelled(filters, 0, 2, self.tr("&UASC:"), self.uasc)
        self._labelled(filters, 1, 0, self.tr("&Looked after:"), self.looked_after)
        self._labelled(filters, 1, 2, self.tr("Episode t&ype:"), self.episode_type)
        team_label = QLabel(self.tr("T&eam members:"))
        team_label.setBuddy(self.team)
        filters.addWidget(team_label, 0, 4)
        filters.addWidget(self.team, 0, 5, 2, 1)

        self.show_button = QPushButton(self.tr("&Show figures"))
        self.show_button.setAccessibleName(self.tr("Show figures"))
        self.show_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.clicked.connect(self.open_export)
        self.picker.first.returnPressed.connect(self.refresh)
        self.picker.last.returnPressed.connect(self.refresh)
        controls = QHBoxLayout()
        controls.addWidget(self.picker)
        controls.addLayout(filters, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        controls.addLayout(buttons)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.banner = QLabel()
        self.banner.setObjectName("verificationBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.banner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after: the flags reset it
        self.verify_button = QPushButton(self.tr("Ve&rify this month…"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setAccessibleName(self.tr("Verify this month"))
        self.verify_button.setEnabled(False)
        self.verify_button.clicked.connect(self.confirm_verify)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.verify_button)

        self.kpis = TextTableModel([self.tr("Measure"), self.tr("Figure"), self.tr("Out of")], self)
        self.table = text_table_view(self.kpis, "kpiTable", self.tr("KPI figures"), stretch=0)
        self.table.setAccessibleDescription(
            self.tr("Press Enter on a figure to list the records behind it.")
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(lambda index: self.show_records(index.data(KEY_ROLE)))
        self.records_button = QPushButton(self.tr("Show recor&ds…"))
        self.records_button.setAccessibleName(self.tr("Show records"))
        self.records_button.clicked.connect(self._records_for_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.records_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.rates_view = self._chart_view(self.tr("Chart of RHIs within 72 hours by month"))
        self.volumes_view = self._chart_view(
            self.tr("Chart of episodes, children and RHIs due by month")
        )
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.rates_view)
        charts_layout.addWidget(self.volumes_view)
        self.trend = TextTableModel(trend_headers(), self)
        self.trend_table = text_table_view(
            self.trend, "trendTable", self.tr("Monthly trend as a table"), stretch=0
        )
        self.trend_tabs = QTabWidget()
        self.trend_tabs.setObjectName("trendTabs")
        self.trend_tabs.setAccessibleName(self.tr("Monthly trend"))
        self.trend_tabs.addTab(charts, self.tr("C&harts"))
        self.trend_tabs.addTab(self.trend_table, self.tr("&Table"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.trend_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 720])

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(controls)
        layout.addWidget(self.problem)
        layout.addLayout(banner_row)
        layout.addWidget(splitter, 1)
        # Narrower or shorter than all it shows (a laptop at 150%, large text), the page
        # scrolls rather than squeezing its labels, drop-downs and charts unreadable.
        scroll = QScrollArea(self)
        scroll.setObjectName("kpiScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: it scrolls to focus
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _chart_view(self, accessible: str) -> QChartView:
        view = QChartView()
        view.setAccessibleName(accessible)
        view.setAccessibleDescription(self.tr("The Table tab lists the same figures."))
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        view.setChart(QChart())
        return view

    # -- what is chosen ------------------------------------------------------------------

    def filters(self) -> Filters:
        ticked = frozenset(
            str(self.team.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.team.count())
            if self.team.item(row).checkState() == Qt.CheckState.Checked
        )
        kind = self.episode_type.currentData()
        return Filters(
            interviewer_id=self.interviewer.currentData(),
            team=ticked or None,
            uasc=self.uasc.currentData(),
            looked_after=self.looked_after.currentData(),
            episode_type=None if kind is None else EpisodeType(kind),
        )

    def filters_text(self) -> str:
        """The filters set, in the words on screen ('' when none is)."""
        chosen = [
            self.tr("{0}: {1}").format(name, combo.currentText())
            for name, combo in (
                (self.tr("Interviewer"), self.interviewer),
                (self.tr("UASC"), self.uasc),
                (self.tr("Looked after"), self.looked_after),
                (self.tr("Episode type"), self.episode_type),
            )
            if combo.currentData() is not None
        ]
        team = self.filters().team
        if team is not None:
            chosen.append(
                by_count(len(team), self.tr("1 team member"), self.tr("{0} team members"))
            )
        return "; ".join(chosen)

    @property
    def figures(self) -> DashboardFigures | None:
        return self._figures

    @property
    def busy(self) -> bool:
        """Figures, trend, records or a verification are still being worked out."""
        return self._worker.busy

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the staff choices and every figure again (after unlock, after a sync)."""
        if not self._holder.is_open:
            return
        store = self._holder.store
        epoch = self._epoch
        self._worker.submit(
            lambda: tuple(self._staff(store)),
            lambda choices: self._choices_arrived(epoch, choices),
            lambda exc: self._failed(self._generation if epoch == self._epoch else -1, exc),
        )
        self.refresh()

    def refresh(self) -> None:
        if not self._holder.is_open:
            return
        try:
            period = self.picker.period()
        except PeriodProblem as problem:
            self._show_problem(problem.text)
            problem.field.setFocus()
            return
        self.problem.hide()
        filters = self.filters()
        self._generation += 1
        generation = self._generation
        store = self._holder.store
        self.banner.setText(self.tr("Working out the figures…"))
        self.verify_button.setEnabled(False)
        self._worker.submit(
            lambda: (load_figures(store, period, filters), may_verify(store)),
            lambda found: self._figures_arrived(generation, found),
            lambda exc: self._failed(generation, exc),
        )
        self._worker.submit(
            lambda: trend(store, period, filters),
            lambda points: self._trend_arrived(generation, points),
            lambda exc: self._failed(generation, exc),
        )

    def _choices_arrived(self, epoch: int, choices: tuple[tuple[str, str], ...]) -> None:
        if epoch != self._epoch:
            return
        chosen = self.interviewer.currentData()
        ticked = self.filters().team or frozenset()
        self.interviewer.blockSignals(True)
        self.team.blockSignals(True)
        try:
            while self.interviewer.count() > 1:
                self.interviewer.removeItem(1)
            self.team.clear()
            for user_id, shown in choices:
                self.interviewer.addItem(shown, user_id)
                item = QListWidgetItem(shown, self.team)
                item.setData(Qt.ItemDataRole.UserRole, user_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if user_id in ticked else Qt.CheckState.Unchecked
                )
            self.interviewer.setCurrentIndex(max(0, self.interviewer.findData(chosen)))
        finally:
            self.interviewer.blockSignals(False)
            self.team.blockSignals(False)

    def _figures_arrived(self, generation: int, found: tuple[DashboardFigures, bool]) -> None:
        if generation != self._generation:
            return
        self._figures, self._may_verify = found
        self.kpis.set_rows(self._kpi_rows(self._figures.table))
        if self.kpis.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.kpis.index(0, 0))
        self._show_status(self._figures)
        self.refreshed.emit()

    def _trend_arrived(self, generation: int, points: tuple[TrendPoint, ...]) -> None:
        if generation != self._generation:
            return
        self.trend.set_rows(trend_rows(points))
        self._set_chart(self.rates_view, rates_chart(points))
        self._set_chart(self.volumes_view, volumes_chart(points))
        self.trend_refreshed.emit()

    def _set_chart(self, view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.banner.setText("")
        self._show_problem(error_text(exc))

    def _show_problem(self, text: str) -> None:
        """Shown above the figures and read out: the focus stays in the field to correct."""
        self.problem.setText(text)
        self.problem.show()
        announce(self.problem, text)

    def _kpi_rows(self, table: KpiTable) -> list[TextRow]:
        none = self.tr("none")
        rows = []
        for spec in FIGURES:
            figure = table[spec.key]
            shown = value_text(figure.value)
            rows.append(
                TextRow(
                    (figure_name(spec.key), shown, ""),
                    spec.key,
                    (figure_name(spec.key), none if shown == NONE else shown, ""),
                )
            )
        for rate in RATES:
            value = table.rate(rate.key)
            shown = NONE if value is None else f"{value:.1f}%"
            out_of = self.tr("{0} of {1}").format(
                value_text(table[rate.numerator].value), value_text(table[rate.denominator].value)
            )
            rows.append(
                TextRow(
                    (rate_name(rate.key), shown, out_of),
                    RATE_PREFIX + rate.key,
                    (rate_name(rate.key), none if shown == NONE else shown, out_of),
                )
            )
        return rows

    # -- verification ----------------------------------------------------------------------

    def status_text(self, figures: DashboardFigures) -> str:
        """The verification status, then any figures short of purged records, then why a
        filtered view cannot be verified."""
        table = figures.table
        parts = [self._state_text(figures)]
        short = incomplete_text(table.removed_through, table.incomplete)
        if short and not figures.status.removed:  # else the state has said it, with figures
            parts.append(short)
        if not table.filters.is_empty and table.period.is_whole_month:
            if figures.status.state is VerificationState.VERIFIED:
                parts.append(
                    self.tr(
                        "These filtered figures come from the month's records; the month "
                        "was verified on all of them, not on these figures."
                    )
                )
            else:
                parts.append(
                    self.tr(
                        "A month is verified on all of its records, not on filtered "
                        "figures: clear the filters to verify it."
                    )
                )
        return " ".join(parts)

    def _who(self, user_id: str) -> str:
        """A person as the team roster names them (the start of their id otherwise)."""
        return self._holder.store.team.name_of(user_id) if self._holder.is_open else user_id[:8]

    def _moved_text(self, figures: DashboardFigures) -> str:
        """Each figure that moved since the month was verified: then and now."""
        if figures.changes:
            return "; ".join(
                self.tr("{0} was {1}, now {2}").format(
                    figure_name(change.key), value_text(change.verified), value_text(change.now)
                )
                for change in figures.changes
            )
        status = figures.status
        return ", ".join(figure_name(key) for key in (*status.changed, *status.removed))

    def _state_text(self, figures: DashboardFigures) -> str:
        status = figures.status
        state = state_name(status.state)
        latest = status.verifications[-1] if status.verifications else None
        if status.state is VerificationState.VERIFIED and latest is not None and status.removed:
            return self.tr(
                "{0}: verified by {1} on {2}. Records have since been removed from this "
                "computer under the retention policy, so some figures here are lower than "
                "those verified: {3}."
            ).format(
                state,
                self._who(latest.verified_by),
                format_london_date(latest.verified_at),
                self._moved_text(figures),
            )
        if status.state is VerificationState.VERIFIED and latest is not None:
            return self.tr(
                "{0}: verified by {1} on {2}; the figures match what was verified."
            ).format(state, self._who(latest.verified_by), format_london_date(latest.verified_at))
        if status.state is VerificationState.CHANGED and latest is not None:
            moved = self._moved_text(figures)
            return self.tr(
                "{0}: records have changed since {1} verified the figures on {2}. "
                "What changed: {3}."
            ).format(
                state, self._who(latest.verified_by), format_london_date(latest.verified_at), moved
            )
        if status.period.is_whole_month:
            return self.tr(
                "{0}: these figures can change until a coordinator verifies the month."
            ).format(state)
        return self.tr(
            "{0}: a date range counts as verified only when every whole month in it is."
        ).format(state)

    def _show_status(self, figures: DashboardFigures) -> None:
        self.banner.setText(self.status_text(figures))
        period = figures.table.period
        state = figures.status.state
        ended = period.end <= self._clock()
        self.verify_button.setText(
            self.tr("Ve&rify again…")
            if state is VerificationState.CHANGED
            else self.tr("Ve&rify this month…")
        )
        removed = figures.table.own_records_removed
        filtered = not figures.table.filters.is_empty
        self.verify_button.setEnabled(
            self._may_verify
            and period.is_whole_month
            and not filtered
            and ended
            and not removed
            and state is not VerificationState.VERIFIED
        )
        why = (
            ""
            if self.verify_button.isEnabled()
            else self._why_not_verifiable(period, filtered, ended, removed, state)
        )
        self.verify_button.setToolTip(why)
        # A disabled button takes no focus, so its tooltip is out of reach of the keyboard
        # and screen readers: the banner, which takes focus, says why too where it has not.
        self.verify_button.setAccessibleDescription(why)
        if why and self._may_verify and (not ended or not period.is_whole_month):
            self.banner.setText(f"{self.banner.text()} {why}")

    def _why_not_verifiable(
        self,
        period: Period,
        filtered: bool,
        ended: bool,
        removed: bool,
        state: VerificationState,
    ) -> str:
        if not self._may_verify:
            return self.tr("Only a coordinator or service manager can verify a month.")
        if not period.is_whole_month:
            return self.tr("Choose a whole month to verify it.")
        if filtered and state is not VerificationState.VERIFIED:
            return self.tr("Clear the filters to verify the whole month.")
        if not ended:
            return self.tr("A month can be verified once it has ended.")
        if removed:
            return self.tr(
                "Some of this month's records have been removed from this computer, so it "
                "cannot be verified here."
            )
        return self.tr("This month is verified and unchanged.")

    def confirm_verify(self) -> None:
        figures = self._figures
        if figures is None or not figures.table.period.is_whole_month:
            return
        month = figures.table.period
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Verify the month"),
            self.tr(
                "Verify the figures for {0}? They will be recorded as checked by you, and "
                "the app will say if the records behind them change later."
            ).format(month_name(month)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("verifyConfirmation")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("&Verify"))
        yes.setAccessibleName(self.tr("Verify"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda _result: self._verify_answered(box.clickedButton() is yes, month)
        )
        self.confirmation = box
        box.open()

    def _verify_answered(self, confirmed: bool, month: Period) -> None:
        self.confirmation = None
        if not confirmed or not self._holder.is_open:
            return
        store, actor = self._holder.store, self._holder.actor
        generation = self._generation
        self.verify_button.setEnabled(False)
        self._worker.submit(
            lambda: verify_month(store, month, actor),
            lambda _made: self._verified(),
            lambda exc: self._failed(generation, exc),
        )

    def _verified(self) -> None:
        self.verified.emit()
        self.refresh()

    # -- drill-down --------------------------------------------------------------------------

    def _records_for_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.show_records(index.data(KEY_ROLE))

    def show_records(self, key: object) -> None:
        """List the records behind the figure `key` (a rate lists its numerator's)."""
        figures = self._figures
        if figures is None or not isinstance(key, str) or not self._holder.is_open:
            return
        if key.startswith(RATE_PREFIX):
            rate = next(r for r in RATES if RATE_PREFIX + r.key == key)
            figure, name = figures.table[rate.numerator], rate_name(rate.key)
        else:
            figure, name = figures.table[key], figure_name(key)
        store, generation = self._holder.store, self._generation
        self._worker.submit(
            lambda: records_behind(store, figure.records, figure.ids),
            lambda records: self._records_arrived(generation, name, figure.records, records),
            lambda exc: self._failed(generation, exc),
        )

    def _records_arrived(
        self, generation: int, name: str, kind: Any, records: Sequence[Record]
    ) -> None:
        if generation != self._generation:
            return
        if self.records_dialog is not None:
            self.records_dialog.close()
            self.records_dialog.deleteLater()
        self.records_dialog = RecordsDialog(name, kind, records, self)
        self.records_dialog.open()
        self.records_shown.emit()

    # -- export ------------------------------------------------------------------------------

    def open_export(self) -> None:
        from ui.reports.export_dialog import ExportDialog

        if not self._holder.is_open:
            return
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
        dialog = ExportDialog(self._holder, self._clock, self, worker=self._worker)
        with contextlib.suppress(PeriodProblem):  # else the dialog keeps its own default
            dialog.preset_period(self.picker.period())
        dialog.preset_filters(self.filters(), self.filters_text())
        self.export_dialog = dialog
        dialog.open()

    # -- locking -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop every figure, record and choice shown (the app is locking)."""
        self._generation += 1
        self._epoch += 1
        self._figures = None
        for name in ("records_dialog", "confirmation", "export_dialog"):
            dialog = getattr(self, name)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
                setattr(self, name, None)
        self.kpis.clear()
        self.trend.clear()
        self._set_chart(self.rates_view, QChart())
        self._set_chart(self.volumes_view, QChart())
        self.banner.setText("")
        self.problem.hide()
        self.verify_button.setEnabled(False)
        self.interviewer.blockSignals(True)
        self.team.blockSignals(True)
        while self.interviewer.count() > 1:
            self.interviewer.removeItem(1)
        self.interviewer.setCurrentIndex(0)
        self.team.clear()
        self.interviewer.blockSignals(False)
        self.team.blockSignals(False)
