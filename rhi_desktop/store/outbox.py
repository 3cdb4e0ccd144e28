"""The queue of local changes waiting to be pushed to the central service.

Entries are written by the repositories in the same transaction as the change itself
(see `changes.py`). The sync engine reads `pending`, and after the server answers
removes what was applied (`mark_sent`) or parks what was refused (`quarantine`); a
parked entry never blocks the rest of the queue. The person decides to `retry` or
`discard` a parked change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from rhi_desktop.audit import AuditAction
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import NotFoundError, TransactionError
from rhi_desktop.store.records import required_instant

_CHUNK = 500


class OutboxState(StrEnum):
    PENDING = "pending"
    QUARANTINED = "quarantined"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    change_id: str  # the idempotency key the server deduplicates on
    entity: str
    entity_id: str
    base_version: int  # server version the edit was made against; 0 = new on this device
    payload: dict[str, Any]
    created_at: datetime
    state: OutboxState
    reason: str | None
    attempts: int


_SELECT = (
    "SELECT seq, change_id, entity, entity_id, base_version, payload, created_at, state,"
    " reason, attempts FROM outbox"
)


def _entry(row: Sequence[Any]) -> OutboxEntry:
    return OutboxEntry(
        seq=row[0],
        change_id=row[1],
        entity=row[2],
        entity_id=row[3],
        base_version=row[4],
        payload=json.loads(row[5]),
        created_at=required_instant(row[6]),
        state=OutboxState(row[7]),
        reason=row[8],
        attempts=row[9],
    )


class Outbox:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    # -- reads ---------------------------------------------------------------------------

    def pending(self, limit: int = 100) -> list[OutboxEntry]:
        """The oldest pending changes, in the order they were made."""
        rows = self._db.fetchall(
            f"{_SELECT} WHERE state = ? ORDER BY seq LIMIT ?", (OutboxState.PENDING, limit)
        )
        return [_entry(r) for r in rows]

    def quarantined(self) -> list[OutboxEntry]:
        rows = self._db.fetchall(
            f"{_SELECT} WHERE state = ? ORDER BY seq", (OutboxState.QUARANTINED,)
        )
        return [_entry(r) for r in rows]

    def get(self, change_id: str) -> OutboxEntry:
        row = self._db.fetchone(f"{_SELECT} WHERE change_id = ?", (change_id,))
        if row is None:
            raise NotFoundError("outbox change", change_id)
        return _entry(row)

    def for_entity(self, entity: str, entity_id: str) -> list[OutboxEntry]:
        rows = self._db.fetchall(
            f"{_SELECT} WHERE entity = ? AND entity_id = ? ORDER BY seq", (entity, entity_id)
        )
        return [_entry(r) for r in rows]

    def last_seq(self) -> int:
        """The position of the newest queued change (0 when the queue is empty)."""
        return int(self._db.scalar("SELECT coalesce(max(seq), 0) FROM outbox"))

    def counts(self) -> tuple[int, int]:
        """(pending, quarantined): what the status bar shows."""
        found = dict(self._db.fetchall("SELECT state, count(*) FROM outbox GROUP BY state"))
        return int(found.get("pending", 0)), int(found.get("quarantined", 0))

    # -- writes --------------------------------------------------------------------------

    def _writer(self) -> ChangeRecorder:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Outbox changes are made inside `with store.transaction(actor=...) as tx:`."
            )
        return self._changes

    def mark_sent(self, change_ids: Iterable[str]) -> int:
        """Remove changes the server applied (or already had); returns how many went."""
        self._writer()
        ids = list(change_ids)
        removed = 0
        with self._db.savepoint():
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ", ".join("?" * len(chunk))
                sql = f"DELETE FROM outbox WHERE change_id IN ({marks})"  # noqa: S608
                cursor = self._db.execute(sql, chunk)
                removed += cursor.rowcount
        return removed

    def note_attempts(self, change_ids: Iterable[str]) -> None:
        """Count a push attempt that got no answer (network failure, timeout, 5xx)."""
        self._writer()
        self._db.executemany(
            "UPDATE outbox SET attempts = attempts + 1 WHERE change_id = ?",
            [(cid,) for cid in change_ids],
        )

    def quarantine(self, change_id: str, reason: str) -> None:
        """Park a change the server refused, with its reason, so the rest can go on."""
        self._set_state(change_id, OutboxState.QUARANTINED, reason, AuditAction.CHANGE_QUARANTINED)

    def retry(self, change_id: str) -> None:
        """Put a parked change back in the queue, e.g. after the person resolved it."""
        self._set_state(change_id, OutboxState.PENDING, None, AuditAction.CHANGE_RETRIED)

    def discard(self, change_id: str) -> None:
        """Drop a change for good (the person chose to); recorded in the audit chain."""
        writer = self._writer()
        with self._db.savepoint():
            entry = self.get(change_id)
            self._db.execute("DELETE FROM outbox WHERE change_id = ?", (change_id,))
            writer.audit.append(
                AuditAction.CHANGE_DISCARDED,
                entry.entity,
                entry.entity_id,
                {"change_id": change_id, "state": entry.state.value},
            )

    def _set_state(
        self, change_id: str, state: OutboxState, reason: str | None, action: AuditAction
    ) -> None:
        writer = self._writer()
        with self._db.savepoint():
            entry = self.get(change_id)
            self._db.execute(
                "UPDATE outbox SET state = ?, reason = ? WHERE change_id = ?",
                (state.value, reason, change_id),
            )
            writer.audit.append(action, entry.entity, entry.entity_id, {"change_id": change_id})
