"""A supervision session being recorded is not lost to Escape or Cancel: the coordinator
is asked first, while locking still ends the dialog (and its question) at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.discarding import (
    back_in,
    closes_at_once_on_escape,
    keeps_then_discards,
    the_question,
)
from tests.ui.driving import type_text
from tests.ui.supervision.conftest import ALEX, SAM, Desk, MakeDesk, ShowPage
from ui.supervision.session_dialog import RecordSessionDialog
from ui.supervision.supervision_page import SupervisionPage

ALT = Qt.KeyboardModifier.AltModifier


def _record_with_sam(qtbot: QtBot, page: SupervisionPage) -> RecordSessionDialog:
    qtbot.waitUntil(lambda: page.dialog is None)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.roster.setFocus()
    page.roster.selectRow(1)
    assert page.chosen_person() == SAM
    QTest.keyClick(page.roster, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, RecordSessionDialog))
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.held_on)
    return dialog


def _page(show_page: ShowPage, desk: Desk, clock: FakeClock) -> SupervisionPage:
    page = SupervisionPage(desk.holder, clock)
    show_page(page)
    page.reload()
    return page


def test_a_session_being_recorded_survives_escape_until_discarded(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(ALEX)
    page = _page(show_page, desk, clock)
    closes_at_once_on_escape(qtbot, _record_with_sam(qtbot, page))  # today's date only

    dialog = _record_with_sam(qtbot, page)
    QTest.keyClick(dialog.held_on, Qt.Key.Key_Tab)
    QTest.keyClick(dialog.cases, Qt.Key.Key_Tab)
    type_text(dialog.reflections, "Talked through a hard disclosure")
    dialog.agreed.add_button.click()
    type_text(dialog.agreed.rows[0].what, "Book time with the CSE lead")
    keeps_then_discards(
        qtbot,
        dialog,
        lambda: (dialog.reflections.toPlainText(), dialog.agreed.rows[0].what.text()),
    )
    qtbot.waitUntil(lambda: page.dialog is None)
    assert desk.store.supervision_sessions.for_supervisee(SAM.user_id) == []


def test_clearing_the_page_leaves_a_dialog_asking_about_discarding_as_it_was(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    # Locking clears the page; the lock hides the dialog and its question and gives them
    # back after unlocking (tests/ui/test_locking_coordinator.py), so the page must not
    # answer the question for the person.
    page = _page(show_page, make_desk(ALEX), clock)
    dialog = _record_with_sam(qtbot, page)
    type_text(dialog.wellbeing, "Tired after two late returns")
    QTest.keyClick(dialog.wellbeing, Qt.Key.Key_Escape)
    box = the_question(qtbot, dialog)

    page.clear()  # what locking does to the page

    assert page.dialog is dialog and box.isVisible()
    QTest.keyClick(box, Qt.Key.Key_Return)  # Keep
    back_in(qtbot, dialog)
    assert dialog.wellbeing.toPlainText() == "Tired after two late returns"
