"""Answers on screen that could not be saved (saving stopped: a sync brought in the
version the interviewer's other laptop sent) are never signed off in their place, and
quitting asks before leaving them."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.session import LOCAL_ACTOR
from rhi_desktop.store import RemoteRecord
from rhi_desktop.store.records import payload
from tests.ui.answers import complete_answers
from tests.ui.conftest import FakeClock
from tests.ui.driving import active_modal, open_first_draft, select_first, type_text, unlock_with
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog


def _typing_that_cannot_be_saved(
    qtbot: QtBot, controller: AppController, window: MainWindow, clock: FakeClock
) -> tuple[str, InterviewWindow]:
    store = controller.holder.store
    interview_id, frame = open_first_draft(qtbot, window, complete_answers(clock.now), store)
    # A sync pulls the version the interviewer's other laptop sent.
    mine = store.interviews.get(interview_id)
    other = dataclasses.replace(mine, answers={**mine.answers, "interviewer_name": "Laptop B"})
    with store.transaction(LOCAL_ACTOR) as tx:
        version = store.interviews.server_version(interview_id) + 1
        tx.remote.apply(RemoteRecord("interview", interview_id, version, payload(other), clock.now))
    frame.editor.renderer.show_section("sign_off", focus=True)
    (box,) = frame.editor.renderer.field_view("interviewer_name").controls()
    box.setFocus()
    box.selectAll()
    type_text(box, "Typed On Laptop A")
    assert not frame.save_now()
    return interview_id, frame


def test_answers_that_could_not_be_saved_are_never_signed_off_in_their_place(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, frame = _typing_that_cannot_be_saved(qtbot, controller, window, clock)

    frame.sign_off()

    told = active_modal(qtbot, QMessageBox)
    assert told.text() == (
        "The answers on screen could not all be saved, so this interview cannot be signed "
        "off yet. The interview window says why."
    )
    QTest.keyClick(told, Qt.Key.Key_Return)
    stored = controller.holder.store.interviews.get(interview_id)
    assert stored.state is InterviewState.IN_PROGRESS  # nothing signed off
    assert window.interview_window(interview_id) is frame  # and the typing is still there


def test_quitting_with_answers_that_could_not_be_saved_asks_first(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    _typing_that_cannot_be_saved(qtbot, controller, window, clock)

    window.quit_action.trigger()  # Ctrl+Q

    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Quit without what was typed?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible() and controller.holder.is_open
    window.quit_action.trigger()
    question = active_modal(qtbot, QMessageBox)
    with qtbot.waitSignal(controller.finished, timeout=5000):
        QTest.keyClick(question, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # &Quit anyway


def test_quitting_from_the_lock_screen_asks_before_losing_a_hidden_dialogs_typing(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_modal(qtbot, NewCaseDialog)
    type_text(dialog.case_reference, "SCH-77")
    controller.lock("idle")
    assert not dialog.isVisible() and dialog.has_changes()

    window.close()  # the person closes the window showing the lock screen

    question = active_modal(qtbot, QMessageBox)
    assert question.text() == (
        "Unlock to finish the details being typed in a dialog the lock hid; quitting now "
        "would lose them."
    )
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible() and controller.is_locked
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.case_reference.text() == "SCH-77"


def test_closing_an_interview_window_with_answers_that_could_not_be_saved_asks_first(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, frame = _typing_that_cannot_be_saved(qtbot, controller, window, clock)

    frame.close()  # the window's close button, or Alt+F4

    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Close without what was typed?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.interview_window(interview_id) is frame and frame.isVisible()
    (box,) = frame.editor.renderer.field_view("interviewer_name").controls()
    assert box.text() == "Typed On Laptop A"  # still there to copy or retype

    frame.close()
    question = active_modal(qtbot, QMessageBox)
    QTest.keyClick(question, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Close anyway
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is None)


def test_opening_an_interview_again_brings_its_window_forward_and_keeps_track_of_it(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    window.show_view(CaseloadView.ALL)
    interview_id = select_first(window, InterviewState.OFFERED)
    window.open_action.trigger()  # starts it: offered, now in progress
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    first = window.interview_window(interview_id)
    assert controller.holder.store.interviews.get(interview_id).state is InterviewState.IN_PROGRESS

    for _ in range(2):
        assert window.selected_interview_id == interview_id
        window.open_action.trigger()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

        assert window.interview_window(interview_id) is first  # the same one, still known
    frames = [w for w in QApplication.topLevelWidgets() if isinstance(w, InterviewWindow)]
    assert [f for f in frames if f.isVisible()] == [first]


def test_quitting_from_the_lock_screen_asks_before_losing_answers_that_could_not_be_saved(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    _typing_that_cannot_be_saved(qtbot, controller, window, clock)
    controller.lock("idle")

    window.close()  # the person closes the window showing the lock screen

    question = active_modal(qtbot, QMessageBox)
    assert question.text() == (
        "Unlock to see the answers in an open interview that are not kept; quitting now "
        "would lose them."
    )
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible() and controller.is_locked


def _select(window: MainWindow, interview_id: str) -> None:
    window.show_view(CaseloadView.ALL)
    for row in range(window.proxy.rowCount()):
        source = window.proxy.mapToSource(window.proxy.index(row, 0)).row()
        if window.caseload.row_at(source).interview_id == interview_id:
            window.table.selectRow(row)
            return
    raise AssertionError("the interview is not in the caseload")


def test_reopening_a_changed_interview_asks_before_closing_a_window_with_typing_not_kept(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, frame = _typing_that_cannot_be_saved(qtbot, controller, window, clock)
    store = controller.holder.store
    signed = dataclasses.replace(
        store.interviews.get(interview_id), state=InterviewState.COMPLETED, completed_at=clock.now
    )
    with store.transaction(LOCAL_ACTOR) as tx:  # the other laptop signed it off meanwhile
        version = store.interviews.server_version(interview_id) + 1
        tx.remote.apply(
            RemoteRecord("interview", interview_id, version, payload(signed), clock.now)
        )
    window.records_arrived()
    _select(window, interview_id)

    window.open_action.trigger()  # as the message above the form says: reopen it

    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Reopen without what was typed?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.interview_window(interview_id) is frame
    (box,) = frame.editor.renderer.field_view("interviewer_name").controls()
    assert box.text() == "Typed On Laptop A"  # still there to copy

    window.open_action.trigger()
    question = active_modal(qtbot, QMessageBox)
    QTest.keyClick(question, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reopen anyway
    qtbot.waitUntil(lambda: window.interview_window(interview_id) not in (None, frame))
    reopened = window.interview_window(interview_id)
    assert reopened is not None and reopened.editor.renderer.read_only  # as it now stands


def test_closing_with_answers_a_change_hid_asks_first_and_undo_keeps_them(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    interview_id, frame = open_first_draft(qtbot, window)
    renderer = frame.editor.renderer
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    outcome.setCurrentIndex(outcome.findText("Accepted"))
    renderer.show_section("venue")
    venue = renderer.field_view("venue_type").controls()[0]
    assert isinstance(venue, QComboBox)
    venue.setCurrentIndex(2)
    assert frame.save_now() and "venue_type" in store.interviews.get(interview_id).answers
    outcome.setCurrentIndex(outcome.findText("Declined by the young person"))
    assert renderer.hidden_notice is not None

    frame.close()  # the window's close button, or Alt+F4

    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Close without the hidden answers?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.interview_window(interview_id) is frame
    renderer.undo_hiding()
    frame.close()  # nothing is lost now: no question
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is None)
    assert "venue_type" in store.interviews.get(interview_id).answers


def test_answers_a_change_hid_are_not_at_risk_from_the_lock_screen_and_wait_for_reopening(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    interview_id, frame = open_first_draft(qtbot, window)
    renderer = frame.editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.enter("venue_type", "school")
    renderer.enter("offer_outcome", "declined_by_child")  # hides where they met
    assert window.unsaved_interviews() == [interview_id]  # unlocked, closing would let go

    controller.lock("idle")  # locking saves: the store holds them, Undo and all

    assert window.unsaved_interviews() == []  # quitting now keeps them: no question
    unlock_with(qtbot, controller)
    held = controller.holder.store.held_answers.get(interview_id)
    assert held is not None and held["question"] == "offer_outcome"
