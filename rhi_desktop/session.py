"""Creating and unlocking a profile: the vault, the store and the audit of unlocking.

Both the headless commands and the desktop app open profiles through here, so that every
unlock writes the same audit events and honours the same policy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rhi_desktop.audit import AuditAction, DetailValue
from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.profile import ProfilePaths, set_aside_unfinished
from rhi_desktop.store import Store
from rhi_desktop.vault import Keystore, UnlockResult, Vault, VaultError

log = logging.getLogger(__name__)

# The actor recorded for changes made before the device is enrolled to a named user.
LOCAL_ACTOR = "local-user"


@dataclass(slots=True)
class OpenProfile:
    paths: ProfilePaths
    vault: Vault
    store: Store
    actor: str = LOCAL_ACTOR

    def close(self) -> None:
        self.store.close()


def _recovery_key(settings: Settings) -> bytes | None:
    path = settings.recovery_public_key
    return path.read_bytes() if path else None


def create_profile(
    paths: ProfilePaths, passphrase: str, settings: Settings, keystore: Keystore | None
) -> OpenProfile:
    """A new vault and an empty encrypted database; refuses to touch an existing profile.

    What a set-up or wipe cut short left behind (a key file without its database, or the
    other way round) is set aside under a new name first, so the person is not stuck.
    """
    paths.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    if paths.is_unfinished():
        set_aside_unfinished(paths, f"{utc_now():%Y%m%dT%H%M%SZ}")
    vault, dek = Vault.create(
        paths, passphrase, keystore=keystore, recovery_public_key=_recovery_key(settings)
    )
    try:
        store = Store.create(paths.db, dek)
    except BaseException:
        paths.vault.unlink(missing_ok=True)
        raise
    _remember_database(vault)
    log.info("profile created (protection: %s)", vault.protection.name)
    return OpenProfile(paths, vault, store)


def open_profile(
    paths: ProfilePaths,
    passphrase: str,
    settings: Settings,
    keystore: Keystore | None,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> OpenProfile:
    """Unlock the vault, open the store and audit the unlock (and earlier failures).

    The failures are cleared from unlock-state.json only once the audit chain holds them,
    so a store that cannot be opened or written now does not lose them. Changes are
    recorded under the enrolled user's id (the central service's) once the
    device is enrolled, whichever way the profile was opened: app, sync or export.
    """
    vault = Vault.load(paths, keystore=keystore)
    result = vault.unlock(
        passphrase, clock=clock, max_failed_unlocks=settings.max_failed_unlocks or None
    )
    store = Store.open(paths.db, result.dek, key_verified=True, clock=clock)
    try:
        audit_unlock(store, result, LOCAL_ACTOR)
        vault.forget_audited_failures(result)
        profile = OpenProfile(paths, vault, store)
        adopt_enrolled_user(profile)
    except BaseException:
        store.close()
        raise
    _remember_database(vault)
    return profile


def _remember_database(vault: Vault) -> None:
    """Tie the key file to the database its key has just opened.

    The profile is usable without the tie (it only lets a key file from another profile
    be recognised), so a failure to record it now is logged and retried at the next
    unlock rather than refusing a profile that opened.
    """
    try:
        vault.remember_database()
    except (OSError, VaultError) as exc:
        log.warning("could not record the database in the key file (%s)", type(exc).__name__)


def adopt_enrolled_user(profile: OpenProfile) -> None:
    """Record changes under the enrolled user's id (the service's), once there is one."""
    profile.actor = enrolled_actor(profile.store, profile.actor)


def enrolled_actor(store: Store, otherwise: str = LOCAL_ACTOR) -> str:
    """Who changes on this device are made by: the enrolled user, else `otherwise`."""
    enrolment = store.sync_state.enrolment()
    return otherwise if enrolment is None else enrolment.user_id


def audit_unlock(store: Store, result: UnlockResult, actor: str) -> None:
    with store.transaction(actor) as tx:
        tx.audit.record_unlock_failures(result.failures_since_last_success)
        detail = {"earlier_failures_unknown": True} if result.earlier_failures_unknown else None
        tx.audit.append(AuditAction.UNLOCK, "profile", detail=detail)


class KeyChange(StrEnum):
    """How the wrapped data key was re-made, as the audit chain records it."""

    PASSPHRASE_CHANGED = "passphrase_changed"  # noqa: S105  (an audit code, not a secret)
    RECOVERED = "recovered_with_organisation_key"


def audit_key_change(vault: Vault, result: UnlockResult, change: KeyChange) -> None:
    """Record a passphrase change or recovery, with the failures it ended, in the chain.

    Both prove or grant access to the data key (recovery with the organisation's key), so
    each leaves its own event. The failures are cleared from unlock-state.json only after
    the transaction holding them has committed.
    """
    detail: dict[str, DetailValue] = {"change": change.value, "protection": vault.protection.value}
    if change is KeyChange.RECOVERED:
        detail["recovery_key"] = vault.recovery_key_fingerprint
    if result.earlier_failures_unknown:
        detail["earlier_failures_unknown"] = True
    with (
        Store.open(vault.paths.db, result.dek, key_verified=True) as store,
        store.transaction(enrolled_actor(store)) as tx,
    ):
        tx.audit.record_unlock_failures(result.failures_since_last_success)
        tx.audit.append(AuditAction.UPDATE, "vault", vault.db_id, detail=detail)
    vault.forget_audited_failures(result)
