"""The pages a person's role opens in the main window, through the real app enrolled with
the real central service: an interviewer's signed-off interview reaches the
coordinator's review queue by sync alone; the coordinator's window offers review,
supervision and report pages but no caseload actions; report pages read through their
own store handle, and locking empties every page and closes that handle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import InterviewState, new_id
from rhi_desktop.profile import ProfilePaths
from sync.protocol import Role
from tests.sync.client.devices import PASSPHRASE, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import screenshot, unlock_with
from tests.ui.live_service import (
    SYNC_WAIT_MS,
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    open_stores,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from tests.ui.review.reviewing import decide, open_by_keyboard
from ui.reports.kpi_dashboard import KpiDashboardPage
from ui.review.queue_page import ReviewQueuePage
from ui.roles import Page

ALT = Qt.KeyboardModifier.AltModifier


def test_an_interviewer_sees_the_caseload_and_their_supervision(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    new_laptop(central, paths.root).profile.close()
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)

    assert window.workspace.pages == (Page.CASELOAD, Page.MY_SUPERVISION)
    assert window.workspace.current_page() is Page.CASELOAD
    assert window.new_case_action.isVisible() and window.new_case_action.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_2, ALT)
    assert window.workspace.current_page() is Page.MY_SUPERVISION
    assert not window.new_case_action.isEnabled()  # caseload actions act on the caseload
    QTest.keyClick(window, Qt.Key.Key_1, ALT)
    assert window.workspace.current_page() is Page.CASELOAD


def test_a_coordinator_reviews_what_the_team_sent_and_locking_empties_every_page(
    qtbot: QtBot,
    central: LiveCentral,
    tmp_path: Path,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
    artifacts_dir: Path,
) -> None:
    team = f"Team {new_id()[:8]}"
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    interview_id = record_completed_case(interviewer)  # signed off, ready to send
    assert interviewer.sync().submitted == 1
    interviewer.profile.close()
    new_laptop(central, paths.root, Role.COORDINATOR, team=team).profile.close()

    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)

    assert window.workspace.pages[0] is Page.REVIEW_QUEUE
    assert {Page.TEAM_SUPERVISION, Page.REPORTS, Page.PANEL, Page.THEMES} <= set(
        window.workspace.pages
    )
    assert Page.CASELOAD not in window.workspace.pages
    assert not window.new_case_action.isVisible() and not window.sign_off_action.isVisible()
    queue = window.workspace.page(Page.REVIEW_QUEUE)
    assert isinstance(queue, ReviewQueuePage)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    store = controller.holder.store
    assert store.interviews.get(interview_id).state is InterviewState.SUBMITTED
    row = queue.model.row_at(0)
    member = store.team.member(row.interviewer_id)  # the roster came with the pull
    assert member is not None and row.interviewer == member.name
    screenshot(window, "workspace-coordinator-review-queue", artifacts_dir)

    reports_at = window.workspace.pages.index(Page.REPORTS) + 1
    QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + reports_at), ALT)
    dashboard = window.workspace.page(Page.REPORTS)
    assert isinstance(dashboard, KpiDashboardPage)
    qtbot.waitUntil(lambda: dashboard.kpis.rowCount() > 0 and not dashboard.busy, timeout=20_000)
    screenshot(window, "workspace-coordinator-reports", artifacts_dir)
    background = window.workspace.background
    assert background._store is not None and background._store is not store  # its own handle

    controller.lock("shortcut")
    qtbot.waitUntil(lambda: not background.worker.busy, timeout=10_000)
    wait_for_sync(qtbot, controller)
    assert queue.model.rowCount() == 0 and dashboard.kpis.rowCount() == 0
    assert open_stores() == []  # no handle keeps the key while locked

    unlock_with(qtbot, controller, PASSPHRASE)
    assert window.workspace.current_page() is Page.REPORTS  # back where they were
    qtbot.waitUntil(lambda: dashboard.kpis.rowCount() > 0 and not dashboard.busy, timeout=20_000)

    # A decision goes to the service at once: saving it starts a sync, not the next timer.
    QTest.keyClick(window, Qt.Key.Key_1, ALT)
    wait_for_sync(qtbot, controller)  # the one after unlocking
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1)
    decide(qtbot, open_by_keyboard(qtbot, queue, interview_id), Qt.Key.Key_P)
    store = controller.holder.store
    assert store.outbox.counts()[0] > 0  # saved, waiting to be sent
    qtbot.waitUntil(lambda: store.outbox.counts() == (0, 0), timeout=SYNC_WAIT_MS)
