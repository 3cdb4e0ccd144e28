"""The status bar: reachable or not, changes waiting to send, and the last good sync.

None of it is personal data, but while locked the bar says only "Locked".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from rhi_desktop.domain.deadlines import format_london
from ui.sync_status import ConnectionStatus


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Connection"))
        self.pending = QLabel()
        self.pending.setAccessibleName(self.tr("Changes waiting to send"))
        self.last_sync = QLabel()
        self.last_sync.setAccessibleName(self.tr("Last successful sync"))
        for label in (self.connection, self.pending, self.last_sync):
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

    def show_locked(self) -> None:
        self.connection.setText(self.tr("Locked"))
        self.pending.clear()
        self.last_sync.clear()
