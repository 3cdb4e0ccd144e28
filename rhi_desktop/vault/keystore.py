"""The second share of the key, held by the operating system's keystore.

Only a real OS keystore counts: Windows Credential Manager, the macOS Keychain, or the
Secret Service / KWallet on Linux desktops. keyring's fail and null backends, an empty
chainer, keyrings.alt (plaintext or weakly encrypted files) and unknown third-party
backends are refused, because a key share in a file next to the profile protects
nothing. A candidate must also prove it works (store, read back and delete a probe
entry) before it is used: a Secret Service backend without a D-Bus session, for
example, looks available but fails on first use. With no usable keystore the vault runs
passphrase-only and says so.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import os
import uuid
from typing import Any, Protocol

import keyring
import keyring.backend
import keyring.core
from keyring.backends.chainer import ChainerBackend
from keyring.errors import PasswordDeleteError

from rhi_desktop.vault.errors import KeystoreShareMissing, KeystoreUnavailable

log = logging.getLogger(__name__)

SERVICE = "RHI Desktop"
SHARE_BYTES = 32

# keyring's own backends for real OS keystores, by module. The macOS backend is a package.
_OS_KEYSTORE_MODULES = frozenset(
    {
        "keyring.backends.Windows",
        "keyring.backends.macOS",
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
    }
)


class Keystore(Protocol):
    """The slice of a keyring backend the vault uses; tests hand in one they control."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


def detect_keystore() -> Keystore | None:
    """The OS keystore to hold the second share, or None for passphrase-only protection."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring's discovery runs third-party plugin code
        log.info("keyring backend discovery failed (%s)", type(exc).__name__)
        return None
    return usable_keystore(backend)


class KeystoreSearch:
    """Finds the OS keystore, as `detect_keystore` does; every search after the first has
    keyring look for its backends afresh. Keyring picks a backend once per process, so
    without this a keystore that came up after the app first looked (the Secret Service
    a moment after login) would not be found until the app restarted."""

    def __init__(self) -> None:
        self._searched = False

    def __call__(self) -> Keystore | None:
        if self._searched:
            look_for_backends_again()
        self._searched = True
        return detect_keystore()


def look_for_backends_again() -> None:
    """Forget the keyring backends found so far and choose one afresh."""
    with contextlib.suppress(KeyError):  # none were looked for yet: nothing to forget
        keyring.backend.get_all_keyring.reset()
    try:
        keyring.core.init_backend()
    except Exception as exc:  # keyring's discovery runs third-party plugin code
        log.info("keyring backend discovery failed (%s)", type(exc).__name__)


def usable_keystore(backend: Any) -> Keystore | None:
    """`backend` (or, for a chainer, the first of its backends) if it is a working OS keystore."""
    for candidate in _candidates(backend):
        if not is_os_keystore(candidate):
            continue
        _prefer_local_machine_persistence(candidate)
        if _probe(candidate):
            keystore: Keystore = candidate
            return keystore
    return None


def is_os_keystore(backend: object) -> bool:
    return type(backend).__module__ in _OS_KEYSTORE_MODULES


def _candidates(backend: Any) -> list[Any]:
    if isinstance(backend, ChainerBackend):
        try:
            return list(backend.backends)
        except Exception as exc:
            log.info("keyring chainer could not list its backends (%s)", type(exc).__name__)
            return []
    return [backend]


def _prefer_local_machine_persistence(backend: Any) -> None:
    # On Windows the share is stored with local-machine persistence. keyring's
    # WinVaultKeyring defaults to CRED_PERSIST_ENTERPRISE, which roams the credential to
    # every computer the user signs in to; the share must stay on this laptop, so a copy
    # of the disk and a roamed credential never meet.
    if type(backend).__name__ == "WinVaultKeyring":
        backend.persist = "local machine"


def _probe(backend: Any) -> bool:
    username = f"probe-{uuid.uuid4()}"
    value = base64.b64encode(os.urandom(16)).decode("ascii")
    try:
        backend.set_password(SERVICE, username, value)
        try:
            read_back = backend.get_password(SERVICE, username)
        finally:
            backend.delete_password(SERVICE, username)
        gone = backend.get_password(SERVICE, username) is None
    except Exception as exc:  # backends raise their own types (e.g. secretstorage, OSError)
        log.info(
            "system keystore %s is not usable (%s)", type(backend).__name__, type(exc).__name__
        )
        return False
    if read_back != value or not gone:
        log.info("system keystore %s failed its round-trip check", type(backend).__name__)
        return False
    return True


def store_share(keystore: Keystore, entry: str) -> bytes:
    """Create a random share and store it under (SERVICE, entry): the database id, or
    the entry name vault.json records."""
    share = os.urandom(SHARE_BYTES)
    encoded = base64.b64encode(share).decode("ascii")
    try:
        keystore.set_password(SERVICE, entry, encoded)
        stored = keystore.get_password(SERVICE, entry)
    except Exception as exc:  # any backend failure means the share is not safely stored
        log.warning("could not store the keystore share (%s)", type(exc).__name__)
        raise KeystoreUnavailable() from None
    if stored != encoded:
        raise KeystoreUnavailable()
    return share


def load_share(keystore: Keystore | None, entry: str) -> bytes:
    """This profile's share. No keystore found (not reachable yet, say, while the
    Secret Service starts at login) is worth a retry; a keystore that answers without
    the entry means the share is gone and only the recovery key helps."""
    if keystore is None:
        raise KeystoreUnavailable()
    try:
        encoded = keystore.get_password(SERVICE, entry)
    except Exception as exc:  # backends raise their own types (e.g. a locked keychain)
        log.warning("could not read the keystore share (%s)", type(exc).__name__)
        raise KeystoreUnavailable() from None
    if encoded is None:
        raise KeystoreShareMissing()
    try:
        share = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        share = b""
    if len(share) != SHARE_BYTES:
        log.warning("the keystore share for this profile is not in the expected form")
        raise KeystoreShareMissing()
    return share


def delete_share(keystore: Keystore | None, entry: str, what: str = "share") -> None:
    """Remove the share (or another entry of this profile, named by `what` in the log);
    an absent entry is already the goal, a failure is logged."""
    if keystore is None:
        return
    try:
        keystore.delete_password(SERVICE, entry)
    except PasswordDeleteError:
        log.info("no keystore %s to delete for this profile", what)
    except Exception as exc:  # a wipe must finish even if the keystore misbehaves
        log.warning("could not delete the keystore %s (%s)", what, type(exc).__name__)


def device_token_entry(db_id: str) -> str:
    """The keystore entry in which earlier releases kept a profile's device token. The
    token now lives inside the encrypted database (`sync.credentials`); an entry left
    from before is moved there, and is removed whenever the profile is wiped."""
    return f"device-token:{db_id}"
