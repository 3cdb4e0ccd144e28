"""Writes the outbox entry and the audit event that go with every saved change.

Repositories call this inside the open transaction, right after writing the row, so the
row, its outbox entry and its audit event commit or vanish together.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rhi_desktop.audit import AuditAction, AuditChain, DetailValue, PendingEvent, utc_text
from rhi_desktop.store.db import Database
from rhi_desktop.store.records import json_text


@dataclass(frozen=True, slots=True)
class Change:
    action: AuditAction
    entity: str
    entity_id: str
    base_version: int  # the server version the edit was made against; 0 = never synced
    payload: Mapping[str, Any]
    detail: Mapping[str, DetailValue] = field(default_factory=dict)


class ChangeRecorder:
    def __init__(self, db: Database, audit: AuditChain) -> None:
        self._db = db
        self.audit = audit
        self._open = True

    @property
    def is_open(self) -> bool:
        """False once the transaction that made it has ended."""
        return self._open and self._db.in_transaction

    def close(self) -> None:
        self._open = False
        self.audit.seal()

    def _merge_into_unsent(self, change: Change, created_at: str) -> str | None:
        """Fold the change into the record's last queued change when that one has never
        been sent; returns its id, or None when the change needs an entry of its own.

        A payload is the whole record, so the later one says everything the earlier did:
        a minute of typing, saved every second, is then one change to send, not sixty.
        Never into a change already sent (the service may hold it under its id), one made
        on another version, or one that moved an interview to another state: each step
        of the lifecycle goes to the service as a change of its own.
        """
        row = self._db.fetchone(
            "SELECT change_id, base_version, state, attempts, payload FROM outbox"
            " WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1",
            (change.entity, change.entity_id),
        )
        if row is None:
            return None
        change_id, base_version, state, attempts, payload_text = row
        if state != "pending" or attempts or base_version != change.base_version:
            return None
        if json.loads(payload_text).get("state") != change.payload.get("state"):
            return None
        self._db.execute(
            "UPDATE outbox SET payload = ?, created_at = ? WHERE change_id = ?",
            (json_text(change.payload), created_at, change_id),
        )
        return str(change_id)

    def record(self, change: Change) -> None:
        self.record_many([change])

    def record_many(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        created_at = utc_text(self._db.clock())
        change_ids: list[str] = []
        for c in changes:
            merged = self._merge_into_unsent(c, created_at)
            if merged is not None:
                change_ids.append(merged)
                continue
            change_id = str(uuid.uuid4())
            self._db.execute(
                "INSERT INTO outbox (change_id, entity, entity_id, base_version, payload,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    change_id,
                    c.entity,
                    c.entity_id,
                    c.base_version,
                    json_text(c.payload),
                    created_at,
                ),
            )
            change_ids.append(change_id)
        self.audit.append_many(
            [
                PendingEvent(c.action, c.entity, c.entity_id, {**c.detail, "change_id": cid})
                for cid, c in zip(change_ids, changes, strict=True)
            ]
        )
