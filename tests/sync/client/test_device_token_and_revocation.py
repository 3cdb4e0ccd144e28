"""The device token is kept like a key (OS keystore, else inside the encrypted database),
and a device the service revoked wipes itself at its next contact."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.vault import SERVICE
from sync.credentials import DeviceCredentials
from sync.engine import WIPED_MESSAGE, SyncOutcome
from sync.server import admin
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral


@pytest.fixture
def file_keystore(tmp_path: Path) -> PlaintextKeyring:
    """A real keyring backend whose storage is a file this test owns (a stand-in for the
    OS keystore, which these machines do not have)."""
    keystore = PlaintextKeyring()
    (tmp_path / "keystore").mkdir()
    keystore.file_path = str(tmp_path / "keystore" / "keyring_pass.cfg")
    return keystore


def _token(laptop: Laptop) -> str:
    token = DeviceCredentials(laptop.profile.vault, laptop.keystore).load(laptop.store)
    assert token is not None
    return token


def _profile_bytes(laptop: Laptop) -> bytes:
    return b"".join(p.read_bytes() for p in laptop.paths.root.iterdir() if p.is_file())


def test_without_a_keystore_the_token_lives_only_inside_the_encrypted_database(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    token = _token(laptop)

    assert laptop.store.sync_state.device_token() == token
    secret = token.split(".", 1)[1].encode()
    assert secret not in _profile_bytes(laptop)  # the database file is encrypted
    assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE


def test_with_a_keystore_the_token_lives_there_and_not_in_the_database(
    central: LiveCentral, tmp_path: Path, file_keystore: PlaintextKeyring
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop", keystore=file_keystore)
    token = _token(laptop)

    assert laptop.store.sync_state.device_token() is None
    account = f"device-token:{laptop.profile.vault.db_id}"
    assert file_keystore.get_password(SERVICE, account) == token
    assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE


def test_revoked_device_wipes_its_profile_and_keystore_entries_at_its_next_contact(
    central: LiveCentral, tmp_path: Path, file_keystore: PlaintextKeyring
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop", keystore=file_keystore)
    record_completed_case(laptop)
    db_id = laptop.profile.vault.db_id
    admin.revoke_device(central.engine, laptop.enrolment.device_id, utc_now)
    device_id = laptop.enrolment.device_id

    report = laptop.sync()

    assert report.outcome is SyncOutcome.WIPED and report.exit_code == 1
    assert (
        report.summary()
        == WIPED_MESSAGE
        == ("wiped: this device was revoked by the central service; enrol again")
    )
    assert not any(path.exists() for path in laptop.paths.data_files())
    assert file_keystore.get_password(SERVICE, f"device-token:{db_id}") is None
    assert file_keystore.get_password(SERVICE, db_id) is None  # the vault's key share
    assert central.changes_by_device(device_id) == 0


def test_device_the_service_no_longer_knows_is_told_to_enrol_again_and_keeps_its_work(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    record_completed_case(laptop)
    pending = laptop.store.outbox.counts()[0]
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.sync_state.set_device_token(_token(laptop)[:-4] + "AAAA")

    report = laptop.sync()

    assert report.outcome is SyncOutcome.FAILED
    assert report.problem is not None and "Enrol it again" in report.problem
    assert laptop.store.outbox.counts() == (pending, 0)
    assert laptop.paths.db.exists()
