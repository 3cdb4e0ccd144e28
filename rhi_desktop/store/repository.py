"""What every entity repository shares: reads, and writes that carry their outbox entry.

SQL here is assembled from table and column names fixed in `records.py`; every value
is a bound parameter.

A repository is bound to the store's connection. Built by `Store` it only reads; built
by a `Transaction` it also writes, and each write records its outbox entry and audit
event through the transaction's ChangeRecorder. Rows carry `version` (the local edit
counter, checked on update so an edit made on a stale copy is refused) and
`server_version` (the last version the central service acknowledged).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from rhi_desktop.audit import AuditAction, DetailValue, utc_text
from rhi_desktop.store.changes import Change, ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import NotFoundError, StaleEditError, TransactionError
from rhi_desktop.store.records import TableSpec, kept, payload


class Versioned(Protocol):
    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def id(self) -> str: ...

    @property
    def version(self) -> int: ...


E = TypeVar("E", bound=Versioned)

_VERSION_COLUMNS = ("version", "server_version")


def _marks(values: Sequence[Any]) -> str:
    """Placeholders for `values`: SQL text built here holds names from code, never data."""
    return ", ".join("?" * len(values))


class Repository(Generic[E]):
    spec: TableSpec[E]

    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    # -- reads ---------------------------------------------------------------------------

    def find(self, entity_id: str) -> E | None:
        found = self._select("id = ?", (entity_id,))
        return found[0] if found else None

    def get(self, entity_id: str) -> E:
        found = self.find(entity_id)
        if found is None:
            raise NotFoundError(self.spec.entity, entity_id)
        return found

    def count(self) -> int:
        return int(self._db.scalar(f"SELECT count(*) FROM {self.spec.table}"))  # noqa: S608

    def server_version(self, entity_id: str) -> int:
        sql = f"SELECT server_version FROM {self.spec.table} WHERE id = ?"  # noqa: S608
        value = self._db.scalar(sql, (entity_id,))
        if value is None:
            raise NotFoundError(self.spec.entity, entity_id)
        return int(value)

    def _columns(self) -> tuple[str, ...]:
        return self.spec.columns + _VERSION_COLUMNS

    def _select(self, where: str, params: Sequence[Any] = (), order_by: str = "rowid") -> list[E]:
        columns = self._columns()
        sql = f"SELECT {', '.join(columns)} FROM {self.spec.table}"  # noqa: S608
        rows = self._db.fetchall(f"{sql} WHERE {where} ORDER BY {order_by}", params)
        return [self._entity(dict(zip(columns, row, strict=True))) for row in rows]

    def _entity(self, row: Mapping[str, Any]) -> E:
        return self.spec.from_row(row)

    # -- writes --------------------------------------------------------------------------

    def _writer(self) -> ChangeRecorder:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Changes are saved inside `with store.transaction(actor=...) as tx:`, "
                "through tx's repositories."
            )
        return self._changes

    def add(self, item: E) -> E:
        return self.add_many([item])[0]

    def add_many(self, items: Sequence[E]) -> list[E]:
        """Insert new records (version 1) with their outbox entries, in bulk."""
        with self._db.savepoint():
            return self._insert(items, AuditAction.CREATE)

    def update(self, item: E) -> E:
        """Save an edit made on `item` as read; refused if the record changed since."""
        with self._db.savepoint():
            return self._save(item)

    def acknowledge(self, entity_id: str, server_version: int) -> None:
        """Note the version the central service gave this record when it accepted a push.

        Not a local edit, so it queues nothing: the sync engine calls it in the same
        transaction as `outbox.mark_sent` and audits the sync as a whole.
        """
        self._writer()
        sql = f"UPDATE {self.spec.table} SET server_version = ? WHERE id = ?"  # noqa: S608
        if self._db.execute(sql, (server_version, entity_id)).rowcount != 1:
            raise NotFoundError(self.spec.entity, entity_id)

    def _insert(self, items: Sequence[E], action: AuditAction) -> list[E]:
        writer = self._writer()
        saved = [dataclasses.replace(kept(item), version=1) for item in items]
        now = utc_text(self._db.clock())
        columns = (*self.spec.columns, "version", "updated_at")
        names = ", ".join(columns)
        sql = f"INSERT INTO {self.spec.table} ({names}) VALUES ({_marks(columns)})"  # noqa: S608
        self._db.executemany(sql, [(*self.spec.to_row(item), 1, now) for item in saved])
        writer.record_many(
            [Change(action, self.spec.entity, item.id, 0, payload(item)) for item in saved]
        )
        return saved

    def _save(
        self,
        item: E,
        action: AuditAction = AuditAction.UPDATE,
        detail: Mapping[str, DetailValue] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> E:
        writer = self._writer()
        base_version = self.server_version(item.id)
        saved = dataclasses.replace(kept(item), version=item.version + 1)
        assignments = {
            **dict(zip(self.spec.columns, self.spec.to_row(saved), strict=True)),
            **(extra or {}),
        }
        assignments.pop("id")
        settings = ", ".join(f"{name} = ?" for name in assignments)
        sql = f"UPDATE {self.spec.table} SET {settings}, version = version + 1"  # noqa: S608
        cursor = self._db.execute(
            f"{sql}, updated_at = ? WHERE id = ? AND version = ?",
            (*assignments.values(), utc_text(self._db.clock()), item.id, item.version),
        )
        if cursor.rowcount != 1:
            raise StaleEditError(self.spec.entity, item.id)
        writer.record(
            Change(action, self.spec.entity, item.id, base_version, payload(saved), detail or {})
        )
        return saved
