"""Where the device token lives: inside the encrypted database, always.

The token proves to the central service that a request comes from this enrolled device,
so it is kept with the case data it opens: inside the SQLCipher database, readable only
once the profile is unlocked, and gone when the profile is wiped. An OS keystore is no
place for it on its own: anything running as the signed-in user can read a keystore
entry without the passphrase, and the keystore holds only half of the data key for
that reason. Earlier releases kept the token there when the profile used a keystore; such
an entry is moved into the database the first time it is read, and removed from the
keystore. Never in a plain file, a log or an error message.
"""

from __future__ import annotations

import logging

from rhi_desktop.store import Store, Transaction
from rhi_desktop.vault import SERVICE, Keystore, Protection, Vault, device_token_entry

log = logging.getLogger(__name__)


class DeviceCredentials:
    """The token of one profile's enrolment."""

    def __init__(self, vault: Vault, keystore: Keystore | None) -> None:
        uses_keystore = vault.protection is Protection.PASSPHRASE_AND_KEYSTORE
        self._keystore = keystore if uses_keystore else None
        self._entry = device_token_entry(vault.db_id)

    def save(self, tx: Transaction, token: str) -> None:
        """Keep `token`, inside the enrolment's transaction."""
        tx.sync_state.set_device_token(token)

    def load(self, store: Store) -> str | None:
        token = store.sync_state.device_token()
        if token:
            self.forget()  # a copy an earlier release left in the keystore
            return token
        legacy = self._from_keystore()
        if legacy is None:
            return None
        enrolment = store.sync_state.enrolment()
        actor = enrolment.user_id if enrolment is not None else "sync"
        with store.transaction(actor) as tx:
            tx.sync_state.set_device_token(legacy)
        self.forget()
        log.info("device token moved from the keystore into the encrypted database")
        return legacy

    def forget(self) -> None:
        """Remove any keystore copy (the database copy goes with the database or its state)."""
        if self._keystore is None:
            return
        try:
            if self._keystore.get_password(SERVICE, self._entry) is None:
                return
            self._keystore.delete_password(SERVICE, self._entry)
        except Exception as exc:  # the keystore misbehaves: the token still works from the db
            log.warning(
                "could not remove the device token from the keystore (%s)", type(exc).__name__
            )

    def _from_keystore(self) -> str | None:
        if self._keystore is None:
            return None
        try:
            return self._keystore.get_password(SERVICE, self._entry)
        except Exception as exc:  # a locked or broken keystore: treat as no token
            log.warning("could not read the device token (%s)", type(exc).__name__)
            return None
