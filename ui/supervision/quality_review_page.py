"""A service manager's quality reviews of supervision: the team's sessions nobody has
rated yet, newest first, each rated 1 to 4 with comments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rhi_desktop.supervision import SessionSummary, awaiting_review, record_quality_review
from ui.profile_holder import ProfileHolder
from ui.supervision.rating_dialog import RateSessionDialog, Rating
from ui.supervision.session_details import SessionDetails, session_text
from ui.supervision.tables import RecordTable
from ui.supervision.wording import acknowledged_text, person_name
from ui.uk_dates import format_uk_date


class QualityReviewPage(QWidget):
    saved = Signal()  # a rating was saved: the service should have it soon

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("qualityReviewPage")
        self._holder = holder
        self._clock = clock
        self._waiting: dict[str, SessionSummary] = {}
        self.dialog: RateSessionDialog | None = None
        heading = QLabel(self.tr("Quality of supervision"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr("Sessions your team recorded that have not been rated yet, newest first.")
        )
        intro.setWordWrap(True)
        self.table = RecordTable(
            [
                self.tr("Held on"),
                self.tr("Supervisor"),
                self.tr("Supervised"),
                self.tr("Acknowledgement"),
            ],
            self.tr("Sessions waiting for a quality rating"),
        )
        self.table.setObjectName("sessionsToRate")
        self.empty = QLabel(self.tr("No sessions are waiting for a quality rating."))
        self.details = SessionDetails()
        self.details.setObjectName("sessionToRateDetails")
        self.rate_button = QPushButton(self.tr("Ra&te session…"))
        self.rate_button.setObjectName("rateSession")
        self.rate_button.setAccessibleName(self.tr("Rate session"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.rate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.details, 2)
        self.setTabOrder(self.table, self.rate_button)
        self.setTabOrder(self.rate_button, self.details)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.rate_button.clicked.connect(self.open_rate_dialog)
        self.clear()

    def title(self) -> str:
        return self.tr("Supervision quality")

    def reload(self) -> None:
        if not self._holder.is_open:
            self.clear()
            return
        store = self._holder.store
        waiting = awaiting_review(store, self._holder.actor)
        self._waiting = {s.session.id: s for s in waiting}
        self.table.show_rows(
            [
                (
                    s.session.id,
                    [
                        format_uk_date(s.session.held_on),
                        person_name(store, s.session.supervisor_id),
                        person_name(store, s.session.supervisee_id),
                        acknowledged_text(s.acknowledged_at),
                    ],
                )
                for s in waiting
            ]
        )
        self.empty.setVisible(not waiting)
        self._chosen()

    def clear(self) -> None:
        """Forget every row: after this the page shows nothing about anyone. A record
        being written is left to the lock, which hides it and gives it back after
        unlocking (closing it here would throw the writing away)."""
        self._waiting = {}
        self.table.clear_rows()
        self.details.clear()
        self.empty.show()
        self.rate_button.setEnabled(False)

    def current(self) -> SessionSummary | None:
        chosen = self.table.current_id()
        return None if chosen is None else self._waiting.get(chosen)

    def _chosen(self) -> None:
        summary = self.current()
        self.rate_button.setEnabled(summary is not None)
        if summary is None or not self._holder.is_open:
            self.details.clear()
            return
        self.details.setPlainText(session_text(self._holder.store, summary))

    def open_rate_dialog(self) -> RateSessionDialog | None:
        summary = self.current()
        if summary is None or not self._holder.is_open:
            return None
        session_id = summary.session.id

        def save(rating: Rating) -> None:
            record_quality_review(
                self._holder.store,
                self._holder.actor,
                session_id,
                rating.rating,
                rating.comments,
                self._clock(),
            )
            self.saved.emit()

        dialog = RateSessionDialog(save, session_text(self._holder.store, summary), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None
        if self._holder.is_open:
            self.reload()
        self.table.setFocus()
