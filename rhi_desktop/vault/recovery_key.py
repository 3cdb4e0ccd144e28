"""The organisation recovery key: a copy of the data key only IT can open.

Machine policy may name an RSA public key (PEM, at least 3072 bits). The data key is
encrypted to it with RSA-OAEP-SHA256, the OAEP label binding it to this profile's
database id, and stored in vault.json with the key's fingerprint so IT can tell which of
their keys opens it. The private key never comes near the laptop in normal use.
"""

from __future__ import annotations

import hashlib

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from rhi_desktop.vault.errors import RecoveryKeyRejected

ALGORITHM = "RSA-OAEP-SHA256"
MIN_RSA_BITS = 3072


def load_recovery_public_key(pem: bytes | str) -> rsa.RSAPublicKey:
    """Validate the policy's public key, refusing anything weaker than RSA-3072."""
    data = pem.encode("ascii", errors="replace") if isinstance(pem, str) else pem
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise RecoveryKeyRejected(
            "machine policy's recovery public key is not a PEM public key; ask IT to check "
            "the policy file"
        ) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise RecoveryKeyRejected(
            "machine policy's recovery public key is not an RSA key; an RSA key of at least "
            f"{MIN_RSA_BITS} bits is required"
        )
    _require_strength(key.key_size)
    return key


def load_recovery_private_key(pem: bytes, password: bytes | None) -> rsa.RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=password)
    except TypeError:
        raise RecoveryKeyRejected(
            "the private key file is password-protected and no password was given"
            if password is None
            else "the private key file is not password-protected; run again without a password"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise RecoveryKeyRejected(
            "the private key file could not be read: it is not a PEM private key or its "
            "password is wrong"
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise RecoveryKeyRejected("the private key file does not hold an RSA key")
    _require_strength(key.key_size)
    return key


def fingerprint(key: rsa.RSAPublicKey) -> str:
    """SHA-256 of the DER SubjectPublicKeyInfo, as IT tooling (e.g. openssl) can compute it."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return "SHA256:" + hashlib.sha256(der).hexdigest()


def wrap_for_recovery(dek: bytes, key: rsa.RSAPublicKey, label: bytes) -> bytes:
    return key.encrypt(dek, _oaep(label))


def unwrap_for_recovery(ciphertext: bytes, key: rsa.RSAPrivateKey, label: bytes) -> bytes | None:
    """The data key, or None when this ciphertext was not made for this key and profile."""
    try:
        return key.decrypt(ciphertext, _oaep(label))
    except ValueError:
        return None


def _oaep(label: bytes) -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=label)


def _require_strength(bits: int) -> None:
    if bits < MIN_RSA_BITS:
        raise RecoveryKeyRejected(
            f"it is a {bits}-bit RSA key and at least {MIN_RSA_BITS} bits are required; ask "
            "IT to issue a stronger organisation recovery key"
        )
