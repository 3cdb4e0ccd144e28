"""A form version installed by a sync (the service published it) is the one the open
window starts new interviews on, once the sync's records have arrived."""

from __future__ import annotations

from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import RemoteRecord
from sync.protocol import EntityKind
from sync.published_forms import install_published
from tests.rhi_definition import rhi_definition
from tests.ui.conftest import FakeClock
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
