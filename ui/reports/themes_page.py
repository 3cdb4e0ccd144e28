"""Themes: what signed-off interviews say about why children go, where, and with whom.

Counts of push and pull factors, risk indicators and other keyed answers, then places
and associates. A place or associate that comes up for two or more different children
is marked "Recurs" in words in its own column - not by colour - since that is the
pattern the service's analysts and the panel look for. Places and associates' names are
answers the form marks sensitive: they are covered until the coordinator ticks Show
names and places (unticked again when the app locks), stay on this screen, and are
dropped when the app locks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.reports.exports.audited_write import profile_forms
from rhi_desktop.reports.themes import PULL, PUSH, RISK, Mentioned, ThemeCount, Themes, themes
from ui.messages import error_text, unreadable_interviews_text
from ui.profile_holder import ProfileAccess
from ui.reports.figure_names import themes_short_text
from ui.reports.period_picker import PeriodPicker, PeriodProblem
from ui.reports.text_table import TextRow, TextTableModel, text_table_view
from ui.workers import SerialWorker


class ThemesPage(QWidget):
    refreshed = Signal()

    def __init__(
        self,
        holder: ProfileAccess,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        worker: SerialWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("themesPage")
        self.setAccessibleName(self.title())
        self._holder = holder
        self._worker = worker if worker is not None else SerialWorker(self)
        self._generation = 0
        self.picker = PeriodPicker(clock, self)
        self.picker.changed.connect(self.reload)
        self.picker.first.returnPressed.connect(self.reload)
        self.picker.last.returnPressed.connect(self.reload)
        self.show_button = QPushButton(self.tr("&Show themes"))
        self.show_button.setAccessibleName(self.tr("Show themes"))
        self.show_button.clicked.connect(self.reload)
        self.show_names = QCheckBox(self.tr("Show &names and places"))
        self.show_names.setAccessibleName(self.tr("Show names and places"))
        self.show_names.toggled.connect(self._show_rows)
        self._found: Themes | None = None
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.show_names, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("themesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = TextTableModel(
            [
                self.tr("Group"),
                self.tr("Theme, place or associate"),
                self.tr("Interviews"),
                self.tr("Children"),
                self.tr("Across children"),
            ],
            self,
        )
        self.table = text_table_view(self.model, "themesTable", self.tr("Themes"), stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Themes")

    def reload(self) -> None:
        if not self._holder.is_open:
            return
        try:
            period = self.picker.period()
        except PeriodProblem as problem:
            self.summary.setText(problem.text)
            problem.field.setFocus()
            return
        self._generation += 1
        generation = self._generation
        store = self._holder.store
        root = self._holder.profile.paths.root
        self.summary.setText(self.tr("Reading the interviews…"))
        self._worker.submit(
            lambda: themes(store, period, forms=profile_forms(root)),  # file reads: off-screen
            lambda found: self._arrived(generation, found),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, found: Themes) -> None:
        if generation != self._generation:
            return
        self._found = found
        rows = self._rows(found)
        self.model.set_rows(rows)
        self._show_summary(found, rows)

    def _show_rows(self) -> None:
        """The rows again, the names and places covered or not."""
        if self._found is not None:
            self.model.set_rows(self._rows(self._found))

    def _rows(self, found: Themes) -> list[TextRow]:
        rows = self._count_rows(self.tr("Push factor"), found.push)
        rows += self._count_rows(self.tr("Pull factor"), found.pull)
        rows += self._count_rows(self.tr("Risk indicator"), found.risks)
        others = tuple(
            count for count in found.counts if not count.key.startswith((PUSH, PULL, RISK))
        )
        rows += self._count_rows(self.tr("Other"), others)
        rows += self._mention_rows(self.tr("Place"), found.places)
        rows += self._mention_rows(self.tr("Associate"), found.associates)
        return rows

    def _show_summary(self, found: Themes, rows: list[TextRow]) -> None:
        analysed = by_count(
            len(found.analysed),
            self.tr("1 signed-off interview analysed."),
            self.tr("{0} signed-off interviews analysed."),
        )
        recurring = self.tr("Recurring across different children: places {0}, associates {1}.")
        summary = " ".join(
            (
                analysed,
                recurring.format(len(found.recurring_places), len(found.recurring_associates)),
            )
        )
        if found.removed_through is not None:
            summary += " " + themes_short_text(found.removed_through)
        if not found.analysed and found.removed_through is None:
            summary += " " + self.tr("Choose a longer period to see themes.")
        elif not rows and found.analysed:
            summary += " " + self.tr(
                "None of them records a push or pull factor, a risk indicator, a place or "
                "an associate."
            )
        if found.not_analysed:
            summary += " " + unreadable_interviews_text(len(found.not_analysed))
        self.summary.setText(summary)
        self.refreshed.emit()

    def _count_rows(self, group: str, counts: tuple[ThemeCount, ...]) -> list[TextRow]:
        return [
            TextRow(
                (group, count.label, str(count.count), str(len(count.children)), ""),
                count.key,
            )
            for count in counts
        ]

    def _mention_rows(self, group: str, mentioned: tuple[Mentioned, ...]) -> list[TextRow]:
        rows = []
        for item in mentioned:
            recurs = (
                self.tr("Recurs: {0} children").format(len(item.children))
                if item.recurs
                else self.tr("One child")
            )
            text = (
                item.text
                if self.show_names.isChecked()
                else self.tr("Hidden: tick Show names and places to read it.")
            )
            cells = (group, text, str(len(item.interviews)), str(len(item.children)), recurs)
            rows.append(TextRow(cells, item.key))
        return rows

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.summary.setText(error_text(exc))

    def clear(self) -> None:
        """Drop every theme, place and associate shown (the app is locking)."""
        self._generation += 1
        self._found = None
        self.show_names.setChecked(False)
        self.model.clear()
        self.summary.setText("")
