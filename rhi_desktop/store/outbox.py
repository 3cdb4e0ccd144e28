"""The queue of local changes waiting to be pushed to the central service.

Entries are written by the repositories in the same transaction as the change itself
(see `changes.py`). The sync engine reads `pending`, and after the server answers
removes what was applied (`mark_sent`) or parks what was refused (`quarantine`); a
parked entry never blocks the rest of the queue. The person decides what becomes of a
parked change:

- `retry` queues it again as it is: for a change the service rejected, once the cause
  is put right;
- `keep_mine` resolves a conflict. The change was made against a version the service
  has since moved past, and the pull has put the service's newer copy on the row
  (`newer_version_here`). Keeping the person's change re-bases it onto that version,
  so it is sent to replace it, and puts the change back on the row, so what they see
  is what will be sent. Not for an interview the service's version has taken further
  than this change could (`OvertakenChangeError`): that one can only be discarded;
- `discard` drops it for good.

Each is recorded in the audit chain (ids and versions, never the payload).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.domain.lifecycle import can_transition
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import (
    NewerVersionNotHereError,
    NotFoundError,
    OtherChangeWaitingError,
    OvertakenChangeError,
    TransactionError,
)
from rhi_desktop.store.records import (
    INTERVIEWS,
    QUALITY_REVIEWS,
    REVIEWS,
    SUPERVISION_SESSIONS,
    required_instant,
)
from rhi_desktop.store.remote import RemoteChanges

_CHUNK = 500
# New records a discarded change takes with it (`Outbox.discard`), by entity: table.
_REMOVABLE = {spec.entity: spec.table for spec in (REVIEWS, SUPERVISION_SESSIONS, QUALITY_REVIEWS)}


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
    def __init__(self, db: Database, changes: ChangeRecorder | None, remote: RemoteChanges) -> None:
        self._db = db
        self._changes = changes
        self._remote = remote  # the service's versions held here, and the rows they are on

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

    def newer_version_here(self, change_id: str) -> int | None:
        """The service's version of a parked change's record that this device holds, when
        newer than the version the change was made against: the change conflicts with it,
        and `keep_mine` can send it in its place. None for any other change."""
        return self._newer_version(self.get(change_id))

    def _newer_version(self, entry: OutboxEntry) -> int | None:
        if entry.state is not OutboxState.QUARANTINED:
            return None
        have = self._remote.server_version(entry.entity, entry.entity_id)
        return have if have is not None and have > entry.base_version else None

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
        """Count a push of these changes, noted before it is sent: a change sent once is
        never changed again under its id (later saves of the record queue a change of
        their own), whether or not an answer came back."""
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

    def keep_mine(self, change_id: str) -> int:
        """Resolve a conflict by keeping this device's change over the service's newer
        version; returns the version it will replace.

        The change goes back in the queue re-based onto the newer version held here, and
        its payload goes back on the record's row (whose edit counter moves on, so an
        editor open on the service's copy is refused as stale). The record's later
        changes made on the same version as this one (its next lifecycle steps, say: a
        sign-off parked with the answers before it) are its own line, and go back in the
        queue behind it, the row taking the last of them. Refused while the newer version
        has not reached this device (`NewerVersionNotHereError`: sync first), for a change
        that is not the first of its line, and while a change of the record made on
        another version is queued or parked (`OtherChangeWaitingError`: that one comes
        first).
        """
        writer = self._writer()
        with self._db.savepoint():
            entry = self.get(change_id)
            if entry.state is not OutboxState.QUARANTINED:
                raise NotFoundError("parked change", change_id)
            waiting = [
                e for e in self.for_entity(entry.entity, entry.entity_id) if e.seq != entry.seq
            ]
            line = [e for e in waiting if e.base_version == entry.base_version]
            ahead = [e for e in waiting if e not in line or e.seq < entry.seq]
            if ahead:
                first = ahead[0]
                raise OtherChangeWaitingError(
                    entry.entity,
                    entry.entity_id,
                    first.change_id,
                    parked=first.state is OutboxState.QUARANTINED,
                    made_at=first.created_at,
                )
            newer = self._newer_version(entry)
            parked = self._remote.parked_version(entry.entity, entry.entity_id)
            if newer is None or (parked is not None and parked > newer):
                raise NewerVersionNotHereError(entry.entity, entry.entity_id)
            overtaken = self._overtaken_by(entry)
            if overtaken is not None:
                raise OvertakenChangeError(entry.entity, entry.entity_id, overtaken.value)
            self._db.executemany(
                "UPDATE outbox SET state = ?, reason = NULL, base_version = ? WHERE change_id = ?",
                [(OutboxState.PENDING.value, newer, e.change_id) for e in (entry, *line)],
            )
            last = (entry, *line)[-1]
            self._remote.restore(entry.entity, entry.entity_id, last.payload, last.created_at)
            detail: dict[str, str | int] = {"change_id": change_id, "replaces_version": newer}
            if line:
                detail["with_later"] = len(line)
            writer.audit.append(AuditAction.CHANGE_RETRIED, entry.entity, entry.entity_id, detail)
        return newer

    def _overtaken_by(self, entry: OutboxEntry) -> InterviewState | None:
        """The state of the service's version of an interview, when this change cannot
        replace it: the change would move the lifecycle back (a sent interview back to
        in progress), the version is one the interviewer may no longer change, or it is a
        later revision than the one this change was made to (a decision on revision 1
        cannot stand for the amended revision 2 sent since)."""
        if entry.entity != INTERVIEWS.entity:
            return None
        held_row = self._db.fetchone(
            "SELECT state, revision FROM interviews WHERE id = ?", (entry.entity_id,)
        )
        mine_text = entry.payload.get("state")
        if held_row is None or not isinstance(mine_text, str):
            return None
        held, mine = InterviewState(held_row[0]), InterviewState(mine_text)
        mine_revision = entry.payload.get("revision")
        if isinstance(mine_revision, int) and mine_revision < held_row[1]:
            return held
        if mine is held:
            return held if held in (InterviewState.SUBMITTED, InterviewState.APPROVED) else None
        return None if can_transition(held, mine) else held

    def discard(self, change_id: str) -> None:
        """Drop a change for good (the person chose to); recorded in the audit chain.

        A new record of a coordinator's that the service never accepted goes with its
        change, when nothing else waits to send it: a review decision was never the
        decision, and must not be shown later as what the interviewer was asked; a
        supervision session (with no rating of it here) or a rating was never recorded,
        and must not be counted as held or rated by this computer alone.
        """
        writer = self._writer()
        with self._db.savepoint():
            entry = self.get(change_id)
            self._db.execute("DELETE FROM outbox WHERE change_id = ?", (change_id,))
            details: dict[str, str | int | bool | None] = {
                "change_id": change_id,
                "state": entry.state.value,
            }
            if self._remove_never_accepted(entry):
                details["record_removed"] = True
            writer.audit.append(
                AuditAction.CHANGE_DISCARDED, entry.entity, entry.entity_id, details
            )

    def _remove_never_accepted(self, entry: OutboxEntry) -> bool:
        """Remove the new record a discarded change made, if it may go (see `discard`)."""
        table = _REMOVABLE.get(entry.entity)
        if table is None or self.for_entity(entry.entity, entry.entity_id):
            return False
        if entry.entity == SUPERVISION_SESSIONS.entity and self._db.fetchone(
            "SELECT 1 FROM supervision_quality_reviews WHERE session_id = ?", (entry.entity_id,)
        ):
            return False  # rated here: the rating refers to it, so it stays
        removed = self._db.execute(
            f"DELETE FROM {table} WHERE id = ? AND server_version = 0",  # noqa: S608
            (entry.entity_id,),
        ).rowcount
        return bool(removed)

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
