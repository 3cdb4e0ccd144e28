from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import (
    SERVICE,
    Protection,
    RecoveryKeyRejected,
    RecoveryUnavailable,
    Vault,
    WrongPassphrase,
    fingerprint,
    load_recovery_public_key,
    recover,
)
from tests.core.vault.conftest import (
    PASSPHRASE,
    Profile,
    RecoveryKeyPair,
    SteppingClock,
)


def _public_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def test_it_recovers_the_same_data_key_after_a_forgotten_passphrase(
    paths: ProfilePaths, org_recovery_key: RecoveryKeyPair, clock: SteppingClock
) -> None:
    vault, dek = Vault.create(paths, PASSPHRASE, recovery_public_key=org_recovery_key.public_pem)
    recorded = json.loads(paths.vault.read_text())["recovery_wrap"]
    assert recorded["algorithm"] == "RSA-OAEP-SHA256"
    assert recorded["key_fingerprint"] == fingerprint(
        load_recovery_public_key(org_recovery_key.public_pem)
    )
    with pytest.raises(WrongPassphrase):
        vault.unlock("what was it again?", clock=clock)

    recovered, result = recover(paths, org_recovery_key.private_pem, None, "fresh start", None)

    assert result.dek == dek
    assert result.failures_since_last_success == [clock.now]
    assert recovered.protection is Protection.PASSPHRASE_ONLY
    assert Vault.load(paths).unlock("fresh start", clock=clock).dek == dek
    with pytest.raises(WrongPassphrase):
        Vault.load(paths).unlock(PASSPHRASE, clock=clock)
    # The recovery copy stays, so IT can do this again.
    assert Vault.load(paths).recovery_key_fingerprint == recorded["key_fingerprint"]


def test_recovery_restores_a_profile_whose_keystore_share_was_lost(
    paths: ProfilePaths,
    org_recovery_key: RecoveryKeyPair,
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, dek = Vault.create(
        paths, PASSPHRASE, keystore=file_keystore, recovery_public_key=org_recovery_key.public_pem
    )
    old_share = file_keystore.get_password(SERVICE, vault.db_id)
    file_keystore.delete_password(SERVICE, vault.db_id)

    recovered, _ = recover(paths, org_recovery_key.private_pem, None, PASSPHRASE, file_keystore)

    entry = json.loads(paths.vault.read_text())["keystore_entry"]
    new_share = file_keystore.get_password(SERVICE, entry)
    assert new_share is not None and new_share != old_share
    assert recovered.protection is Protection.PASSPHRASE_AND_KEYSTORE
    assert Vault.load(paths, keystore=file_keystore).unlock(PASSPHRASE, clock=clock).dek == dek


def test_password_protected_recovery_key_needs_its_password(
    paths: ProfilePaths, clock: SteppingClock
) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    encrypted_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b'it\'s "s3cret"'),
    )
    _, dek = Vault.create(paths, PASSPHRASE, recovery_public_key=_public_pem(key))

    with pytest.raises(RecoveryKeyRejected, match="no password was given"):
        recover(paths, encrypted_pem, None, "new passphrase", None)
    with pytest.raises(RecoveryKeyRejected, match="password is wrong"):
        recover(paths, encrypted_pem, b"guess", "new passphrase", None)
    _, result = recover(paths, encrypted_pem, b'it\'s "s3cret"', "new passphrase", None)
    assert result.dek == dek


def test_another_organisations_key_cannot_recover_and_is_named_by_fingerprint(
    paths: ProfilePaths,
    org_recovery_key: RecoveryKeyPair,
    other_org_recovery_key: RecoveryKeyPair,
) -> None:
    vault, _ = Vault.create(paths, PASSPHRASE, recovery_public_key=org_recovery_key.public_pem)
    before = paths.vault.read_bytes()

    with pytest.raises(RecoveryKeyRejected) as rejected:
        recover(paths, other_org_recovery_key.private_pem, None, "new passphrase", None)

    assert f"needed: {vault.recovery_key_fingerprint}" in str(rejected.value)
    assert paths.vault.read_bytes() == before


def test_without_a_policy_key_no_recovery_copy_exists_and_recovery_says_so(
    profile: Profile, org_recovery_key: RecoveryKeyPair
) -> None:
    assert json.loads(profile.paths.vault.read_text())["recovery_wrap"] is None
    assert profile.load().recovery_key_fingerprint is None
    with pytest.raises(RecoveryUnavailable, match="no recovery copy"):
        recover(profile.paths, org_recovery_key.private_pem, None, "new passphrase", None)


def test_passphrase_change_adds_the_recovery_copy_once_policy_supplies_a_key(
    profile: Profile, org_recovery_key: RecoveryKeyPair, clock: SteppingClock
) -> None:
    vault = profile.load()
    vault.change_passphrase(
        profile.passphrase,
        "second passphrase",
        recovery_public_key=org_recovery_key.public_pem,
        clock=clock,
    )
    assert vault.recovery_key_fingerprint is not None

    vault.change_passphrase("second passphrase", "third passphrase", clock=clock)
    assert profile.load().recovery_key_fingerprint == vault.recovery_key_fingerprint

    _, result = recover(profile.paths, org_recovery_key.private_pem, None, "fourth", None)
    assert result.dek == profile.dek


def test_a_1024_bit_recovery_key_is_rejected_clearly_and_nothing_is_created(
    paths: ProfilePaths,
) -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
    with pytest.raises(RecoveryKeyRejected) as rejected:
        Vault.create(paths, PASSPHRASE, recovery_public_key=_public_pem(weak))
    assert "1024-bit" in str(rejected.value)
    assert "at least 3072" in str(rejected.value)
    assert not paths.vault.exists()


def test_recovery_keys_that_are_not_rsa_or_not_keys_are_rejected() -> None:
    curve = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(RecoveryKeyRejected, match="not an RSA key"):
        load_recovery_public_key(_public_pem(curve))
    with pytest.raises(RecoveryKeyRejected, match="not a PEM public key"):
        load_recovery_public_key("-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----")
