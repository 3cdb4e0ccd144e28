"""Which secrets guard a profile's key, stated plainly for the person using it."""

from __future__ import annotations

from enum import Enum


class Protection(Enum):
    # The values are labels stored in vault.json, not secrets.
    PASSPHRASE_AND_KEYSTORE = "passphrase+keystore"  # noqa: S105
    PASSPHRASE_ONLY = "passphrase"  # noqa: S105

    def describe(self) -> str:
        if self is Protection.PASSPHRASE_AND_KEYSTORE:
            return "Protected by your passphrase and this computer's keystore"
        return "Protected by your passphrase only: no system keystore is available on this computer"
