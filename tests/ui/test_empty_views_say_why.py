"""A caseload view with no interviews says why it might be empty and what to do next,
in one whole sentence for each view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from tests.ui.conftest import START, ControllerFactory, seed_profile
from tests.ui.driving import unlock_with
from ui.caseload_views import CaseloadView

CTRL = Qt.KeyboardModifier.ControlModifier


def test_each_empty_view_says_how_interviews_arrive_there(
    qtbot: QtBot, paths: ProfilePaths, settings: Settings, make_controller: ControllerFactory
) -> None:
    seed_profile(paths, settings, 0, START)
    controller = make_controller()
    controller.start()
    unlock_with(qtbot, controller)
    window = controller.main_window
    assert window is not None and window.view_title.text() == "Due"

    assert window.empty_note.text() == (
        "Nothing is due. New found children appear here after a sync, or when you record "
        "one with New found child (Ctrl+N)."
    )
    QTest.keyClick(window.table, Qt.Key.Key_3, CTRL)
    assert window.view_title.text() == "Ready to send"
    assert window.empty_note.text() == (
        "Nothing is waiting to be sent. Interviews you sign off wait here until the next "
        "sync sends them for review."
    )
    QTest.keyClick(window.table, Qt.Key.Key_4, CTRL)
    assert window.view_title.text() == "Returned for amendment"
    assert window.empty_note.text() == (
        "No interviews have been returned to you. If a coordinator asks for changes, the "
        "interview appears here after a sync."
    )
    seen = set()
    for view, action in window.view_actions.items():
        action.trigger()
        assert window.current_view is view
        seen.add(window.empty_note.text())
    assert len(seen) == len(CaseloadView)  # a sentence of its own for every view
    assert window.empty_note.wordWrap()  # a long sentence never widens the window
