"""A profile's key vault: creating, unlocking, re-wrapping and recovering the data key.

The data key (DEK) that opens the SQLCipher database is random and never changes; what
changes is how it is wrapped. The passphrase wrap needs the passphrase (Argon2id) and,
where this computer has a working OS keystore, the keystore share too. The recovery wrap,
present when machine policy names an organisation recovery key, lets IT restore access
after a forgotten passphrase or a lost keystore share. Only vault.json and
unlock-state.json are ever written here; the database is not touched.

Every attempt on the key (unlock, passphrase change, recovery) holds the profile's
unlock lock from reading the failure count until the outcome is written, so attempts
made at the same time, from threads or processes, are counted one after another.
"""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NoReturn

from cryptography.hazmat.primitives.asymmetric import rsa

from rhi_desktop.database_salt import read_database_salt
from rhi_desktop.domain.deadlines import require_aware
from rhi_desktop.file_lock import exclusive_lock
from rhi_desktop.profile import ProfilePaths, clear_unfinished_writes, wipe
from rhi_desktop.vault.backoff import (
    BackoffStatus,
    Clock,
    UnlockState,
    load_unlock_state,
    save_unlock_state,
    utc_now,
)
from rhi_desktop.vault.errors import (
    ProfileWiped,
    RecoveryKeyRejected,
    RecoveryUnavailable,
    UnlockDelayed,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultFromAnotherProfile,
    VaultMissing,
    WrongPassphrase,
)
from rhi_desktop.vault.kdf import Argon2Params, combine, encode_passphrase, stretch_passphrase
from rhi_desktop.vault.keystore import (
    Keystore,
    delete_share,
    device_token_entry,
    load_share,
    store_share,
)
from rhi_desktop.vault.protection import Protection
from rhi_desktop.vault.recovery_key import (
    fingerprint,
    load_recovery_private_key,
    load_recovery_public_key,
    unwrap_for_recovery,
    wrap_for_recovery,
)
from rhi_desktop.vault.vault_file import (
    FORMAT_VERSION,
    PassphraseWrap,
    RecoveryWrap,
    VaultFile,
    read_vault_file,
    write_vault_file,
)
from rhi_desktop.vault.wrap import associated_data, new_data_key, seal, unseal

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UnlockResult:
    """The data key, and the failed attempts since the last success for the audit chain."""

    dek: bytes = field(repr=False)
    failures_since_last_success: list[datetime]
    # True when some earlier failures are not individually known (the unlock-state file
    # was missing or damaged, or more failures happened than are kept).
    earlier_failures_unknown: bool = False

    @classmethod
    def closing(cls, dek: bytes, state: UnlockState) -> UnlockResult:
        """The result of a success that ends the failure run recorded in `state`."""
        return cls(
            dek=dek,
            failures_since_last_success=list(state.failure_instants),
            earlier_failures_unknown=state.some_failures_unknown,
        )


@contextmanager
def attempt_lock(paths: ProfilePaths) -> Iterator[None]:
    """Hold the profile's unlock lock, after clearing what an interrupted write left."""
    if not paths.root.is_dir():
        raise VaultMissing()
    with exclusive_lock(paths.unlock_lock):
        clear_unfinished_writes(paths)
        yield


