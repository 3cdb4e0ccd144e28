"""vault.json: the wrapped data key and everything needed to unwrap it, except secrets.

    {
      "format": "rhi-desktop-vault", "version": 1,
      "db_id": "<uuid4>",                       # associated data of every wrap
      "protection": "passphrase+keystore" | "passphrase",
      "passphrase_wrap": {
        "kdf": {"algorithm": "argon2id", "memory_kib": 65536, "iterations": 3,
                "parallelism": 2, "salt": "<base64>"},
        "cipher": "AES-256-GCM", "nonce": "<base64>", "ciphertext": "<base64>",
        "check": "<base64>"
      },
      "recovery_wrap": null | {"algorithm": "RSA-OAEP-SHA256",
                               "key_fingerprint": "SHA256:<hex>", "ciphertext": "<base64>"},
      "database_salt": "<base64>",              # optional: the salt rhi.db starts with
      "keystore_entry": "<uuid4>"               # optional: where the keystore share is
    }

`database_salt` ties the key file to its one database. It is optional within format
version 1, so key files written before it existed still open (and gain it at their next
unlock), and an older app that does not know it simply ignores it. `keystore_entry`
names the keystore entry holding the share when it is not the database id: a recovery
stores its new share under a new name, so the old share keeps working with the old
key file until the new key file is safely written.

Parsing is strict: anything unexpected is reported as damage rather than guessed at, and
KDF parameters below the minimums are refused so an edited file cannot weaken unlock.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rhi_desktop.atomic_file import write_atomically
from rhi_desktop.database_salt import DATABASE_SALT_BYTES
from rhi_desktop.vault.errors import VaultCorrupt, VaultFromNewerApp, VaultMissing
from rhi_desktop.vault.kdf import SECRET_BYTES, Argon2Params
from rhi_desktop.vault.protection import Protection
from rhi_desktop.vault.recovery_key import ALGORITHM as RECOVERY_ALGORITHM
from rhi_desktop.vault.recovery_key import MIN_RSA_BITS
from rhi_desktop.vault.wrap import DEK_BYTES, NONCE_BYTES, TAG_BYTES

FORMAT = "rhi-desktop-vault"
FORMAT_VERSION = 1
KDF_ALGORITHM = "argon2id"
CIPHER = "AES-256-GCM"
_MAX_SALT_BYTES = 64
_FINGERPRINT = re.compile(r"SHA256:[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class PassphraseWrap:
    kdf: Argon2Params
    nonce: bytes
    ciphertext: bytes
    check: bytes


@dataclass(frozen=True, slots=True)
class RecoveryWrap:
    key_fingerprint: str
    ciphertext: bytes


@dataclass(frozen=True, slots=True)
class VaultFile:
    db_id: str
    protection: Protection
    passphrase_wrap: PassphraseWrap
    recovery_wrap: RecoveryWrap | None
    version: int = FORMAT_VERSION
    database_salt: bytes | None = None
    keystore_entry: str | None = None  # None: the share is stored under the database id

    @property
    def share_entry(self) -> str:
        """The keystore entry (account name under SERVICE) holding the share."""
        return self.db_id if self.keystore_entry is None else self.keystore_entry

    def to_json(self) -> bytes:
        wrap = self.passphrase_wrap
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "db_id": self.db_id,
            "protection": self.protection.value,
            "passphrase_wrap": {
                "kdf": {
                    "algorithm": KDF_ALGORITHM,
                    "memory_kib": wrap.kdf.memory_kib,
                    "iterations": wrap.kdf.iterations,
                    "parallelism": wrap.kdf.parallelism,
                    "salt": _b64(wrap.kdf.salt),
                },
                "cipher": CIPHER,
                "nonce": _b64(wrap.nonce),
                "ciphertext": _b64(wrap.ciphertext),
                "check": _b64(wrap.check),
            },
            "recovery_wrap": None,
        }
        if self.recovery_wrap is not None:
            document["recovery_wrap"] = {
                "algorithm": RECOVERY_ALGORITHM,
                "key_fingerprint": self.recovery_wrap.key_fingerprint,
                "ciphertext": _b64(self.recovery_wrap.ciphertext),
            }
        if self.database_salt is not None:
            document["database_salt"] = _b64(self.database_salt)
        if self.keystore_entry is not None:
            document["keystore_entry"] = self.keystore_entry
        return (json.dumps(document, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> VaultFile:
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise VaultCorrupt("it is not valid JSON") from None
        root = _Fields(document, "the file")
        if root.text("format") != FORMAT:
            raise VaultCorrupt("it is not an RHI Desktop key file")
        version = root.integer("version")
        if version > FORMAT_VERSION:
            raise VaultFromNewerApp()
        if version != FORMAT_VERSION:
            raise VaultCorrupt("its format version is not one this app knows")
        db_id = root.text("db_id")
        if not _is_canonical_uuid(db_id):
            raise VaultCorrupt("its database id is not a valid id")
        try:
            protection = Protection(root.text("protection"))
        except ValueError:
            raise VaultCorrupt("it names an unknown kind of protection") from None
        return cls(
            db_id=db_id,
            protection=protection,
            passphrase_wrap=_parse_passphrase_wrap(root.section("passphrase_wrap")),
            recovery_wrap=_parse_recovery_wrap(root.optional_section("recovery_wrap")),
            version=version,
            database_salt=_parse_database_salt(root),
            keystore_entry=_parse_keystore_entry(root),
        )


def read_vault_file(path: Path) -> VaultFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultMissing() from None
    return VaultFile.from_json(data)


def write_vault_file(path: Path, vault_file: VaultFile) -> None:
    write_atomically(path, vault_file.to_json())


def _parse_passphrase_wrap(wrap: _Fields) -> PassphraseWrap:
    kdf = wrap.section("kdf")
    if kdf.text("algorithm") != KDF_ALGORITHM:
        raise VaultCorrupt("it names an unknown key-derivation algorithm")
    params = Argon2Params(
        memory_kib=kdf.integer("memory_kib"),
        iterations=kdf.integer("iterations"),
        parallelism=kdf.integer("parallelism"),
        salt=kdf.binary("salt"),
    )
    weakness = params.weakness()
    if weakness is not None or len(params.salt) > _MAX_SALT_BYTES:
        raise VaultCorrupt(weakness or "the key-derivation salt is too long")
    if wrap.text("cipher") != CIPHER:
        raise VaultCorrupt("it names an unknown cipher")
    nonce = wrap.binary("nonce")
    ciphertext = wrap.binary("ciphertext")
    check = wrap.binary("check")
    if len(nonce) != NONCE_BYTES:
        raise VaultCorrupt("the wrapped key's nonce has the wrong length")
    if len(ciphertext) != DEK_BYTES + TAG_BYTES:
        raise VaultCorrupt("the wrapped key has the wrong length")
    if len(check) != SECRET_BYTES:
        raise VaultCorrupt("the passphrase check value has the wrong length")
    return PassphraseWrap(kdf=params, nonce=nonce, ciphertext=ciphertext, check=check)


def _parse_recovery_wrap(wrap: _Fields | None) -> RecoveryWrap | None:
    if wrap is None:
        return None
    if wrap.text("algorithm") != RECOVERY_ALGORITHM:
        raise VaultCorrupt("the recovery copy names an unknown algorithm")
    key_fingerprint = wrap.text("key_fingerprint")
    if not _FINGERPRINT.fullmatch(key_fingerprint):
        raise VaultCorrupt("the recovery key fingerprint is not in the expected form")
    ciphertext = wrap.binary("ciphertext")
    if len(ciphertext) < MIN_RSA_BITS // 8:
        raise VaultCorrupt("the recovery copy of the key is too short")
    return RecoveryWrap(key_fingerprint=key_fingerprint, ciphertext=ciphertext)


def _parse_keystore_entry(root: _Fields) -> str | None:
    if not root.has("keystore_entry"):
        return None
    entry = root.text("keystore_entry")
    if not _is_canonical_uuid(entry):
        raise VaultCorrupt("its keystore entry name is not a valid id")
    return entry


def _parse_database_salt(root: _Fields) -> bytes | None:
    if not root.has("database_salt"):
        return None
    salt = root.binary("database_salt")
    if len(salt) != DATABASE_SALT_BYTES:
        raise VaultCorrupt("the database salt has the wrong length")
    return salt


class _Fields:
    """Typed access to one JSON object, reporting which field is wrong (never its value)."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise VaultCorrupt(f"{where} is not a JSON object")
        self._values: dict[str, object] = value
        self._where = where

    def _get(self, name: str) -> object:
        if name not in self._values:
            raise VaultCorrupt(f"the field '{name}' is missing")
        return self._values[name]

    def has(self, name: str) -> bool:
        return name in self._values

    def text(self, name: str) -> str:
        value = self._get(name)
        if not isinstance(value, str):
            raise VaultCorrupt(f"the field '{name}' is not text")
        return value

    def integer(self, name: str) -> int:
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise VaultCorrupt(f"the field '{name}' is not a whole number")
        return value

    def binary(self, name: str) -> bytes:
        try:
            return base64.b64decode(self.text(name), validate=True)
        except (binascii.Error, ValueError):
            raise VaultCorrupt(f"the field '{name}' is not valid base64") from None

    def section(self, name: str) -> _Fields:
        return _Fields(self._get(name), f"the field '{name}'")

    def optional_section(self, name: str) -> _Fields | None:
        value = self._get(name)
        return None if value is None else _Fields(value, f"the field '{name}'")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _is_canonical_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
