"""Pushing the outbox: which changes go in the next batch, and what each answer does.

A record edited several times between syncs has several queued changes, all made against
the service version the device had then. The device's own history of a record is
linear, so each change is sent on top of the one before it: the first against the
version the device has, the next against that plus one and naming the change it
`follows`, and so on. The service takes a following change only if that version is the
one the named change made, so a version another device made meanwhile is never
overwritten by a change that did not see it. Only the device's committed state decides
these numbers, so a batch re-sent after a crash carries the same `base_version`s and
`follows`, and the service answers `duplicate` for what it already applied.

Per answer, in one transaction: `applied`/`duplicate` acknowledge the new version (moving
later queued changes of the record onto it) and remove the change; `conflict`/`rejected`
park it with its reason, unless the conflict only follows from an earlier change of the
same record in this batch not being accepted: that one stays queued and is sent again
against the version the service really has.

A change that cannot go in a request at all (its envelope is not valid in the protocol,
or its payload is nested deeper or is longer than the service takes) is parked as
unsendable before the batch is built. Sent, it could only fail the whole batch (a
payload too deep to write as JSON, a request too large for the service to read), and
so hold up every change and every pull behind it. It does not take a place in its
record's line: the next change of the record goes against the version the service has.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from rhi_desktop.store import Acknowledged, OutboxEntry, Store, Transaction
from sync.protocol import (
    Applied,
    AuditHead,
    Change,
    Conflict,
    Duplicate,
    EntityKind,
    PushRequest,
    PushResponse,
    Rejected,
    RejectReason,
    payload_too_deep,
    payload_too_long,
)

log = logging.getLogger(__name__)

# Shown to the person next to a parked change: fixed text per reason, never server text.
REJECTION_REASONS: dict[RejectReason, str] = {
    RejectReason.NOT_PERMITTED: "rejected: this account may not make this change",
    RejectReason.INVALID_PAYLOAD: "rejected: the service found the record invalid",
    RejectReason.UNKNOWN_REFERENCE: "rejected: it refers to a record the service cannot find",
    RejectReason.CHANGE_ID_REUSED: "rejected: the service already has a different change "
    "with this id",
    RejectReason.PAYLOAD_TOO_LARGE: "rejected: the record is too large to send",
    RejectReason.NOT_AWAITING_REVIEW: "rejected: the interview is no longer waiting for this "
    "review",
}
UNSENDABLE = "not sent: the change cannot be expressed in the sync protocol"


CONFLICT_PREFIX = "conflict:"


def conflict_reason(current_version: int) -> str:
    return (
        f"{CONFLICT_PREFIX} the service has a newer version ({current_version}) made "
        "elsewhere; this change was not applied"
    )


@dataclass(frozen=True, slots=True)
class Outgoing:
    entry: OutboxEntry
    change: Change

    @property
    def key(self) -> tuple[str, str]:
        return self.entry.entity, self.entry.entity_id


@dataclass(frozen=True, slots=True)
class Batch:
    changes: list[Outgoing]
    unsendable: list[OutboxEntry]

    def request(self, audit_head: tuple[int, str]) -> PushRequest:
        seq, mac = audit_head
        return PushRequest(
            changes=[o.change for o in self.changes], audit_head=AuditHead(seq=seq, mac=mac)
        )


@dataclass
class PushTally:
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    deferred: int = 0
    unsendable: int = 0

    @property
    def sent(self) -> int:
        return self.applied + self.duplicates

    @property
    def parked(self) -> int:
        return self.conflicts + self.rejected + self.unsendable


def next_batch(store: Store, size: int, horizon: int) -> Batch:
    """The oldest pending changes made up to outbox seq `horizon`, at most `size`."""
    entries = [e for e in store.outbox.pending(limit=size) if e.seq <= horizon]
    versions = store.remote.server_versions((e.entity, e.entity_id) for e in entries)
    following: dict[tuple[str, str], tuple[int, str]] = {}  # next base, and the change
    changes: list[Outgoing] = []
    unsendable: list[OutboxEntry] = []
    for entry in entries:
        key = (entry.entity, entry.entity_id)
        have = versions.get(key)
        in_line = have is not None and entry.base_version == have
        base, follows = entry.base_version, None
        if in_line and key in following:
            base, follows = following[key]
        change = _sendable(entry, base, follows)
        if change is None:
            log.warning("outbox change %s cannot be sent; parking it", entry.change_id)
            unsendable.append(entry)
            continue
        if in_line:
            following[key] = (base + 1, entry.change_id)
        changes.append(Outgoing(entry, change))
    return Batch(changes, unsendable)


def _sendable(entry: OutboxEntry, base: int, follows: str | None) -> Change | None:
    """The entry as a Change, or None when it cannot go in a request."""
    try:
        return _change(entry, base, follows) if _within_limits(entry.payload) else None
    except (ValueError, ValidationError):
        return None


def _within_limits(payload: Any) -> bool:
    """Whether the service reads the payload at all (the protocol's own measures)."""
    return not payload_too_deep(payload) and not payload_too_long(payload)


def _change(entry: OutboxEntry, base: int, follows: str | None = None) -> Change:
    """The protocol's Change for an entry. The envelope is validated; the payload is
    attached as it is, being JSON the store itself wrote (no NaN, no non-JSON types),
    within the service's limits (`_within_limits`)."""
    envelope = Change(
        change_id=uuid.UUID(entry.change_id),
        entity=EntityKind(entry.entity),
        entity_id=entry.entity_id,
        base_version=base,
        payload={},
        made_at=entry.created_at,
        follows=None if follows is None else uuid.UUID(follows),
    )
    return envelope.model_copy(update={"payload": entry.payload})


def park_unsendable(tx: Transaction, batch: Batch, tally: PushTally) -> None:
    for entry in batch.unsendable:
        tx.outbox.quarantine(entry.change_id, UNSENDABLE)
        tally.unsendable += 1


def record_answers(tx: Transaction, batch: Batch, response: PushResponse, tally: PushTally) -> None:
    """Apply the service's answer to every change of the batch, in order."""
    sent: list[str] = []
    acks: list[Acknowledged] = []
    not_accepted: set[tuple[str, str]] = set()
    for outgoing, result in zip(batch.changes, response.results, strict=True):
        change_id = outgoing.entry.change_id
        if isinstance(result, Applied | Duplicate):
            entity, entity_id = outgoing.key
            acks.append(
                Acknowledged(entity, entity_id, outgoing.change.base_version, result.version)
            )
            sent.append(change_id)
            if isinstance(result, Applied):
                tally.applied += 1
            else:
                tally.duplicates += 1
        elif isinstance(result, Conflict):
            if outgoing.key in not_accepted:
                tally.deferred += 1  # sent again next round, on the service's real version
            else:
                tx.outbox.quarantine(change_id, conflict_reason(result.current_version))
                tally.conflicts += 1
            not_accepted.add(outgoing.key)
        elif isinstance(result, Rejected):
            tx.outbox.quarantine(change_id, REJECTION_REASONS[result.reason])
            tally.rejected += 1
            not_accepted.add(outgoing.key)
    tx.remote.acknowledge(acks)
    tx.outbox.mark_sent(sent)
