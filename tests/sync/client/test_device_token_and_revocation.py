"""The device token is kept with the data it opens, inside the encrypted database (never
on its own in the OS keystore, which anything running as the user can read), and a
device the service revoked, or wiped for wrong passphrases, leaves no token behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.vault import SERVICE, ProfileWiped, WrongPassphrase, device_token_entry
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


def test_with_a_keystore_the_token_still_lives_only_inside_the_database(
    central: LiveCentral, tmp_path: Path, file_keystore: PlaintextKeyring
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop", keystore=file_keystore)
    token = _token(laptop)

    assert laptop.store.sync_state.device_token() == token
    assert _legacy_entry(laptop, file_keystore) is None
    assert token.split(".", 1)[1] not in Path(file_keystore.file_path).read_text()
    assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE


def _legacy_entry(laptop: Laptop, keystore: PlaintextKeyring) -> str | None:
    found = keystore.get_password(SERVICE, device_token_entry(laptop.profile.vault.db_id))
    return None if found is None else str(found)


def _as_an_earlier_release_left_it(laptop: Laptop, keystore: PlaintextKeyring) -> str:
    token = _token(laptop)
    keystore.set_password(SERVICE, device_token_entry(laptop.profile.vault.db_id), token)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.sync_state.set_device_token(None)
    return token


def test_a_token_an_earlier_release_kept_in_the_keystore_moves_into_the_database(
    central: LiveCentral, tmp_path: Path, file_keystore: PlaintextKeyring
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop", keystore=file_keystore)
    token = _as_an_earlier_release_left_it(laptop, file_keystore)

    assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE

    assert laptop.store.sync_state.device_token() == token
    assert _legacy_entry(laptop, file_keystore) is None


def test_the_wrong_passphrase_wipe_leaves_no_token_in_the_keystore(
    central: LiveCentral, tmp_path: Path, file_keystore: PlaintextKeyring
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop", keystore=file_keystore)
    _as_an_earlier_release_left_it(laptop, file_keystore)
    vault = laptop.profile.vault
    laptop.store.close()

    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock("not the passphrase", max_failed_unlocks=3)
    with pytest.raises(ProfileWiped):
        vault.unlock("not the passphrase", max_failed_unlocks=3)

    assert _legacy_entry(laptop, file_keystore) is None
    assert file_keystore.get_password(SERVICE, vault.db_id) is None  # the key share


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
