"""A form version installed by a sync (the service published it) is the one the open
window starts new interviews on, once the sync's records have arrived."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.forms.versions import INSTALLED_FORMS_DIR_NAME, FormRegistry
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import RemoteRecord
from sync.protocol import EntityKind
from sync.published_forms import install_published
from sync.server import admin
from tests.rhi_definition import rhi_definition
from tests.sync.client.certificates import make_authority
from tests.sync.client.devices import new_laptop
from tests.sync.client.live_central import central_in
from tests.ui.conftest import FakeClock
from tests.ui.live_service import SYNC_WAIT_MS, open_app, wait_for_sync
from ui.controller import AppController
from ui.main_window import MainWindow


def test_a_form_version_installed_by_a_sync_is_used_by_the_open_window(
    unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    assert window.forms().latest("rhi").version == 1
    store = controller.holder.store
    published = RemoteRecord(
        EntityKind.FORM_DEFINITION.value, "rhi-v2", 1, rhi_definition(2), clock.now
    )
    with store.transaction("sync") as tx:  # what a pull stores, then installs
        tx.remote.apply(published)
    root = controller.holder.profile.paths.root
    assert install_published(store, FormRegistry.for_profile(root)).installed == ("rhi v2",)

    window.records_arrived()

    assert window.forms().latest("rhi").version == 2  # new interviews start on it


def test_a_form_version_a_later_sync_installs_with_no_records_is_used_at_once(
    qtbot: QtBot,
    tmp_path: Path,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The forms folder could not be written at the first sync, so the version was
    refused; IT put that right and the next sync installed it, but brought no record, so
    the open window went on starting interviews on the old version until a restart."""
    with central_in(tmp_path / "central", make_authority()) as central:
        new_laptop(central, paths.root).profile.close()
        forms = paths.root / INSTALLED_FORMS_DIR_NAME
        forms.write_text("not a folder")  # nothing can be installed into it
        admin.publish(central.engine, EntityKind.FORM_DEFINITION, "rhi-v2", rhi_definition(2),
                      central.clock)  # fmt: skip
        controller, window = open_app(qtbot, make_controller, settings)
        wait_for_sync(qtbot, controller)
        assert window.forms().latest("rhi").version == 1  # refused, and IT told
        logged = [r.getMessage() for r in caplog.records if r.name == "sync.published_forms"]
        assert logged[-1] == (
            "published form rhi-v2 not installed: the profile's forms folder could not be "
            "written to (FileExistsError)"
        )
        forms.unlink()  # put right by IT
        with qtbot.waitSignal(controller.sync.finished, timeout=SYNC_WAIT_MS):
            QTest.keyClick(window.table, Qt.Key.Key_F9)  # sync now: nothing new to pull
        assert window.forms().latest("rhi").version == 2
