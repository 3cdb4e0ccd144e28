"""Handing a leaver's open interviews to another interviewer in their team.

A child found after going missing is owed an interview within 72 hours, so when an
interviewer leaves, what is on their caseload must reach someone else at once. The
interviews not yet approved move to the successor, with everything their laptop needs
to carry on: the child, the episodes, the offers made so far and the coordinator's
reviews. Each moves as a new version of its record, sent to the successor's devices.

Only a leaver's work moves: their devices are revoked, so no laptop still holds the
interviews as its own to edit. Work the leaver never synced is not on the service and
cannot move; their laptop wipes it at its next contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from sync.protocol import EntityKind
from sync.server import schema
from sync.server.admin import (
    CLOSED_STATES,
    AdminError,
    active_interviewer,
    left_at,
    user_id_of,
)
from sync.server.db import Clock, writing
from sync.server.feed import (
    Audience,
    FeedEntry,
    admin_origin,
    append_to_feed,
    update_entity_row,
)

K = EntityKind


@dataclass(frozen=True, slots=True)
class Handover:
    interviews: list[str]  # ids of the interviews that moved
    records: int  # every record sent to the successor, the interviews included


def hand_over(engine: Engine, leaver: str, successor: str, clock: Clock) -> Handover:
    """Move every interview of `leaver` not yet approved to `successor`, in one
    transaction: all of it moves, or none."""
    now = clock()
    with writing(engine) as conn:
        leaver_id = user_id_of(conn, leaver)
        if left_at(conn, leaver_id) is None:
            raise AdminError(
                f"{leaver!r} has not left. Only a leaver's interviews can be moved: run "
                f"'users leave {leaver}' first, which also revokes their devices."
            )
        successor_id, team_id = active_interviewer(conn, successor)
        interviews = _open_interviews(conn, leaver_id)
        if any(row.team_id != team_id for row in interviews):
            raise AdminError(
                f"{successor!r} is not in the team of {leaver!r}; choose an interviewer "
                "in their team."
            )
        moves = _Moves(conn, leaver_id, successor_id, now)
        for row in interviews:
            payload = dict(row.payload)
            for episode_id in payload.get("episode_ids") or []:
                moves.add(K.EPISODE, episode_id)
            moves.add(K.CHILD, payload.get("child_id"), first=True)
            moves.add(K.INTERVIEW, row.entity_id, names_interviewer=True)
            for kind in (K.OFFER, K.REVIEW):
                for entity_id in _about(conn, kind, row.entity_id):
                    moves.add(kind, entity_id)
        append_to_feed(conn, moves.entries(), now)
    return Handover([str(row.entity_id) for row in interviews], len(moves.entries()))


def _open_interviews(conn: Connection, interviewer_id: str) -> list[Any]:
    """Locked until the hand-over commits (on PostgreSQL; SQLite writes one at a time),
    so a coordinator's decision cannot land between reading an interview and moving it."""
    e = schema.entities
    rows = conn.execute(
        select(e.c.entity_id, e.c.payload, e.c.team_id)
        .where(e.c.entity == K.INTERVIEW.value, e.c.interviewer_id == interviewer_id)
        .order_by(e.c.entity_id)
        .with_for_update()
    ).all()
    return [row for row in rows if dict(row.payload).get("state") not in CLOSED_STATES]


def _about(conn: Connection, kind: EntityKind, interview_id: str) -> list[str]:
    e = schema.entities
    return list(
        conn.execute(
            select(e.c.entity_id)
            .where(
                e.c.entity == kind.value,
                e.c.payload["interview_id"].as_string() == interview_id,
            )
            .order_by(e.c.entity_id)
        ).scalars()
    )


class _Moves:
    """The records to send, each once, children first so a laptop has the child before
    anything that names them.

    A record that was the leaver's becomes the successor's: a new version, unchanged
    but for the interviewer an interview names (`names_interviewer`). A record that is
    someone else's (a child another colleague is also interviewing) is only sent to the
    successor, at its own version, and stays theirs.
    """

    def __init__(self, conn: Connection, leaver_id: str, successor_id: str, now: datetime) -> None:
        self._conn = conn
        self._now = now
        self._leaver_id = leaver_id
        self._successor_id = successor_id
        self._children: list[FeedEntry] = []
        self._others: list[FeedEntry] = []
        self._seen: set[tuple[EntityKind, str]] = set()

    def entries(self) -> list[FeedEntry]:
        return [*self._children, *self._others]

    def add(
        self,
        kind: EntityKind,
        entity_id: object,
        *,
        names_interviewer: bool = False,
        first: bool = False,
    ) -> None:
        if not isinstance(entity_id, str) or (kind, entity_id) in self._seen:
            return
        self._seen.add((kind, entity_id))
        e = schema.entities
        row = self._conn.execute(
            select(
                e.c.version, e.c.payload, e.c.interviewer_id, e.c.team_id, e.c.team_visible
            ).where(e.c.entity == kind.value, e.c.entity_id == entity_id)
        ).one_or_none()
        if row is None:
            return
        audience = Audience(self._successor_id, row.team_id, row.team_visible)
        if row.interviewer_id != self._leaver_id:
            origin = admin_origin(kind, entity_id, row.version, row.payload)
            entry = FeedEntry(kind, entity_id, row.version, row.payload, audience, origin)
        else:
            new = dict(row.payload)  # as stored now, not as first read
            if names_interviewer:
                new["interviewer_id"] = self._successor_id
            origin = admin_origin(kind, entity_id, row.version, new)
            found = update_entity_row(
                self._conn, kind, entity_id, row.version, new, audience, origin, self._now
            )
            if found is None:
                raise AdminError("A record changed while it was being moved; run it again.")
            entry = found
        (self._children if first else self._others).append(entry)
