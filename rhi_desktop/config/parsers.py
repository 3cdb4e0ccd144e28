"""Turn raw TOML values into typed settings, or say plainly why not.

Each parser takes the value as TOML decoded it and the directory relative paths are
resolved against (the folder holding the file), and raises `InvalidValue` with a message
fit to show IT staff. The same parsers check values the app itself writes, so a value
that could not be read back is never saved.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal, cast
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from rhi_desktop.vault.recovery_key import MIN_RSA_BITS

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
LOG_LEVELS: tuple[LogLevel, ...] = ("DEBUG", "INFO", "WARNING", "ERROR")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
_PEM_CERTIFICATE = b"-----BEGIN CERTIFICATE-----"
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
_MAX_SHOWN = 60


class InvalidValue(ValueError):
    """A value that cannot be used; the message says what was expected."""


def describe_value(raw: object) -> str:
    """Show a value roughly as it was written in TOML, shortened for one-line messages."""
    if isinstance(raw, bool):
        text = "true" if raw else "false"
    elif isinstance(raw, str):
        text = json.dumps(raw, ensure_ascii=False)
    elif isinstance(raw, int | float):
        text = repr(raw)
    elif isinstance(raw, dict):
        text = "a table"
    elif isinstance(raw, list):
        text = "an array"
    elif isinstance(raw, datetime | date | time):
        text = f"a date/time ({raw.isoformat()})"
    else:
        text = f"a {type(raw).__name__}"
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def integer(minimum: int, maximum: int | None, expected: str) -> Callable[[object, Path], int]:
    """A whole number in range; TOML booleans and floats are refused, not coerced."""

    def parse(raw: object, base_dir: Path) -> int:
        if (
            not isinstance(raw, int)
            or isinstance(raw, bool)
            or raw < minimum
            or (maximum is not None and raw > maximum)
        ):
            raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
        return raw

    return parse


def server_url(raw: object, base_dir: Path) -> str:
    """An https base URL (plain http only to this machine), without a trailing slash."""
    expected = 'an https URL such as "https://rhi.example.gov.uk"'
    if not isinstance(raw, str) or not raw or raw != raw.strip() or any(c.isspace() for c in raw):
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}") from None
    if parts.username is not None or parts.password is not None:
        # Do not echo the value: it holds a credential.
        raise InvalidValue("must not contain a user name or password")
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in ("https", "http") or not host:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    if parts.query or parts.fragment:
        raise InvalidValue(f"must not have a query or fragment, got {describe_value(raw)}")
    if scheme == "http" and not _is_loopback(host):
        raise InvalidValue(
            "plain http is allowed only for loopback hosts "
            f"({', '.join(LOOPBACK_NAMES)}); use https, got {describe_value(raw)}"
        )
    if port == 0:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    return raw.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def spki_pin(raw: object, base_dir: Path) -> str:
    """Base64 of a SHA-256 digest: 44 characters that decode to exactly 32 bytes."""
    expected = "the base64 SHA-256 of the server's public key (44 characters)"
    if not isinstance(raw, str) or len(raw) != 44:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    try:
        digest = base64.b64decode(raw, validate=True)
    except ValueError:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}") from None
    if len(digest) != 32:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    return raw


def log_level(raw: object, base_dir: Path) -> LogLevel:
    expected = f"one of {', '.join(LOG_LEVELS)}"
    if not isinstance(raw, str) or raw.upper() not in LOG_LEVELS:
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    return cast(LogLevel, raw.upper())


def language(raw: object, base_dir: Path) -> str:
    """A BCP 47 tag of the simple kind the translations use: "en-GB", "cy-GB", "pl"."""
    if not isinstance(raw, str) or not _LANGUAGE_TAG.fullmatch(raw):
        raise InvalidValue(f'expected a language tag like "en-GB", got {describe_value(raw)}')
    return raw


BYTE_ORDER_MARK = b"\xef\xbb\xbf"


def pem_text(data: bytes) -> str:
    """A PEM file's text: ASCII, once any UTF-8 byte-order mark is dropped (Windows editors
    add one when saving as "UTF-8"). Raises UnicodeDecodeError for anything else."""
    return data.removeprefix(BYTE_ORDER_MARK).decode("ascii")


def read_pem(path: Path) -> str:
    """The text of the PEM file at `path` (see `pem_text`); OSError if it cannot be read."""
    return pem_text(path.read_bytes())


def ca_bundle(raw: object, base_dir: Path) -> Path:
    """A readable PEM file holding at least one certificate that parses."""
    path = _path(raw, base_dir, "a path to a PEM file of CA certificates")
    data = _read(path, "CA file")
    try:
        pem_text(data)
    except UnicodeDecodeError:
        raise InvalidValue(
            f'CA file "{path}" is not plain PEM text: save it as ASCII (PEM certificates '
            "hold no other characters)"
        ) from None
    if _PEM_CERTIFICATE not in data:
        raise InvalidValue(f'CA file "{path}" contains no PEM certificate')
    try:
        x509.load_pem_x509_certificates(data)
    except ValueError:
        message = f'CA file "{path}" contains a certificate that cannot be parsed'
        raise InvalidValue(message) from None
    return path


def rsa_public_key(raw: object, base_dir: Path) -> Path:
    """A readable PEM RSA public key, as strong as the vault requires, to wrap the data key to."""
    path = _path(raw, base_dir, "a path to a PEM RSA public key")
    data = _read(path, "public key file")
    try:
        key = load_pem_public_key(data)
    except ValueError:
        raise InvalidValue(f'public key file "{path}" contains no PEM public key') from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise InvalidValue(f'public key file "{path}" holds a key that is not RSA')
    if key.key_size < MIN_RSA_BITS:
        raise InvalidValue(
            f'public key file "{path}" holds a {key.key_size}-bit RSA key; '
            f"at least {MIN_RSA_BITS} bits are required"
        )
    return path


def postcode_lookup(raw: object, base_dir: Path) -> Path:
    """A CSV file (postcode,lat,lon) that can be opened; read in full only when a map of
    places is exported, as it may hold every postcode in the country."""
    path = _path(raw, base_dir, "a path to a CSV file of postcode,lat,lon")
    _read(path, "postcode lookup", whole=False)
    return path


def _path(raw: object, base_dir: Path, expected: str) -> Path:
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidValue(f"expected {expected}, got {describe_value(raw)}")
    path = Path(raw)
    return path if path.is_absolute() else base_dir / path


def _read(path: Path, what: str, *, whole: bool = True) -> bytes:
    """The file's bytes (only its first when not `whole`: whether it can be read at all);
    InvalidValue naming `what`, the path and the reason when it cannot be."""
    try:
        with path.open("rb") as opened:
            return opened.read() if whole else opened.read(1)
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "it is a directory, not a file"
    except PermissionError:
        reason = "permission denied"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    raise InvalidValue(f'cannot read {what} "{path}": {reason}')
