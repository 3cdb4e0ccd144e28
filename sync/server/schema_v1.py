"""The tables as migration step 1 created them, frozen.

`schema.py` declares the tables as the newest step leaves them; step 1 must go on
building the same first database however `schema.py` changes later, so that every later
step starts from what it was written against. Never edit these definitions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
)
from sqlalchemy.dialects.postgresql import JSONB

from sync.server.schema import UTCDateTime

# The column types as step 1 used them, kept here so that a later change to schema.py's
# types cannot change the first database. (UTCDateTime only converts values in Python.)
Id = String(36)
PayloadJSON: Any = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

Table(
    "teams",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("role", String(32), nullable=False),
    Column("team_id", Id, ForeignKey("teams.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

Table(
    "enrolment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("user_id", Id, ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)

Table(
    "devices",
    metadata,
    Column("id", Id, primary_key=True),
    Column("user_id", Id, ForeignKey("users.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("app_version", String(40), nullable=False),
    Column("token_hash", String(64), nullable=False),
    Column("enrolled_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("audit_seq", BigInteger, nullable=True),
    Column("audit_mac", String(128), nullable=True),
)

Table(
    "entities",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("entity_id", String(100), primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("payload", PayloadJSON, nullable=False),
    Column("interviewer_id", Id, nullable=True),
    Column("team_id", Id, nullable=True),
    Column("team_visible", Boolean, nullable=False),
    Column("is_global", Boolean, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

Table(
    "changes",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("change_id", Id, nullable=False, unique=True),
    Column("fingerprint", String(64), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(100), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("payload", PayloadJSON, nullable=False),
    Column("interviewer_id", Id, nullable=True),
    Column("team_id", Id, nullable=True),
    Column("team_visible", Boolean, nullable=False),
    Column("is_global", Boolean, nullable=False),
    Column("applied_by", Id, nullable=True),
    Column("device_id", Id, nullable=True),
    Column("made_at", UTCDateTime, nullable=True),
    Column("recorded_at", UTCDateTime, nullable=False),
    Index("ix_changes_interviewer_seq", "interviewer_id", "seq"),
    Index("ix_changes_team_seq", "team_id", "seq"),
)

feed_counter = Table(
    "feed_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
)
