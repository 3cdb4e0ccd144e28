"""Serving the change feed by cursor, scoped to what the caller may see."""

from __future__ import annotations

from sqlalchemy import Engine, select

from sync.protocol import EntityKind, PulledChange, PullResponse
from sync.server import access, schema
from sync.server.auth import Principal
from sync.server.db import Clock, reading
from sync.server.roster import team_roster


def pull(
    engine: Engine, principal: Principal, cursor: int, limit: int, clock: Clock
) -> PullResponse:
    """Changes after `cursor` that this caller may see, oldest first.

    The feed counter is read first: every change numbered up to it has committed (the
    counter's row lock orders commits), so when nothing more is visible the cursor can
    jump to it and the caller skips over other people's changes next time. A cursor
    beyond the counter (a server restored from backup) is brought back to it. Every page
    also carries the caller's team roster as it is now (`roster.team_roster`).
    """
    c, counter = schema.changes, schema.feed_counter
    with reading(engine) as conn:
        last = int(conn.execute(select(counter.c.last_seq).where(counter.c.id == 1)).scalar_one())
        rows = conn.execute(
            select(c.c.seq, c.c.recorded_at, c.c.entity, c.c.entity_id, c.c.version, c.c.payload)
            .where(c.c.seq > cursor, c.c.seq <= last, access.readable(principal))
            .order_by(c.c.seq)
            .limit(limit + 1)
        ).all()
        more = len(rows) > limit
        # The roster once per pull, on its last page (read with the page's changes).
        team = None if more else team_roster(conn, principal)
    rows = rows[:limit]
    changes = [
        PulledChange(
            seq=row.seq,
            recorded_at=row.recorded_at,
            entity=EntityKind(row.entity),
            entity_id=row.entity_id,
            version=row.version,
            payload=row.payload,
        )
        for row in rows
    ]
    return PullResponse(
        changes=changes,
        cursor=rows[-1].seq if more else last,
        more=more,
        server_time=clock(),
        team=team,
    )