class Vault:
    """One profile's vault.json, with the keystore that holds its second share (if any)."""

    def __init__(
        self, paths: ProfilePaths, vault_file: VaultFile, keystore: Keystore | None
    ) -> None:
        self._paths = paths
        self._file = vault_file
        self._keystore = keystore

    @classmethod
    def create(
        cls,
        paths: ProfilePaths,
        passphrase: str,
        *,
        keystore: Keystore | None = None,
        recovery_public_key: bytes | str | None = None,
    ) -> tuple[Vault, bytes]:
        """Make a new data key for a new profile; returns the vault and the key."""
        if paths.vault.exists():
            raise VaultExists()
        encode_passphrase(passphrase)
        recovery_key = (
            None if recovery_public_key is None else load_recovery_public_key(recovery_public_key)
        )
        paths.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with attempt_lock(paths):
            if paths.vault.exists():
                raise VaultExists()
            db_id = str(uuid.uuid4())
            dek = new_data_key()
            share = None if keystore is None else store_share(keystore, db_id)
            try:
                vault_file = VaultFile(
                    db_id=db_id,
                    protection=_protection_for(share),
                    passphrase_wrap=_passphrase_wrap(passphrase, share, db_id, dek),
                    recovery_wrap=None
                    if recovery_key is None
                    else _recovery_wrap(dek, recovery_key, db_id),
                )
                write_vault_file(paths.vault, vault_file)
            except BaseException:
                delete_share(keystore, db_id)
                raise
            save_unlock_state(paths.unlock_state, UnlockState())
        log.info("vault created (%s)", vault_file.protection.value)
        return cls(paths, vault_file, keystore), dek

    @classmethod
    def load(cls, paths: ProfilePaths, *, keystore: Keystore | None = None) -> Vault:
        """Read and validate vault.json (VaultMissing, VaultCorrupt); runs no KDF."""
        return cls(paths, read_vault_file(paths.vault), keystore)

    @property
    def paths(self) -> ProfilePaths:
        return self._paths

    @property
    def db_id(self) -> str:
        return self._file.db_id

    @property
    def protection(self) -> Protection:
        return self._file.protection

    @property
    def recovery_key_fingerprint(self) -> str | None:
        """The fingerprint of the organisation key that can recover this profile, if any."""
        wrap = self._file.recovery_wrap
        return None if wrap is None else wrap.key_fingerprint

    def backoff_status(self, now: datetime | None = None) -> BackoffStatus:
        moment = require_aware(now) if now is not None else utc_now()
        state = load_unlock_state(self._paths.unlock_state)
        return BackoffStatus(state.failures, state.retry_after(moment))

    def unlock(
        self,
        passphrase: str,
        *,
        clock: Clock = utc_now,
        max_failed_unlocks: int | None = None,
    ) -> UnlockResult:
        """The data key, if the passphrase (and keystore share) are right.

        During a back-off this raises UnlockDelayed before any key derivation. The
        attempt is recorded as a failure before the key derivation runs, so a second
        attempt waiting for this one, or a process killed half-way, still counts it; the
        Nth consecutive wrong passphrase under a `max_failed_unlocks` policy wipes the
        profile and raises ProfileWiped. A success ends the back-off, but the failures it
        returns stay recorded until `forget_audited_failures` is told the audit chain
        holds them.
        """
        if max_failed_unlocks is not None and max_failed_unlocks < 0:
            raise ValueError("max_failed_unlocks must be zero (never wipe) or positive")
        with attempt_lock(self._paths):
            return self._attempt(passphrase, clock, max_failed_unlocks)

    def forget_audited_failures(self, result: UnlockResult) -> None:
        """Drop the failures `result` reported, once they are committed to the audit chain."""
        audited = tuple(result.failures_since_last_success)
        if not audited and not result.earlier_failures_unknown:
            return
        with attempt_lock(self._paths):
            state = load_unlock_state(self._paths.unlock_state)
            remaining = state.after_audit(audited, result.earlier_failures_unknown)
            if remaining != state:
                save_unlock_state(self._paths.unlock_state, remaining)

    def change_passphrase(
        self,
        old: str,
        new: str,
        *,
        recovery_public_key: bytes | str | None = None,
        clock: Clock = utc_now,
        max_failed_unlocks: int | None = None,
    ) -> UnlockResult:
        """Re-wrap the same data key under a new passphrase; only vault.json is rewritten.

        The old passphrase is checked like an unlock (back-off and wipe policy apply).
        With a recovery key from policy the recovery copy is re-made for it; without
        one, an existing recovery copy is kept, since the data key it protects is the same.
        """
        encode_passphrase(new)
        recovery_key = (
            None if recovery_public_key is None else load_recovery_public_key(recovery_public_key)
        )
        if max_failed_unlocks is not None and max_failed_unlocks < 0:
            raise ValueError("max_failed_unlocks must be zero (never wipe) or positive")
        with attempt_lock(self._paths):
            result = self._attempt(old, clock, max_failed_unlocks)
            db_id = self._file.db_id
            recovery_wrap = (
                self._file.recovery_wrap
                if recovery_key is None
                else _recovery_wrap(result.dek, recovery_key, db_id)
            )
            self._file = replace(
                self._file,
                passphrase_wrap=_passphrase_wrap(new, self._current_share(), db_id, result.dek),
                recovery_wrap=recovery_wrap,
            )
            write_vault_file(self._paths.vault, self._file)
        log.info("passphrase changed")
        return result

    def remember_database(self) -> None:
        """Record in vault.json the salt of the database its data key has just opened.

        Called once the store has opened (or made) the database with this vault's key,
        which proves the two belong together; a key file that already records a salt
        (or one replaced meanwhile by another profile's) is left alone.
        """
        if self._file.database_salt is not None:
            return
        with attempt_lock(self._paths):
            current = read_vault_file(self._paths.vault)
            salt = read_database_salt(self._paths.db)
            if current.database_salt is None and current.db_id == self._file.db_id and salt:
                current = replace(current, database_salt=salt)
                write_vault_file(self._paths.vault, current)
                log.info("key file tied to its database")
            self._file = current

    def wipe(self) -> None:
        """Erase the profile's data and its keystore share (revocation, or the wipe
        policy), with any key file and database set aside and the share they name."""
        set_aside = _readable_set_aside_key_files(self._paths)  # read before they go
        wipe(self._paths)
        for vault_file in (self._file, *set_aside):
            self._delete_keystore_entries(vault_file)

    def _delete_keystore_entries(self, vault_file: VaultFile) -> None:
        if vault_file.protection is Protection.PASSPHRASE_AND_KEYSTORE:
            delete_share(self._keystore, vault_file.share_entry)
            delete_share(self._keystore, device_token_entry(vault_file.db_id), "device token")

    def _attempt(
        self, passphrase: str, clock: Clock, max_failed_unlocks: int | None
    ) -> UnlockResult:
        """One unlock attempt; the caller holds the unlock lock."""
        now = require_aware(clock())
        self._file = read_vault_file(self._paths.vault)
        _require_own_database(self._file, self._paths)
        state = load_unlock_state(self._paths.unlock_state)
        if state.has_future_instants(now):
            state = state.clamped_to(now)
            save_unlock_state(self._paths.unlock_state, state)
        wait = state.retry_after(now)
        if wait > 0:
            raise UnlockDelayed(wait)
        encode_passphrase(passphrase)
        share = self._current_share()
        failed = state.after_failure(now)
        save_unlock_state(self._paths.unlock_state, failed)
        try:
            dek = self._open(passphrase, share)
        except VaultCorrupt:
            # The passphrase matched; only the wrapped key is damaged, which is no guess.
            save_unlock_state(self._paths.unlock_state, state)
            raise
        if dek is None:
            self._fail(failed, now, max_failed_unlocks)
        save_unlock_state(self._paths.unlock_state, state.after_success())
        return UnlockResult.closing(dek, state)

    def _current_share(self) -> bytes | None:
        if self._file.protection is Protection.PASSPHRASE_ONLY:
            return None
        return load_share(self._keystore, self._file.share_entry)

    def _open(self, passphrase: str, share: bytes | None) -> bytes | None:
        """The data key; None for a wrong passphrase; VaultCorrupt for a damaged wrap."""
        wrap = self._file.passphrase_wrap
        keys = combine(stretch_passphrase(passphrase, wrap.kdf), share)
        if not hmac.compare_digest(keys.check, wrap.check):
            return None
        aad = associated_data(self._file.db_id, self._file.version)
        dek = unseal(keys.kek, wrap.nonce, wrap.ciphertext, aad)
        if dek is None:
            raise VaultCorrupt(
                "the wrapped key does not match this profile's database id or has been changed"
            )
        return dek

    def _fail(self, state: UnlockState, now: datetime, max_failed_unlocks: int | None) -> NoReturn:
        if max_failed_unlocks and state.failures >= max_failed_unlocks:
            log.warning("wrong passphrase limit reached; wiping the profile as policy requires")
            self.wipe()
            raise ProfileWiped(state.failures)
        log.info("wrong passphrase (%d in a row)", state.failures)
        raise WrongPassphrase(
            failures=state.failures,
            retry_after_seconds=state.retry_after(now),
            attempts_before_wipe=max_failed_unlocks - state.failures
            if max_failed_unlocks
            else None,
        )


