"""Sealing the data key under the key-encryption key (AES-256-GCM).

The associated data names the profile's database id and the vault format version, so a
wrap copied into another profile's vault.json, or replayed under another format, fails.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
DEK_BYTES = 32
TAG_BYTES = 16


def associated_data(db_id: str, format_version: int) -> bytes:
    return f"rhi-desktop vault|db_id={db_id}|version={format_version}".encode("ascii")


def new_data_key() -> bytes:
    return os.urandom(DEK_BYTES)


def seal(kek: bytes, dek: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Returns (nonce, ciphertext with tag); a fresh random nonce every time."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, dek, aad)


def unseal(kek: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes | None:
    """The data key, or None when the wrap does not authenticate under this key and AAD."""
    try:
        return AESGCM(kek).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        return None
