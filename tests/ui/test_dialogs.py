"""The data-entry dialogs, driven from the main window: each mistake explained in words with
the field focused, offers and re-offers, and sign-off (blocked, in time, and late)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState, OfferOutcome, ReturnInterview
from rhi_desktop.forms import FieldKey, FormSession, load_bundled_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import migrate_draft
from rhi_desktop.session import LOCAL_ACTOR
from tests.ui.answers import complete_answers
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import (
    active_modal,
    open_first_draft,
    screenshot,
    select_first,
    type_text,
)
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.screen_process import run_on_screen
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.sign_off_dialogs import LateReasonDialog, SignOffDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
S = InterviewState


def _back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.clear()  # type: ignore[attr-defined]
    QTest.keyClicks(field, text)


def _open_by_keyboard(qtbot: QtBot, window: MainWindow, interview_id: str) -> InterviewWindow:
    """Ctrl+I on the selected interview: its window, once open."""
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    frame = window.interview_window(interview_id)
    assert frame is not None
    return frame


def _answered_draft(
    controller: AppController, window: MainWindow, clock: FakeClock
) -> tuple[str, ReturnInterview]:
    """The first draft in progress, selected, with every answer given (as the form saves)."""
    QTest.keyClick(window.table, Qt.Key.Key_2, CTRL)
    interview_id = select_first(window, S.IN_PROGRESS)
    store = controller.holder.store
    draft = store.interviews.get(interview_id)
    with store.transaction(LOCAL_ACTOR) as tx:
        saved = tx.interviews.save_answers(
            interview_id, complete_answers(clock.now), expected_version=draft.version
        )
    return interview_id, saved


def test_a_save_the_store_refuses_is_read_out_where_save_was_pressed(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], heard: Heard
) -> None:
    """A problem with no field to mend left the focus where Enter was pressed: shown,
    but a screen reader heard nothing, and Save seemed to do nothing."""
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = active_modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    _fill_new_case(dialog, "SCH-12")
    pressed = QApplication.focusWidget()
    assert pressed is not None
    sync = controller.holder.store.second_handle()
    try:
        with sync.transaction("sync"):  # the store stays busy past its timeout
            QTest.keyClick(pressed, Qt.Key.Key_Return)
    finally:
        sync.close()
    assert dialog.isVisible() and "busy" in dialog.problem.text()
    assert QApplication.focusWidget() is pressed
    assert heard[-1][0] == dialog.problem.text()
    QTest.keyClick(pressed, Qt.Key.Key_Return)  # the sync is done: saved
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert controller.holder.store.children.by_case_reference("SCH-12") is not None


def _with_interpreter(answers: Mapping[str, Any]) -> dict[str, Any]:
    """`answers` with an interpreter used, and their language: a change to 'no' hides it."""
    return {**answers, "interpreter_used": "yes", "interpreter_language": "Polish"}


def _fill_new_case(dialog: NewCaseDialog, case_reference: str) -> None:
    QTest.keyClicks(dialog.case_reference, case_reference)
    type_text(dialog.name, "Nia Fictional")
    for field, text in (
        (dialog.date_of_birth, "07/03/2011"),
        (dialog.start_date, "09/03/2025"),
        (dialog.start_time, "21:40"),
        (dialog.return_date, "10/03/2025"),
        (dialog.return_time, "07:05"),
    ):
        field.clear()
        QTest.keyClicks(field, text)


def test_the_new_case_dialog_explains_each_mistake_and_puts_the_cursor_there(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], heard: Heard
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = active_modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)

    def save_and_expect(text: str, field: QWidget) -> None:
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.problem.isVisible()
        assert text in dialog.problem.text(), dialog.problem.text()
        assert QApplication.focusWidget() is field
        assert heard[-1][0] == dialog.problem.text()  # read out, not only shown

    save_and_expect("Enter the child's case reference.", dialog.case_reference)
    QTest.keyClicks(dialog.case_reference, "DEMO-00001")  # already on this computer
    save_and_expect("Enter the child's name.", dialog.name)
    type_text(dialog.name, "Nia Fictional")
    save_and_expect("Date of birth: this is needed.", dialog.date_of_birth)
    _retype(qtbot, dialog.date_of_birth, "31/02/2011")
    save_and_expect("Date of birth: there is no such date.", dialog.date_of_birth)
    _retype(qtbot, dialog.date_of_birth, "7th of March")
    save_and_expect("type a date like 07/03/2011 or 7 Mar 2011", dialog.date_of_birth)
    _retype(qtbot, dialog.date_of_birth, "07/03/2011")
    _retype(qtbot, dialog.start_date, "09/03/2025")
    _retype(qtbot, dialog.start_time, "25:00")
    save_and_expect("Start time: there is no such time: check the hour", dialog.start_time)
    _retype(qtbot, dialog.start_time, "21:40")
    _retype(qtbot, dialog.return_date, "30/03/2025")
    _retype(qtbot, dialog.return_time, "01:30")  # the hour the clocks skip in spring
    save_and_expect("Return time: there is no such time (the clocks", dialog.return_time)
    _retype(qtbot, dialog.return_time, "not a time")
    save_and_expect("type a time like 14:30 or 2.30pm", dialog.return_time)
    _retype(qtbot, dialog.return_date, "10/03/2025")
    _retype(qtbot, dialog.return_time, "07:05")
    save_and_expect("already on this computer", dialog.case_reference)
    _retype(qtbot, dialog.case_reference, "SCH-9")
    _retype(qtbot, dialog.date_of_birth, "07/03/2005")
    save_and_expect("18 or older", dialog.date_of_birth)
    _retype(qtbot, dialog.date_of_birth, "07/03/2011")
    QTest.keyClick(dialog.date_of_birth, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    child = controller.holder.store.children.by_case_reference("SCH-9")
    assert child is not None and child.name == "Nia Fictional"
    _back(qtbot, window)
    assert window.selected_row() is not None
    assert window.selected_row().case_reference == "SCH-9"  # type: ignore[union-attr]


def test_an_offer_declined_needs_its_reason_and_can_be_offered_again(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id = select_first(window, S.ASSIGNED)
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    offer = active_modal(qtbot, OfferDialog)
    assert isinstance(offer, OfferDialog) and offer.windowTitle() == "Record an offer"
    assert not offer.child_chose.isEnabled() and not offer.reason.isEnabled()
    type_text(offer.offered_by, "Jo Interviewer")
    offer.outcome.setFocus()
    QTest.keyClick(offer.outcome, Qt.Key.Key_Down)  # accepted
    assert offer.child_chose.isEnabled() and not offer.reason.isEnabled()
    QTest.keyClick(offer.outcome, Qt.Key.Key_Down)  # declined by the child
    assert offer.outcome.currentData() == OfferOutcome.DECLINED_BY_CHILD.value
    assert offer.reason.isEnabled() and not offer.child_chose.isEnabled()
    QTest.keyClick(offer.outcome, Qt.Key.Key_Return)
    assert offer.isVisible() and "Give the reason" in offer.problem.text()
    assert QApplication.focusWidget() is offer.reason
    type_text(offer.reason, "Wants to talk to their own worker — not this week")
    offer.try_save()
    qtbot.waitUntil(lambda: not offer.isVisible())
    store = controller.holder.store
    assert store.interviews.get(interview_id).state is S.DECLINED
    _back(qtbot, window)

    clock.advance(hours=5)
    assert window.selected_interview_id == interview_id and window.offer_action.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    again = active_modal(qtbot, OfferDialog)
    assert isinstance(again, OfferDialog)
    assert again.windowTitle() == "Offer the interview again"
    assert again.offer_time.text() == "14:30"  # the clock's time now, in London
    type_text(again.offered_by, "Jo Interviewer")
    again.outcome.setFocus()
    QTest.keyClick(again.outcome, Qt.Key.Key_Down)  # accepted
    QTest.keyClick(again.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert store.interviews.get(interview_id).state is S.OFFERED
    reasons = [o.reason for o in store.offers.for_interview(interview_id)]
    assert reasons[-2:] == ["Wants to talk to their own worker — not this week", None]


def test_sign_off_is_refused_while_questions_are_unanswered(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_2, CTRL)  # in progress
    interview_id = select_first(window, S.IN_PROGRESS)
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    box = active_modal(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert "need attention" in box.text() and "Open the interview" in box.text()
    box.accept()
    assert controller.holder.store.interviews.get(interview_id).state is S.IN_PROGRESS


def test_signing_off_after_72_hours_asks_why_and_keeps_the_reason(
    qtbot: QtBot,
    unlocked: tuple[AppController, MainWindow],
    clock: FakeClock,
    artifacts_dir: Path,
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_2, CTRL)
    assert window.current_view is CaseloadView.IN_PROGRESS
    interview_id = select_first(window, S.IN_PROGRESS)
    store = controller.holder.store
    draft = store.interviews.get(interview_id)
    assert clock.now - draft.returned_at > __import__("datetime").timedelta(hours=72)
    with store.transaction(LOCAL_ACTOR) as tx:  # what the form renderer saves
        tx.interviews.save_answers(
            interview_id, complete_answers(clock.now), expected_version=draft.version
        )
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Space)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Return)
    late = active_modal(qtbot, LateReasonDialog)
    assert isinstance(late, LateReasonDialog)
    assert "days ago" in late.findChildren(type(sign.problem))[0].text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is late.reason)
    late.try_save()
    assert late.isVisible() and "Write the reason" in late.problem.text()
    assert store.interviews.get(interview_id).state is S.IN_PROGRESS
    type_text(late.reason, "Siân was away with family until Monday; seen the day she came back")
    screenshot(late, "10-late-reason", artifacts_dir)
    late.try_save()
    qtbot.waitUntil(lambda: not late.isVisible())
    done = store.interviews.get(interview_id)
    assert done.state is S.COMPLETED and done.completed_at == clock.now
    assert done.late_reason == "Siân was away with family until Monday; seen the day she came back"
    assert window.caseload.row_of(interview_id) is None


def test_an_interview_is_signed_off_from_its_own_window(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, _ = _answered_draft(controller, window, clock)
    store = controller.holder.store
    frame = _open_by_keyboard(qtbot, window, interview_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    assert frame.sign_off_button.isVisible()

    QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_S, CTRL | SHIFT)
    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog) and sign.parent() is frame
    QTest.keyClick(sign.confirm, Qt.Key.Key_Space)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Return)
    late = active_modal(qtbot, LateReasonDialog)  # the demo draft is past its 72 hours
    assert isinstance(late, LateReasonDialog) and late.parent() is frame
    type_text(late.reason, "The family were away until Monday")
    late.try_save()

    qtbot.waitUntil(lambda: window.interview_window(interview_id) is None)
    assert store.interviews.get(interview_id).state is S.COMPLETED
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_3, CTRL)  # ready to send: opens to be read
    window.table.setFocus()
    select_first(window, S.COMPLETED)
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.interview_window(window.selected_interview_id or "") is not None)
    read_only = window.interview_window(window.selected_interview_id or "")
    assert read_only is not None and not read_only.sign_off_button.isVisible()


def test_sign_off_asked_from_the_list_waits_over_the_open_interview_window(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """Over the caseload, the open interview could still be typed in while the question
    waited: what was signed off was then not what had been checked."""
    controller, window = unlocked
    interview_id, _ = _answered_draft(controller, window, clock)
    frame = _open_by_keyboard(qtbot, window, interview_id)
    frame.showMaximized()
    frame.showMinimized()  # out of the way, as a person may leave it
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)

    sign = active_modal(qtbot, SignOffDialog)
    assert sign.parent() is frame
    assert sign.windowModality() is Qt.WindowModality.WindowModal
    assert not frame.isMinimized()  # brought back, with the question over it
    assert frame.isMaximized()  # as large as it was
    assert QApplication.activeWindow() is sign
    sign.reject()


def test_opening_an_interview_open_but_minimised_brings_it_back(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """Shown and raised, it stayed minimised: 'Open' seemed to do nothing."""
    controller, window = unlocked
    interview_id, _ = _answered_draft(controller, window, clock)
    frame = _open_by_keyboard(qtbot, window, interview_id)
    frame.showMinimized()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)

    assert window.interview_window(interview_id) is frame
    assert not frame.isMinimized()


def test_an_interview_changed_while_its_sign_off_waits_is_not_signed_off(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """Checked as ready, then changed (by a sync, say) before Confirm: the changed
    answers were never checked, so nothing is signed off, and the person is told."""
    controller, window = unlocked
    interview_id, saved = _answered_draft(controller, window, clock)
    store = controller.holder.store
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    sign = active_modal(qtbot, SignOffDialog)
    with store.transaction(LOCAL_ACTOR) as tx:
        emptied = {k: v for k, v in saved.answers.items() if k != "interviewer_name"}
        tx.interviews.save_answers(interview_id, emptied, expected_version=saved.version)

    QTest.keyClick(sign.confirm, Qt.Key.Key_Space)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Return)
    late = active_modal(qtbot, LateReasonDialog)  # the demo draft is past its 72 hours
    assert isinstance(late, LateReasonDialog)
    type_text(late.reason, "The family were away until Monday")
    late.try_save()

    box = active_modal(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert "changed while it was being signed off" in box.text()
    box.accept()
    assert store.interviews.get(interview_id).state is S.IN_PROGRESS


@pytest.mark.parametrize("keys", [(Qt.Key.Key_S, ALT), (Qt.Key.Key_S, CTRL | SHIFT)])
def test_sign_off_in_the_interview_window_answers_its_alt_letter_and_its_keys(
    qtbot: QtBot,
    unlocked: tuple[AppController, MainWindow],
    clock: FakeClock,
    keys: tuple[Qt.Key, Qt.KeyboardModifier],
) -> None:
    """Its S is underlined, and Alt+S did nothing: the button's shortcut, which is that
    letter, had been replaced by Ctrl+Shift+S."""
    controller, window = unlocked
    interview_id, _ = _answered_draft(controller, window, clock)
    frame = _open_by_keyboard(qtbot, window, interview_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    assert mnemonic_clashes(frame) == {}

    QTest.keyClick(QApplication.focusWidget() or frame, *keys)

    sign = active_modal(qtbot, SignOffDialog)
    assert sign.parent() is frame
    sign.reject()


def test_a_sign_off_refused_in_the_interview_window_leaves_the_keyboard_there(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Its box closed, the keyboard went to the caseload, and the box said to open the
    interview that was open already; so did cancelling the sign-off there."""
    _controller, window = unlocked
    _, frame = open_first_draft(qtbot, window)  # the demo draft: answers missing
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)

    QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_S, CTRL | SHIFT)
    box = active_modal(qtbot, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert box.text().endswith("Check answers in the interview takes you to each in turn.")
    QTest.keyClick(box, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    assert frame.isAncestorOf(QApplication.focusWidget())


def test_signing_off_with_answers_a_change_hid_says_it_lets_go_of_them(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, saved = _answered_draft(controller, window, clock)
    store = controller.holder.store
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    plain = active_modal(qtbot, SignOffDialog)
    assert isinstance(plain, SignOffDialog)
    assert not any("lets go" in label.text() for label in plain.findChildren(QLabel))
    plain.reject()
    _back(qtbot, window)
    # The app stopped with Undo offered: a change hid what was answered.
    session = FormSession(load_bundled_form("rhi-v1.json"), _with_interpreter(saved.answers))
    changes = session.set_answer("interpreter_used", "no")
    hidden = session.hidden_answers(changes.relevance)
    assert hidden
    holding = session.holding(FieldKey("interpreter_used"), "yes", hidden)
    with store.transaction(LOCAL_ACTOR) as tx:
        tx.interviews.save_answers(interview_id, session.record(), expected_version=saved.version)
        tx.held_answers.put(interview_id, saved.version + 1, holding.content())

    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)

    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    said = " ".join(label.text() for label in sign.findChildren(QLabel))
    assert "signing off lets go of them for good" in said and "choose Undo" in said
    assert "lets go of them" in sign.accessibleDescription()  # read out as it opens
    sign.reject()
    assert store.interviews.get(interview_id).state is S.IN_PROGRESS


def _rhi_v2_asking_the_language_only_once_checked() -> dict[str, Any]:
    """Version 2: a new question, defaulting to no, comes before the interpreter's
    language, which is asked only once it is yes."""
    v2: dict[str, Any] = json.loads((BUNDLED_FORMS_DIR / "rhi-v1.json").read_text("utf-8"))
    v2["version"] = 2
    venue = next(section for section in v2["sections"] if section["id"] == "venue")
    at = next(i for i, q in enumerate(venue["questions"]) if q["id"] == "interpreter_language")
    venue["questions"][at]["relevant"] = (
        "${interpreter_used} = 'yes' and ${language_checked} = 'yes'"
    )
    venue["questions"].insert(
        at,
        {"id": "language_checked", "type": "yes_no", "label": "Was the language checked?",
         "default": "no"},
    )  # fmt: skip
    return v2


def test_signing_off_with_answers_a_move_kept_aside_says_it_lets_go_of_them(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, saved = _answered_draft(controller, window, clock)
    store = controller.holder.store
    with store.transaction(LOCAL_ACTOR) as tx:
        tx.interviews.save_answers(
            interview_id, _with_interpreter(saved.answers), expected_version=saved.version
        )
    window.forms().install(_rhi_v2_asking_the_language_only_once_checked())
    opened, frame = open_first_draft(qtbot, window)
    assert opened == interview_id
    assert frame.editor.migrate(2) is not None
    assert frame.editor.kept_aside() == {FieldKey("interpreter_language")}

    window.sign_off_interview(interview_id, frame)

    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    said = " ".join(label.text() for label in sign.findChildren(QLabel))
    assert "Answers already given were kept aside" in said
    assert "signing off lets go of them for good" in sign.accessibleDescription()
    assert "choose Undo" not in said  # no change to undo: a move
    sign.reject()


def test_signing_off_from_the_list_after_a_move_kept_answers_aside_says_so_too(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """Moved in an earlier session, and its window not open: what was kept aside is read
    from what the store holds beside the record."""
    controller, window = unlocked
    interview_id, saved = _answered_draft(controller, window, clock)
    store = controller.holder.store
    window.forms().install(_rhi_v2_asking_the_language_only_once_checked())
    with store.transaction(LOCAL_ACTOR) as tx:
        answered = tx.interviews.save_answers(
            interview_id, _with_interpreter(saved.answers), expected_version=saved.version
        )
        migrate_draft(tx, interview_id, window.forms(), expected_version=answered.version)
    assert window.interview_window(interview_id) is None

    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)

    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    assert "Answers already given were kept aside" in sign.accessibleDescription()
    sign.reject()


def test_signing_off_after_the_notice_was_dismissed_says_nothing_of_undo(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id, saved = _answered_draft(controller, window, clock)
    store = controller.holder.store
    session = FormSession(load_bundled_form("rhi-v1.json"), _with_interpreter(saved.answers))
    session.set_answer("interpreter_used", "no")
    with store.transaction(LOCAL_ACTOR) as tx:  # hidden, the notice dismissed: no Undo
        tx.interviews.save_answers(interview_id, session.record(), expected_version=saved.version)
        tx.held_answers.put(interview_id, saved.version + 1, session.holding().content())

    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)

    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    assert "Undo" not in sign.accessibleDescription()
    sign.reject()


@pytest.mark.parametrize("points", [10.0, 16.0])
def test_a_dialog_opens_tall_enough_for_its_wrapped_text(
    qtbot: QtBot, system_font: Callable[[float], None], points: float
) -> None:
    """At 16 points the sign-off question opened 200 px tall where its wrapped text
    needed 225: the last lines were cut off until something made it grow."""
    system_font(points)
    dialog = SignOffDialog(
        lambda _: None, None, case_reference="DEMO-00001", hidden_answers=True, kept_aside=True
    )
    qtbot.addWidget(dialog)
    dialog.resize(600, 100)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    dialog.reject()


@pytest.mark.parametrize("size", [(910, 512), (853, 480)])
def test_on_a_laptop_at_150_percent_dialogs_fit_the_screen_with_their_text_whole(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Grown to fit its wrapped text in 16-point text, the sign-off question ran past
    the bottom of a 910x512 screen (1366x768 at 150%), its buttons out of reach; grown
    where it stood, centred over the window, it ran past the edges of 853x480 (1280x720
    at 150%). The screen's size is set before Qt starts: the dialogs open in a child
    process."""
    result = run_on_screen("tests.ui.small_screen_dialogs", size=size, folder=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_problem_shown_leaves_a_dialog_where_and_as_wide_as_the_person_put_it(
    qtbot: QtBot,
) -> None:
    """Growing for the problem's text, the dialog was made as wide as it likes and moved
    back onto the screen: the button under the pointer jumped away."""
    dialog = SignOffDialog(lambda _: None, None, case_reference="DEMO-00001")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.screen().availableGeometry()
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height())
    dialog.move(room.right() - dialog.width() // 2, room.top() + 40)  # half past the edge
    placed = dialog.geometry()

    dialog.try_save()  # not confirmed: a problem is shown

    assert dialog.problem.isVisible()
    assert (dialog.geometry().x(), dialog.width()) == (placed.x(), placed.width())
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    dialog.reject()
