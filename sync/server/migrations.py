"""Versioned, transactional schema migrations recorded in `schema_version`.

Each step runs in its own transaction together with the row that records it, so a failed
step leaves the database at the previous version. Concurrent migrators queue behind an
advisory lock (PostgreSQL) or the write lock (SQLite) and re-read the version first.

Step 1 creates the tables as `schema_v1.py` froze them; each later step changes them
towards what `schema.py` declares, in plain SQL that does not move when `schema.py` does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, DateTime, Engine, func, insert, inspect, select, text

from sync.server import schema, schema_v1
from sync.server.db import Clock, is_postgresql, reading, writing

_ADVISORY_LOCK_KEY = 0x5248_4943  # "RHIC"


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release of the service."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial_schema(conn: Connection) -> None:
    schema_v1.metadata.create_all(conn)
    conn.execute(insert(schema_v1.feed_counter).values(id=1, last_seq=0))


def _record_creators(conn: Connection) -> None:
    """Who created each entity: the user who applied its first version, as the feed
    already recorded it, so records written before this step have their author too."""
    conn.execute(text("ALTER TABLE entities ADD COLUMN created_by VARCHAR(36)"))
    conn.execute(
        text(
            "UPDATE entities SET created_by = created.applied_by"
            " FROM (SELECT entity, entity_id, applied_by FROM changes WHERE version = 1)"
            " AS created"
            " WHERE created.entity = entities.entity AND created.entity_id = entities.entity_id"
        )
    )


def _record_leavers(conn: Connection) -> None:
    """When a user left (`rhi-central users leave`); NULL for everyone still here."""
    instant = DateTime(timezone=True).compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE users ADD COLUMN left_at {instant}"))


def _index_versions(conn: Connection) -> None:
    """Which change made an entity's version: looked up for every chained push."""
    conn.execute(
        text("CREATE INDEX ix_changes_entity_version ON changes (entity, entity_id, version)")
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _initial_schema),
    Migration(2, "record who created each entity", _record_creators),
    Migration(3, "record when a user left", _record_leavers),
    Migration(4, "index the feed by entity version", _index_versions),
)
LATEST = MIGRATIONS[-1].version


def current_version(engine: Engine) -> int:
    """0 for an empty database."""
    with reading(engine) as conn:
        return _version(conn)


def migrate(
    engine: Engine, clock: Clock, migrations: Sequence[Migration] = MIGRATIONS
) -> list[int]:
    """Bring the database to the newest version; return the versions applied now."""
    newest = migrations[-1].version if migrations else 0
    applied: list[int] = []
    for step in [None, *migrations]:
        with writing(engine) as conn:
            if is_postgresql(engine):
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY}
                )
            if step is None:
                schema.metadata.create_all(conn, tables=[schema.schema_version])
                if _version(conn) > newest:
                    raise SchemaTooNew(
                        "The database schema is newer than this release of rhi-central."
                    )
                continue
            if _version(conn) >= step.version:
                continue
            step.apply(conn)
            conn.execute(
                insert(schema.schema_version).values(
                    version=step.version, description=step.description, applied_at=clock()
                )
            )
            applied.append(step.version)
    return applied


def _version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar_one()
    return int(found or 0)
