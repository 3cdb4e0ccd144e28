"""The central service's tables (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Entities are stored generically: the service interprets a payload only for the few fields
authorisation needs, which are copied into their own columns (`interviewer_id`,
`team_id`, `team_visible`), and it records who created each one (`created_by`). Every
applied change is also appended to `changes`, the feed devices pull from, in server
sequence order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC instants in and out; SQLite keeps no zone, so it is restored on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware instant")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


PayloadJSON: Any = JSON().with_variant(JSONB(), "postgresql")
Id = String(36)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

teams = Table(
    "teams",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("role", String(32), nullable=False),
    Column("team_id", Id, ForeignKey("teams.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    # When the person left: their devices were revoked and no code may be issued to them.
    Column("left_at", UTCDateTime, nullable=True),
)

enrolment_codes = Table(
    "enrolment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("user_id", Id, ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)

devices = Table(
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

entities = Table(
    "entities",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("entity_id", String(100), primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("payload", PayloadJSON, nullable=False),
    # The interviewer whose case this is (assignments, reviews, their supervision).
    Column("interviewer_id", Id, nullable=True),
    Column("team_id", Id, nullable=True),
    # Whether the team's coordinator may see it (drafts stay with the interviewer).
    Column("team_visible", Boolean, nullable=False),
    Column("is_global", Boolean, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # The user who created it (None: an administrator's command). A supervision record
    # is its author's account of a meeting, so only they may change it.
    Column("created_by", Id, nullable=True),
)

changes = Table(
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
    Column("applied_by", Id, nullable=True),  # None: written by an administrator's command
    Column("device_id", Id, nullable=True),
    Column("made_at", UTCDateTime, nullable=True),
    Column("recorded_at", UTCDateTime, nullable=False),
    Index("ix_changes_interviewer_seq", "interviewer_id", "seq"),
    Index("ix_changes_team_seq", "team_id", "seq"),
    Index("ix_changes_entity_version", "entity", "entity_id", "version"),
)

# One row. Bumping it inside the applying transaction holds its row lock until commit,
# so sequence numbers become visible in order and a cursor never skips a late commit.
feed_counter = Table(
    "feed_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
)
