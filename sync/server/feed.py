"""Writing entities and the change feed: the only code that writes either table.

Every write to `entities` appends one row to `changes` in the same transaction, with the
next server sequence number and the server's clock. Devices pull that feed by cursor.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, update

from sync.protocol import EntityKind, canonical_json
from sync.server import schema


@dataclass(frozen=True, slots=True)
class Audience:
    """The columns authorisation reads: whose case it is, and which team may see it."""

    interviewer_id: str | None
    team_id: str | None
    team_visible: bool
    is_global: bool = False


PUBLIC = Audience(interviewer_id=None, team_id=None, team_visible=False, is_global=True)


@dataclass(frozen=True, slots=True)
class Origin:
    """Who made a change. An administrator's command has no user or device."""

    change_id: str
    fingerprint: str
    applied_by: str | None = None
    device_id: str | None = None
    made_at: datetime | None = None


def fingerprint(kind: EntityKind, entity_id: str, base_version: int, payload: Any) -> str:
    """Identifies a change's content, so a reused change_id with other content is caught."""
    text = canonical_json(
        {"entity": kind.value, "entity_id": entity_id, "base": base_version, "payload": payload}
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def admin_origin(kind: EntityKind, entity_id: str, base_version: int, payload: Any) -> Origin:
    return Origin(
        change_id=str(uuid.uuid4()),
        fingerprint=fingerprint(kind, entity_id, base_version, payload),
    )


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One version of an entity, written to `entities` and waiting for its feed position."""

    kind: EntityKind
    entity_id: str
    version: int
    payload: Any
    audience: Audience
    origin: Origin


def insert_entity(
    conn: Connection,
    kind: EntityKind,
    entity_id: str,
    payload: Any,
    audience: Audience,
    origin: Origin,
    now: datetime,
) -> FeedEntry:
    """Insert version 1 (not yet in the feed). A concurrent insert raises IntegrityError."""
    conn.execute(
        insert(schema.entities).values(
            entity=kind.value,
            entity_id=entity_id,
            version=1,
            payload=payload,
            interviewer_id=audience.interviewer_id,
            team_id=audience.team_id,
            team_visible=audience.team_visible,
            is_global=audience.is_global,
            updated_at=now,
            created_by=origin.applied_by,
        )
    )
    return FeedEntry(kind, entity_id, 1, payload, audience, origin)


def update_entity_row(
    conn: Connection,
    kind: EntityKind,
    entity_id: str,
    base_version: int,
    payload: Any,
    audience: Audience,
    origin: Origin,
    now: datetime,
) -> FeedEntry | None:
    """Write version base+1 (not yet in the feed) if the stored version is still
    `base_version`; None when another change got there first."""
    e = schema.entities
    written = conn.execute(
        update(e)
        .where(e.c.entity == kind.value, e.c.entity_id == entity_id, e.c.version == base_version)
        .values(
            version=base_version + 1,
            payload=payload,
            interviewer_id=audience.interviewer_id,
            team_id=audience.team_id,
            team_visible=audience.team_visible,
            is_global=audience.is_global,
            updated_at=now,
        )
    )
    if written.rowcount != 1:
        return None
    return FeedEntry(kind, entity_id, base_version + 1, payload, audience, origin)


def create_entity(
    conn: Connection,
    kind: EntityKind,
    entity_id: str,
    payload: Any,
    audience: Audience,
    origin: Origin,
    now: datetime,
) -> int:
    """Insert version 1 and append it to the feed; return its sequence number.

    A concurrent insert of the same entity raises IntegrityError.
    """
    entry = insert_entity(conn, kind, entity_id, payload, audience, origin, now)
    return append_to_feed(conn, [entry], now)[0]


def update_entity(
    conn: Connection,
    kind: EntityKind,
    entity_id: str,
    base_version: int,
    payload: Any,
    audience: Audience,
    origin: Origin,
    now: datetime,
) -> int | None:
    """Write version base+1 if the stored version is still `base_version`; return its
    sequence number, or None when another change got there first."""
    entry = update_entity_row(conn, kind, entity_id, base_version, payload, audience, origin, now)
    return None if entry is None else append_to_feed(conn, [entry], now)[0]


def append_to_feed(conn: Connection, entries: list[FeedEntry], now: datetime) -> list[int]:
    """Give the entries the next sequence numbers, in order, and add them to the feed.

    Called last in the transaction: the counter's row lock, which serialises the feed,
    is then held only for this bump, one insert and the commit.
    """
    if not entries:
        return []
    counter = schema.feed_counter
    last = int(
        conn.execute(
            update(counter)
            .where(counter.c.id == 1)
            .values(last_seq=counter.c.last_seq + len(entries))
            .returning(counter.c.last_seq)
        ).scalar_one()
    )
    seqs = list(range(last - len(entries) + 1, last + 1))
    conn.execute(
        insert(schema.changes),
        [
            {
                "seq": seq,
                "change_id": entry.origin.change_id,
                "fingerprint": entry.origin.fingerprint,
                "entity": entry.kind.value,
                "entity_id": entry.entity_id,
                "version": entry.version,
                "payload": entry.payload,
                "interviewer_id": entry.audience.interviewer_id,
                "team_id": entry.audience.team_id,
                "team_visible": entry.audience.team_visible,
                "is_global": entry.audience.is_global,
                "applied_by": entry.origin.applied_by,
                "device_id": entry.origin.device_id,
                "made_at": entry.origin.made_at,
                "recorded_at": now,
            }
            for seq, entry in zip(seqs, entries, strict=True)
        ],
    )
    return seqs
