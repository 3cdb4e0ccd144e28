"""A service manager rates supervision sessions, by keyboard, over a real profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.driving import focused, screenshot, type_text
from tests.ui.supervision.conftest import ALEX, KIM, MORGAN, SAM, MakeDesk, ShowPage, add_session
from ui.supervision.quality_review_page import QualityReviewPage
from ui.supervision.rating_dialog import RateSessionDialog

ALT = Qt.KeyboardModifier.AltModifier


def test_manager_rates_a_session_waiting_for_review_by_keyboard(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock, artifacts_dir: Path
) -> None:
    desk = make_desk(MORGAN)
    sams = add_session(desk.store, ALEX, SAM, date(2025, 3, 3))
    add_session(desk.store, MORGAN, ALEX, date(2025, 3, 4))  # the manager's own: not listed
    kims = add_session(desk.store, ALEX, KIM, date(2025, 2, 24))
    page = QualityReviewPage(desk.holder, clock)
    show_page(page)
    page.reload()

    assert page.title() == "Supervision quality"
    assert [page.table.texts(r)[:3] for r in range(page.table.rowCount())] == [
        ["03/03/2025", ALEX.name, SAM.name],
        ["24/02/2025", ALEX.name, KIM.name],
    ]
    screenshot(page, "supervision-quality", artifacts_dir)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, RateSessionDialog) and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is dialog.rating)

    QTest.keyClick(dialog.rating, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Choose a rating from 1 to 4." and focused() is dialog.rating
    for _ in range(3):
        QTest.keyClick(dialog.rating, Qt.Key.Key_Down)
    assert dialog.rating.currentText() == "3 – Good"
    QTest.keyClick(dialog.rating, Qt.Key.Key_Tab)
    type_text(focused(), "Clear actions; ask more about wellbeing.")
    screenshot(dialog, "supervision-rate", artifacts_dir)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # Save

    qtbot.waitUntil(lambda: page.dialog is None)
    (review,) = desk.store.quality_reviews.for_session(sams.id)
    assert (review.rating, review.comments, review.reviewer_id) == (
        3, "Clear actions; ask more about wellbeing.", MORGAN.user_id,
    )  # fmt: skip
    assert page.table.rowCount() == 1 and page.table.current_id() == kims.id
    assert desk.store.outbox.pending()[-1].entity == "supervision_quality_review"
