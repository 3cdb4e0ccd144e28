"""Pushing the outbox: every change is answered applied, duplicate, conflict or rejected."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from sync.protocol import Change, EntityKind, ErrorCode, Role
from sync.server import push, schema
from sync.server.auth import Principal
from tests.sync.server.harness import LIFECYCLE, Central, audit_head, change, review, steps


def _interview(state: str = "in_progress", **answers: Any) -> dict[str, Any]:
    return {"state": state, "answers": answers}


def test_new_interview_is_applied_at_version_one_then_updated_to_two(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    interview_id = str(uuid.uuid4())

    first = central.push(
        sam, change("interview", interview_id, _interview("assigned", venue="school"))
    )
    second = central.push(
        sam,
        change("interview", interview_id, _interview("offered", venue="library"), base_version=1),
    )

    assert first[0]["status"] == "applied" and first[0]["version"] == 1
    assert second[0]["status"] == "applied" and second[0]["version"] == 2
    assert second[0]["seq"] > first[0]["seq"]


def test_a_change_following_another_is_taken_only_on_the_version_that_one_made(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    child_id = str(uuid.uuid4())
    made = change("child", child_id, {"case_reference": "C-1"})
    central.push(sam, made)
    # Another laptop of Sam's makes version 2 first...
    central.push(sam, change("child", child_id, {"case_reference": "C-2"}, base_version=1))
    # ...this laptop's two queued edits: the first is a conflict, and the second, sent as
    # made on version 2 by the first, is too: version 2 is the other laptop's.
    first = change("child", child_id, {"case_reference": "C-3"}, base_version=1)
    second = {
        **change("child", child_id, {"case_reference": "C-4"}, base_version=2),
        "follows": first["change_id"],
    }
    results = central.push(sam, first, second)

    assert [r["status"] for r in results] == ["conflict", "conflict"]
    assert central.stored("child", child_id) == (2, {"case_reference": "C-2"})
    # In one batch, or one after the other, a change on the version its named change made
    # is taken.
    third = change("child", child_id, {"case_reference": "C-5"}, base_version=2)
    fourth = {
        **change("child", child_id, {"case_reference": "C-6"}, base_version=3),
        "follows": third["change_id"],
    }
    assert [r["status"] for r in central.push(sam, third, fourth)] == ["applied", "applied"]
    fifth = {
        **change("child", child_id, {"case_reference": "C-7"}, base_version=4),
        "follows": fourth["change_id"],
    }
    assert central.push(sam, fifth)[0]["status"] == "applied"
    assert central.stored("child", child_id) == (5, {"case_reference": "C-7"})


def test_retried_change_is_a_duplicate_and_applied_only_once(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    offer = change("offer", str(uuid.uuid4()), {"outcome": "accepted"})

    first = central.push(sam, offer)
    retry = central.push(sam, offer)

    assert first[0]["status"] == "applied"
    assert retry[0] == {"status": "duplicate", "change_id": offer["change_id"], "version": 1}
    with central.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.changes)).scalar_one() == 1


def test_same_change_id_with_a_different_payload_is_rejected(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    offer = change("offer", str(uuid.uuid4()), {"outcome": "accepted"})
    central.push(sam, offer)

    altered = {**offer, "payload": {"outcome": "declined_by_child"}}
    result = central.push(sam, altered)[0]

    assert result["status"] == "rejected"
    assert result["reason"] == "change_id_reused"


def test_change_made_against_a_stale_version_is_a_conflict(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    child_id = str(uuid.uuid4())
    central.push(sam, change("child", child_id, {"case_reference": "C-1"}))
    central.push(sam, change("child", child_id, {"case_reference": "C-2"}, base_version=1))

    stale = central.push(sam, change("child", child_id, {"case_reference": "C-3"}, base_version=1))

    assert stale[0]["status"] == "conflict"
    assert stale[0]["current_version"] == 2


def test_update_to_an_entity_the_server_never_saw_is_a_conflict(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    result = central.push(sam, change("offer", str(uuid.uuid4()), {}, base_version=3))[0]
    assert (result["status"], result["current_version"]) == ("conflict", 0)


def test_one_bad_change_does_not_block_the_rest_of_the_batch(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    results = central.push(
        sam,
        change("offer", str(uuid.uuid4()), {"outcome": "accepted"}),
        change("interview", str(uuid.uuid4()), {"state": "not-a-state"}),
        change("form_definition", "rhi@1", {"title": "forged"}),
        change("offer", str(uuid.uuid4()), {"outcome": "no_contact"}),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert results[1]["reason"] == "invalid_payload"
    assert results[2]["reason"] == "not_permitted"


def test_payloads_no_database_can_store_faithfully_are_rejected(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    results = central.push(
        sam,
        change("offer", str(uuid.uuid4()), {"note": "nul \x00 byte"}),
        change("offer", str(uuid.uuid4()), {"note\x00": "key"}),
        change("offer", str(uuid.uuid4()), {"note": "x" * (300 * 1024)}),
    )
    assert [r.get("reason") for r in results] == [
        "invalid_payload",
        "invalid_payload",
        "payload_too_large",
    ]


def test_records_no_device_could_read_are_rejected_not_handed_to_the_team(
    central: Central,
) -> None:
    """A child whose date of birth is no date, under another id than the change's, was
    applied and sent to every device in the team, each of which set it aside."""
    sam = central.person("sam", Role.INTERVIEWER)
    child_id = str(uuid.uuid4())
    whole = {
        "id": child_id,
        "case_reference": "C-9",
        "name": "Zyxwq Markerton",
        "date_of_birth": "2012-03-04",
    }
    results = central.push(
        sam,
        change("child", child_id, {"id": "x", "name": "Zyxwq Markerton"}),
        change("child", child_id, {"id": child_id, "date_of_birth": "Zyxwq"}),
        change("episode", str(uuid.uuid4()), {"type": "Q"}),
        change("offer", str(uuid.uuid4()), {"offered_at": "2026-01-12T08:55:00"}),  # no zone
        change("interview", str(uuid.uuid4()), {"state": "assigned", "episode_ids": "e-1"}),
        change("child", child_id, whole),
    )
    assert [r.get("reason") for r in results] == [*["invalid_payload"] * 5, None]
    assert results[-1]["status"] == "applied"
    assert central.stored("child", child_id) == (1, whole)


def test_interviewer_cannot_approve_their_own_interview(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    interview_id = str(uuid.uuid4())
    sent = central.move_through(sam, interview_id, _interview(), steps(None, "submitted"))

    approve = central.push(
        sam, change("interview", interview_id, _interview("approved"), base_version=sent)
    )
    new_approved = central.push(sam, change("interview", str(uuid.uuid4()), _interview("approved")))

    assert approve[0]["reason"] == "not_permitted"
    assert new_approved[0]["reason"] == "not_permitted"


def test_coordinator_returns_a_submitted_interview_and_the_interviewer_amends_it(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id = str(uuid.uuid4())
    sent = central.move_through(
        sam, interview_id, _interview(venue="school"), steps(None, "submitted")
    )

    reviewed = review(interview_id, alex, "returned")
    returned = change(
        "interview", interview_id, _interview("returned", venue="school"), base_version=sent
    )
    assert [r["status"] for r in central.push(alex, reviewed, returned)] == ["applied", "applied"]

    amended = central.push(
        sam, change("interview", interview_id, _interview("in_progress"), base_version=sent + 1)
    )
    assert amended[0]["status"] == "applied"
    # Back with the interviewer, it is no longer the coordinator's to decide.
    late = central.push(
        alex, change("interview", interview_id, _interview("approved"), base_version=sent + 2)
    )
    assert late[0]["reason"] == "not_permitted"


@pytest.mark.parametrize(
    ("after", "to"),
    [
        ("assigned", "submitted"),  # never offered, held or signed off
        ("assigned", "in_progress"),  # never offered
        ("offered", "completed"),  # never held
        ("in_progress", "submitted"),  # never signed off
    ],
)
def test_an_interview_moves_one_step_of_its_lifecycle_at_a_time(
    central: Central, after: str, to: str
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    interview_id = str(uuid.uuid4())
    held = central.move_through(sam, interview_id, _interview(), steps(None, after))

    skipped = central.push(
        sam, change("interview", interview_id, _interview(to), base_version=held)
    )[0]

    assert (skipped["status"], skipped["reason"]) == ("rejected", "not_permitted")
    assert central.stored("interview", interview_id)[0] == held


def test_a_new_interview_from_a_device_starts_assigned(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    results = central.push(
        sam,
        *(change("interview", str(uuid.uuid4()), _interview(state)) for state in LIFECYCLE),
    )
    assert [r["status"] for r in results] == ["applied"] + ["rejected"] * 4


def test_review_of_an_interview_the_coordinator_cannot_see_is_refused(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    draft_id = str(uuid.uuid4())
    central.move_through(sam, draft_id, _interview(), steps(None, "in_progress"))

    result = central.push(alex, review(draft_id, alex, "approved"))
    assert result[0]["reason"] == "unknown_reference"


def test_audit_chain_moving_forward_is_accepted_and_recorded(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    for seq in (3, 3, 9):
        response = central.push_raw(sam, [], audit_head(sam.device_id, seq))
        assert response.status_code == 200, response.text
    with central.engine.connect() as conn:
        stored = conn.execute(select(schema.devices.c.audit_seq)).scalar_one()
    assert stored == 9


def test_audit_chain_rolled_back_refuses_the_whole_push(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    assert central.push_raw(sam, [], audit_head(sam.device_id, 10)).status_code == 200

    shorter = central.push_raw(
        sam, [change("offer", str(uuid.uuid4()), {})], audit_head(sam.device_id, 9)
    )
    replaced = central.push_raw(sam, [], audit_head(sam.device_id, 10, salt="rewritten"))

    for response in (shorter, replaced):
        assert response.status_code == 409
        assert response.json()["code"] == ErrorCode.AUDIT_ROLLBACK
    with central.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.changes)).scalar_one() == 0


def _principal(central: Central, username: str) -> Principal:
    device = central.person(username, Role.INTERVIEWER)
    return Principal(device.device_id, device.user_id, Role.INTERVIEWER, _team_id(central))


def _team_id(central: Central) -> str:
    with central.engine.connect() as conn:
        return str(conn.execute(select(schema.teams.c.id)).scalar_one())


def _race(central: Central, principal: Principal, changes: list[Change]) -> list[str]:
    start = threading.Barrier(len(changes))
    statuses: list[str] = []
    lock = threading.Lock()

    def send(item: Change) -> None:
        start.wait()
        result = push.apply_change(central.engine, principal, item, central.clock)
        with lock:
            statuses.append(result.status)

    threads = [threading.Thread(target=send, args=(item,)) for item in changes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(statuses)


def test_concurrent_retries_of_one_new_entity_apply_exactly_once(central: Central) -> None:
    sam = _principal(central, "sam")
    item = Change(
        change_id=uuid.uuid4(),
        entity=EntityKind.OFFER,
        entity_id=str(uuid.uuid4()),
        base_version=0,
        payload={"outcome": "accepted"},
        made_at=datetime(2026, 1, 12, 9, tzinfo=UTC),
    )
    assert _race(central, sam, [item] * 6) == ["applied"] + ["duplicate"] * 5


def test_concurrent_retries_of_one_update_apply_exactly_once(central: Central) -> None:
    sam = _principal(central, "sam")
    offer_id = str(uuid.uuid4())
    made = datetime(2026, 1, 12, 9, tzinfo=UTC)
    created = Change(
        change_id=uuid.uuid4(),
        entity=EntityKind.OFFER,
        entity_id=offer_id,
        base_version=0,
        payload={"outcome": "no_contact"},
        made_at=made,
    )
    assert push.apply_change(central.engine, sam, created, central.clock).status == "applied"
    update = created.model_copy(
        update={"change_id": uuid.uuid4(), "base_version": 1, "payload": {"outcome": "accepted"}}
    )

    assert _race(central, sam, [update] * 6) == ["applied"] + ["duplicate"] * 5
    with central.engine.connect() as conn:
        assert conn.execute(select(schema.entities.c.version)).scalar_one() == 2


def test_two_devices_editing_the_same_version_get_one_applied_one_conflict(
    central: Central,
) -> None:
    sam = _principal(central, "sam")
    offer_id = str(uuid.uuid4())
    made = datetime(2026, 1, 12, 9, tzinfo=UTC)
    base = Change(
        change_id=uuid.uuid4(),
        entity=EntityKind.OFFER,
        entity_id=offer_id,
        base_version=0,
        payload={"outcome": "no_contact"},
        made_at=made,
    )
    push.apply_change(central.engine, sam, base, central.clock)
    edits = [
        base.model_copy(update={"change_id": uuid.uuid4(), "base_version": 1, "payload": {"n": n}})
        for n in range(4)
    ]
    assert _race(central, sam, edits) == ["applied"] + ["conflict"] * 3


def _as_the_desktop_sends_it(interview_id: str, state: str, version: int) -> dict[str, Any]:
    """An interview payload with every field the desktop's store sends."""
    return {
        "id": interview_id,
        "child_id": "c1",
        "episode_ids": ["e1"],
        "interviewer_id": "sam",
        "returned_at": "2026-01-11T22:00:00+00:00",
        "state": state,
        "form_id": "rhi",
        "form_version": 1,
        "answers": {"where_went": "Sample Park", "with_whom": ["an adult"], "harmed": True},
        "revision": 1,
        "started_at": "2026-01-12T08:00:00+00:00",
        "completed_at": "2026-01-12T08:40:00+00:00",
        "late_reason": None,
        "version": version,  # the sending device's own edit counter
    }


