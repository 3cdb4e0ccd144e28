"""Locking: after idle minutes (time injected, never slept), by Ctrl+L from anywhere, and
during first-run enrolment. A lock closes the database, lets go of the key, hides every
window's content and brings the person back to where they were, unsaved typing included."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial

import pytest
import shiboken6
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.session import OpenProfile, open_profile
from rhi_desktop.store import Store
from rhi_desktop.vault import UnlockResult
from tests.ui.conftest import ControllerFactory, FakeClock, Heard
from tests.ui.driving import (
    PASSPHRASE,
    FormFiller,
    focused,
    open_first_draft,
    type_text,
    unlock_with,
    visible_texts,
)
from ui import controller as controller_module
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.first_run import ENROL_PAGE, FirstRunWizard
from ui.idle import clock_counting_sleep
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.roles import Page

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_new_case(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewCaseDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewCaseDialog)
    return dialog


def _everything_on_screen() -> list[str]:
    texts = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            texts.append(window.windowTitle())
            texts.extend(visible_texts(window))
    return texts


def test_five_idle_minutes_lock_the_app_and_unlocking_returns_to_the_same_interview(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    assert controller.idle.limit.total_seconds() == 5 * 60  # the default policy
    QTest.keyClick(window.table, Qt.Key.Key_7, CTRL)  # all interviews
    window.table.selectRow(3)
    chosen = window.selected_interview_id
    assert chosen is not None

    clock.advance(minutes=4, seconds=59)
    controller.idle.check()
    assert not controller.is_locked
    QTest.keyClick(window.table, Qt.Key.Key_Down)  # any input restarts the count
    QTest.keyClick(window.table, Qt.Key.Key_Up)
    clock.advance(minutes=4)
    controller.idle.check()
    assert not controller.is_locked
    with qtbot.waitSignal(controller.locked):
        clock.advance(minutes=1, seconds=1)
        controller.idle.check()
    assert window.covered and not controller.idle.running

    unlock_with(qtbot, controller)
    assert controller.idle.running
    assert window.current_view is CaseloadView.ALL
    assert window.selected_interview_id == chosen
    assert window.selected_row() is not None and window.selected_row().interview_id == chosen


def test_idle_lock_with_a_dialog_open_hides_the_typing_and_gives_it_back_after_unlock(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    dialog = _open_new_case(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.case_reference)
    QTest.keyClicks(dialog.case_reference, "SCH-77")
    QTest.keyClick(dialog.case_reference, Qt.Key.Key_Tab)
    type_text(focused(), "Zoë Łukasz")
    before = window.grab().toImage()

    clock.advance(minutes=6)
    with qtbot.waitSignal(controller.locked):
        controller.idle.check()
    assert not dialog.isVisible()
    on_screen = " ".join(_everything_on_screen())
    assert "SCH-77" not in on_screen and "Zoë" not in on_screen
    assert window.grab().toImage() != before
    assert window.covered and QApplication.activeModalWidget() is not dialog

    unlock_with(qtbot, controller)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.case_reference.text() == "SCH-77"
    assert dialog.name.text() == "Zoë Łukasz"
    QTest.keyClicks(dialog.date_of_birth, "01/02/2012")
    QTest.keyClicks(dialog.start_date, "09/03/2025")
    QTest.keyClicks(dialog.start_time, "20:00")
    QTest.keyClicks(dialog.return_date, "10/03/2025")
    QTest.keyClicks(dialog.return_time, "07:00")
    QTest.keyClick(dialog.return_time, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    child = controller.holder.store.children.by_case_reference("SCH-77")
    assert child is not None and child.name == "Zoë Łukasz"


def test_ctrl_l_locks_even_from_inside_a_modal_dialog(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    dialog = _open_new_case(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.case_reference)
    with qtbot.waitSignal(controller.locked):
        QTest.keyClick(dialog.case_reference, Qt.Key.Key_L, CTRL)
    assert window.covered and not dialog.isVisible()
    assert dialog.case_reference.text() == ""  # the key did not type an "l" either
    unlock_with(qtbot, controller)
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_unlocking_on_another_page_focuses_that_page_and_enter_opens_nothing_unseen(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_7, CTRL)  # all interviews
    for row in range(window.proxy.rowCount()):
        window.table.selectRow(row)
        chosen = window.selected_row()
        if chosen is not None and chosen.state is InterviewState.OFFERED:
            break
    else:
        pytest.fail("the seeded caseload has no offered interview")
    window.workspace.show_page(Page.MY_SUPERVISION)
    with qtbot.waitSignal(controller.locked):
        controller.lock("idle")
    unlock_with(qtbot, controller)

    assert window.workspace.current_page() is Page.MY_SUPERVISION
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible()
    assert focus is window.workspace.tabBar() or window.workspace.currentWidget().isAncestorOf(
        focus
    )
    QTest.keyClick(focus, Qt.Key.Key_Return)
    QTest.keyClick(window.table, Qt.Key.Key_Return)  # the hidden table, reached some other way
    assert window.interview_window(chosen.interview_id) is None
    assert controller.holder.store.interviews.get(chosen.interview_id).state is (
        InterviewState.OFFERED
    )


def test_locking_closes_the_database_and_keeps_no_reference_to_the_store_or_key(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    store_ref = weakref.ref(store)
    connection = store._db.conn
    del store
    QTest.keyClick(window.table, Qt.Key.Key_L, CTRL)
    assert controller.is_locked
    gc.collect()
    assert store_ref() is None
    leftovers = [o for o in gc.get_objects() if isinstance(o, Store | OpenProfile | UnlockResult)]
    assert leftovers == []
    with pytest.raises(sqlcipher3.ProgrammingError):
        connection.execute("SELECT 1")
    assert window.caseload.rowCount() == 0 and window.proxy.rowCount() == 0
    assert all(count is None for count in window.views_model._counts.values())
    assert not window.new_case_action.isEnabled() and not window.offer_action.isEnabled()
    assert window.status.connection.text() == "Locked" and window.status.pending.text() == ""
    for action in window.view_actions.values():
        assert not action.isEnabled()


def test_a_wrong_passphrase_on_the_lock_cover_keeps_everything_hidden(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_L, CTRL)
    panel = window.cover_panel
    type_text(panel.passphrase, "wrong words entirely")
    QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not right" in panel.message.text(), timeout=20_000)
    assert controller.is_locked and window.covered and window.caseload.rowCount() == 0
    assert panel.passphrase.text() == ""


def test_locking_during_first_run_enrolment_returns_to_the_wizard_after_unlock(
    qtbot: QtBot, make_controller: ControllerFactory, clock: FakeClock
) -> None:
    controller = make_controller()
    controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    page = wizard.passphrase_page
    qtbot.waitUntil(lambda: page.protection.text() != "Checking this computer's keystore…")
    type_text(page.passphrase, PASSPHRASE)
    type_text(page.confirm, PASSPHRASE)
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=20_000):
        QTest.keyClick(page.confirm, Qt.Key.Key_Return)
    assert wizard.currentId() == ENROL_PAGE and controller.idle.running

    clock.advance(minutes=10)
    with qtbot.waitSignal(controller.locked):
        controller.idle.check()
    assert not wizard.isVisible()
    assert controller.unlock_window is not None and controller.unlock_window.isVisible()

    unlock_with(qtbot, controller)
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.currentId() == ENROL_PAGE and controller.unlock_window is None
    QTest.keyClick(wizard, Qt.Key.Key_Return)  # continue offline
    qtbot.waitUntil(lambda: controller.main_window is not None)
    assert isinstance(controller.main_window, QWidget) and not controller.main_window.covered


def test_quitting_with_an_interview_open_saves_what_was_typed_first(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    for row in range(window.proxy.rowCount()):
        window.table.selectRow(row)
        selected = window.selected_row()
        if selected is not None and selected.state is InterviewState.OFFERED:
            break
    interview_id = window.selected_interview_id
    assert interview_id is not None
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    frame = window.interview_window(interview_id)
    assert frame is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    filler = FormFiller(frame.editor.renderer)
    filler.keys.fill(filler.controls("offer_made_at")[0], "10/03/2025 09:15")
    filler.choose("offer_method", "phone")  # typed, and not yet autosaved
    paths = controller.holder.profile.paths
    with qtbot.waitSignal(controller.finished):
        window.close()
    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        answers = store.interviews.get(interview_id).answers
    assert answers["offer_method"] == "phone"


def test_locking_while_a_sync_holds_the_store_puts_every_case_out_of_sight_first(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """The save of an open form can wait seconds for the sync to let go of the store: by
    then the caseload is covered and the interview window hidden. Nothing typed is lost."""
    controller, window = unlocked
    store = controller.holder.store
    interview_id, frame = open_first_draft(qtbot, window)
    frame.editor.renderer.show_section("reflection", focus=True)
    (notes,) = frame.editor.renderer.field_view("reflection_notes").controls()
    notes.setFocus()
    on_screen_while_waiting: list[tuple[bool, bool, bool]] = []
    QApplication.processEvents()

    def on_screen() -> QImage:  # what the window system has been given to show
        return window.screen().grabWindow(window.winId()).toImage()

    before = on_screen()
    frame.editor.saver.failed.connect(
        lambda _message: on_screen_while_waiting.append(
            (window.covered, frame.isVisible(), on_screen() != before)
        )
    )
    sync = store.second_handle()
    try:
        with sync.transaction("sync"):
            type_text(notes, "typed before the lock")
            controller.lock("idle")
    finally:
        sync.close()
    # covered, and the form out of sight, on screen too: not only once the wait is over
    assert on_screen_while_waiting == [(True, False, True)]

    qtbot.waitUntil(lambda: not controller.holder.is_open, timeout=15_000)
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: not frame.editor.saver.pending, timeout=10_000)
    saved = controller.holder.store.interviews.get(interview_id).answers["reflection_notes"]
    assert saved.endswith("typed before the lock")


def test_locking_while_a_sync_holds_the_store_closes_it_only_once_the_typing_is_in(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """The sync's write outlasting the lock's save left the typing in memory only while
    locked: a crash, a power cut or a forced shutdown then lost it. The store stays open,
    covered, until the form's own retry gets it in; an unlock meanwhile is told to wait."""
    controller, window = unlocked
    store = controller.holder.store
    paths = controller.holder.profile.paths
    interview_id, frame = open_first_draft(qtbot, window)
    frame.editor.renderer.show_section("reflection", focus=True)
    (notes,) = frame.editor.renderer.field_view("reflection_notes").controls()
    notes.setFocus()
    sync = store.second_handle()
    try:
        with sync.transaction("sync"):
            type_text(notes, "typed before the lock")
            controller.lock("idle")
            assert window.covered and not frame.isVisible()
            assert controller.holder.is_open  # the typing is not in yet
    finally:
        sync.close()
    panel = window.cover_panel  # unlocking too soon: told so, and nothing else happens
    type_text(panel.passphrase, PASSPHRASE)
    QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert "still finishing locking" in panel.message.text()
    qtbot.waitUntil(lambda: not controller.holder.is_open, timeout=15_000)

    # as a crash while locked would leave it: the file holds the typing
    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    with profile.store as reopened:
        saved = reopened.interviews.get(interview_id).answers["reflection_notes"]
    assert saved.endswith("typed before the lock")
    unlock_with(qtbot, controller)
    qtbot.waitUntil(frame.isVisible)
    frame.close_without_asking()


