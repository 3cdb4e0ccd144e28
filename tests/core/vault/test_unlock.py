from __future__ import annotations

import json
import stat
import unicodedata
import uuid
from pathlib import Path

import pytest

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import (
    Protection,
    UnacceptablePassphrase,
    Vault,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from tests.core.vault.conftest import Profile, SteppingClock

TRICKY = 'it\'s "Łódź" — ñandú 🔑'


def test_new_profile_unlocks_with_its_passphrase_and_gives_back_the_same_data_key(
    paths: ProfilePaths, clock: SteppingClock
) -> None:
    vault, dek = Vault.create(paths, "a long and memorable passphrase")

    assert len(dek) == 32
    assert uuid.UUID(vault.db_id).version == 4
    result = Vault.load(paths).unlock("a long and memorable passphrase", clock=clock)
    assert result.dek == dek
    assert result.failures_since_last_success == []
    assert not result.earlier_failures_unknown
    assert dek.hex() not in repr(result)


def test_every_new_profile_gets_its_own_data_key_and_database_id(tmp_path: Path) -> None:
    first, first_dek = Vault.create(ProfilePaths(tmp_path / "a"), "passphrase one")
    second, second_dek = Vault.create(ProfilePaths(tmp_path / "b"), "passphrase one")
    assert first_dek != second_dek
    assert first.db_id != second.db_id


def test_vault_json_records_argon2id_parameters_and_a_format_version(
    profile: Profile,
) -> None:
    document = json.loads(profile.paths.vault.read_text())
    kdf = document["passphrase_wrap"]["kdf"]
    assert document["format"] == "rhi-desktop-vault"
    assert document["version"] == 1
    assert kdf["algorithm"] == "argon2id"
    assert kdf["memory_kib"] >= 64 * 1024
    assert kdf["iterations"] >= 3
    assert kdf["parallelism"] == 2
    assert document["passphrase_wrap"]["cipher"] == "AES-256-GCM"
    assert document["protection"] == "passphrase"
    assert document["recovery_wrap"] is None


def test_vault_json_is_readable_only_by_its_owner(paths: ProfilePaths) -> None:
    Vault.create(paths, "a long and memorable passphrase")
    assert stat.S_IMODE(paths.vault.stat().st_mode) & 0o077 == 0


def test_wrong_passphrase_is_refused_with_a_message_that_helps_and_does_not_echo_it(
    profile: Profile, clock: SteppingClock
) -> None:
    with pytest.raises(WrongPassphrase) as refused:
        profile.load().unlock("Correct Horse Battery Staple", clock=clock)

    message = str(refused.value)
    assert "passphrase is not right" in message
    assert "Caps Lock" in message
    assert "Horse" not in message
    assert refused.value.failures == 1
    assert refused.value.__cause__ is None and refused.value.__context__ is None


def test_passphrase_with_quotes_and_non_ascii_unlocks_every_time(
    paths: ProfilePaths, clock: SteppingClock
) -> None:
    _, dek = Vault.create(paths, TRICKY)
    assert Vault.load(paths).unlock(TRICKY, clock=clock).dek == dek
    assert Vault.load(paths).unlock(TRICKY, clock=clock).dek == dek


def test_passphrase_typed_decomposed_opens_a_vault_created_composed(
    paths: ProfilePaths, clock: SteppingClock
) -> None:
    composed = unicodedata.normalize("NFC", "Siân Łódź café ñandú")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    _, dek = Vault.create(paths, decomposed)
    assert Vault.load(paths).unlock(composed, clock=clock).dek == dek


@pytest.mark.parametrize("empty", ["", "   ", "\t\n"])
def test_an_empty_passphrase_cannot_protect_a_profile(paths: ProfilePaths, empty: str) -> None:
    with pytest.raises(UnacceptablePassphrase, match="empty"):
        Vault.create(paths, empty)
    assert not paths.vault.exists()


def test_creating_over_an_existing_profile_is_refused_and_keeps_its_key(
    profile: Profile, clock: SteppingClock
) -> None:
    before = profile.paths.vault.read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(profile.paths, "another passphrase")
    assert profile.paths.vault.read_bytes() == before


def test_opening_a_folder_without_a_vault_says_so(paths: ProfilePaths) -> None:
    with pytest.raises(VaultMissing, match=r"no key file \(vault\.json\)"):
        Vault.load(paths)


def test_passphrase_only_profile_says_plainly_how_it_is_protected(profile: Profile) -> None:
    vault = profile.load()
    assert vault.protection is Protection.PASSPHRASE_ONLY
    assert vault.protection.describe() == (
        "Protected by your passphrase only: no system keystore is available on this computer"
    )
