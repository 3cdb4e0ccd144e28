"""Syncing inside the app, against the real central service over real TLS: "Sync now",
finding the service again by itself, a service whose certificate is no longer trusted,
a revoked computer erased, coordinator decisions and new assignments arriving in the open
window, a held-up service that never freezes the window, and locking, which stops the
sync and closes its database handle."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import EpisodeType, InterviewState, Review, ReviewDecision, new_id
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.profile import ProfilePaths
from sync.protocol import EntityKind, Role
from sync.server import admin
from sync.transport import Timeouts
from tests.rhi_definition import rhi_definition
from tests.sync.client import live_central
from tests.sync.client.certificates import (
    Authority,
    ServerFiles,
    issue_server_files,
    make_authority,
)
from tests.sync.client.devices import PASSPHRASE, Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import HOLD_LIMIT_SECONDS, LiveCentral, RunningCentral
from tests.ui.conftest import ControllerFactory, Heard
from tests.ui.driving import open_first_draft, unlock_with
from tests.ui.live_service import (
    SYNC_WAIT_MS,
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    open_stores,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.new_case_dialog import NewCaseDialog

CTRL = Qt.KeyboardModifier.ControlModifier
CHANGES_PER_CASE = 6  # child, episode, interview and three moves to completed


def _laptop_with_cases(
    central: LiveCentral, paths: ProfilePaths, cases: int, **enrol: object
) -> list[str]:
    """An enrolled profile on disk (closed again) holding `cases` completed interviews."""
    laptop = new_laptop(central, paths.root, **enrol)  # type: ignore[arg-type]
    try:
        return [record_completed_case(laptop, n) for n in range(cases)]
    finally:
        laptop.profile.close()


def _enrolled_then_stopped(
    directory: Path, paths: ProfilePaths
) -> tuple[Authority, ServerFiles, int]:
    """A service in `directory`, stopped again once the profile at `paths` has enrolled
    with it and recorded one case (not yet sent): its CA, TLS files and port."""
    authority = make_authority()
    files = issue_server_files(authority, directory / "tls", "localhost")
    first = RunningCentral(directory, authority, files)
    _laptop_with_cases(first.live, paths, 1)
    first.stop()
    return authority, files, first.live.port


def _sync_now(qtbot: QtBot, controller: AppController, window: MainWindow) -> None:
    wait_for_sync(qtbot, controller)
    with qtbot.waitSignal(controller.sync.finished, timeout=SYNC_WAIT_MS):
        QTest.keyClick(window.table, Qt.Key.Key_F9)


def test_sync_now_sends_local_changes_and_the_status_bar_follows_it(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    heard: Heard,
) -> None:
    _laptop_with_cases(central, paths, 0)
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)  # the sync after unlocking: nothing to send yet
    window.refresh_status()
    assert heard == []  # a sync on the schedule that went well says nothing
    laptop = Laptop(controller.holder.profile, None, central)
    for n in range(2):
        record_completed_case(laptop, n)
    window.refresh_status()
    assert window.status.pending.text() == "12 changes waiting to send"
    shown: list[str] = []
    controller.sync.status_changed.connect(lambda: shown.append(window.status.activity.text()))

    _sync_now(qtbot, controller, window)

    assert shown[0] == "Syncing…"
    assert "Syncing… sending changes" in shown
    assert shown[-1].startswith("Synced: sent 14, received ")  # 12, then 2 submissions
    window.refresh_status()
    polite = QAccessible.AnnouncementPoliteness.Polite
    assert heard == [(shown[-1], polite)]  # asked for, and so told, the focus elsewhere
    assert window.status.pending.text() == "0 changes waiting to send"
    assert window.status.connection.text() == "● Online"
    assert window.status.last_sync.text().startswith("Last sync: ")
    assert window.status.last_sync.text() != "Last sync: never"
    assert controller.holder.store.outbox.counts() == (0, 0)
    device = controller.holder.store.sync_state.enrolment()
    assert device is not None and central.changes_by_device(device.device_id) == 14


def test_sync_now_works_from_an_open_interview_window(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    """F9 belonged to the main window alone: pressed in an interview, it did nothing."""
    laptop = new_laptop(central, paths.root)
    try:
        record_completed_case(laptop, state=InterviewState.IN_PROGRESS, answers={})
    finally:
        laptop.profile.close()
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    _, frame = open_first_draft(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    field = QApplication.focusWidget()
    assert field is not None and field.window() is frame

    with qtbot.waitSignal(controller.sync.finished, timeout=SYNC_WAIT_MS):
        QTest.keyClick(field, Qt.Key.Key_F9)
    assert window.status.activity.text().startswith("Synced: ")
    assert QApplication.focusWidget() is field  # the interview keeps the keyboard
    controller.shutdown()


def test_a_service_that_answers_with_a_fault_is_not_called_unreachable(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    heard: Heard,
) -> None:
    _laptop_with_cases(central, paths, 0)
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    central.faults.inject("error_500", times=50)

    _sync_now(qtbot, controller, window)

    # It answered: the network is fine, and the person and IT should not look there.
    assert window.status.activity.text() == "The central service had a problem; will try again"
    assert window.status.connection.text() == "● Online"
    assert "HTTP 500" in window.status.activity.toolTip()
    assert controller.sync.scheduled  # tried again later
    urgent = QAccessible.AnnouncementPoliteness.Assertive
    said = [("The central service had a problem; will try again", urgent)]
    window.refresh_status()
    assert heard == said
    with qtbot.waitSignal(controller.sync.finished, timeout=SYNC_WAIT_MS):
        pass  # the look on the schedule fails the same way: not told again
    window.refresh_status()
    assert heard == said
    central.faults.clear()
    _sync_now(qtbot, controller, window)
    window.refresh_status()
    assert heard[-1][0].startswith("Synced: ")


def test_sync_now_on_a_computer_not_enrolled_says_so_and_does_nothing_else(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "not enrolled" in box.text()
    assert not controller.sync.running and not controller.sync.scheduled
    assert controller.sync.current().activity is None
    box.accept()


def test_service_down_at_start_then_back_the_app_finds_it_and_syncs_by_itself(
    qtbot: QtBot,
    tmp_path: Path,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = tmp_path / "central"
    authority, files, port = _enrolled_then_stopped(directory, paths)

    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    assert window.status.connection.text() == "○ Offline"
    assert window.status.activity.text().startswith("Could not reach the central service")
    assert window.status.pending.text() == "6 changes waiting to send"
    assert controller.sync.scheduled  # it keeps looking for the service

    monkeypatch.setattr(live_central, "free_port", lambda: port)  # back where it was
    again = RunningCentral(directory, authority, files)
    try:
        qtbot.waitUntil(lambda: window.status.connection.text() == "● Online", timeout=SYNC_WAIT_MS)
        assert window.status.pending.text() == "0 changes waiting to send"
        device = controller.holder.store.sync_state.enrolment()
        assert device is not None and again.live.changes_by_device(device.device_id) == 7
    finally:
        controller.shutdown()
        again.stop()


def test_a_service_no_longer_trusted_is_one_line_in_the_status_bar_with_details_for_it(
    qtbot: QtBot,
    tmp_path: Path,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = tmp_path / "central"
    _, _, port = _enrolled_then_stopped(directory, paths)
    stranger = make_authority()  # the same address now shows a certificate nobody issued
    monkeypatch.setattr(live_central, "free_port", lambda: port)
    impostor = RunningCentral(
        directory, stranger, issue_server_files(stranger, tmp_path / "other-tls", "localhost")
    )
    try:
        controller, window = open_app(qtbot, make_controller, settings)
        wait_for_sync(qtbot, controller)
        assert window.status.activity.text() == (
            "Sync did not finish: The central service's identity could not be verified, so "
            "nothing was sent. Ask IT to check the server address and certificate settings."
        )
        details = window.status.activity.toolTip().split("\n")
        assert details[1].startswith("Details for IT: ") and "not trusted" in details[1]
        assert window.status.activity.accessibleDescription() == window.status.activity.toolTip()
        assert window.status.connection.text() == "○ Not connected"  # not "Online"
        # The whole of it, details for IT too, by keyboard: the bar shows its first line.
        QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_D)
        qtbot.waitUntil(lambda: window.sync_details is not None)
        box = window.sync_details
        assert box is not None
        qtbot.waitUntil(box.isVisible)
        assert box.text().startswith(
            "Sync did not finish:\n\nThe central service's identity could not be verified, "
            "so nothing was sent. Ask IT to check the server address and certificate "
            "settings.\nDetails for IT: "
        )
        assert "not trusted" in box.text() and "Last sync: never" in box.text()
        assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
        QTest.keyClick(box, Qt.Key.Key_Escape)
        controller.shutdown()
    finally:
        impostor.stop()


def test_a_revoked_computer_is_erased_and_the_person_is_told_in_their_language(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    laptop = new_laptop(central, paths.root)
    device_id = laptop.enrolment.device_id
    laptop.profile.close()
    admin.revoke_device(central.engine, device_id, utc_now)

    controller, _ = open_app(qtbot, make_controller, settings)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Data erased"
    assert box.text() == (
        "The central service has revoked this computer, so the data on it has been erased. "
        "Work that had synced is safe on the central service; to continue, set the app up "
        "again with a one-time code from IT."
    )
    assert controller.main_window is None and controller.wizard is not None
    assert not any(path.exists() for path in paths.data_files())
    box.accept()
    controller.shutdown()


def test_a_coordinators_decision_and_a_new_assignment_appear_in_the_open_window(
    qtbot: QtBot,
    tmp_path: Path,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    team = f"Team {new_id()[:8]}"
    username = central.add_user(Role.INTERVIEWER, team)
    laptop = new_laptop(central, paths.root, username=username)
    submitted = record_completed_case(laptop, state=InterviewState.SUBMITTED)
    laptop.profile.close()
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)
    assert controller.holder.store.outbox.counts() == (0, 0)
    QTest.keyClick(window.table, Qt.Key.Key_7, CTRL)  # all interviews
    assert window.current_view is CaseloadView.ALL
    row = window.caseload.row_of(submitted)
    assert row is not None
    window.table.selectRow(window.proxy.mapFromSource(window.caseload.index(row, 0)).row())
    assert window.selected_interview_id == submitted

    coordinator.sync()
    with coordinator.store.transaction(coordinator.profile.actor) as tx:
        tx.reviews.add(
            Review(
                id=new_id(),
                interview_id=submitted,
                revision=1,
                reviewer_id=coordinator.profile.actor,
                decided_at=datetime.now(UTC),
                decision=ReviewDecision.RETURNED,
                overall_comment="Please add who was present.",
            )
        )
    assert coordinator.sync().push.applied == 2
    coordinator.profile.close()
    now = utc_now().replace(microsecond=0)
    assigned = admin.assign(
        central.engine,
        admin.AssignmentSpec(
            interviewer=username,
            child_ref=f"NEW-{new_id()[:8]}",
            child_name="Kai Placeholder",
            date_of_birth=date(now.year - 15, 4, 1),  # a child whatever the year
            episode_type=EpisodeType.MISSING,
            missing_since=now - timedelta(hours=30),
            returned_at=now - timedelta(hours=3),
        ),
        utc_now,
    )

    _sync_now(qtbot, controller, window)

    returned = window.caseload.row_of(submitted)
    assert returned is not None
    assert window.caseload.row_at(returned).state is InterviewState.RETURNED
    new = window.caseload.row_of(assigned.interview_id)
    assert new is not None
    assert window.caseload.row_at(new).state is InterviewState.ASSIGNED
    assert window.current_view is CaseloadView.ALL
    assert window.selected_interview_id == submitted  # the person's place is kept
    assert window.selected_row() is not None
    assert window.selected_row().interview_id == submitted  # type: ignore[union-attr]


def test_a_held_up_service_never_freezes_the_window_and_a_later_sync_sends_it_all_once(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    interviews = _laptop_with_cases(central, paths, 2)
    central.faults.inject("apply_then_hold", times=100)
    controller, window = open_app(qtbot, make_controller, settings)
    qtbot.waitUntil(lambda: central.faults.seen >= 1, timeout=SYNC_WAIT_MS)
    assert controller.sync.running

    # The sync is waiting on the service; the window still handles timers and keys.
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=1000):
        timer.start(20)
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NewCaseDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewCaseDialog)
    assert controller.sync.running  # all of that happened while the sync was held
    dialog.reject()

    wait_for_sync(qtbot, controller)
    assert window.status.connection.text() == "○ Offline"
    assert window.status.pending.text() == "12 changes waiting to send"  # nothing lost
    central.faults.clear()

    _sync_now(qtbot, controller, window)

    assert controller.holder.store.outbox.counts() == (0, 0)
    device = controller.holder.store.sync_state.enrolment()
    assert device is not None and central.changes_by_device(device.device_id) == 14
    for interview_id in interviews:
        assert [r.version for r in central.feed_rows("interview", interview_id)] == [1, 2, 3, 4, 5]
    assert window.status.activity.text().startswith("Synced: sent 14")


def test_locking_during_a_sync_stops_it_and_closes_its_database_handle(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    _laptop_with_cases(central, paths, 1)
    central.faults.inject("apply_then_hold", times=100)
    patient = Timeouts(connect_seconds=5.0, read_seconds=HOLD_LIMIT_SECONDS * 3)
    controller, window = open_app(qtbot, make_controller, settings, timeouts=patient)
    qtbot.waitUntil(central.faults.hold_began.is_set, timeout=SYNC_WAIT_MS)
    assert len(open_stores()) == 2  # the window's and the sync's

    with qtbot.waitSignal(controller.locked):
        QTest.keyClick(window.table, Qt.Key.Key_L, CTRL)
    wait_for_sync(qtbot, controller)
    # It did not wait for the service, which is still holding its answer.
    assert central.faults.holding == 1

    assert open_stores() == []
    assert not controller.sync.scheduled
    assert controller.sync.sync_now() is False  # never while locked
    assert not controller.sync.running

    central.faults.clear()
    unlock_with(qtbot, controller, PASSPHRASE)
    wait_for_sync(qtbot, controller)
    assert controller.holder.store.outbox.counts() == (0, 0)
    assert len(open_stores()) == 1  # the window's only, between syncs
    with qtbot.waitSignal(controller.locked):
        QTest.keyClick(window.table, Qt.Key.Key_L, CTRL)
    assert open_stores() == []


def test_a_clock_two_days_slow_is_shown_after_a_sync(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    heard: Heard,
) -> None:
    """The service's clock is two days ahead of this laptop's: every countdown here is two
    days too generous, and the status bar says the clock is out once a sync has seen it,
    and says it out loud once."""
    _laptop_with_cases(central, paths, 0)
    central.clock.ahead = timedelta(days=2)
    controller, window = open_app(qtbot, make_controller, settings)

    _sync_now(qtbot, controller, window)

    window.refresh_status()
    assert window.status.clock.isVisible()
    assert window.status.clock.text() == "\u26a0 Clock 2 days slow"
    assert "Ask IT to set this computer's clock." in window.status.clock.accessibleDescription()
    warnings = [said for said, _ in heard if said.startswith("This computer's clock")]
    assert warnings == [window.status.clock.accessibleDescription()]
    window.refresh_status()
    assert [said for said, _ in heard if said.startswith("This computer's clock")] == warnings


def test_a_published_form_this_computer_cannot_install_is_said_after_the_sync(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    heard: Heard,
) -> None:
    """It was logged and nothing more: the status read 'Synced', and interviews went on
    starting on the form before with no one told. (A version 2 other than one copied onto
    this computer by hand stands for any it cannot install.)"""
    _laptop_with_cases(central, paths, 0)
    by_hand = {**rhi_definition(2), "title": "Return home interview (copied by hand)"}
    FormRegistry.for_profile(paths.root).install(by_hand)
    admin.publish(
        central.engine, EntityKind.FORM_DEFINITION, "rhi-v2", rhi_definition(2), central.clock
    )
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)

    _sync_now(qtbot, controller, window)

    shown = window.status.activity.text()
    assert shown.startswith("Synced: sent 0, received ")
    assert shown.endswith(
        "A form the central service published could not be installed on this computer: tell IT."
    )
    assert [said for said, _ in heard][-1] == shown
