"""The coordinator's review queue: the team's submitted interviews, oldest first.

A page of the main window. It reads through the `ProfileHolder` when it reloads or acts
and keeps only plain rows, so `clear()` (the app is locking) leaves nothing personal on
screen: the rows go, and an open review closes. Enter (or Review…) opens the selected
interview in the review dialog; the decision is one store transaction, after which the
queue reloads and `decided` tells the window (e.g. to sync).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.counted import by_count
from rhi_desktop.domain.entities import ReviewDecision
from rhi_desktop.forms import Form
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.review import Decision, QueueRow, decide, review_queue, review_subject
from ui.announce import announce
from ui.dialog_parts import information_box
from ui.messages import error_text
from ui.profile_holder import ProfileHolder
from ui.record_table import record_table_view
from ui.review.queue_model import QueueColumn, ReviewQueueModel
from ui.review.review_dialog import ReviewDialog
from ui.review.words import review_words


class ReviewQueuePage(QWidget):
    saved = Signal()  # a decision was saved: the service should have it soon

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewQueuePage")
        self.setAccessibleName(self.title())
        self._holder = holder
        self._clock = clock
        self._registry: FormRegistry | None = None
        self._selected_id: str | None = None
        self.dialog: ReviewDialog | None = None
        self._decided: ReviewDecision | None = None

        self.model = ReviewQueueModel(self)
        self.heading = QLabel(self.title(), self)
        self.heading.setObjectName("viewTitle")
        self.table = record_table_view(
            self.model, "reviewQueue", self.tr("Interviews to review"), (), self
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.count_note = QLabel(self)
        self.count_note.setObjectName("queueNote")
        self.count_note.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Review…"), self)
        self.open_button.setObjectName("openReview")
        self.open_button.setAccessibleName(self.tr("Review"))
        self.open_button.clicked.connect(self.open_selected)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_note, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.table, self.open_button)
        self.setFocusProxy(self.table)
        self._update()

    def title(self) -> str:
        return self.tr("Review queue")

    # -- showing -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue again (after a sync, after unlocking, after a decision), and
        the installed forms with it: a sync may have installed the version an arriving
        interview was started on."""
        if not self._holder.is_open:
            self.clear()
            return
        self._registry = None
        self.model.set_rows(review_queue(self._holder.store))
        self._fit_columns()
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._reselect()
        self._update()

    def _fit_columns(self) -> None:
        """Each column at least as wide as its longest text and its header, in the font in
        use (at 16 points a width set in pixels cut every case reference to 'DEMO-00…');
        a column the coordinator made wider stays so. The last takes what is left."""
        table, header = self.table, self.table.horizontalHeader()
        for column in QueueColumn:
            if column is not QueueColumn.WITHIN_72_HOURS:
                needed = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
                if table.columnWidth(column) < needed:
                    table.setColumnWidth(column, needed)

    def clear(self) -> None:
        """Drop every row: nothing personal stays on the page. A review being written is
        left to the lock, which hides it and gives it back, comments and all, after
        unlocking (closing it here would throw the coordinator's writing away)."""
        self.model.clear()
        self._registry = None
        self._update(locked=True)

    def selected_row(self) -> QueueRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _reselect(self) -> None:
        row = self.model.row_of(self._selected_id) if self._selected_id else None
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected_id = self.model.row_at(current.row()).interview_id
        self._update()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column < 0:
            self.reload()  # back to the store's order: longest waiting first
        else:
            self.model.sort(column, order)

    def _update(self, locked: bool = False) -> None:
        rows = [self.model.row_at(n) for n in range(self.model.rowCount())]
        self.open_button.setEnabled(self.selected_row() is not None)
        if locked:
            self.count_note.clear()
        elif not rows:
            self.count_note.setText(self.tr("No interviews are waiting for review."))
        else:
            late = sum(1 for row in rows if row.within_72_hours is False)
            again = sum(1 for row in rows if row.resubmitted)
            self.count_note.setText(
                by_count(
                    len(rows),
                    self.tr(
                        "1 interview waiting for review: {1} resubmitted, {2} signed off later "
                        "than 72 hours."
                    ),
                    self.tr(
                        "{0} interviews waiting for review: {1} resubmitted, {2} signed off "
                        "later than 72 hours."
                    ),
                    again,
                    late,
                )
            )

    # -- acting --------------------------------------------------------------------------

    def forms(self) -> FormRegistry:
        if self._registry is None:
            self._registry = FormRegistry.for_profile(self._holder.profile.paths.root)
        return self._registry

    def _form(self, form_id: str, version: int) -> Form:
        return self.forms().load(form_id, version)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self._holder.is_open:
            return
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            subject = review_subject(
                self._holder.store, row.interview_id, self._form, review_words()
            )
        except Exception as exc:  # shown to the person; bugs are logged with a reference
            self._tell(error_text(exc))
            return
        dialog = ReviewDialog(subject, partial(self._decide, row.interview_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(partial(self._review_closed, dialog))
        self.dialog = dialog
        dialog.open()

    def _decide(self, interview_id: str, decision: Decision) -> None:
        decide(self._holder.store, self._holder.actor, interview_id, decision, self._clock())
        self._decided = decision.decision
        self.saved.emit()

    def _review_closed(self, dialog: ReviewDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        decided, self._decided = self._decided, None
        if self._holder.is_open:
            self.reload()
            self.table.setFocus()
            if decided is not None:  # the dialog is gone: say the decision was kept
                announce(self.table, self._decided_text(decided))

    def _decided_text(self, decision: ReviewDecision) -> str:
        if decision is ReviewDecision.APPROVED:
            return self.tr("Approved. The interviewer is told at the next sync.")
        return self.tr(
            "Returned for amendment. The interviewer gets your comments at the next sync."
        )

    def _tell(self, text: str) -> None:
        box = information_box(self, text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
