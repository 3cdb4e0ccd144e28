"""Recording an offer assumes nothing: no outcome and no "child chose" answer is chosen for
the interviewer, so one Enter cannot record an accepted offer the child never made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState, OfferOutcome
from tests.ui.driving import active_modal, select_first, type_text
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.offer_dialog import OfferDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_offer(qtbot: QtBot, window: MainWindow) -> tuple[str, OfferDialog]:
    interview_id = select_first(window, InterviewState.ASSIGNED)
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    dialog = active_modal(qtbot, OfferDialog)
    assert isinstance(dialog, OfferDialog)
    return interview_id, dialog


def test_an_offer_starts_with_no_outcome_and_enter_asks_for_one(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    interview_id, offer = _open_offer(qtbot, window)
    store = controller.holder.store
    before = store.offers.for_interview(interview_id)

    assert offer.outcome.currentData() is None
    assert offer.outcome.currentText() == "Choose what happened"
    assert offer.child_chose.currentText() == "Not recorded"
    offer.offered_by.clear()
    type_text(offer.offered_by, "Jo Interviewer")
    QTest.keyClick(offer.offered_by, Qt.Key.Key_Return)

    assert offer.isVisible() and offer.problem.isVisible()
    assert offer.problem.text() == (
        "Choose the outcome: what happened when the interview was offered."
    )
    assert QApplication.focusWidget() is offer.outcome
    assert store.offers.for_interview(interview_id) == before

    QTest.keyClick(offer.outcome, Qt.Key.Key_Down)  # accepted
    QTest.keyClick(offer.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not offer.isVisible())
    made = store.offers.for_interview(interview_id)[-1]
    assert made.outcome is OfferOutcome.ACCEPTED
    assert made.child_chose_venue_and_time is None  # nobody said the child chose
    assert made.offered_by == "Jo Interviewer"