def _readable_set_aside_key_files(paths: ProfilePaths) -> list[VaultFile]:
    """The key files an unfinished set-up or wipe left that can still be read; one
    that cannot is erased with the rest, but the share it names cannot be found."""
    readable = []
    for path in paths.set_aside_key_files():
        try:
            readable.append(read_vault_file(path))
        except (VaultError, OSError) as exc:
            log.warning("could not read a set-aside key file (%s)", type(exc).__name__)
    return readable


def recover(
    paths: ProfilePaths,
    private_key_pem: bytes,
    key_password: bytes | None,
    new_passphrase: str,
    keystore: Keystore | None,
) -> tuple[Vault, UnlockResult]:
    """IT's way back in: open the recovery copy with the organisation's private key and
    wrap the data key under a new passphrase (with a fresh share in `keystore`, if given).

    The back-off ends; the returned result lists the failures recorded so far, which
    stay recorded until the returned vault's `forget_audited_failures` is called.
    """
    encode_passphrase(new_passphrase)
    with attempt_lock(paths):
        return _recover(paths, private_key_pem, key_password, new_passphrase, keystore)


def _recover(
    paths: ProfilePaths,
    private_key_pem: bytes,
    key_password: bytes | None,
    new_passphrase: str,
    keystore: Keystore | None,
) -> tuple[Vault, UnlockResult]:
    vault_file = read_vault_file(paths.vault)
    _require_own_database(vault_file, paths)
    if vault_file.recovery_wrap is None:
        raise RecoveryUnavailable()
    private_key = load_recovery_private_key(private_key_pem, key_password)
    given = fingerprint(private_key.public_key())
    if given != vault_file.recovery_wrap.key_fingerprint:
        raise RecoveryKeyRejected(
            "it is not the key this profile's recovery copy was made for (needed: "
            f"{vault_file.recovery_wrap.key_fingerprint}; given: {given})"
        )
    label = associated_data(vault_file.db_id, vault_file.version)
    dek = unwrap_for_recovery(vault_file.recovery_wrap.ciphertext, private_key, label)
    if dek is None:
        raise VaultCorrupt("the recovery copy of the key does not open with the matching key")
    # The new share goes under a new entry and the old one is deleted only once the new
    # vault.json is in place: until then the old key file and share, and with them the
    # passphrase the person knows, keep working if this is interrupted.
    entry = str(uuid.uuid4())
    share = None if keystore is None else store_share(keystore, entry)
    try:
        rewrapped = replace(
            vault_file,
            protection=_protection_for(share),
            passphrase_wrap=_passphrase_wrap(new_passphrase, share, vault_file.db_id, dek),
            keystore_entry=None if share is None else entry,
        )
        write_vault_file(paths.vault, rewrapped)
    except BaseException:
        if share is not None:
            delete_share(keystore, entry)
        raise
    if vault_file.protection is Protection.PASSPHRASE_AND_KEYSTORE:
        delete_share(keystore, vault_file.share_entry)
    state = load_unlock_state(paths.unlock_state)
    save_unlock_state(paths.unlock_state, state.after_success())
    log.info("profile recovered with the organisation key (%s)", rewrapped.protection.value)
    return Vault(paths, rewrapped, keystore), UnlockResult.closing(dek, state)


