"""The status bar in a window of the default size: a long sync problem never pushes the
other parts off screen, and every count is one whole sentence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Heard
from tests.ui.driving import distinct_colours
from ui.status_bar import SyncStatusBar
from ui.sync_status import ConnectionStatus, SyncActivity, SyncPhase

PROBLEM = (
    "The central service's identity could not be verified, so nothing was sent. Ask IT to "
    "check the server address and certificate settings, and the certificate authority "
    "bundle this computer trusts.\nDetails for IT: certificate verify failed"
)


def _window(qtbot: QtBot) -> tuple[QMainWindow, SyncStatusBar]:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = SyncStatusBar(window)
    window.setStatusBar(status)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window, status


def test_a_long_sync_problem_is_cut_on_screen_but_kept_whole_for_assistive_technology(
    qtbot: QtBot,
) -> None:
    window, status = _window(qtbot)
    failed = SyncActivity(SyncPhase.FAILED, problem=PROBLEM)
    status.show_status(
        ConnectionStatus(True, datetime(2026, 11, 27, 9, 30, tzinfo=UTC), failed), 12, 3
    )
    qtbot.wait(10)  # let the layout settle
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() == 1280
    for part in (status.activity, status.connection, status.pending, status.last_sync):
        assert part.isVisible() and part.geometry().right() <= status.width(), part.text()
    assert status.activity.text() == "Sync did not finish: " + PROBLEM.split("\n")[0]
    assert status.activity.accessibleDescription() == PROBLEM
    assert status.activity.width() < status.activity.fontMetrics().horizontalAdvance(
        status.activity.text()
    )  # so it is cut short on screen...
    assert distinct_colours(status.activity.grab().toImage()) > 1  # ...and still drawn


def test_counts_waiting_and_needing_attention_read_as_words(qtbot: QtBot) -> None:
    _, status = _window(qtbot)
    offline = ConnectionStatus(False, None)
    status.show_status(offline, 1, 0)
    assert status.pending.text() == "1 change waiting to send"
    status.show_status(offline, 1, 2)
    assert status.pending.text() == "1 change waiting to send (2 need attention)"
    status.show_status(offline, 5, 2)
    assert status.pending.text() == "5 changes waiting to send (2 need attention)"
    status.show_status(offline, 0, 1)
    assert status.pending.text() == "0 changes waiting to send (1 needs attention)"
    status.show_activity(SyncActivity(SyncPhase.DONE, sent=4, received=1))
    assert status.activity.text() == "Synced: sent 4, received 1"
    status.show_activity(SyncActivity(SyncPhase.SERVICE_FAULT, problem="It had a problem."))
    assert status.activity.text() == "The central service had a problem; will try again"


def test_a_clock_out_from_the_services_is_told_with_what_it_puts_out(qtbot: QtBot) -> None:
    """Countdowns and recorded times are read from this computer's clock: a laptop two
    days slow shows an overdue interview with two days to go, unless it is told."""
    _, status = _window(qtbot)
    synced = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)

    def out_by(offset: timedelta) -> None:
        status.show_status(ConnectionStatus(True, synced, clock_offset=offset), 0, 0)

    out_by(timedelta(days=2, hours=3))
    assert status.clock.isVisible() and status.clock.text() == "\u26a0 Clock 2 days slow"
    assert "the time left to interview" in status.clock.accessibleDescription()
    assert "2 days out" in status.clock.toolTip()

    out_by(-timedelta(minutes=61))
    assert status.clock.text() == "\u26a0 Clock 1 hour fast"

    out_by(timedelta(minutes=4))
    assert not status.clock.isVisible()  # a few minutes either way is no matter
    out_by(-timedelta(minutes=6))
    assert status.clock.text() == "\u26a0 Clock 6 minutes fast"
    status.show_locked()
    assert not status.clock.isVisible()


def test_how_a_sync_ended_is_read_out_as_whole_sentences(qtbot: QtBot, heard: Heard) -> None:
    """With changes needing attention, a failure told in a sentence of its own read
    '…in the File menu.. 2 need attention.'"""
    _, status = _window(qtbot)
    failed = SyncActivity(SyncPhase.FAILED, problem=PROBLEM, asked=True)
    status.show_status(ConnectionStatus(False, None, failed), 0, 2)
    done = SyncActivity(SyncPhase.DONE, sent=1, asked=True)
    status.show_status(ConnectionStatus(True, None, done), 0, 2)
    status.show_status(ConnectionStatus(True, None, done), 0, 2)  # polled again: not retold
    first_line = PROBLEM.split("\n")[0]
    assert [said for said, _ in heard] == [
        f"Sync did not finish: {first_line} 2 need attention.",
        "Synced: sent 1, received 0. 2 need attention.",
    ]


def test_a_form_that_cannot_be_installed_is_read_out_once_not_at_every_sync(
    qtbot: QtBot, heard: Heard
) -> None:
    """It is tried again at every sync, and was read out at every one, every few minutes
    until IT acted."""
    _, status = _window(qtbot)
    for received in (3, 0, 1, 0):
        refused = SyncActivity(SyncPhase.DONE, received=received, forms_refused=1)
        status.show_status(ConnectionStatus(True, None, refused), 0, 0)
    done = SyncActivity(SyncPhase.DONE)
    status.show_status(ConnectionStatus(True, None, done), 0, 0)
    assert [said for said, _ in heard] == [
        "Synced: sent 0, received 3. A form the central service published could not be "
        "installed on this computer: tell IT.",
        "Synced: sent 0, received 0",  # installed at last: told, as a recovery is
    ]
