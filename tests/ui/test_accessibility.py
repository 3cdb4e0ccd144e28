"""Keyboard and screen-reader use: every control on every screen has an accessible name,
Tab walks the fields in reading order, and every action has a shortcut."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from tests.ui.accessibility import tab_walk, unnamed_controls, unread_label_texts
from tests.ui.conftest import ControllerFactory, FakeClock
from tests.ui.driving import active_modal
from tests.ui.test_locking_coordinator import coordinator_app
from ui.controller import AppController
from ui.first_run import FirstRunWizard
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.reports.kpi_dashboard import KpiDashboardPage
from ui.roles import Page
from ui.sign_off_dialogs import LateReasonDialog, SignOffDialog


def test_first_run_and_unlock_screens_name_every_control(
    qtbot: QtBot, make_controller: ControllerFactory, seeded: object
) -> None:
    wizard = FirstRunWizard("https://rhi.example.gov.uk", False, True)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert unnamed_controls(wizard) == []
    assert unread_label_texts(wizard) == []
    page = wizard.passphrase_page
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    walk = tab_walk(qtbot, page.passphrase, 2)
    assert walk == [page.passphrase, page.show_text, page.confirm]
    enrol = wizard.enrol_page
    wizard.passphrase_page.creation_succeeded()
    wizard.next()
    assert unnamed_controls(wizard) == []
    assert unread_label_texts(wizard) == []
    assert tab_walk(qtbot, enrol.server, 2) == [enrol.server, enrol.code, enrol.enrol_button]

    controller = make_controller()
    controller.start()
    assert controller.unlock_window is not None
    assert unnamed_controls(controller.unlock_window) == []
    assert unread_label_texts(controller.unlock_window) == []
    panel = controller.unlock_window.panel
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.unlock_window)
    assert tab_walk(qtbot, panel.passphrase, 1) == [panel.passphrase, panel.unlock_button]


def test_the_main_window_and_its_dialogs_name_every_control_and_tab_in_order(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    assert unnamed_controls(window) == []
    assert unread_label_texts(window) == []
    assert window.toolbar.isVisible()
    assert tab_walk(qtbot, window.sidebar, 2) == [window.sidebar, window.search, window.table]
    for action in (
        window.new_case_action,
        window.offer_action,
        window.open_action,
        window.sign_off_action,
        window.reveal_action,
        window.lock_action,
        window.quit_action,
        *window.view_actions.values(),
    ):
        assert not action.shortcut().isEmpty(), action.text()

    QTest.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_case = active_modal(qtbot, NewCaseDialog)
    assert isinstance(new_case, NewCaseDialog)
    assert unnamed_controls(new_case) == []
    assert unread_label_texts(new_case) == []
    walk = tab_walk(qtbot, new_case.case_reference, 9)
    assert walk == [
        new_case.case_reference,
        new_case.name,
        new_case.date_of_birth,
        new_case.looked_after,
        new_case.uasc,
        new_case.episode_type,
        new_case.start_date,
        new_case.start_time,
        new_case.return_date,
        new_case.return_time,
    ]
    new_case.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    for row in range(window.proxy.rowCount()):
        window.table.selectRow(row)
        selected = window.selected_row()
        if selected is not None and selected.state is InterviewState.ASSIGNED:
            break
    QTest.keyClick(window.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    offer = active_modal(qtbot, OfferDialog)
    assert isinstance(offer, OfferDialog)
    assert unnamed_controls(offer) == []
    assert unread_label_texts(offer) == []
    offer.outcome.setCurrentIndex(2)  # a decline: the reason box takes part in Tab
    assert tab_walk(qtbot, offer.offer_date, 6) == [
        offer.offer_date,
        offer.offer_time,
        offer.method,
        offer.offered_by,
        offer.outcome,
        offer.reason,
        offer.buttons.buttons()[0],
    ]
    offer.reject()

    for dialog in (
        SignOffDialog(lambda _: None, window, case_reference="DEMO-00001"),
        LateReasonDialog(lambda _: None, clock.now - timedelta(hours=80), clock.now, window),
    ):
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == []
        assert unread_label_texts(dialog) == []
        dialog.reject()
        dialog.deleteLater()

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.is_locked and unnamed_controls(window) == []


def test_a_screen_reader_reaches_every_label_text_in_a_coordinators_windows(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory, clock: FakeClock
) -> None:
    _controller, window = coordinator_app(qtbot, seeded, make_controller, clock.now)
    unread: dict[str, list[str]] = {}
    for page in window.workspace.pages:
        window.workspace.show_page(page)
        unread[page.value] = unread_label_texts(window)
    dashboard = window.workspace.page(Page.REPORTS)
    assert isinstance(dashboard, KpiDashboardPage)
    window.workspace.show_page(Page.REPORTS)
    qtbot.waitUntil(lambda: not dashboard.busy, timeout=20_000)
    unread["reports, figures shown"] = unread_label_texts(window)
    dashboard.open_export()
    export = dashboard.export_dialog
    assert export is not None
    qtbot.waitExposed(export)
    unread["export"] = unread_label_texts(export)
    export.close()

    assert {where: found for where, found in unread.items() if found} == {}
