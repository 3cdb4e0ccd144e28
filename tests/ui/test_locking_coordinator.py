"""A coordinator's writing survives a lock: a supervision record or review comments being
written when the app locks (idle, or Lock) are hidden with the rest and given back,
as typed, after unlocking; nothing is saved or thrown away behind their back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import open_profile
from rhi_desktop.store import Enrolment
from tests.ui.conftest import PASSPHRASE, ControllerFactory, FakeClock
from tests.ui.driving import type_text, unlock_with
from tests.ui.review.reviewing import open_by_keyboard, write_overall
from tests.ui.supervision.conftest import ALEX, SAM, TEAM
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.review.queue_page import ReviewQueuePage
from ui.roles import Page
from ui.supervision.session_dialog import RecordSessionDialog
from ui.supervision.supervision_page import SupervisionPage

ALT = Qt.KeyboardModifier.AltModifier


def coordinator_app(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, when: datetime
) -> tuple[AppController, MainWindow]:
    """The real app on the seeded profile, enrolled as the team's coordinator."""
    profile = open_profile(seeded, PASSPHRASE, Settings.load(seeded), None)
    with profile.store as store, store.transaction(ALEX.user_id) as tx:
        tx.sync_state.set_enrolment(
            Enrolment(
                server_url="https://central.invalid",
                device_id=new_id(),
                user_id=ALEX.user_id,
                role="coordinator",
                team="North team",
                enrolled_at=when,
            )
        )
        tx.team.replace(TEAM)
    controller = make_controller()
    controller.start()
    unlock_with(qtbot, controller)
    assert controller.main_window is not None
    return controller, controller.main_window


def _idle_lock_and_unlock(qtbot: QtBot, controller: AppController, clock: FakeClock) -> None:
    clock.advance(minutes=6)
    with qtbot.waitSignal(controller.locked):
        controller.idle.check()
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w.isModal())
    unlock_with(qtbot, controller)


def test_a_supervision_record_being_written_comes_back_after_an_idle_lock(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, clock: FakeClock
) -> None:
    controller, window = coordinator_app(qtbot, seeded, make_controller, clock.now)
    window.workspace.show_page(Page.TEAM_SUPERVISION)
    page = window.workspace.page(Page.TEAM_SUPERVISION)
    assert isinstance(page, SupervisionPage)
    qtbot.waitUntil(lambda: page.roster.rowCount() > 0)
    names = [page.roster.texts(row)[0] for row in range(page.roster.rowCount())]
    page.roster.setFocus()
    page.roster.selectRow(names.index(SAM.name))
    QTest.keyClick(page.roster, Qt.Key.Key_R, ALT)  # Record session…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordSessionDialog))
    dialog = page.dialog
    assert dialog is not None
    dialog.reflections.setFocus()
    type_text(dialog.reflections, "Talked through the disclosure at the school.")

    _idle_lock_and_unlock(qtbot, controller, clock)

    qtbot.waitUntil(lambda: dialog.isVisible())
    assert page.dialog is dialog
    assert dialog.reflections.toPlainText() == "Talked through the disclosure at the school."
    assert controller.holder.store.supervision_sessions.count() == 0  # nothing saved unasked


def test_review_comments_being_written_come_back_after_an_idle_lock(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, clock: FakeClock
) -> None:
    controller, window = coordinator_app(qtbot, seeded, make_controller, clock.now)
    page = window.workspace.page(Page.REVIEW_QUEUE)
    assert isinstance(page, ReviewQueuePage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    dialog = open_by_keyboard(qtbot, page, page.model.row_at(0).interview_id)
    overall = "Please add who was present and what support was offered."
    write_overall(qtbot, dialog, overall)

    _idle_lock_and_unlock(qtbot, controller, clock)

    qtbot.waitUntil(lambda: dialog.isVisible())
    assert page.dialog is dialog
    assert dialog.comments.overall.toPlainText() == overall
