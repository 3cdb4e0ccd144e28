"""What a push puts on the wire: a change that follows no other is sent exactly as the
previous release sent it, so a service not yet upgraded still takes it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sync.client import push_body
from sync.protocol import AuditHead, Change, EntityKind, PushRequest


def _request(follows: uuid.UUID | None) -> PushRequest:
    change = Change(
        change_id=uuid.uuid4(),
        entity=EntityKind.CHILD,
        entity_id="c1",
        base_version=2,
        payload={"school": None, "name": "Sample"},
        made_at=datetime(2026, 1, 12, 8, 55, tzinfo=UTC),
        follows=follows,
    )
    return PushRequest(changes=[change], audit_head=AuditHead(seq=3, mac="ab" * 8))


def test_a_change_that_follows_none_carries_no_follows_field() -> None:
    [change] = json.loads(push_body(_request(None)))["changes"]
    assert set(change) == {"change_id", "entity", "entity_id", "base_version", "payload", "made_at"}
    assert change["payload"] == {"school": None, "name": "Sample"}  # the record's nulls stay


def test_a_change_that_follows_another_names_it() -> None:
    before = uuid.uuid4()
    [change] = json.loads(push_body(_request(before)))["changes"]
    assert change["follows"] == str(before)
