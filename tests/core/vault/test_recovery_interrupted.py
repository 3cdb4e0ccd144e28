"""A recovery that cannot finish (a full disk, a crash) leaves the person's passphrase
working: the new keystore share is kept apart until the new key file is in place."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import SERVICE, Protection, Vault, recover
from tests.core.store.mounts import fill, tmpfs
from tests.core.vault.conftest import PASSPHRASE, RecoveryKeyPair, SteppingClock

NEW = "harbour violin pebble thistle"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "small-disk", "1m") as mount_point:
        yield mount_point


def test_a_recovery_that_cannot_write_the_key_file_leaves_the_passphrase_working(
    small_disk: Path,
    org_recovery_key: RecoveryKeyPair,
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    paths = ProfilePaths(small_disk / "profile")
    vault, dek = Vault.create(
        paths, PASSPHRASE, keystore=file_keystore, recovery_public_key=org_recovery_key.public_pem
    )
    key_file = paths.vault.read_bytes()
    filler = fill(small_disk)

    with pytest.raises(OSError) as raised:
        recover(paths, org_recovery_key.private_pem, None, NEW, file_keystore)
    assert raised.value.errno == errno.ENOSPC

    filler.unlink()
    assert paths.vault.read_bytes() == key_file
    for _ in range(3):  # the person's passphrase still opens it, every time
        assert (
            Vault.load(paths, keystore=file_keystore)
            .unlock(PASSPHRASE, clock=clock, max_failed_unlocks=3)
            .dek
            == dek
        )
    assert file_keystore.get_password(SERVICE, vault.db_id) is not None


def test_a_finished_recovery_moves_the_share_to_a_new_entry_and_drops_the_old(
    paths: ProfilePaths,
    org_recovery_key: RecoveryKeyPair,
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, dek = Vault.create(
        paths, PASSPHRASE, keystore=file_keystore, recovery_public_key=org_recovery_key.public_pem
    )

    recovered, _ = recover(paths, org_recovery_key.private_pem, None, NEW, file_keystore)

    entry = json.loads(paths.vault.read_text())["keystore_entry"]
    assert entry != vault.db_id
    assert file_keystore.get_password(SERVICE, entry) is not None
    assert file_keystore.get_password(SERVICE, vault.db_id) is None
    assert recovered.protection is Protection.PASSPHRASE_AND_KEYSTORE
    assert Vault.load(paths, keystore=file_keystore).unlock(NEW, clock=clock).dek == dek
    # A second recovery moves it on again, and a wipe removes whichever entry is current.
    recover(paths, org_recovery_key.private_pem, None, PASSPHRASE, file_keystore)
    assert file_keystore.get_password(SERVICE, entry) is None
    latest = json.loads(paths.vault.read_text())["keystore_entry"]
    Vault.load(paths, keystore=file_keystore).wipe()
    assert file_keystore.get_password(SERVICE, latest) is None