def test_idle_time_is_measured_on_a_clock_that_is_never_set_back(
    make_controller: ControllerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Idleness was measured on the wall clock: set back an hour (by hand, or by a time
    # server), the app stayed unlocked for 65 minutes with a draft on screen.
    ticks = [1000.0]
    monkeypatch.setattr(controller_module, "since_boot", lambda: ticks[0])
    controller = make_controller(clock=utc_now)  # the wall clock, as the app runs
    controller.idle.reset()
    ticks[0] += 5 * 60
    assert controller.idle.idle_for() == timedelta(minutes=5)


@pytest.mark.parametrize(
    ("platform", "read_clock"),
    [("linux", "boottime"), ("darwin", "monotonic_clock"), ("win32", "monotonic")],
)
def test_idle_time_goes_on_while_the_laptop_sleeps(
    monkeypatch: pytest.MonkeyPatch, platform: str, read_clock: str
) -> None:
    # time.monotonic stops in suspend on Linux and macOS: a laptop opened after a night
    # asleep, where no sleep signal locks it, was not idle at all and showed the draft
    # left on screen. Each platform's clock that counts sleep is read instead (Windows'
    # monotonic clock counts it).
    read: list[str] = []

    def reading(which: str) -> float:
        read.append(which)
        return 1.0

    monkeypatch.setattr(time, "clock_gettime", reading)
    monkeypatch.setattr(time, "monotonic", partial(reading, "monotonic"))
    monkeypatch.setattr(time, "CLOCK_BOOTTIME", "boottime", raising=False)
    monkeypatch.setattr(time, "CLOCK_MONOTONIC", "monotonic_clock", raising=False)
    assert clock_counting_sleep(platform)() == 1.0
    assert read == [read_clock]


@contextmanager
def _locked_with_a_save_held_up(
    qtbot: QtBot, controller: AppController, window: MainWindow, reason: str
) -> Iterator[None]:
    """Type into an open draft and lock while another handle holds the store, so the
    lock's save cannot get in, for as long as the block runs."""
    _interview_id, frame = open_first_draft(qtbot, window)
    frame.editor.renderer.show_section("reflection", focus=True)
    (notes,) = frame.editor.renderer.field_view("reflection_notes").controls()
    notes.setFocus()
    sync = controller.holder.store.second_handle()
    try:
        with sync.transaction("sync"):
            type_text(notes, "typed before the lock")
            controller.lock(reason)
            yield
    finally:
        sync.close()


def test_a_lock_whose_save_never_gets_in_closes_the_store_when_the_grace_is_over(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wait began again at each try: with a save failing for good (a full disk, say)
    the store stayed open, the key in memory, for as long as the app ran locked."""
    monkeypatch.setattr(controller_module, "LOCK_SAVE_GRACE_SECONDS", 1.0)
    controller, window = unlocked
    with _locked_with_a_save_held_up(qtbot, controller, window, "idle"):
        assert controller.holder.is_open  # waiting for the save
        qtbot.waitUntil(lambda: not controller.holder.is_open, timeout=8_000)


def test_going_to_sleep_closes_the_store_at_once_even_with_a_save_held_up(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Nothing runs while the computer sleeps: waiting would keep the key in memory
    through the whole sleep."""
    controller, window = unlocked
    with _locked_with_a_save_held_up(qtbot, controller, window, "sleep"):
        assert not controller.holder.is_open


def test_locking_again_while_the_lock_waits_for_a_save_does_not_put_off_its_end(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each lock asked for meanwhile (the OS locking the screen, Ctrl+L) began the grace
    again: the store stayed open for as long as they came."""
    monkeypatch.setattr(controller_module, "LOCK_SAVE_GRACE_SECONDS", 1.0)
    controller, window = unlocked
    with _locked_with_a_save_held_up(qtbot, controller, window, "idle"):
        started = time.monotonic()
        while controller.holder.is_open and time.monotonic() - started < 6:
            controller.lock("session-lock")
            qtbot.wait(300)
        assert not controller.holder.is_open
        assert time.monotonic() - started < 3


def test_going_to_sleep_while_the_lock_waits_for_a_save_ends_the_wait(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Closed for sleep, the lock was left waiting: an unlock before its next look
    locked the app again at once."""
    controller, window = unlocked
    with _locked_with_a_save_held_up(qtbot, controller, window, "idle"):
        assert controller.lock_pending
        controller.lock("sleep")
        assert not controller.holder.is_open
        assert not controller.lock_pending


def test_a_wipe_while_the_lock_waits_for_a_save_leaves_no_lock_to_come(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """The lock left waiting locked the next profile set up: the wizard vanished for an
    unlock window as the new enrolment finished."""
    controller, window = unlocked
    with _locked_with_a_save_held_up(qtbot, controller, window, "idle"):
        assert controller.lock_pending
        controller.sync.wiped.emit("This computer was removed by IT.")
    qtbot.waitUntil(lambda: controller.wizard is not None)
    assert not controller.lock_pending


def test_unlocking_gives_the_keys_back_to_the_dialog_over_the_interview(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Windows came back in no set order: a dialog shown before its interview window left
    the window on top, with the keys, and the dialog blocking it took none (Enter on
    'Some answers need attention' did nothing)."""
    controller, window = unlocked
    _interview_id, frame = open_first_draft(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    frame.sign_off()  # incomplete: what blocks it is listed over the interview window
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    assert box is not None and box.parentWidget() is not None
    with qtbot.waitSignal(controller.locked):
        controller.lock("shortcut")
    controller._hidden.sort(key=lambda hidden: hidden is not box)  # the order that broke it

    unlock_with(qtbot, controller)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    focus = QApplication.focusWindow()
    assert focus is not None
    QTest.keyClick(focus, Qt.Key.Key_Return)  # as the window system hands the key on
    qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible())
    frame.close_without_asking()


def _accessible_texts(node: QAccessibleInterface | None, depth: int = 0) -> list[str]:
    """Every name, value and description the accessibility tree offers under `node`."""
    if node is None or not node.isValid() or depth > 60:
        return []
    kinds = (QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description)
    found = [text for kind in kinds if (text := node.text(kind))]
    for index in range(node.childCount()):
        found += _accessible_texts(node.child(index), depth + 1)
    return found


def test_nothing_in_a_window_hidden_by_the_lock_can_be_read_through_accessibility(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Hidden windows stayed in the accessibility tree: an inspector at the locked app
    read the case reference from the interview's heading and the words typed into it."""
    controller, window = unlocked
    _interview_id, frame = open_first_draft(qtbot, window)
    case_reference = frame.heading.text().split(" ")[1]
    frame.editor.renderer.show_section("reflection", focus=True)
    (notes,) = frame.editor.renderer.field_view("reflection_notes").controls()
    notes.setFocus()
    type_text(notes, "WORDS-TYPED-BEFORE-THE-LOCK")
    app = QAccessible.queryAccessibleInterface(QApplication.instance())
    before = _accessible_texts(app)
    assert any("WORDS-TYPED-BEFORE-THE-LOCK" in text for text in before)  # the test sees

    with qtbot.waitSignal(controller.locked):
        controller.lock("idle")

    readable = _accessible_texts(QAccessible.queryAccessibleInterface(QApplication.instance()))
    assert not [t for t in readable if "WORDS-TYPED" in t or case_reference in t]
    unlock_with(qtbot, controller)
    qtbot.waitUntil(frame.isVisible)
    assert notes.toPlainText().endswith("WORDS-TYPED-BEFORE-THE-LOCK")
    frame.close_without_asking()


def test_unlocking_does_not_read_out_each_open_interview_s_heading_again(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], heard: Heard
) -> None:
    """Each window unlocking showed again read out its case and deadline, one over
    another; the heading is read once, as the window opens."""
    controller, window = unlocked
    _interview_id, frame = open_first_draft(qtbot, window)
    told = [said for said, _how in heard].count(frame.heading.text())
    with qtbot.waitSignal(controller.locked):
        controller.lock("idle")
    unlock_with(qtbot, controller)
    qtbot.waitUntil(frame.isVisible)
    assert told == 1
    assert [said for said, _how in heard].count(frame.heading.text()) == 1
    frame.close_without_asking()
