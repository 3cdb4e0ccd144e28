"""The status bar: reachable or not, changes waiting to send, the last good sync, and what
the sync is doing (or how the last one ended), always in words, never by colour alone.

None of it is personal data, but while locked the bar says only "Locked".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from rhi_desktop.domain.deadlines import format_london
from ui.sync_status import ConnectionStatus, SyncActivity, SyncPhase


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.activity = QLabel()
        self.activity.setObjectName("syncActivity")
        self.activity.setAccessibleName(self.tr("Sync"))
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection"))
        self.pending = QLabel()
        self.pending.setAccessibleName(self.tr("Changes waiting to send"))
        self.last_sync = QLabel()
        self.last_sync.setAccessibleName(self.tr("Last successful sync"))
        for label in (self.activity, self.connection, self.pending, self.last_sync):
            self.addPermanentWidget(label)

    def show_status(self, status: ConnectionStatus, pending: int, quarantined: int) -> None:
        self.connection.setText(self.tr("● Online") if status.online else self.tr("○ Offline"))
        if pending == 1:
            text = self.tr("1 change waiting to send")
        else:
            text = self.tr("{0} changes waiting to send").format(pending)
        if quarantined:
            text += self.tr(" ({0} need attention)").format(quarantined)
        self.pending.setText(text)
        if status.last_success is None:
            self.last_sync.setText(self.tr("Last sync: never"))
        else:
            self.last_sync.setText(
                self.tr("Last sync: {0}").format(format_london(status.last_success))
            )
        self.show_activity(status.activity)

    def show_activity(self, activity: SyncActivity | None) -> None:
        self.activity.setText("" if activity is None else self._activity_text(activity))
        problem = activity.problem if activity is not None else None
        self.activity.setToolTip(problem or "")
        self.activity.setAccessibleDescription(problem or "")

    def _activity_text(self, activity: SyncActivity) -> str:
        phase = activity.phase
        if phase is SyncPhase.SYNCING:
            return self.tr("Syncing…")
        if phase is SyncPhase.SENDING:
            return self.tr("Syncing… sending changes")
        if phase is SyncPhase.RECEIVING:
            return self.tr("Syncing… receiving updates")
        if phase is SyncPhase.UNREACHABLE:
            return self.tr("Could not reach the central service; will try again")
        if phase is SyncPhase.FAILED:
            # One line here; details for IT are in the tooltip and accessible description.
            summary = (activity.problem or "").split("\n", 1)[0]
            return self.tr("Sync did not finish: {0}").format(summary)
        text = self.tr("Synced: sent {0}, received {1}").format(activity.sent, activity.received)
        if activity.attention == 1:
            text += self.tr("; 1 needs attention")
        elif activity.attention:
            text += self.tr("; {0} need attention").format(activity.attention)
        return text

    def show_locked(self) -> None:
        self.connection.setText(self.tr("Locked"))
        self.activity.clear()
        self.activity.setToolTip("")
        self.pending.clear()
        self.last_sync.clear()
