"""Where the device token lives: the OS keystore, or inside the encrypted database.

The token proves to the central service that a request comes from this enrolled device,
so it gets the same protection as the data key's second share: in the OS keystore when
the profile's vault uses one, otherwise inside the SQLCipher database (encrypted with
everything else). Never in a plain file, a log or an error message.
"""

from __future__ import annotations

import logging

from rhi_desktop.store import Store, Transaction
from rhi_desktop.vault import SERVICE, Keystore, Protection, Vault

log = logging.getLogger(__name__)


class TokenStorageFailed(Exception):
    def __init__(self) -> None:
        super().__init__(
            "The device token could not be saved in this computer's keystore; "
            "nothing was changed. Try again, or ask IT to check the keystore."
        )


class DeviceCredentials:
    """The token of one profile's enrolment."""

    def __init__(self, vault: Vault, keystore: Keystore | None) -> None:
        uses_keystore = vault.protection is Protection.PASSPHRASE_AND_KEYSTORE
        self._keystore = keystore if uses_keystore else None
        self._account = f"device-token:{vault.db_id}"

    @property
    def in_keystore(self) -> bool:
        return self._keystore is not None

    def save(self, tx: Transaction, token: str) -> None:
        """Keep `token`, inside the enrolment's transaction when it goes in the database."""
        if self._keystore is None:
            tx.sync_state.set_device_token(token)
            return
        try:
            self._keystore.set_password(SERVICE, self._account, token)
            stored = self._keystore.get_password(SERVICE, self._account)
        except Exception as exc:  # keystore backends raise their own types
            log.warning("could not store the device token (%s)", type(exc).__name__)
            raise TokenStorageFailed() from None
        if stored != token:
            raise TokenStorageFailed()
        tx.sync_state.set_device_token(None)

    def load(self, store: Store) -> str | None:
        if self._keystore is None:
            return store.sync_state.device_token()
        try:
            return self._keystore.get_password(SERVICE, self._account)
        except Exception as exc:  # a locked or broken keystore: treat as no token
            log.warning("could not read the device token (%s)", type(exc).__name__)
            return None

    def forget(self) -> None:
        """Remove the keystore copy (the database copy goes with the database or its state)."""
        if self._keystore is None:
            return
        try:
            self._keystore.delete_password(SERVICE, self._account)
        except Exception as exc:  # absent already, or the keystore misbehaves: keep going
            log.info("no device token removed from the keystore (%s)", type(exc).__name__)
