"""Supervisees' acknowledgements of their supervision records.

An acknowledgement travels as a record of its own (entity `acknowledgement`: its id,
the session's id and when): the supervisee's device queues it, the central service
checks the session is theirs and shares it with the team, and the team's devices keep it
among the pulled records that have no table of their own (`remote_records`). The
supervisee's device also notes the moment on its copy of the session, so the
acknowledgement shows at once, and still shows if a sync sends it but cannot pull.
"""

from __future__ import annotations

import json
from datetime import datetime

from rhi_desktop.audit import AuditAction, utc_text
from rhi_desktop.domain.entities import new_id
from rhi_desktop.store.changes import Change, ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import NotFoundError, TransactionError

ENTITY = "acknowledgement"


class Acknowledgements:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    def by_session(self) -> dict[str, datetime]:
        """When each session was acknowledged, as far as this device knows (the earliest)."""
        found: dict[str, datetime] = {}

        def note(session_id: object, at: object) -> None:
            if not isinstance(session_id, str) or not isinstance(at, str):
                return  # a record no supervisee's device wrote; nothing to show for it
            try:
                when = datetime.fromisoformat(at)
            except ValueError:
                return
            if when.tzinfo is None:
                return
            if session_id not in found or when < found[session_id]:
                found[session_id] = when

        payloads = self._db.fetchall(
            "SELECT payload FROM remote_records WHERE entity = ? AND parked_reason IS NULL"
            " UNION ALL SELECT payload FROM outbox WHERE entity = ? AND state = 'pending'",
            (ENTITY, ENTITY),
        )
        for (text,) in payloads:
            payload = json.loads(text)
            if isinstance(payload, dict):
                note(payload.get("session_id"), payload.get("acknowledged_at"))
        for session_id, at in self._db.fetchall(
            "SELECT id, acknowledged_at FROM supervision_sessions WHERE acknowledged_at IS NOT NULL"
        ):
            note(session_id, at)
        return found

    def record(self, session_id: str, at: datetime) -> str:
        """Queue the acknowledgement of `session_id` and note it on the session; its id."""
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Changes are saved inside `with store.transaction(actor=...) as tx:`, "
                "through tx's repositories."
            )
        when = utc_text(at)
        noted = self._db.execute(
            "UPDATE supervision_sessions SET acknowledged_at = coalesce(acknowledged_at, ?)"
            " WHERE id = ?",
            (when, session_id),
        )
        if noted.rowcount != 1:
            raise NotFoundError("supervision_session", session_id)
        ack_id = new_id()
        payload = {"id": ack_id, "session_id": session_id, "acknowledged_at": when}
        self._changes.record(
            Change(AuditAction.CREATE, ENTITY, ack_id, 0, payload, {"session_id": session_id})
        )
        return ack_id
