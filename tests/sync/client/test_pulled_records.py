"""What the laptop does with records it pulls: newest version wins, nothing is queued back,
and a record whose parent has not arrived waits (parked) instead of being lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rhi_desktop.domain.entities import InterviewState, new_id
from rhi_desktop.store import Outcome, ParkReason, RemoteRecord, StaleEditError, Store

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def record(entity: str, entity_id: str, version: int, payload: dict[str, Any]) -> RemoteRecord:
    return RemoteRecord(entity, entity_id, version, payload, T0 + timedelta(minutes=version))


def child(child_id: str, name: str = "Cosimo Fothergill") -> dict[str, Any]:
    return {"id": child_id, "case_reference": f"CR-{child_id[:6]}", "name": name,
            "date_of_birth": "2010-07-08"}  # fmt: skip


def episode(episode_id: str, child_id: str) -> dict[str, Any]:
    return {"id": episode_id, "child_id": child_id, "type": "M",
            "start": "2026-02-27T08:00:00+00:00", "end": "2026-02-28T08:00:00+00:00",
            "where_found": None, "police_reference": None, "risk_grade": "medium"}  # fmt: skip


def interview(interview_id: str, child_id: str, episode_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": interview_id, "child_id": child_id, "episode_ids": [episode_id],
            "interviewer_id": "iv-1", "returned_at": "2026-02-28T08:00:00+00:00",
            "state": "assigned", **extra}  # fmt: skip


def offer(offer_id: str, interview_id: str) -> dict[str, Any]:
    return {"id": offer_id, "interview_id": interview_id,
            "offered_at": "2026-02-28T10:00:00+00:00", "method": "phone",
            "offered_by": "iv-1", "outcome": "accepted"}  # fmt: skip


def apply(store: Store, *records: RemoteRecord) -> list[Outcome]:
    with store.transaction("iv-1") as tx:
        return [tx.remote.apply(r) for r in records]


def test_assignment_from_the_service_arrives_without_queueing_anything_back(
    store: Store,
) -> None:
    c, e, i = new_id(), new_id(), new_id()
    audit_before = store.audit.head()[0]

    outcomes = apply(
        store,
        record("child", c, 1, child(c)),
        record("episode", e, 1, episode(e, c)),
        record("interview", i, 1, interview(i, c, e)),
    )

    assert outcomes == [Outcome.APPLIED] * 3
    arrived = store.interviews.get(i)
    assert arrived.state is InterviewState.ASSIGNED and arrived.episode_ids == (e,)
    assert store.interviews.server_version(i) == 1
    assert store.outbox.counts() == (0, 0)
    assert store.audit.head()[0] == audit_before


def test_an_older_or_repeated_version_changes_nothing(store: Store) -> None:
    c = new_id()
    apply(store, record("child", c, 3, child(c, "Newest Name")))

    assert apply(store, record("child", c, 2, child(c, "Older Name"))) == [Outcome.CURRENT]
    assert apply(store, record("child", c, 3, child(c, "Same Version"))) == [Outcome.CURRENT]
    assert store.children.get(c).name == "Newest Name"


def test_newer_version_replaces_the_local_copy_and_a_stale_edit_is_refused(store: Store) -> None:
    c = new_id()
    apply(store, record("child", c, 1, child(c)))
    opened_for_editing = store.children.get(c)

    apply(store, record("child", c, 2, child(c, "Corrected Name")))

    assert store.children.get(c).name == "Corrected Name"
    with pytest.raises(StaleEditError), store.transaction("iv-1") as tx:
        tx.children.update(opened_for_editing)


def test_offer_seen_before_its_interview_waits_and_is_applied_when_the_interview_comes(
    store: Store,
) -> None:
    c, e, i, o = new_id(), new_id(), new_id(), new_id()
    apply(store, record("child", c, 1, child(c)), record("episode", e, 1, episode(e, c)))

    assert apply(store, record("offer", o, 1, offer(o, i))) == [Outcome.PARKED]
    assert [p.reason for p in store.remote.parked()] == [ParkReason.MISSING_REFERENCE]
    assert store.offers.find(o) is None

    with store.transaction("iv-1") as tx:
        tx.remote.apply(record("interview", i, 1, interview(i, c, e)))
        assert tx.remote.apply_parked() == 1

    assert store.offers.get(o).interview_id == i
    assert store.remote.parked() == []


def test_unreadable_record_is_parked_and_a_readable_newer_version_replaces_it(
    store: Store,
) -> None:
    c = new_id()
    broken = {**child(c), "date_of_birth": "not a date"}

    assert apply(store, record("child", c, 1, broken)) == [Outcome.PARKED]
    assert store.remote.parked()[0].reason is ParkReason.INVALID_PAYLOAD
    assert apply(store, record("child", c, 2, child(c))) == [Outcome.APPLIED]
    assert store.remote.parked() == [] and store.children.server_version(c) == 2


def test_published_form_definition_is_kept_newest_version_only(store: Store) -> None:
    first = record("form_definition", "rhi@2", 1, {"title": "Return interview v2"})
    second = record("form_definition", "rhi@2", 2, {"title": "Return interview v2.1"})

    assert apply(store, first, second, first) == [Outcome.STORED] * 3
    kept = store.remote.document("form_definition", "rhi@2")
    assert kept is not None and (kept.version, kept.payload["title"]) == (
        2,
        "Return interview v2.1",
    )


def test_approval_from_the_service_starts_the_retention_clock_at_the_services_time(
    store: Store,
) -> None:
    c, e, i = new_id(), new_id(), new_id()
    apply(store, record("child", c, 1, child(c)), record("episode", e, 1, episode(e, c)))
    approved = interview(i, c, e, state="approved", revision=2, answers={"a": 1})
    apply(store, record("interview", i, 1, interview(i, c, e, state="returned")))
    apply(store, record("interview", i, 7, approved))

    assert store.interviews.get(i).state is InterviewState.APPROVED
    when = T0 + timedelta(minutes=7)
    assert store.interviews.approved_before(when + timedelta(seconds=1)) == [i]
    assert store.interviews.approved_before(when) == []
    # The revision the coordinator returned is kept, as an amendment here would keep it.
    assert [r.revision for r in store.interviews.revisions(i)] == [1, 2]
