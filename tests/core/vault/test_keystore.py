from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
import secretstorage
from keyring.backends import SecretService, chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import (
    SERVICE,
    KeystoreSearch,
    KeystoreShareMissing,
    KeystoreUnavailable,
    Protection,
    Vault,
    WrongPassphrase,
    detect_keystore,
    usable_keystore,
)
from rhi_desktop.vault.keystore import look_for_backends_again
from tests.core.vault.conftest import PASSPHRASE, SteppingClock


@pytest.fixture
def keystore_profile(paths: ProfilePaths, file_keystore: PlaintextKeyring) -> tuple[Vault, bytes]:
    return Vault.create(paths, PASSPHRASE, keystore=file_keystore)


def test_share_is_stored_in_the_keystore_under_the_database_id(
    keystore_profile: tuple[Vault, bytes], file_keystore: PlaintextKeyring
) -> None:
    vault, _ = keystore_profile
    stored = file_keystore.get_password(SERVICE, vault.db_id)
    assert stored is not None and len(base64.b64decode(stored)) == 32
    assert stored not in vault.paths.vault.read_text()
    assert json.loads(vault.paths.vault.read_text())["protection"] == "passphrase+keystore"


def test_keystore_profile_unlocks_with_passphrase_and_share_together(
    keystore_profile: tuple[Vault, bytes],
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, dek = keystore_profile
    reopened = Vault.load(vault.paths, keystore=file_keystore)
    assert reopened.protection is Protection.PASSPHRASE_AND_KEYSTORE
    assert reopened.protection.describe() == (
        "Protected by your passphrase and this computer's keystore"
    )
    assert reopened.unlock(PASSPHRASE, clock=clock).dek == dek


def test_missing_keystore_share_points_to_the_recovery_key(
    keystore_profile: tuple[Vault, bytes],
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, _ = keystore_profile
    file_keystore.delete_password(SERVICE, vault.db_id)

    with pytest.raises(KeystoreShareMissing) as missing:
        Vault.load(vault.paths, keystore=file_keystore).unlock(PASSPHRASE, clock=clock)
    assert "keystore share is missing — use the organisation recovery key" in str(missing.value)
    assert Vault.load(vault.paths).backoff_status(clock.now).failures == 0


def test_a_copied_disk_without_this_computers_keystore_cannot_be_unlocked(
    keystore_profile: tuple[Vault, bytes], tmp_path: Path, clock: SteppingClock
) -> None:
    vault, _ = keystore_profile
    other_computer = PlaintextKeyring()
    other_computer.file_path = str(tmp_path / "elsewhere.cfg")

    with pytest.raises(KeystoreShareMissing):
        Vault.load(vault.paths, keystore=other_computer).unlock(PASSPHRASE, clock=clock)
    with pytest.raises(KeystoreUnavailable):
        Vault.load(vault.paths, keystore=None).unlock(PASSPHRASE, clock=clock)


def test_no_keystore_found_asks_for_a_retry_not_for_the_recovery_key(
    keystore_profile: tuple[Vault, bytes], file_keystore: PlaintextKeyring, clock: SteppingClock
) -> None:
    """The keystore not reachable yet (the Secret Service still starting at login) is
    not the share being gone: the person retries, and the retry unlocks."""
    vault, dek = keystore_profile

    with pytest.raises(KeystoreUnavailable) as unreachable:
        Vault.load(vault.paths, keystore=None).unlock(PASSPHRASE, clock=clock)
    assert "could not be reached" in str(unreachable.value)
    assert "retry" in str(unreachable.value)
    assert Vault.load(vault.paths).backoff_status(clock.now).failures == 0
    assert file_keystore.get_password(SERVICE, vault.db_id) is not None
    assert Vault.load(vault.paths, keystore=file_keystore).unlock(PASSPHRASE, clock=clock).dek == (
        dek
    )


def test_the_share_is_really_part_of_the_key_not_just_a_presence_check(
    keystore_profile: tuple[Vault, bytes],
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, _ = keystore_profile
    forged = base64.b64encode(bytes(32)).decode()
    file_keystore.set_password(SERVICE, vault.db_id, forged)

    with pytest.raises(WrongPassphrase):
        Vault.load(vault.paths, keystore=file_keystore).unlock(PASSPHRASE, clock=clock)


def test_passphrase_change_keeps_using_the_same_keystore_share(
    keystore_profile: tuple[Vault, bytes],
    file_keystore: PlaintextKeyring,
    clock: SteppingClock,
) -> None:
    vault, dek = keystore_profile
    share_before = file_keystore.get_password(SERVICE, vault.db_id)
    Vault.load(vault.paths, keystore=file_keystore).change_passphrase(
        PASSPHRASE, "the new one", clock=clock
    )
    assert file_keystore.get_password(SERVICE, vault.db_id) == share_before
    assert (
        Vault.load(vault.paths, keystore=file_keystore).unlock("the new one", clock=clock).dek
        == dek
    )


# Detection: which backends may hold a share.


class _Chainer(chainer.ChainerBackend):
    """keyring's chainer over a chosen list of backends (instead of all installed ones).
    keyring finds every backend class, this one too: it ranks below all the others."""

    chained: list[Any]
    priority = 0.0

    @property
    def backends(self) -> list[Any]:
        return self.chained


def construct(backend_class: Any) -> Any:
    """keyring's backend classes are untyped; build one without spreading casts."""
    return backend_class()


@pytest.fixture
def plaintext_file_backend(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plaintext" / "keyring_pass.cfg")
    return backend


def test_plaintext_file_keyring_is_never_used_or_even_written(
    plaintext_file_backend: PlaintextKeyring,
) -> None:
    assert usable_keystore(plaintext_file_backend) is None
    assert not Path(plaintext_file_backend.file_path).exists()


def test_fail_and_null_backends_are_not_keystores() -> None:
    assert usable_keystore(construct(fail.Keyring)) is None
    assert usable_keystore(construct(null.Keyring)) is None


def test_a_chainer_with_no_real_keystore_behind_it_is_refused(
    plaintext_file_backend: PlaintextKeyring,
) -> None:
    empty = construct(_Chainer)
    empty.chained = []
    only_weak = construct(_Chainer)
    only_weak.chained = [plaintext_file_backend, construct(fail.Keyring), construct(null.Keyring)]

    assert usable_keystore(empty) is None
    assert usable_keystore(only_weak) is None
    assert not Path(plaintext_file_backend.file_path).exists()


def test_an_os_keystore_that_fails_its_probe_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Secret Service backend exists on every Linux install but needs a D-Bus session.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert usable_keystore(construct(SecretService.Keyring)) is None


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)


def test_this_machine_runs_passphrase_only_even_with_keyrings_alt_installed(
    restore_keyring: None, plaintext_file_backend: PlaintextKeyring
) -> None:
    assert detect_keystore() is None  # the fail backend chosen by the environment

    keyring.set_keyring(plaintext_file_backend)  # what keyring picks here on its own
    assert detect_keystore() is None
    assert not Path(plaintext_file_backend.file_path).exists()


class _Bus:
    """A D-Bus connection that is never used: only the Secret Service's presence is asked."""

    def close(self) -> None:
        """Nothing to close."""


def _offers_secret_service(backend: object) -> bool:
    found = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    return any(isinstance(candidate, SecretService.Keyring) for candidate in found)


def test_a_second_search_finds_a_keystore_that_came_up_after_the_first(
    restore_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At login the Secret Service may answer a moment after the app first looked.
    Keyring picks its backend once per process; a later search has it look again."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    service = {"up": False}
    monkeypatch.setattr(secretstorage, "dbus_init", _Bus)
    monkeypatch.setattr(secretstorage, "check_service_availability", lambda _bus: service["up"])
    search = KeystoreSearch()
    look_for_backends_again()  # as at the app's start: the service is not up yet
    search()
    assert not _offers_secret_service(keyring.get_keyring())

    service["up"] = True
    search()  # the next unlock

    assert _offers_secret_service(keyring.get_keyring())
    look_for_backends_again()  # later tests see what this machine really has
