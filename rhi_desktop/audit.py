"""The tamper-evident audit chain kept inside the encrypted database.

Each event's MAC is HMAC-SHA256(audit key, previous MAC || canonical JSON of the event),
so editing, removing or reordering an entry breaks every MAC after it. The head (last
seq and MAC) lives in the `meta` table and is updated in the same transaction as each
append, so cutting entries off the end is caught too; the head is also sent at each
sync, so the server notices if the whole tail and head were rewound together.

Details hold ids, codes and counts only: `append` refuses free text, so a name or an
answer cannot slip into the audit trail.
"""

from __future__ import annotations

import hmac
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from hashlib import sha256
from typing import Any, Protocol

GENESIS_MAC = "00" * 32
SYSTEM_ACTOR = "system"
_HEAD_SEQ = "audit_head_seq"
_HEAD_MAC = "audit_head_mac"
_DETAIL_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_DETAIL_TEXT = re.compile(r"[A-Za-z0-9_.:+\-]{0,80}")

DetailValue = str | int | bool | None


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    TRANSITION = "transition"
    SIGN_OFF = "sign_off"  # an interviewer's move to `completed`
    REVIEW = "review"
    EXPORT = "export"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    SYNC = "sync"
    WIPE = "wipe"
    SCHEMA_MIGRATE = "schema_migrate"
    CHANGE_QUARANTINED = "change_quarantined"
    CHANGE_RETRIED = "change_retried"
    CHANGE_DISCARDED = "change_discarded"
    FORM_VERSION_MOVE = "form_version_move"  # a draft moved to another form version


class AuditDatabase(Protocol):
    """What the chain needs from the store's connection wrapper."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None: ...

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...


class AuditError(Exception):
    """An append the chain refuses (outside a transaction, or a detail with free text)."""


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    id: str
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    detail: Mapping[str, DetailValue]
    prev_mac: str
    mac: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of `verify`: ok, or the first bad entry and what is wrong with it."""

    ok: bool
    checked: int
    head_seq: int
    bad_seq: int | None = None
    problem: str | None = None

    def __str__(self) -> str:
        if self.ok:
            return f"audit chain intact ({self.checked} entries)"
        return f"audit chain broken: {self.problem}"


@dataclass(frozen=True, slots=True)
class PendingEvent:
    """An event about to be appended; `at` defaults to the chain's clock."""

    action: AuditAction
    entity: str
    entity_id: str | None = None
    detail: Mapping[str, DetailValue] | None = None
    at: datetime | None = None


