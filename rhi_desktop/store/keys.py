"""The two keys the store derives from the data key (DEK) the vault hands it.

The page key encrypts the SQLCipher file; the audit key MACs the audit chain. They come
from the DEK through HKDF-SHA256 with distinct `info` strings, so neither reveals the
other and the audit key is never the page key.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
_PAGE_INFO = b"rhi-desktop/store/sqlcipher-page-key/v1"
_AUDIT_INFO = b"rhi-desktop/store/audit-mac-key/v1"


@dataclass(frozen=True, slots=True, repr=False)
class StoreKeys:
    page_key: bytes
    audit_key: bytes

    def __repr__(self) -> str:  # keys never reach logs or tracebacks
        return "StoreKeys(<redacted>)"

    def sqlcipher_key(self, salt: bytes | None = None) -> bytes:
        """The page key in SQLCipher's raw-key form for `set_key`.

        SQLCipher treats bytes given to `set_key` as a passphrase and runs PBKDF2 over
        them, unless they are spelled `x'<64 hex digits>'`: then they are the AES key
        itself. The DEK is already random, so a second slow KDF would add nothing.
        With `salt` (`x'<64 hex digits><32 hex digits>'`) a new file starts with that
        salt instead of a random one: a copy of a database keeps the salt that ties the
        vault to it.
        """
        spelled = self.page_key.hex() + ("" if salt is None else salt.hex())
        return b"x'" + spelled.encode("ascii") + b"'"


def _hkdf(dek: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(dek)


def derive_keys(dek: bytes) -> StoreKeys:
    if len(dek) != KEY_BYTES:
        raise ValueError("The data key must be exactly 32 bytes.")
    return StoreKeys(page_key=_hkdf(dek, _PAGE_INFO), audit_key=_hkdf(dek, _AUDIT_INFO))
