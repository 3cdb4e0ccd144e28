from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import (
    SERVICE,
    Vault,
    VaultCorrupt,
    VaultFromNewerApp,
    WrongPassphrase,
)
from rhi_desktop.vault.kdf import combine, stretch_passphrase
from rhi_desktop.vault.vault_file import read_vault_file
from tests.core.vault.conftest import PASSPHRASE, Profile, RecoveryKeyPair, SteppingClock

Edit = Callable[[dict[str, Any]], None]


def _edit(paths: ProfilePaths, change: Edit) -> None:
    document = json.loads(paths.vault.read_text())
    change(document)
    paths.vault.write_text(json.dumps(document))


def _kdf(document: dict[str, Any]) -> dict[str, Any]:
    kdf: dict[str, Any] = document["passphrase_wrap"]["kdf"]
    return kdf


def _flip_first_ciphertext_byte(document: dict[str, Any]) -> None:
    wrap = document["passphrase_wrap"]
    raw = bytearray(base64.b64decode(wrap["ciphertext"]))
    raw[0] ^= 0x01
    wrap["ciphertext"] = base64.b64encode(raw).decode()


@pytest.mark.parametrize(
    ("weaken", "problem"),
    [
        (lambda d: _kdf(d).update(memory_kib=8), "memory"),
        (lambda d: _kdf(d).update(iterations=1), "iteration"),
        (lambda d: _kdf(d).update(salt=base64.b64encode(b"short").decode()), "salt"),
        (lambda d: _kdf(d).update(memory_kib=1 << 40), "memory"),
        (lambda d: _kdf(d).update(algorithm="argon2i"), "key-derivation algorithm"),
        (lambda d: _kdf(d).update(iterations=True), "whole number"),
    ],
)
def test_a_vault_json_edited_to_weaken_the_key_derivation_is_refused_on_load(
    profile: Profile, weaken: Edit, problem: str
) -> None:
    _edit(profile.paths, weaken)
    with pytest.raises(VaultCorrupt, match=problem) as refused:
        profile.load()
    assert "ask IT" in str(refused.value)


def test_a_flipped_byte_in_the_wrapped_key_is_reported_as_damage_not_as_a_wrong_passphrase(
    profile: Profile, clock: SteppingClock
) -> None:
    _edit(profile.paths, _flip_first_ciphertext_byte)
    vault = profile.load()

    with pytest.raises(VaultCorrupt, match="damaged or has been altered"):
        vault.unlock(profile.passphrase, clock=clock)
    with pytest.raises(WrongPassphrase):
        vault.unlock("not it", clock=clock)


def test_a_wrap_cannot_be_moved_to_another_profile_by_swapping_the_database_id(
    profile: Profile, tmp_path: Path, clock: SteppingClock
) -> None:
    other = ProfilePaths(tmp_path / "other-profile")
    other_id = Vault.create(other, PASSPHRASE)[0].db_id
    original = json.loads(profile.paths.vault.read_text())

    _edit(profile.paths, lambda d: d.update(db_id=other_id))
    with pytest.raises(VaultCorrupt, match="database id"):
        profile.load().unlock(profile.passphrase, clock=clock)

    # ...nor by pasting one profile's wrap into another profile's vault.json.
    _edit(other, lambda d: d.update(passphrase_wrap=original["passphrase_wrap"]))
    with pytest.raises(VaultCorrupt, match="database id"):
        Vault.load(other).unlock(PASSPHRASE, clock=clock)


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda path: path.write_text("{"), "not valid JSON"),
        (lambda path: path.write_text("[]"), "not a JSON object"),
        (lambda path: path.write_bytes(b""), "not valid JSON"),
        (lambda path: _edit(ProfilePaths(path.parent), lambda d: d.update(db_id="x")), "id"),
        (
            lambda path: _edit(ProfilePaths(path.parent), lambda d: d.pop("passphrase_wrap")),
            "'passphrase_wrap' is missing",
        ),
        (
            lambda path: _edit(ProfilePaths(path.parent), lambda d: d.update(protection="none")),
            "unknown kind of protection",
        ),
    ],
)
def test_an_unreadable_vault_json_gives_a_clear_error_not_a_crash(
    profile: Profile, damage: Callable[[Path], object], problem: str
) -> None:
    damage(profile.paths.vault)
    with pytest.raises(VaultCorrupt, match=problem):
        profile.load()


def test_a_vault_from_a_newer_app_asks_for_an_update(profile: Profile) -> None:
    _edit(profile.paths, lambda d: d.update(version=2))
    with pytest.raises(VaultFromNewerApp, match="newer version"):
        profile.load()


def _encodings(secret: bytes) -> list[bytes]:
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
    ]


def test_vault_json_never_holds_the_data_key_or_the_keys_that_wrap_it(
    paths: ProfilePaths,
    file_keystore: PlaintextKeyring,
    org_recovery_key: RecoveryKeyPair,
    clock: SteppingClock,
) -> None:
    vault, dek = Vault.create(
        paths, PASSPHRASE, keystore=file_keystore, recovery_public_key=org_recovery_key.public_pem
    )
    vault.change_passphrase(PASSPHRASE, "changed", clock=clock)
    stored_share = file_keystore.get_password(SERVICE, vault.db_id)
    assert stored_share is not None
    share = base64.b64decode(stored_share)

    params = read_vault_file(paths.vault).passphrase_wrap.kdf
    stretched = stretch_passphrase("changed", params)
    keys = combine(stretched, share)
    files = paths.vault.read_bytes() + paths.unlock_state.read_bytes()

    for name, secret in {"DEK": dek, "KEK": keys.kek, "Argon2": stretched, "share": share}.items():
        for encoded in _encodings(secret):
            assert encoded not in files, name
    for text in (PASSPHRASE, "changed"):
        assert text.encode() not in files
