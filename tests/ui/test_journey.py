"""An interviewer's first day, driven from the keyboard: set up the app, record a child the
school rang about, offer the interview, start it, lock and unlock, and sign it off."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import verify
from rhi_desktop.domain.entities import EpisodeType, InterviewState, OfferOutcome
from rhi_desktop.session import LOCAL_ACTOR, OpenProfile
from rhi_desktop.store import Store
from rhi_desktop.vault import Protection
from tests.ui.conftest import ControllerFactory, FakeClock
from tests.ui.driving import (
    FormFiller,
    active_modal,
    focused,
    screenshot,
    type_text,
    unlock_with,
    visible_texts,
)
from ui.caseload_model import MASK, Column
from ui.caseload_views import CaseloadView
from ui.first_run import ENROL_PAGE
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.sign_off_dialogs import SignOffDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NAME = "Siân Łukasz"
REFERENCE = "SCH-2025-001"
INTERVIEWER = "Jo Interviewer"


def _tab(qtbot: QtBot) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Tab)


def _cell(window: object, column: Column) -> str:
    proxy = window.proxy  # type: ignore[attr-defined]
    index = window.table.selectionModel().currentIndex()  # type: ignore[attr-defined]
    return str(proxy.index(index.row(), column).data())


def test_first_day_from_setup_to_sign_off_survives_a_lock(
    qtbot: QtBot, make_controller: ControllerFactory, clock: FakeClock, artifacts_dir: Path
) -> None:
    controller = make_controller()
    controller.start()

    # -- first run: a passphrase, judged as it is typed ----------------------------------
    wizard = controller.wizard
    assert wizard is not None
    page = wizard.passphrase_page
    qtbot.waitUntil(
        lambda: page.protection.text().startswith(Protection.PASSPHRASE_ONLY.describe())
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.passphrase)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    QTest.keyClicks(page.passphrase, "password123")
    assert "very weak" in page.meter.verdict.text()
    assert "attackers try first" in page.meter.reasons.text()
    assert not commit.isEnabled()
    page.passphrase.clear()
    type_text(page.passphrase, "Siân lantern oyster gravel")
    assert "Good enough to use" in page.meter.verdict.text()
    _tab(qtbot)  # "show what I type"
    _tab(qtbot)
    assert focused() is page.confirm
    type_text(page.confirm, "Siân lantern oyster gravel")
    assert "match" in page.match.text() and commit.isEnabled()
    screenshot(wizard, "01-first-run-passphrase", artifacts_dir)
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=20_000):
        QTest.keyClick(page.confirm, Qt.Key.Key_Return)
    assert wizard.currentId() == ENROL_PAGE
    assert controller.holder.is_open
    enrol = wizard.enrol_page
    assert not enrol.code.isEnabled() and "not available" in enrol.note.text()
    screenshot(wizard, "02-first-run-enrol", artifacts_dir)
    QTest.keyClick(wizard, Qt.Key.Key_Return)  # "Continue offline"
    qtbot.waitUntil(lambda: controller.main_window is not None)
    window = controller.main_window
    assert window is not None
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.caseload.rowCount() == 0

    # -- a found child the school rang about ---------------------------------------------
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = active_modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.case_reference)
    QTest.keyClicks(focused(), REFERENCE)
    _tab(qtbot)
    type_text(focused(), NAME)
    _tab(qtbot)
    QTest.keyClicks(focused(), "07/03/2011")
    _tab(qtbot)
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # looked after
    _tab(qtbot)
    _tab(qtbot)  # not UASC
    assert focused() is dialog.episode_type
    _tab(qtbot)  # M: missing
    QTest.keyClicks(focused(), "09/03/2025")
    _tab(qtbot)
    QTest.keyClicks(focused(), "18:00")
    _tab(qtbot)
    QTest.keyClicks(focused(), "10/03/2025")
    _tab(qtbot)
    QTest.keyClicks(focused(), "08:15")
    screenshot(dialog, "04-new-found-child", artifacts_dir)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    store: Store | None = controller.holder.store
    assert store is not None
    child = store.children.by_case_reference(REFERENCE)
    assert child is not None and child.name == NAME and child.looked_after and not child.uasc
    (episode,) = store.episodes.for_child(child.id)
    assert episode.type is EpisodeType.MISSING
    (interview,) = store.interviews.for_child(child.id)
    assert interview.state is InterviewState.ASSIGNED
    assert interview.interviewer_id == LOCAL_ACTOR
    assert interview.episode_ids == (episode.id,)
    assert store.outbox.counts() == (3, 0)
    assert window.status.pending.text() == "3 changes waiting to send"
    assert window.status.last_sync.text() == "Last sync: never"
    assert window.current_view is CaseloadView.DUE
    assert window.selected_interview_id == interview.id
    assert _cell(window, Column.CASE_REFERENCE) == REFERENCE
    assert _cell(window, Column.CHILD) == MASK
    assert _cell(window, Column.TIME_LEFT) == "2d 22h 45m left"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL | SHIFT)  # show names
    assert _cell(window, Column.CHILD) == NAME
    screenshot(window, "03-caseload-due", artifacts_dir)

    # -- the offer, accepted, with the child choosing where and when ---------------------
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    offer = active_modal(qtbot, OfferDialog)
    assert isinstance(offer, OfferDialog)
    assert offer.offer_date.text() == "10/03/2025" and offer.offer_time.text() == "09:30"
    assert offer.outcome.currentData() is None and offer.offered_by.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is offer.offer_date)
    for _ in range(3):  # today, now, in person
        _tab(qtbot)
    assert focused() is offer.offered_by
    type_text(focused(), INTERVIEWER)
    _tab(qtbot)
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # accepted
    _tab(qtbot)
    assert focused() is offer.child_chose
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # yes, the child chose
    screenshot(offer, "05-record-offer", artifacts_dir)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not offer.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    (made,) = store.offers.for_interview(interview.id)
    assert made.outcome is OfferOutcome.ACCEPTED and made.child_chose_venue_and_time is True
    assert made.offered_by == INTERVIEWER
    assert store.interviews.get(interview.id).state is InterviewState.OFFERED

    # -- the interview: started on the newest form, answered from the keyboard -----------
    clock.advance(hours=26)
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.interview_window(interview.id) is not None)
    frame = window.interview_window(interview.id)
    assert frame is not None and frame.windowTitle() == "Interview"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    started = store.interviews.get(interview.id)
    assert started.state is InterviewState.IN_PROGRESS
    assert (started.form_id, started.form_version) == ("rhi", 1)
    assert started.started_at == clock.now
    interviewer = FormFiller(frame.editor.renderer)
    interviewer.answer_the_minimum(made_at="10/03/2025 09:30", held_on="11/03/2025")
    interviewer.sign("Zoë Interviewer", at="11/03/2025 11:30")  # typed last: not yet saved
    screenshot(frame, "06-interview", artifacts_dir)

    # -- Ctrl+L in the interview: typing is saved, the key goes, nothing shows -----------
    window.tick()
    unlocked_image = window.grab().toImage()
    store = None  # the test lets go of its own reference, as the app's widgets do
    QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_L, CTRL)
    assert controller.is_locked and window.covered and not frame.isVisible()
    locked_image = screenshot(window, "07-locked", artifacts_dir)
    assert locked_image != unlocked_image
    assert not window.table.isVisible() and not window.sidebar.isVisible()
    for text in visible_texts(window):
        assert REFERENCE not in text and "Siân" not in text and "Łukasz" not in text
    assert window.caseload.rowCount() == 0
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Store | OpenProfile)]

    unlock_with(qtbot, controller, "Siân lantern oyster gravel")
    qtbot.waitUntil(frame.isVisible)  # the interview is back where it was
    assert frame.editor.renderer.current_section == "sign_off"
    saved = controller.holder.store.interviews.get(interview.id).answers
    assert saved["interviewer_name"] == "Zoë Interviewer" and saved["declaration"] == "yes"
    assert saved["offer_outcome"] == "accepted" and saved["safety_information"] == [
        "missing_people"
    ]
    assert not window.covered and window.table.isVisible()
    assert window.current_view is CaseloadView.DUE
    assert window.selected_interview_id == interview.id
    assert _cell(window, Column.CASE_REFERENCE) == REFERENCE
    assert _cell(window, Column.CHILD) == MASK  # names are hidden again after a lock
    frame.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # -- sign-off within the 72 hours -----------------------------------------------------
    QTest.keyClick(window.table, Qt.Key.Key_S, CTRL | SHIFT)
    sign = active_modal(qtbot, SignOffDialog)
    assert isinstance(sign, SignOffDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sign.confirm)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Return)
    assert sign.isVisible() and "Tick the box" in sign.problem.text()
    QTest.keyClick(sign.confirm, Qt.Key.Key_Space)
    screenshot(sign, "08-sign-off", artifacts_dir)
    QTest.keyClick(sign.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not sign.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    store = controller.holder.store
    assert store is not None
    done = store.interviews.get(interview.id)
    assert done.state is InterviewState.COMPLETED
    assert done.completed_at == clock.now and done.late_reason is None
    assert window.caseload.row_of(interview.id) is None  # no longer due
    QTest.keyClick(window.table, Qt.Key.Key_3, CTRL)
    assert window.current_view is CaseloadView.READY_TO_SEND
    assert window.caseload.row_of(interview.id) is not None
    window.table.selectRow(0)
    assert not window.sign_off_action.isEnabled() and not window.offer_action.isEnabled()
    assert window.open_action.isEnabled()  # to read it
    assert verify(store).ok
    assert done.answers == saved
    screenshot(window, "09-caseload-ready-to-send", artifacts_dir)
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)  # read it back: no more changes
    qtbot.waitUntil(lambda: window.interview_window(interview.id) is not None)
    reading = window.interview_window(interview.id)
    assert reading is not None and reading.windowTitle() == "Interview (read-only)"
    assert reading.editor.renderer.read_only
    reading.close()
    assert store.interviews.get(interview.id).version == done.version
