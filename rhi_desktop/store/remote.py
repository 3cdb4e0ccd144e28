"""Writing what the central service sent: pulled records and the versions it acknowledged.

Nothing written here queues an outbox entry or a per-record audit event: these are not
local edits, and the sync engine audits each sync as a whole. The one write of a local
change, `restore`, puts a parked change back on its row when the person keeps theirs
over the service's newer version; the outbox audits that choice.

A pulled record is applied only if it is newer than the copy here (`server_version`);
the service's copy then replaces the local row, whose edit counter moves on so that an
edit begun on the old copy is refused as stale. A record whose parent is not here yet
(a coordinator can see an offer before the interview it belongs to is submitted), or
that cannot be read or written here (a value of the wrong type, a number out of range),
is parked in `remote_records` and retried after every pull: one unusable record never
holds up the rest of the page. A failure of the store itself (a full disk, a locked
database) is not the record's fault and aborts the page, to be pulled again. Records of
kinds without a table (published forms and policy, acknowledgements) are kept there
too, newest version only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from rhi_desktop.audit import utc_text
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import ConflictingRecordError, NotFoundError, TransactionError
from rhi_desktop.store.payloads import PayloadError, entity_from_payload
from rhi_desktop.store.records import (
    CHILDREN,
    EPISODES,
    INTERVIEWS,
    OFFERS,
    QUALITY_REVIEWS,
    REVIEWS,
    SUPERVISION_SESSIONS,
    TableSpec,
    json_text,
)

SPECS: Mapping[str, TableSpec[Any]] = {
    spec.entity: spec
    for spec in (
        CHILDREN,
        EPISODES,
        SUPERVISION_SESSIONS,
        INTERVIEWS,
        OFFERS,
        REVIEWS,
        QUALITY_REVIEWS,
    )
}
_CHUNK = 500
# Parents before the records that refer to them: the order parked records are retried in.
_APPLY_ORDER = {entity: position for position, entity in enumerate(SPECS)}


class Outcome(StrEnum):
    APPLIED = "applied"  # written to its table
    CURRENT = "current"  # this version, or a newer one, is already here
    STORED = "stored"  # kept as a document: its kind has no table of its own
    PARKED = "parked"  # cannot be applied yet; retried after later pulls


class ParkReason(StrEnum):
    MISSING_REFERENCE = "missing_reference"
    INVALID_PAYLOAD = "invalid_payload"
    CONFLICTING_RECORD = "conflicting_record"


@dataclass(frozen=True, slots=True)
class RemoteRecord:
    """One record as the service sent it, at the service's version and clock."""

    entity: str
    entity_id: str
    version: int
    payload: Mapping[str, Any]
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """The service's answer to one pushed change: sent against `sent_base`, now `version`."""

    entity: str
    entity_id: str
    sent_base: int
    version: int


@dataclass(frozen=True, slots=True)
class ParkedRecord:
    record: RemoteRecord
    reason: ParkReason


def _references(entity: str, item: Any) -> list[tuple[str, str]]:
    """(table, id) pairs a record must find before it can be written (its foreign keys)."""
    match entity:
        case "episode":
            return [("children", item.child_id)]
        case "interview":
            return [("children", item.child_id)] + [("episodes", e) for e in item.episode_ids]
        case "offer" | "review":
            return [("interviews", item.interview_id)]
        case "supervision_quality_review":
            return [("supervision_sessions", item.session_id)]
    return []