def _answers_rewritten(payload: dict[str, Any]) -> None:
    payload["answers"]["where_went"] = "somewhere else"


def _answer_removed(payload: dict[str, Any]) -> None:
    del payload["answers"]["with_whom"]


def _answer_retyped(payload: dict[str, Any]) -> None:
    payload["answers"]["harmed"] = 1


def _field_added(payload: dict[str, Any]) -> None:
    payload["late_reason"] = "the child was unwell"


def _revision_moved(payload: dict[str, Any]) -> None:
    payload["revision"] = 2


@pytest.mark.parametrize("decision", ["approved", "returned"])
@pytest.mark.parametrize(
    "tamper",
    [_answers_rewritten, _answer_removed, _answer_retyped, _field_added, _revision_moved],
)
def test_coordinator_deciding_an_interview_cannot_rewrite_what_the_interviewer_recorded(
    central: Central, decision: str, tamper: Callable[[dict[str, Any]], None]
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id = str(uuid.uuid4())
    submitted = _as_the_desktop_sends_it(interview_id, "submitted", version=5)
    sent = central.move_through(sam, interview_id, submitted, steps(None, "submitted"))

    decided = _as_the_desktop_sends_it(interview_id, decision, version=2)
    tamper(decided)
    reviewed = review(interview_id, alex, decision, revision=1)
    review_result, result = central.push(
        alex, reviewed, change("interview", interview_id, decided, base_version=sent)
    )

    assert review_result["status"] == "applied"  # refused for the rewrite alone
    assert (result["status"], result["reason"]) == ("rejected", "not_permitted")
    assert central.stored("interview", interview_id) == (sent, submitted)
    pulled = [c["version"] for c in central.pull_all(sam) if c["entity_id"] == interview_id]
    assert max(pulled) == sent  # nothing reaches the interviewer's device


@pytest.mark.parametrize("decision", ["approved", "returned"])
def test_coordinator_decision_as_the_desktop_sends_it_is_applied(
    central: Central, decision: str
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id = str(uuid.uuid4())
    submitted = _as_the_desktop_sends_it(interview_id, "submitted", version=5)
    sent = central.move_through(sam, interview_id, submitted, steps(None, "submitted"))

    decided = _as_the_desktop_sends_it(interview_id, decision, version=2)
    reviewed = review(interview_id, alex, decision, revision=1)
    _, result = central.push(
        alex, reviewed, change("interview", interview_id, decided, base_version=sent)
    )

    assert (result["status"], result["version"]) == ("applied", sent + 1)
    assert central.stored("interview", interview_id) == (sent + 1, decided)


@pytest.mark.parametrize("made_at", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+14:00"])
def test_a_device_time_beyond_what_utc_holds_is_refused_alone_not_a_fault(
    central: Central, made_at: str
) -> None:
    """The change is refused, and the rest of its batch lands: a bad change never holds
    up the queue behind it."""
    sam = central.person("sam", Role.INTERVIEWER)
    odd = change("offer", str(uuid.uuid4()), {"outcome": "accepted"}) | {"made_at": made_at}

    results = central.push(sam, change("offer", str(uuid.uuid4()), {}), odd)

    assert [(r["status"], r.get("reason")) for r in results] == [
        ("applied", None),
        ("rejected", "invalid_payload"),
    ]
    with central.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.entities)).scalar() == 1
