"""The team's supervision, for a coordinator (their interviewers) or a service manager
(their coordinators): who is due, who is overdue, each person's sessions, recording a
new one, and the person's own supervision to read and acknowledge.

Overdue is said in words beside its icon, never by colour alone. The list comes from the
team roster each sync brings, so someone new appears (never supervised) straight away.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.store.team import TeamMember
from rhi_desktop.supervision import (
    QualityRating,
    SessionDraft,
    SessionSummary,
    SuperviseeStatus,
    cases_for,
    record_session,
    sessions_of,
    team_status,
)
from ui.announce import announce
from ui.appearance import icon
from ui.profile_holder import ProfileHolder
from ui.supervision.my_sessions import MySessionsPanel
from ui.supervision.session_details import SessionDetails, session_text
from ui.supervision.session_dialog import RecordSessionDialog
from ui.supervision.tables import RecordTable
from ui.supervision.wording import acknowledged_text, due_text, rating_label
from ui.uk_dates import format_uk_date

DUE_SOON = timedelta(days=7)
STATUS_COLUMN = 3


class SupervisionPage(QWidget):
    saved = Signal()  # a session or an acknowledgement was saved: the service should have it soon

    def __init__(
        self,
        holder: ProfileHolder,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionPage")
        self._holder = holder
        self._clock = clock
        self._statuses: dict[str, SuperviseeStatus] = {}
        self._sessions: dict[str, SessionSummary] = {}
        self.dialog: RecordSessionDialog | None = None

        heading = QLabel(self.tr("Supervision"))
        heading.setObjectName("pageHeading")
        intro = QLabel(self.tr("Supervision is due every 28 days after the last session."))
        intro.setWordWrap(True)
        self.roster = RecordTable(
            [self.tr("Name"), self.tr("Last session"), self.tr("Next due"), self.tr("Status")],
            self.tr("People you supervise"),
        )
        self.roster.setObjectName("supervisionRoster")
        self.no_one = QLabel(
            self.tr("Nobody to supervise yet. Your team's list arrives with each sync.")
        )
        self.record_button = QPushButton(self.tr("&Record session…"))
        self.record_button.setObjectName("recordSession")
        self.record_button.setAccessibleName(self.tr("Record session"))
        self.sessions = RecordTable(
            [self.tr("Held on"), self.tr("Acknowledgement"), self.tr("Quality rating")],
            self.tr("Sessions with the chosen person"),
        )
        self.sessions.setObjectName("superviseeSessions")
        self.details = SessionDetails()
        self.details.setObjectName("superviseeSessionDetails")
        self.mine = MySessionsPanel(holder, clock)
        self.mine.acknowledged.connect(self.saved)

        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        team_page = QWidget()
        team = QVBoxLayout(team_page)
        team.addWidget(self.roster, 3)
        team.addWidget(self.no_one)
        team.addLayout(buttons)
        team.addWidget(self.sessions, 2)
        team.addWidget(self.details, 2)
        # One tab each, so the lists have the page's height: one above the other, they were
        # a row or two high in a window of the default size.
        self.parts = QTabWidget()
        self.parts.setObjectName("supervisionParts")
        self.parts.setAccessibleName(self.tr("Supervision"))
        self.parts.addTab(team_page, self.tr("Your &team"))
        self.parts.addTab(self.mine, self.tr("&My supervision"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.parts, 1)
        order = [
            self.parts.tabBar(),
            self.roster,
            self.record_button,
            self.sessions,
            self.details,
            self.mine.table,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self.roster.itemSelectionChanged.connect(self._person_chosen)
        self.sessions.itemSelectionChanged.connect(self._session_chosen)
        self.record_button.clicked.connect(self.open_record_dialog)
        self.clear()

    def title(self) -> str:
        return self.tr("Supervision")

    # -- showing -------------------------------------------------------------------------

    def reload(self) -> None:
        if not self._holder.is_open:
            self.clear()
            return
        store = self._holder.store
        enrolment = store.sync_state.enrolment()
        role = enrolment.role if enrolment is not None else ""
        statuses = team_status(store, role, london_date(self._clock()))
        self._statuses = {s.member.user_id: s for s in statuses}
        self.roster.show_rows([(s.member.user_id, self._roster_texts(s)) for s in statuses])
        for row, status in enumerate(statuses):
            self.roster.set_icon(row, STATUS_COLUMN, self._due_icon(status))
        self.no_one.setVisible(not statuses)
        self._person_chosen()
        self.mine.reload()

    def clear(self) -> None:
        """Forget every row: after this the page shows nothing about anyone. A record
        being written is left to the lock, which hides it and gives it back after
        unlocking (closing it here would throw the writing away)."""
        self._statuses = {}
        self._sessions = {}
        self.roster.clear_rows()
        self.sessions.clear_rows()
        self.details.clear()
        self.no_one.show()
        self.record_button.setEnabled(False)
        self.mine.clear()

    def _roster_texts(self, status: SuperviseeStatus) -> list[str]:
        last = status.last_session
        return [
            status.member.name,
            format_uk_date(last.held_on) if last is not None else self.tr("Never"),
            format_uk_date(status.next_due) if status.next_due is not None else self.tr("Now"),
            due_text(status),
        ]

    def _due_icon(self, status: SuperviseeStatus) -> QIcon:
        if status.overdue:
            return icon("overdue")
        left = status.days_until_due or 0
        return icon("due-soon") if left <= DUE_SOON.days else icon("view-due")

    def chosen_person(self) -> TeamMember | None:
        chosen = self.roster.current_id()
        status = None if chosen is None else self._statuses.get(chosen)
        return None if status is None else status.member

    def _person_chosen(self) -> None:
        person = self.chosen_person()
        self.record_button.setEnabled(person is not None)
        if person is None or not self._holder.is_open:
            self._sessions = {}
            self.sessions.clear_rows()
            self.details.clear()
            return
        summaries = sessions_of(self._holder.store, person.user_id)
        self._sessions = {s.session.id: s for s in summaries}
        self.details.setPlaceholderText(
            self.tr("Choose a session to read its record.")
            if summaries
            else self.tr("No sessions recorded with {0} yet.").format(person.name)
        )
        self.sessions.show_rows(
            [
                (
                    s.session.id,
                    [
                        format_uk_date(s.session.held_on),
                        acknowledged_text(s.acknowledged_at),
                        self._rating_text(s),
                    ],
                )
                for s in summaries
            ]
        )
        self._session_chosen()

    def _rating_text(self, summary: SessionSummary) -> str:
        if not summary.reviews:
            return self.tr("Not yet rated")
        return rating_label(QualityRating(summary.reviews[-1].rating))

    def _session_chosen(self) -> None:
        chosen = self.sessions.current_id()
        summary = None if chosen is None else self._sessions.get(chosen)
        if summary is None or not self._holder.is_open:
            self.details.clear()
            return
        self.details.setPlainText(session_text(self._holder.store, summary))

    # -- recording -----------------------------------------------------------------------

    def open_record_dialog(self) -> RecordSessionDialog | None:
        person = self.chosen_person()
        if person is None or not self._holder.is_open:
            return None
        store = self._holder.store
        dialog = RecordSessionDialog(
            self._save,
            person,
            cases_for(store, person.user_id),
            london_date(self._clock()),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, draft: SessionDraft) -> None:
        record_session(self._holder.store, self._holder.actor, draft, self._clock())
        self.saved.emit()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None
        if self._holder.is_open:
            self.reload()
        self.roster.setFocus()
        if result == QDialog.DialogCode.Accepted:  # the dialog is gone: say it was kept
            announce(self.roster, self.tr("Supervision session saved."))