class RemoteChanges:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    # -- reads ---------------------------------------------------------------------------

    def server_version(self, entity: str, entity_id: str) -> int | None:
        """The service's version of a record held here; None when it has no row here."""
        spec = SPECS.get(entity)
        if spec is None:
            return None
        sql = f"SELECT server_version FROM {spec.table} WHERE id = ?"  # noqa: S608
        found = self._db.scalar(sql, (entity_id,))
        return None if found is None else int(found)

    def server_versions(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """`server_version` of many records at once, by (entity, id); absent ones left out."""
        wanted: dict[str, list[str]] = {}
        for entity, entity_id in keys:
            if entity in SPECS:
                wanted.setdefault(entity, []).append(entity_id)
        found: dict[tuple[str, str], int] = {}
        for entity, ids in wanted.items():
            table = SPECS[entity].table
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ", ".join("?" * len(chunk))
                sql = f"SELECT id, server_version FROM {table} WHERE id IN ({marks})"  # noqa: S608
                found.update({(entity, r[0]): int(r[1]) for r in self._db.fetchall(sql, chunk)})
        return found

    def parked_version(self, entity: str, entity_id: str) -> int | None:
        """The version of a pulled record parked here, not applied yet; None if none is."""
        found = self._db.scalar(
            "SELECT version FROM remote_records WHERE entity = ? AND entity_id = ?"
            " AND parked_reason IS NOT NULL",
            (entity, entity_id),
        )
        return None if found is None else int(found)

    def parked(self) -> list[ParkedRecord]:
        rows = self._db.fetchall(
            f"{_SELECT_RECORD} WHERE parked_reason IS NOT NULL ORDER BY recorded_at"
        )
        parked = [ParkedRecord(_record(row), ParkReason(row[5])) for row in rows]
        return sorted(parked, key=lambda p: _APPLY_ORDER.get(p.record.entity, len(_APPLY_ORDER)))

    def document(self, entity: str, entity_id: str) -> RemoteRecord | None:
        """A stored record of a kind without a table (e.g. a published form definition)."""
        row = self._db.fetchone(
            f"{_SELECT_RECORD} WHERE entity = ? AND entity_id = ? AND parked_reason IS NULL",
            (entity, entity_id),
        )
        return None if row is None else _record(row)

    def documents(self, entity: str) -> list[RemoteRecord]:
        """Every stored record of a kind without a table (e.g. published form definitions)."""
        rows = self._db.fetchall(
            f"{_SELECT_RECORD} WHERE entity = ? AND parked_reason IS NULL ORDER BY entity_id",
            (entity,),
        )
        return [_record(row) for row in rows]

    # -- writes --------------------------------------------------------------------------

    def _writer(self) -> None:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Pulled changes are applied inside `with store.transaction(actor=...) as tx:`."
            )

    def apply(self, record: RemoteRecord) -> Outcome:
        """Apply one pulled record; never raises for a record that is merely unusable."""
        self._writer()
        with self._db.savepoint():
            return self._apply(record)

    def apply_parked(self) -> int:
        """Retry every parked record, parents first; return how many could be applied."""
        self._writer()
        applied = 0
        for parked in self.parked():
            if self.apply(parked.record) is Outcome.APPLIED:
                applied += 1
        return applied

    def acknowledge(self, acks: Sequence[Acknowledged]) -> None:
        """The service applied (or already had) these changes, in this order.

        Each record's `server_version` moves to the version the service gave it. Edits
        still queued for the record were made on top of the change (the device's own
        history is linear), so those queued against its `sent_base` move on with it.
        """
        self._writer()
        by_table: dict[str, list[tuple[int, str]]] = {}
        for ack in acks:
            spec = SPECS.get(ack.entity)
            if spec is not None:
                by_table.setdefault(spec.table, []).append((ack.version, ack.entity_id))
        for table, rows in by_table.items():
            sql = f"UPDATE {table} SET server_version = max(server_version, ?) WHERE id = ?"  # noqa: S608
            self._db.executemany(sql, rows)
        self._db.executemany(  # in order: each step moves what the next one looks for
            "UPDATE outbox SET base_version = ? WHERE entity = ? AND entity_id = ?"
            " AND state = 'pending' AND base_version = ?",
            [(a.version, a.entity, a.entity_id, a.sent_base) for a in acks],
        )

    def restore(
        self, entity: str, entity_id: str, payload: Mapping[str, Any], made_at: datetime
    ) -> None:
        """Put a change made on this device back on its row, over the service's copy held
        here: the person chose to keep theirs (see `Outbox.keep_mine`).

        The row is rewritten from the change's payload exactly as a pulled record would be
        (interview episode links included); it keeps its `server_version`, the version
        the change will now be sent against, and its edit counter moves on so that an edit
        begun on the service's copy is refused as stale.
        """
        self._writer()
        spec = SPECS.get(entity)
        current = None if spec is None else self._current(spec, entity_id)
        if spec is None or current is None:
            raise NotFoundError(entity, entity_id)
        item = entity_from_payload(entity, payload)
        if item.id != entity_id:
            raise PayloadError(f"{entity}.id does not name the record the change is for")
        record = RemoteRecord(entity, entity_id, current["server_version"], payload, made_at)
        with self._db.savepoint():
            self._write(spec, item, record, current)

    def _apply(self, record: RemoteRecord) -> Outcome:
        spec = SPECS.get(record.entity)
        if spec is None:
            if _json_text(record.payload) is None:
                return self._park(record, ParkReason.INVALID_PAYLOAD)
            self._keep(record, None)
            return Outcome.STORED
        current = self._current(spec, record.entity_id)
        if current is not None and record.version <= current["server_version"]:
            return Outcome.CURRENT
        parked_version = self.parked_version(record.entity, record.entity_id)
        if parked_version is not None and record.version < parked_version:
            return Outcome.CURRENT
        try:
            item = entity_from_payload(record.entity, record.payload)
        except PayloadError:
            return self._park(record, ParkReason.INVALID_PAYLOAD)
        if item.id != record.entity_id:
            return self._park(record, ParkReason.INVALID_PAYLOAD)
        if any(not self._exists(table, key) for table, key in _references(record.entity, item)):
            return self._park(record, ParkReason.MISSING_REFERENCE)
        try:
            with self._db.savepoint():
                self._write(spec, item, record, current)
        except ConflictingRecordError:
            return self._park(record, ParkReason.CONFLICTING_RECORD)
        except OverflowError:  # SQLite's binding of an integer beyond its 64 bits
            return self._park(record, ParkReason.INVALID_PAYLOAD)
        self._db.execute(
            "DELETE FROM remote_records WHERE entity = ? AND entity_id = ?",
            (record.entity, record.entity_id),
        )
        return Outcome.APPLIED

    def _current(self, spec: TableSpec[Any], entity_id: str) -> dict[str, Any] | None:
        extra = ", revision" if spec is INTERVIEWS else ""
        row = self._db.fetchone(
            f"SELECT server_version{extra} FROM {spec.table} WHERE id = ?",  # noqa: S608
            (entity_id,),
        )
        if row is None:
            return None
        return {"server_version": int(row[0]), "revision": row[1] if extra else None}

    def _exists(self, table: str, key: str) -> bool:
        sql = f"SELECT 1 FROM {table} WHERE id = ?"  # noqa: S608
        return self._db.fetchone(sql, (key,)) is not None

    def _park(self, record: RemoteRecord, reason: ParkReason) -> Outcome:
        self._keep(record, reason)
        return Outcome.PARKED

    def _keep(self, record: RemoteRecord, reason: ParkReason | None) -> None:
        text = _json_text(record.payload)
        if text is None:
            # Only a record parked as unusable holds NaN or infinity. Python's JSON text
            # keeps them, so the record reads back as it came when it is retried.
            text = json.dumps(dict(record.payload), ensure_ascii=False, sort_keys=True)
        self._db.execute(
            "INSERT INTO remote_records (entity, entity_id, version, payload, recorded_at,"
            " parked_reason) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version,"
            " payload = excluded.payload, recorded_at = excluded.recorded_at,"
            " parked_reason = excluded.parked_reason"
            " WHERE excluded.version >= remote_records.version",
            (
                record.entity,
                record.entity_id,
                record.version,
                text,
                utc_text(record.recorded_at),
                None if reason is None else reason.value,
            ),
        )

    def _write(
        self,
        spec: TableSpec[Any],
        item: Any,
        record: RemoteRecord,
        current: dict[str, Any] | None,
    ) -> None:
        now = utc_text(self._db.clock())
        row = dict(zip(spec.columns, spec.to_row(item), strict=True))
        if current is None:
            names = (*row, "version", "server_version", "updated_at")
            marks = ", ".join("?" * len(names))
            self._db.execute(
                f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES ({marks})",  # noqa: S608
                (*row.values(), 1, record.version, now),
            )
        else:
            if spec is INTERVIEWS and current["revision"] < item.revision:
                self._keep_revision(record.entity_id, record.recorded_at)
            row.pop("id")
            settings = ", ".join(f"{name} = ?" for name in row)
            self._db.execute(
                f"UPDATE {spec.table} SET {settings}, version = version + 1,"  # noqa: S608
                " server_version = ?, updated_at = ? WHERE id = ?",
                (*row.values(), record.version, now, record.entity_id),
            )
        if spec is INTERVIEWS:
            self._interview_details(item, record)

    def _interview_details(self, interview: Any, record: RemoteRecord) -> None:
        self._db.execute("DELETE FROM interview_episodes WHERE interview_id = ?", (interview.id,))
        self._db.executemany(
            "INSERT INTO interview_episodes (interview_id, episode_id, position) VALUES (?, ?, ?)",
            [(interview.id, episode, n) for n, episode in enumerate(interview.episode_ids)],
        )
        if interview.state is InterviewState.APPROVED:
            # The retention clock runs from the service's record of the approval.
            self._db.execute(
                "UPDATE interviews SET approved_at = coalesce(approved_at, ?) WHERE id = ?",
                (utc_text(record.recorded_at), interview.id),
            )
        else:
            self._db.execute(
                "UPDATE interviews SET approved_at = NULL WHERE id = ?", (interview.id,)
            )

    def _keep_revision(self, interview_id: str, closed_at: datetime) -> None:
        """The copy here is an earlier revision than the one arriving: keep it, as an
        amendment made on this device would."""
        self._db.execute(
            "INSERT OR IGNORE INTO interview_revisions (interview_id, revision, state, form_id,"
            " form_version, answers, started_at, completed_at, closed_at)"
            " SELECT id, revision, state, form_id, form_version, answers, started_at,"
            " completed_at, ? FROM interviews WHERE id = ?",
            (utc_text(closed_at), interview_id),
        )


_SELECT_RECORD = (
    "SELECT entity, entity_id, version, payload, recorded_at, parked_reason FROM remote_records"
)


def _json_text(payload: Mapping[str, Any]) -> str | None:
    """A payload as the strict JSON text the store keeps; None if it holds NaN or
    infinity, which strict JSON has no text for."""
    try:
        return json_text(dict(payload))
    except ValueError:
        return None


def _record(row: tuple[Any, ...]) -> RemoteRecord:
    return RemoteRecord(
        entity=row[0],
        entity_id=row[1],
        version=int(row[2]),
        payload=json.loads(row[3]),
        recorded_at=datetime.fromisoformat(row[4]),
    )
