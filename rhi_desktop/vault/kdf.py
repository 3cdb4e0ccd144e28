"""Turning a passphrase (and the keystore share) into the key that wraps the data key.

Argon2id makes each guess cost 64 MiB and several passes, so a stolen vault.json cannot be
brute-forced cheaply. The parameters travel with the wrap, and loading refuses anything
below the minimums so an edited file cannot weaken the derivation. Passphrases are
NFC-normalised before encoding: the same text typed on different keyboards (composed or
decomposed accents) must give the same key.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from rhi_desktop.vault.errors import UnacceptablePassphrase

MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
PARALLELISM = 2
SALT_BYTES = 16
SECRET_BYTES = 32
# Ceilings keep a tampered vault.json from making unlock exhaust memory or run for hours.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_PARALLELISM = 16

_WRAP_INFO = b"rhi-desktop vault v1: key-encryption key"
_CHECK_INFO = b"rhi-desktop vault v1: passphrase check"


@dataclass(frozen=True, slots=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    parallelism: int
    salt: bytes

    @classmethod
    def fresh(cls) -> Argon2Params:
        return cls(MIN_MEMORY_KIB, MIN_ITERATIONS, PARALLELISM, os.urandom(SALT_BYTES))

    def weakness(self) -> str | None:
        """Why these parameters must not be used, or None when they are acceptable."""
        if not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB:
            return "the key-derivation memory setting is outside the allowed range"
        if not MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS:
            return "the key-derivation iteration count is outside the allowed range"
        if not 1 <= self.parallelism <= MAX_PARALLELISM:
            return "the key-derivation parallelism is outside the allowed range"
        if len(self.salt) < SALT_BYTES:
            return "the key-derivation salt is too short"
        return None


@dataclass(frozen=True, slots=True)
class DerivedKeys:
    """The wrapping key and a separate check value; neither reveals the other."""

    kek: bytes
    check: bytes


def encode_passphrase(passphrase: str) -> bytes:
    normalised = unicodedata.normalize("NFC", passphrase)
    if not normalised.strip():
        raise UnacceptablePassphrase()
    return normalised.encode("utf-8")


def stretch_passphrase(passphrase: str, params: Argon2Params) -> bytes:
    """The slow step: Argon2id over the normalised passphrase."""
    problem = params.weakness()
    if problem is not None:
        raise ValueError(problem)
    return bytes(
        hash_secret_raw(
            encode_passphrase(passphrase),
            params.salt,
            time_cost=params.iterations,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=SECRET_BYTES,
            type=Type.ID,
            version=ARGON2_VERSION,
        )
    )


def combine(stretched: bytes, keystore_share: bytes | None) -> DerivedKeys:
    """HKDF-SHA256 over (Argon2 output || keystore share), so a copied disk needs both.

    The check value lets a wrong passphrase be told apart from a damaged wrap; it costs
    an attacker exactly as much as trying the wrap itself.
    """
    material = stretched + (keystore_share or b"")
    return DerivedKeys(kek=_expand(material, _WRAP_INFO), check=_expand(material, _CHECK_INFO))


def _expand(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=SECRET_BYTES, salt=None, info=info).derive(
        material
    )
