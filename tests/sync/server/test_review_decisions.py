"""A coordinator's review is theirs, says what they decided, and is final once made: the
interviewer's device shows it as the decision on their interview."""

from __future__ import annotations

import uuid
from typing import Any

from sync.protocol import Role
from tests.sync.server.harness import Central, Device, change, steps


def _interview(state: str) -> dict[str, Any]:
    return {"state": state, "answers": {"venue": "home"}, "revision": 1}


def _review(interview_id: str, reviewer: Device, decision: str, **more: Any) -> dict[str, Any]:
    return {
        "interview_id": interview_id,
        "revision": 1,
        "reviewer_id": reviewer.user_id,
        "decided_at": "2026-01-12T09:00:00+00:00",
        "decision": decision,
        "overall_comment": "Good work",
        **more,
    }


def _submitted(central: Central, interviewer: Device) -> tuple[str, int]:
    interview_id = str(uuid.uuid4())
    sent = central.move_through(
        interviewer, interview_id, _interview("submitted"), steps(None, "submitted")
    )
    return interview_id, sent


def test_a_coordinator_approves_with_their_own_review_and_the_interviewer_sees_both(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id, sent = _submitted(central, sam)
    review_id = str(uuid.uuid4())

    results = central.push(
        alex,
        change("review", review_id, _review(interview_id, alex, "approved")),
        change("interview", interview_id, _interview("approved"), base_version=sent),
    )

    assert [r["status"] for r in results] == ["applied", "applied"]
    assert ("review", review_id) in central.visible_ids(sam)


def test_a_coordinator_cannot_record_a_review_in_another_coordinators_name(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    cara = central.person("cara", Role.COORDINATOR)
    interview_id, sent = _submitted(central, sam)
    review_id = str(uuid.uuid4())

    results = central.push(
        alex,
        change("review", review_id, _review(interview_id, cara, "approved")),
        change("interview", interview_id, _interview("approved"), base_version=sent),
    )

    assert [(r["status"], r.get("reason")) for r in results] == [
        ("rejected", "not_permitted"),
        ("rejected", "not_permitted"),  # a decision with no review of it by its maker
    ]
    assert central.stored("interview", interview_id)[0] == sent
    assert ("review", review_id) not in central.visible_ids(sam)


def test_an_interview_is_decided_only_as_its_review_says(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id, sent = _submitted(central, sam)

    results = central.push(
        alex,
        change("review", str(uuid.uuid4()), _review(interview_id, alex, "returned")),
        change("interview", interview_id, _interview("approved"), base_version=sent),
    )

    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["reason"] == "not_permitted"
    assert central.stored("interview", interview_id)[0] == sent


def test_a_review_that_decides_nothing_is_refused(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    interview_id, _ = _submitted(central, sam)

    [result] = central.push(
        alex, change("review", str(uuid.uuid4()), _review(interview_id, alex, "maybe later"))
    )

    assert (result["status"], result["reason"]) == ("rejected", "invalid_payload")


def test_a_decision_once_made_is_final(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    cara = central.person("cara", Role.COORDINATOR)
    interview_id, sent = _submitted(central, sam)
    review_id = str(uuid.uuid4())
    approved = _review(interview_id, alex, "approved")
    central.push(
        alex,
        change("review", review_id, approved),
        change("interview", interview_id, _interview("approved"), base_version=sent),
    )

    rewrites = [
        (alex, _review(interview_id, alex, "returned", overall_comment="Inadequate")),
        (alex, {**approved, "overall_comment": "Inadequate"}),
        (cara, _review(interview_id, cara, "returned")),
        (alex, {**approved, "reviewer_id": sam.user_id}),
    ]
    for coordinator, rewritten in rewrites:
        [result] = central.push(coordinator, change("review", review_id, rewritten, base_version=1))
        assert (result["status"], result["reason"]) == ("rejected", "not_permitted")

    assert central.stored("review", review_id) == (1, approved)
    pulled = [c["version"] for c in central.pull_all(sam) if c["entity_id"] == review_id]
    assert pulled == [1]
