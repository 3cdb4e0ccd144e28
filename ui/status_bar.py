"""The status bar: reachable or not, changes waiting to send, the last good sync, and what
the sync is doing (or how the last one ended), always in words, never by colour alone.

A computer not enrolled with the central service says "Not enrolled" rather than
"Offline": nothing is wrong with its network, it has nowhere to sync to yet.

A computer whose clock was more than a few minutes out from the service's at the last
sync says so: every 72-hour countdown and every time recorded here is read from that
clock, so a laptop two days slow shows an overdue interview as having two days left.

None of it is personal data, but while locked the bar says only "Locked".
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import format_london
from ui.announce import announce
from ui.sync_status import ConnectionStatus, SyncActivity, SyncPhase

CLOCK_TOLERANCE = timedelta(minutes=5)
"""How far this computer's clock may be from the service's before the bar says so."""


class EllipsisLabel(QLabel):
    """One line that gives up width rather than widening the window: what does not fit is
    cut with an ellipsis on screen, while `text()`, and so assistive technology, keeps
    the whole of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, area.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            area,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.activity = EllipsisLabel()
        self.activity.setObjectName("syncActivity")
        self.connection = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        self.clock = QLabel()
        self.clock.setObjectName("clockWarning")
        self.clock.hide()
        self.addPermanentWidget(self.activity, 1)  # the rest of the width, and no more
        for label in (self.clock, self.connection, self.pending, self.last_sync):
            self.addPermanentWidget(label)
        self._ending: SyncActivity | None = None
        """The end of a sync last weighed for reading out (each sync ends in a new one)."""
        self._failure = ""
        """The trouble the last sync weighed ended in, as told: how it failed, or that a
        published form could not be installed ('' for none)."""

    def show_status(
        self, status: ConnectionStatus, pending: int, quarantined: int, *, enrolled: bool = True
    ) -> None:
        self.pending.setText(self._pending_text(pending, quarantined))
        if enrolled:
            self.connection.setText(self._connection_text(status))
            explained = ""
        else:
            self.connection.setText(self.tr("Not enrolled"))
            explained = self.tr(
                "This computer is not enrolled with the central service, so your work stays "
                "on this computer. Choose Enrol this computer in the File menu to connect it."
            )
        self.connection.setToolTip(explained)
        self.connection.setAccessibleDescription(explained)
        if status.last_success is None:
            self.last_sync.setText(self.tr("Last sync: never"))
        else:
            self.last_sync.setText(
                self.tr("Last sync: {0}").format(format_london(status.last_success))
            )
        self.show_activity(status.activity)
        self._tell_ending(status.activity, quarantined)
        self._show_clock(status.clock_offset)

    def _connection_text(self, status: ConnectionStatus) -> str:
        if status.online:
            return self.tr("● Online")
        activity = status.activity
        if activity is not None and activity.phase is SyncPhase.FAILED:
            return self.tr("○ Not connected")  # it answered, but could not be trusted, say
        return self.tr("○ Offline")

    def details(self, status: ConnectionStatus) -> str:
        """All the status bar knows of syncing, in full: how the last sync went (with
        any details for IT), when the last one that worked was, and the clock."""
        activity = status.activity
        if activity is None:
            parts = [self.tr("No sync has run since the app was unlocked.")]
        elif activity.phase is SyncPhase.FAILED:
            parts = [self.tr("Sync did not finish:"), activity.problem or ""]
        else:
            parts = [self._activity_text(activity), activity.problem or ""]
        parts.append(self.last_sync.text())
        if not self.clock.isHidden():
            parts.append(self.clock.accessibleDescription())
        return "\n\n".join(part for part in parts if part)

    def _tell_ending(self, activity: SyncActivity | None, quarantined: int) -> None:
        """Read out how a sync ended, the focus being elsewhere: one the person asked
        for, a failure not told before, and the first success after a failure. A sync on
        the schedule that went as the last one did says nothing every few minutes."""
        if activity is None or activity.running or activity is self._ending:
            return
        self._ending = activity
        text = self._activity_text(activity)
        failed = activity.phase is not SyncPhase.DONE
        # A form that could not be installed is tried again at every sync: told once, as
        # a failure is, whatever the counts of records beside it.
        trouble = text if failed else self._refused_text() if activity.forms_refused else ""
        before, self._failure = self._failure, trouble
        fresh_failure = trouble != "" and trouble != before
        recovered = trouble == "" and before != ""
        if not (activity.asked or fresh_failure or recovered):
            return
        if quarantined:  # one sentence after another, whether or not the first ends in one
            text = self.tr("{0}. {1}.").format(
                text.removesuffix("."), self._attention_text(quarantined)
            )
        announce(self.activity, text, urgent=failed)

    def _show_clock(self, offset: timedelta | None) -> None:
        out = offset is not None and abs(offset) > CLOCK_TOLERANCE
        if out and self.clock.isHidden() and offset is not None:
            announce(self.clock, self._clock_explained(self._amount(abs(offset))), urgent=True)
        self.clock.setVisible(out)
        if offset is None or not out:
            self.clock.clear()
            self.clock.setToolTip("")
            self.clock.setAccessibleDescription("")
            return
        size = self._amount(abs(offset))
        self.clock.setText(
            self.tr("\u26a0 Clock {0} slow").format(size)
            if offset > timedelta(0)
            else self.tr("\u26a0 Clock {0} fast").format(size)
        )
        explained = self._clock_explained(size)
        self.clock.setToolTip(explained)
        self.clock.setAccessibleDescription(explained)

    def _clock_explained(self, size: str) -> str:
        return self.tr(
            "This computer's clock was {0} out from the central service's at the last sync, "
            "so the time left to interview and the times recorded here are out by as much. "
            "Ask IT to set this computer's clock."
        ).format(size)

    def _amount(self, gap: timedelta) -> str:
        """A clock's gap to the nearest day, hour or minute, in the largest unit it fills."""
        minutes = round(gap.total_seconds() / 60)
        if minutes >= 24 * 60:
            return by_count(round(minutes / (24 * 60)), self.tr("1 day"), self.tr("{0} days"))
        if minutes >= 60:
            return by_count(round(minutes / 60), self.tr("1 hour"), self.tr("{0} hours"))
        return by_count(minutes, self.tr("1 minute"), self.tr("{0} minutes"))

    def _pending_text(self, pending: int, quarantined: int) -> str:
        waiting = by_count(
            pending, self.tr("1 change waiting to send"), self.tr("{0} changes waiting to send")
        )
        if not quarantined:
            return waiting
        return self.tr("{0} ({1})").format(waiting, self._attention_text(quarantined))

    def _attention_text(self, count: int) -> str:
        return by_count(count, self.tr("1 needs attention"), self.tr("{0} need attention"))

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
        if phase is SyncPhase.SERVICE_FAULT:
            return self.tr("The central service had a problem; will try again")
        if phase is SyncPhase.FAILED:
            # One line here; details for IT are in the tooltip and accessible description.
            summary = (activity.problem or "").split("\n", 1)[0]
            return self.tr("Sync did not finish: {0}").format(summary)
        synced = self.tr("Synced: sent {0}, received {1}").format(activity.sent, activity.received)
        if activity.forms_refused:
            return self.tr("{0}. {1}").format(synced, self._refused_text())
        return synced

    def _refused_text(self) -> str:
        return self.tr(
            "A form the central service published could not be installed on this computer: tell IT."
        )

    def show_locked(self) -> None:
        self.connection.setText(self.tr("Locked"))
        self.connection.setToolTip("")
        self.connection.setAccessibleDescription("")
        self.activity.clear()
        self.activity.setToolTip("")
        self.pending.clear()
        self.last_sync.clear()
        self._show_clock(None)
