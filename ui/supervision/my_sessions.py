"""A person's own supervision records, newest first, with the action to acknowledge one.

Acknowledging says "I have read this record"; it is sent to the supervisor with the next
sync (`rhi_desktop.supervision.acknowledge`). Only records not yet acknowledged offer it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rhi_desktop.supervision import SessionSummary, SupervisionError, acknowledge, sessions_of
from ui.messages import error_text
from ui.profile_holder import ProfileHolder
from ui.supervision.session_details import SessionDetails, session_text
from ui.supervision.tables import RecordTable
from ui.supervision.wording import acknowledged_text, person_name, problem_text
from ui.uk_dates import format_uk_date


class MySessionsPanel(QWidget):
    acknowledged = Signal(str)  # the session's id

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._holder = holder
        self._clock = clock
        self._summaries: dict[str, SessionSummary] = {}
        self._noted_for: str | None = None  # the record the status note is about
        self.table = RecordTable(
            [self.tr("Held on"), self.tr("Supervisor"), self.tr("Acknowledgement")],
            self.tr("My supervision sessions"),
        )
        self.table.setObjectName("mySessions")
        self.empty = QLabel(self.tr("No supervision sessions recorded yet."))
        self.details = SessionDetails()
        self.details.setObjectName("mySessionDetails")
        self.acknowledge_button = QPushButton(self.tr("&Acknowledge"))
        self.acknowledge_button.setObjectName("acknowledge")
        self.acknowledge_button.setAccessibleName(self.tr("Acknowledge this record"))
        self.acknowledge_button.setToolTip(self.tr("Confirm you have read this record"))
        self.status = QLabel()
        self.status.setObjectName("acknowledgeStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.acknowledge_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.details, 2)
        layout.addLayout(row)
        self.setTabOrder(self.table, self.details)
        self.setTabOrder(self.details, self.acknowledge_button)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        self.clear()

    def reload(self) -> None:
        if not self._holder.is_open:
            self.clear()
            return
        store, me = self._holder.store, self._holder.actor
        summaries = sessions_of(store, me)
        self._summaries = {s.session.id: s for s in summaries}
        rows = [
            (
                s.session.id,
                [
                    format_uk_date(s.session.held_on),
                    person_name(store, s.session.supervisor_id),
                    acknowledged_text(s.acknowledged_at),
                ],
            )
            for s in summaries
        ]
        self.table.show_rows(rows)
        self.empty.setVisible(not rows)
        self._chosen()

    def clear(self) -> None:
        self._summaries = {}
        self.table.clear_rows()
        self.details.clear()
        self.status.clear()
        self.empty.show()
        self.acknowledge_button.setEnabled(False)

    def current(self) -> SessionSummary | None:
        chosen = self.table.current_id()
        return None if chosen is None else self._summaries.get(chosen)

    def _chosen(self) -> None:
        summary = self.current()
        if summary is not None and summary.session.id != self._noted_for:
            self.status.clear()  # "Acknowledged" belongs to the record it was said of
        if summary is None or not self._holder.is_open:
            self.details.clear()
            self.acknowledge_button.setEnabled(False)
            return
        self.details.setPlainText(session_text(self._holder.store, summary))
        self.acknowledge_button.setEnabled(not summary.acknowledged)

    def acknowledge_current(self) -> None:
        summary = self.current()
        if summary is None or summary.acknowledged:
            return
        try:
            acknowledge(self._holder.store, self._holder.actor, summary.session.id, self._clock())
        except SupervisionError as exc:
            self.status.setText(problem_text(exc.problem))
            return
        except Exception as exc:  # worded for the person, and logged if it is a bug
            self.status.setText(error_text(exc))
            return
        self._noted_for = summary.session.id
        self.status.setText(self.tr("Acknowledged. It will be sent at the next sync."))
        self.reload()
        self.table.setFocus()
        self.acknowledged.emit(summary.session.id)
