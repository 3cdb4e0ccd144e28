"""The caseload's actions act on the row the person chose, highlighted, and the dialogs
they open say which case they are for: Qt's own current row (the first, when the list
is shown, or the next, when the chosen one leaves it) is no choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from tests.ui.answers import complete_answers
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import active_modal, select_first, type_text, visible_texts
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.offer_dialog import OfferDialog
from ui.sign_off_dialogs import LateReasonDialog, SignOffDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _case_line(dialog: QWidget) -> str:
    """The first line the dialog shows."""
    return visible_texts(dialog)[0].splitlines()[0]


def test_no_action_acts_on_a_row_nobody_chose(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _, window = unlocked
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    selection = window.table.selectionModel()
    assert selection.currentIndex().isValid() and not selection.selectedRows()
    assert window.selected_row() is None
    assert not window.offer_action.isEnabled() and not window.open_action.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    assert QApplication.activeModalWidget() is None  # Ctrl+O: no offer for a row not chosen

    QTest.keyClick(window.table, Qt.Key.Key_Space)  # the row the focus is on, chosen
    assert window.selected_row() is not None and selection.selectedRows()[0].row() == 0
    actions = (window.offer_action, window.open_action, window.sign_off_action)
    assert any(action.isEnabled() for action in actions)  # as the case's state allows


def test_the_offer_dialog_says_which_case_it_is_for_but_not_in_its_title(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _, window = unlocked
    select_first(window, InterviewState.ASSIGNED)
    row = window.selected_row()
    assert row is not None
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    dialog = active_modal(qtbot, OfferDialog)
    assert _case_line(dialog) == f"Case {row.case_reference}."
    assert dialog.accessibleDescription().startswith(f"Case {row.case_reference}.")
    assert row.case_reference not in dialog.windowTitle()
    dialog.reject()


def test_after_signing_off_no_other_case_is_left_chosen(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    assert window.current_view is CaseloadView.DUE  # drafts, and cases yet to start
    interview_id = select_first(window, InterviewState.IN_PROGRESS)
    store = controller.holder.store
    draft = store.interviews.get(interview_id)
    with store.transaction(controller.holder.actor) as tx:
        tx.interviews.save_answers(
            interview_id, complete_answers(clock.now), expected_version=draft.version
        )
    case_reference = store.children.get(draft.child_id).case_reference
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = active_modal(qtbot, SignOffDialog)
    assert isinstance(dialog, SignOffDialog)
    assert _case_line(dialog) == f"Case {case_reference}."
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Space)
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Return)
    late = active_modal(qtbot, LateReasonDialog)  # the demo's drafts are all past 72 hours
    assert isinstance(late, LateReasonDialog)
    type_text(late.reason, "The young person was in hospital")
    late.try_save()
    qtbot.waitUntil(lambda: store.interviews.get(interview_id).state is InterviewState.COMPLETED)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    assert window.caseload.row_of(interview_id) is None  # no longer due
    assert window.proxy.rowCount() > 0
    assert window.selected_row() is None  # Qt's next current row is nobody's choice
    assert not window.sign_off_action.isEnabled() and not window.open_action.isEnabled()


def test_enter_on_a_case_not_offered_yet_says_what_comes_first(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], heard: Heard
) -> None:
    """Enter on an assigned case did nothing, with no word why."""
    _, window = unlocked
    interview_id = select_first(window, InterviewState.ASSIGNED)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    said = "Record the offer first (Ctrl+O): the interview opens once offered."
    assert window.status.currentMessage() == said
    assert heard[-1][0] == said
    assert window.interview_window(interview_id) is None


def test_enter_on_the_row_the_keyboard_is_on_chooses_and_opens_it(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Tab into the list, Enter: Qt's current row is not chosen, so Open was disabled and
    Enter did nothing, with no word why."""
    _, window = unlocked
    window.show_view(CaseloadView.IN_PROGRESS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search.setFocus()
    QTest.keyClick(window.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.table
    selection = window.table.selectionModel()
    assert selection.currentIndex().isValid() and not selection.selectedRows()
    current = window.proxy.mapToSource(selection.currentIndex()).row()
    interview_id = window.caseload.row_at(current).interview_id
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    opened = window.interview_window(interview_id)
    assert opened is not None
    opened.close_without_asking()