def _require_own_database(vault_file: VaultFile, paths: ProfilePaths) -> None:
    """Refuse a key file that records another database's salt, before any attempt counts.

    Another profile's vault.json would unlock with that profile's passphrase and then
    fail on this database as if the database were damaged; with the wipe policy, this
    profile's own passphrase would even count towards erasing it.
    """
    recorded = vault_file.database_salt
    if recorded is None:
        return  # a key file from before the salt was recorded, until its next unlock
    found = read_database_salt(paths.db)
    if found is not None and not hmac.compare_digest(found, recorded):
        log.warning("the key file records a different database from this profile's")
        raise VaultFromAnotherProfile()


def _protection_for(share: bytes | None) -> Protection:
    return Protection.PASSPHRASE_ONLY if share is None else Protection.PASSPHRASE_AND_KEYSTORE


def _passphrase_wrap(
    passphrase: str, share: bytes | None, db_id: str, dek: bytes
) -> PassphraseWrap:
    params = Argon2Params.fresh()
    keys = combine(stretch_passphrase(passphrase, params), share)
    nonce, ciphertext = seal(keys.kek, dek, associated_data(db_id, FORMAT_VERSION))
    return PassphraseWrap(kdf=params, nonce=nonce, ciphertext=ciphertext, check=keys.check)


def _recovery_wrap(dek: bytes, key: rsa.RSAPublicKey, db_id: str) -> RecoveryWrap:
    return RecoveryWrap(
        key_fingerprint=fingerprint(key),
        ciphertext=wrap_for_recovery(dek, key, associated_data(db_id, FORMAT_VERSION)),
    )
