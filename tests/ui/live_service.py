"""The real central service (real TLS on loopback) for the app's sync tests, and the
desktop app started on a profile enrolled with it, syncing through its own runner with
short timeouts and fast back-off so the tests never wait long."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import sqlcipher3
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.store import Store
from sync.retry import Backoff
from sync.transport import Timeouts
from tests.sync.client.devices import PASSPHRASE
from tests.sync.client.live_central import LiveCentral, central_in
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import unlock_with
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.sync_runner import SyncRunner, SyncTiming

FAST_TIMING = SyncTiming(periodic=3600.0, check=0.2, check_cap=0.5)
SHORT_TIMEOUTS = Timeouts(connect_seconds=2.0, read_seconds=1.5)
QUICK_BACKOFF = Backoff(attempts=2, base_seconds=0.05)
SYNC_WAIT_MS = 20_000


@pytest.fixture(scope="module", name="central")
def central_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveCentral]:
    """One live service per test module; import it (and `well_behaved`) to use it."""
    with central_in(tmp_path_factory.mktemp("central")) as live:
        yield live


@pytest.fixture(autouse=True)
def well_behaved(central: LiveCentral) -> Iterator[None]:
    """Whatever a test switched on, the next test starts with a healthy service."""
    yield
    central.faults.clear()


def runner(
    settings: Settings, timing: SyncTiming = FAST_TIMING, timeouts: Timeouts = SHORT_TIMEOUTS
) -> SyncRunner:
    return SyncRunner(settings, timing=timing, timeouts=timeouts, backoff=QUICK_BACKOFF)


def open_app(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    settings: Settings,
    timing: SyncTiming = FAST_TIMING,
    timeouts: Timeouts = SHORT_TIMEOUTS,
) -> tuple[AppController, MainWindow]:
    """The app unlocked on the enrolled profile; its first sync (after unlocking) has
    started."""
    controller = make_controller(sync_runner=runner(settings, timing, timeouts))
    controller.start()
    unlock_with(qtbot, controller, PASSPHRASE)
    window = controller.main_window
    assert window is not None
    return controller, window


def wait_for_sync(qtbot: QtBot, controller: AppController) -> None:
    """Until no sync is running (the one under way, if any, has ended)."""
    qtbot.waitUntil(lambda: not controller.sync.running, timeout=SYNC_WAIT_MS)


def open_stores() -> list[Store]:
    """Every Store still holding an open connection (and so the key)."""
    gc.collect()
    found = []
    for item in gc.get_objects():
        if isinstance(item, Store):
            try:
                item._db.conn.execute("SELECT 1")
            except sqlcipher3.ProgrammingError:
                continue
            found.append(item)
    return found