def utc_text(instant: datetime) -> str:
    """One fixed ISO-8601 UTC spelling, so stored instants sort as text."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("Instants must carry a time zone; naive datetimes are ambiguous.")
    return instant.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def compute_mac(key: bytes, prev_mac: str, fields: Mapping[str, Any]) -> str:
    return hmac.new(key, bytes.fromhex(prev_mac) + canonical_json(dict(fields)), sha256).hexdigest()


def check_detail(detail: Mapping[str, DetailValue] | None) -> dict[str, DetailValue]:
    """Refuse anything but ids, codes and counts, so no personal data enters the chain."""
    clean: dict[str, DetailValue] = {}
    for key, value in (detail or {}).items():
        if not isinstance(key, str) or not _DETAIL_KEY.fullmatch(key):
            raise AuditError("Audit detail keys must be short lower-case identifiers.")
        if isinstance(value, str) and not _DETAIL_TEXT.fullmatch(value):
            raise AuditError("Audit details may hold ids, codes and counts only, never free text.")
        if value is not None and not isinstance(value, str | int | bool):
            raise AuditError("Audit detail values must be ids, codes, counts or flags.")
        clean[key] = value
    return clean


class AuditChain:
    """Appends to and checks the chain in one store's database.

    Built by the store: read-only outside a transaction (`actor` None), writable inside
    one with the transaction's actor.
    """

    def __init__(
        self,
        db: AuditDatabase,
        key: bytes,
        clock: Callable[[], datetime],
        actor: str | None = None,
    ) -> None:
        self._db = db
        self._key = key
        self._clock = clock
        self._actor = actor

    def seal(self) -> None:
        """Refuse further appends: the transaction this chain wrote in has ended."""
        self._actor = None

    def head(self) -> tuple[int, str]:
        """(seq, MAC hex) of the last entry; (0, GENESIS_MAC) for an empty chain."""
        rows = dict(
            self._db.fetchall(
                "SELECT key, value FROM meta WHERE key IN (?, ?)", (_HEAD_SEQ, _HEAD_MAC)
            )
        )
        return int(rows.get(_HEAD_SEQ, 0)), str(rows.get(_HEAD_MAC, GENESIS_MAC))

    def append(
        self,
        action: AuditAction,
        entity: str,
        entity_id: str | None = None,
        detail: Mapping[str, DetailValue] | None = None,
        *,
        at: datetime | None = None,
    ) -> AuditEvent:
        return self.append_many([PendingEvent(action, entity, entity_id, detail, at)])[-1]

    def record_unlock_failures(self, instants: Iterable[datetime]) -> None:
        """Write the failed unlocks the vault counted while the database was closed."""
        self.append_many(
            [PendingEvent(AuditAction.UNLOCK_FAILED, "profile", at=at) for at in instants]
        )

    def append_many(self, pending: Sequence[PendingEvent]) -> list[AuditEvent]:
        """Append in order with one head update; the caller's transaction makes it atomic."""
        if self._actor is None or not self._db.in_transaction:
            raise AuditError("Audit events are written inside a store transaction.")
        seq, prev_mac = self.head()
        events: list[AuditEvent] = []
        rows: list[tuple[Any, ...]] = []
        for item in pending:
            seq += 1
            fields: dict[str, Any] = {
                "seq": seq,
                "id": str(uuid.uuid4()),
                "at": utc_text(item.at or self._clock()),
                "actor": self._actor,
                "action": AuditAction(item.action).value,
                "entity": item.entity,
                "entity_id": item.entity_id,
                "detail": check_detail(item.detail),
            }
            mac = compute_mac(self._key, prev_mac, fields)
            detail_json = canonical_json(fields["detail"]).decode("utf-8")
            rows.append(
                (
                    seq,
                    fields["id"],
                    fields["at"],
                    self._actor,
                    fields["action"],
                    item.entity,
                    item.entity_id,
                    detail_json,
                    prev_mac,
                    mac,
                )
            )
            events.append(
                AuditEvent(
                    seq=seq,
                    id=fields["id"],
                    at=datetime.fromisoformat(fields["at"]),
                    actor=self._actor,
                    action=fields["action"],
                    entity=item.entity,
                    entity_id=item.entity_id,
                    detail=fields["detail"],
                    prev_mac=prev_mac,
                    mac=mac,
                )
            )
            prev_mac = mac
        if not events:
            return events
        self._db.executemany(
            "INSERT INTO audit_events (seq, id, at, actor, action, entity, entity_id, detail,"
            " prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._db.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(_HEAD_SEQ, str(seq)), (_HEAD_MAC, prev_mac)],
        )
        return events

    def events(self, after_seq: int = 0, limit: int | None = None) -> list[AuditEvent]:
        rows = self._db.fetchall(
            f"{_SELECT} WHERE seq > ? ORDER BY seq LIMIT ?",
            (after_seq, -1 if limit is None else limit),
        )
        return [_event(row) for row in rows]

    def verify(self) -> AuditReport:
        """Recompute every MAC; report the first entry that is altered or missing."""
        head_seq, head_mac = self.head()
        expected, prev_mac = 1, GENESIS_MAC
        for row in self._db.iterate(f"{_SELECT} ORDER BY seq"):
            seq = int(row[0])
            if seq != expected:
                return _broken(expected - 1, head_seq, expected, f"entry {expected} is missing")
            if seq > head_seq:  # appends move the head in the same transaction
                return _broken(
                    expected - 1, head_seq, seq, f"entry {seq} was added outside the chain"
                )
            if row[8] != prev_mac or not _mac_matches(self._key, row):
                return _broken(expected - 1, head_seq, seq, f"entry {seq} was altered")
            prev_mac = row[9]
            expected += 1
        last = expected - 1
        if last < head_seq:
            return _broken(last, head_seq, last + 1, f"chain truncated after entry {last}")
        if prev_mac != head_mac:
            return _broken(last, head_seq, last, f"entry {last} was altered")
        return AuditReport(ok=True, checked=last, head_seq=head_seq)


class HasAuditChain(Protocol):
    @property
    def audit(self) -> AuditChain: ...


def verify(store: HasAuditChain) -> AuditReport:
    """Check a store's whole chain (what `rhi-desktop verify-audit` runs)."""
    return store.audit.verify()


_SELECT = (
    "SELECT seq, id, at, actor, action, entity, entity_id, detail, prev_mac, mac FROM audit_events"
)


def _mac_matches(key: bytes, row: tuple[Any, ...]) -> bool:
    try:
        detail = json.loads(row[7])
        fields = {
            "seq": int(row[0]),
            "id": row[1],
            "at": row[2],
            "actor": row[3],
            "action": row[4],
            "entity": row[5],
            "entity_id": row[6],
            "detail": detail,
        }
        expected = compute_mac(key, row[8], fields)
    except (ValueError, TypeError):  # unparseable detail or MAC text: tampered
        return False
    return hmac.compare_digest(expected, str(row[9]))


def _broken(checked: int, head_seq: int, bad_seq: int, problem: str) -> AuditReport:
    return AuditReport(
        ok=False, checked=checked, head_seq=head_seq, bad_seq=bad_seq, problem=problem
    )


def _event(row: tuple[Any, ...]) -> AuditEvent:
    return AuditEvent(
        seq=int(row[0]),
        id=row[1],
        at=datetime.fromisoformat(row[2]),
        actor=row[3],
        action=row[4],
        entity=row[5],
        entity_id=row[6],
        detail=json.loads(row[7]),
        prev_mac=row[8],
        mac=row[9],
    )
