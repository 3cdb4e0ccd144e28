"""From an unlocked profile to a working sync: what the headless commands and the desktop
app both call.

    enrolment = enrol_device(profile, keystore, settings, server_url=url, code=code)
    with sync_engine(profile, keystore, settings) as engine:
        report = engine.run()

`keystore` is the one the profile's vault was opened with (`detect_keystore()`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rhi_desktop.config import Settings
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.session import OpenProfile
from rhi_desktop.store import Enrolment
from rhi_desktop.vault import Keystore
from sync.client import CentralClient
from sync.credentials import DeviceCredentials
from sync.endpoint import check_server, tls_settings, transport_for
from sync.engine import SyncEngine
from sync.enrolment import enrol
from sync.errors import NotEnrolled
from sync.transport import Timeouts, Transport


def enrol_device(
    profile: OpenProfile,
    keystore: Keystore | None,
    settings: Settings,
    *,
    server_url: str,
    code: str,
    ca_pem: str | None = None,
    spki_pin: str | None = None,
    device_name: str | None = None,
    timeouts: Timeouts | None = None,
) -> Enrolment:
    url = check_server(settings, server_url)
    transport = Transport(url, tls_settings(settings, ca_pem, spki_pin), timeouts)
    try:
        enrolment = enrol(
            profile.store,
            profile.actor,
            DeviceCredentials(profile.vault, keystore),
            CentralClient(transport),
            code=code,
            device_name=device_name,
            ca_pem=ca_pem,
            spki_pin=spki_pin,
        )
    finally:
        transport.close()
    profile.actor = enrolment.user_id
    return enrolment


@contextmanager
def sync_engine(
    profile: OpenProfile,
    keystore: Keystore | None,
    settings: Settings,
    *,
    timeouts: Timeouts | None = None,
    on_transport: Callable[[Transport], None] | None = None,
    **options: Any,
) -> Iterator[SyncEngine]:
    """A SyncEngine for the profile; a revoked device wipes the profile (store closed,
    vault and files erased, token removed from the keystore). `on_transport` is handed
    the transport before anything is sent (to `abort` it from another thread)."""
    store = profile.store
    enrolment = store.sync_state.enrolment()
    if enrolment is None:
        raise NotEnrolled()
    credentials = DeviceCredentials(profile.vault, keystore)
    token = credentials.load(store)
    if not token:
        raise NotEnrolled("its device token is missing")

    def wipe() -> None:
        store.close()
        profile.vault.wipe()
        credentials.forget()

    transport = transport_for(settings, enrolment, timeouts)
    options.setdefault("retention_days", settings.retention_days)
    options.setdefault("forms", FormRegistry.for_profile(profile.paths.root))
    try:
        if on_transport is not None:
            on_transport(transport)
        yield SyncEngine(
            store, enrolment.user_id, CentralClient(transport, token), on_revoked=wipe, **options
        )
    finally:
        transport.close()
