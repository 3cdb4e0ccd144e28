"""Device tokens and enrolment codes: made at random, stored only as hashes.

A device token is `<device id>.<secret>`: the id finds the device row, so the secret is
never used as a lookup key, and its SHA-256 is compared in constant time. A plain hash
is enough because the secret has 256 bits of entropy. Enrolment codes are shorter so a
person can type them, which is why they are single use and expire within a day.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select, update

from sync.protocol import ErrorCode, Role
from sync.server import schema
from sync.server.db import Clock, reading, writing
from sync.server.errors import ApiError

TOKEN_BYTES = 32
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to misread
CODE_LENGTH = 12  # about 59 bits
CODE_TTL = timedelta(hours=24)
LAST_SEEN_RESOLUTION = timedelta(minutes=1)
_UNUSED_HASH = hashlib.sha256(b"no such device").hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the device and the user it is enrolled for."""

    device_id: str
    user_id: str
    role: Role
    team_id: str | None


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_device_token(device_id: str) -> tuple[str, str]:
    """(token for the device, hash to store)."""
    secret = secrets.token_urlsafe(TOKEN_BYTES)
    return f"{device_id}.{secret}", sha256_hex(secret)


def new_enrolment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def enrolment_code_hash(code: str) -> str:
    """Hash of the code as typed, ignoring case, spaces and dashes."""
    normalised = "".join(code.split()).replace("-", "").upper()
    return sha256_hex(normalised)


def _split_token(token: str) -> tuple[str, str] | None:
    device_id, dot, secret = token.partition(".")
    if not dot or not secret:
        return None
    try:
        return str(uuid.UUID(device_id)), secret
    except ValueError:
        return None


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def authenticate(engine: Engine, token: str | None, clock: Clock) -> Principal:
    """The caller behind a device token, or ApiError 401 (with the wipe directive if revoked).

    A device of someone who has left is treated as revoked, whether or not its own row
    says so. Only a caller holding the real secret of a revoked device is told to wipe: a
    forged token gets the same answer as a missing one.
    """
    parsed = _split_token(token) if token else None
    if parsed is None:
        raise ApiError(401, ErrorCode.UNAUTHORISED)
    device_id, secret = parsed
    d, u = schema.devices, schema.users
    with reading(engine) as conn:
        row = conn.execute(
            select(
                d.c.token_hash,
                d.c.revoked_at,
                d.c.last_seen_at,
                u.c.id,
                u.c.role,
                u.c.team_id,
                u.c.left_at,
            )
            .join(u, u.c.id == d.c.user_id)
            .where(d.c.id == device_id)
        ).one_or_none()
    stored = row.token_hash if row is not None else _UNUSED_HASH
    matches = hmac.compare_digest(stored, sha256_hex(secret))
    if row is None or not matches:
        raise ApiError(401, ErrorCode.UNAUTHORISED)
    if row.revoked_at is not None or row.left_at is not None:
        raise ApiError(401, ErrorCode.DEVICE_REVOKED)
    now = clock()
    if now - row.last_seen_at >= LAST_SEEN_RESOLUTION:
        with writing(engine) as conn:
            conn.execute(update(d).where(d.c.id == device_id).values(last_seen_at=now))
    return Principal(device_id=device_id, user_id=row.id, role=Role(row.role), team_id=row.team_id)
