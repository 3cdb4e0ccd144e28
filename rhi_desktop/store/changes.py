"""Writes the outbox entry and the audit event that go with every saved change.

Repositories call this inside the open transaction, right after writing the row, so the
row, its outbox entry and its audit event commit or vanish together.
"""

from __future__ import annotations

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

    def record(self, change: Change) -> None:
        self.record_many([change])

    def record_many(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        created_at = utc_text(self._db.clock())
        change_ids = [str(uuid.uuid4()) for _ in changes]
        self._db.executemany(
            "INSERT INTO outbox (change_id, entity, entity_id, base_version, payload,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (cid, c.entity, c.entity_id, c.base_version, json_text(c.payload), created_at)
                for cid, c in zip(change_ids, changes, strict=True)
            ],
        )
        self.audit.append_many(
            [
                PendingEvent(c.action, c.entity, c.entity_id, {**c.detail, "change_id": cid})
                for cid, c in zip(change_ids, changes, strict=True)
            ]
        )
