from __future__ import annotations

import hashlib
import json

import pytest

from rhi_desktop.vault import FREE_ATTEMPTS, UnacceptablePassphrase, WrongPassphrase
from tests.core.vault.conftest import Profile, SteppingClock

NEW = 'new: "Łódź" it\'s ñandú 🔑'


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_changing_the_passphrase_rewraps_the_same_key_and_leaves_the_database_alone(
    profile: Profile, clock: SteppingClock
) -> None:
    database_before = {p: _digest(p.read_bytes()) for p in (profile.paths.db, profile.paths.wal)}
    vault_before = json.loads(profile.paths.vault.read_text())
    db_stat_before = profile.paths.db.stat()

    profile.load().change_passphrase(profile.passphrase, NEW, clock=clock)

    vault_after = json.loads(profile.paths.vault.read_text())
    old_wrap, new_wrap = vault_before["passphrase_wrap"], vault_after["passphrase_wrap"]
    assert new_wrap["kdf"]["salt"] != old_wrap["kdf"]["salt"]
    assert new_wrap["nonce"] != old_wrap["nonce"]
    assert new_wrap["ciphertext"] != old_wrap["ciphertext"]
    assert vault_after["db_id"] == vault_before["db_id"]
    assert {p: _digest(p.read_bytes()) for p in database_before} == database_before
    assert profile.paths.db.stat().st_mtime_ns == db_stat_before.st_mtime_ns
    assert sorted(p.name for p in profile.paths.root.iterdir()) == sorted(
        ["rhi.db", "rhi.db-wal", "vault.json", "unlock-state.json", "unlock.lock"]
    ), "no temporary files are left behind"

    reopened = profile.load()
    with pytest.raises(WrongPassphrase):
        reopened.unlock(profile.passphrase, clock=clock)
    assert reopened.unlock(NEW, clock=clock).dek == profile.dek


def test_wrong_old_passphrase_changes_nothing_and_counts_as_a_failed_unlock(
    profile: Profile, clock: SteppingClock
) -> None:
    before = profile.paths.vault.read_bytes()
    vault = profile.load()
    for _ in range(FREE_ATTEMPTS + 1):
        with pytest.raises(WrongPassphrase):
            vault.change_passphrase("a guess", NEW, clock=clock)

    assert profile.paths.vault.read_bytes() == before
    assert vault.backoff_status(clock.now).retry_after_seconds == 2


def test_the_new_passphrase_is_checked_before_anything_is_written(
    profile: Profile, clock: SteppingClock
) -> None:
    before = profile.paths.vault.read_bytes()
    with pytest.raises(UnacceptablePassphrase):
        profile.load().change_passphrase(profile.passphrase, "  ", clock=clock)
    assert profile.paths.vault.read_bytes() == before
    assert profile.load().backoff_status(clock.now).failures == 0
