"""Who sees and changes what: tokens, revocation, and pull scoped to each person's work."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from rhi_desktop.domain.entities import EpisodeType
from sync import protocol
from sync.protocol import EntityKind, ErrorCode, Role
from sync.server import admin
from sync.server.admin import AssignmentSpec
from tests.rhi_definition import rhi_definition
from tests.sync.server.harness import Central, Device, change, review, steps

RETURNED = datetime(2026, 1, 11, 22, 0, tzinfo=UTC)


def _assign(central: Central, interviewer: str, ref: str) -> admin.Assignment:
    return admin.assign(
        central.engine,
        AssignmentSpec(
            interviewer=interviewer,
            child_ref=ref,
            child_name="Fictional Child",
            date_of_birth=date(2010, 5, 1),
            episode_type=EpisodeType.MISSING,
            missing_since=datetime(2026, 1, 10, 18, 0, tzinfo=UTC),
            returned_at=RETURNED,
        ),
        central.clock,
    )


def _submit(central: Central, device: Device, interview_id: str, base: int) -> None:
    """From assigned (at version `base`), through each step, to sent for review."""
    central.move_through(device, interview_id, {}, steps("assigned", "submitted"), base)


def test_interviewer_pulls_their_assignment_and_never_another_interviewers(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    kim = central.person("kim", Role.INTERVIEWER)
    sams = _assign(central, "sam", "C-100")
    kims = _assign(central, "kim", "C-200")
    kims_offer = str(uuid.uuid4())
    central.push(kim, change("offer", kims_offer, {"outcome": "accepted"}))

    seen_by_sam = central.visible_ids(sam)

    assert seen_by_sam == {
        ("child", sams.child_id),
        ("episode", sams.episode_id),
        ("interview", sams.interview_id),
    }
    assert ("offer", kims_offer) in central.visible_ids(kim)
    assert ("interview", kims.interview_id) in central.visible_ids(kim)


def test_assignment_arrives_in_state_assigned_with_its_72_hour_clock(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    made = _assign(central, "sam", "C-100")

    interview = next(c for c in central.pull_all(sam) if c["entity"] == "interview")

    assert interview["payload"]["state"] == "assigned"
    assert interview["payload"]["interviewer_id"] == sam.user_id
    assert interview["payload"]["returned_at"] == RETURNED.isoformat()
    assert made.due_by == datetime(2026, 1, 14, 22, 0, tzinfo=UTC)


def test_pull_pages_follow_the_server_sequence_without_gaps_or_repeats(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    kim = central.person("kim", Role.INTERVIEWER)
    for n in range(7):
        central.push(sam, change("offer", f"offer-{n}", {"n": n}))
        central.push(kim, change("offer", f"kims-{n}", {"n": n}))

    paged = central.pull_all(sam, limit=3)

    assert [c["entity_id"] for c in paged] == [f"offer-{n}" for n in range(7)]
    seqs = [c["seq"] for c in paged]
    assert seqs == sorted(seqs)
    recorded = [c["recorded_at"] for c in paged]
    assert recorded == sorted(recorded)
    response = central.client.get(
        protocol.PULL_PATH, params={"cursor": seqs[-1]}, headers=sam.headers
    )
    tail = protocol.PullResponse.model_validate(response.json())
    # Nothing more for Sam, and the cursor skips past Kim's later changes.
    assert tail.changes == [] and tail.more is False and tail.cursor > seqs[-1]


def test_coordinator_sees_the_teams_interviews_before_the_interview_and_once_sent_never_drafts(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER, "North team")
    ola = central.person("ola", Role.INTERVIEWER, "South team")
    alex = central.person("alex", Role.COORDINATOR, "North team")
    submitted, draft = _assign(central, "sam", "C-1"), _assign(central, "sam", "C-2")
    waiting = _assign(central, "sam", "C-4")
    south = _assign(central, "ola", "C-3")
    _submit(central, sam, submitted.interview_id, base=1)
    _submit(central, ola, south.interview_id, base=1)
    writing = {"answers": {"where_went": "Sample Park"}}
    central.move_through(sam, draft.interview_id, writing, steps("assigned", "in_progress"), 1)
    # Offered, but sent holding answers by some device: not shared until sent for review.
    early = {"state": "offered", "answers": {"where_went": "Sample Park"}}
    result = central.push(sam, change("interview", waiting.interview_id, early, base_version=1))
    assert result[0]["status"] == "applied", result

    pulled = [c for c in central.pull_all(alex) if c["entity"] == "interview"]
    seen = {(c["entity_id"], c["payload"]["state"]) for c in pulled}

    # Every child due an interview counts in the team's figures, so the coordinator has
    # each interview before it happens (no answers yet) and once it is sent for review.
    assert (submitted.interview_id, "submitted") in seen
    assert (waiting.interview_id, "assigned") in seen
    assert (waiting.interview_id, "offered") not in seen
    # A draft being written stays with its interviewer.
    assert (draft.interview_id, "assigned") in seen
    assert (draft.interview_id, "in_progress") not in seen
    assert not any(c["payload"].get("answers") for c in pulled)
    assert south.interview_id not in {entity_id for entity_id, _ in seen}
    ids = central.visible_ids(alex)
    assert ("child", south.child_id) not in ids and ("child", submitted.child_id) in ids


def test_interviewer_receives_their_review_and_supervision_but_not_colleagues(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    kim = central.person("kim", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    sams = _assign(central, "sam", "C-1")
    _submit(central, sam, sams.interview_id, base=1)
    session_id, kims_session = (str(uuid.uuid4()) for _ in range(2))
    approval = review(sams.interview_id, alex, "approved")
    review_id = approval["entity_id"]
    results = central.push(
        alex,
        approval,
        change("supervision_session", session_id, _session(alex, sam)),
        change("supervision_session", kims_session, _session(alex, kim)),
    )
    assert [r["status"] for r in results] == ["applied"] * 3

    assert {("review", review_id), ("supervision_session", session_id)} <= central.visible_ids(sam)
    assert ("supervision_session", kims_session) not in central.visible_ids(sam)
    ack = central.push(
        sam, change("acknowledgement", str(uuid.uuid4()), {"session_id": session_id})
    )
    forged_ack = central.push(
        sam, change("acknowledgement", str(uuid.uuid4()), {"session_id": kims_session})
    )
    assert ack[0]["status"] == "applied"
    assert forged_ack[0]["reason"] == "unknown_reference"


def test_service_manager_sees_team_supervision_and_rates_it_but_no_case_records(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    sams = _assign(central, "sam", "C-1")
    _submit(central, sam, sams.interview_id, base=1)
    session_id = str(uuid.uuid4())
    central.push(alex, change("supervision_session", session_id, _session(alex, sam)))

    seen = central.visible_ids(morgan)
    rating_id = str(uuid.uuid4())
    rated = {"session_id": session_id, "reviewer_id": morgan.user_id}
    rating = central.push(morgan, change("supervision_quality_review", rating_id, rated))

    assert seen == {("supervision_session", session_id)}
    assert rating[0]["status"] == "applied"
    assert ("supervision_quality_review", rating_id) in central.visible_ids(alex)
    assert ("supervision_quality_review", rating_id) not in central.visible_ids(sam)


def test_published_form_definition_reaches_every_role(central: Central) -> None:
    people = [
        central.person("sam", Role.INTERVIEWER),
        central.person("alex", Role.COORDINATOR),
        central.person("morgan", Role.SERVICE_MANAGER),
        central.person("root", Role.ADMINISTRATOR, None),
    ]
    admin.publish(
        central.engine, EntityKind.FORM_DEFINITION, "rhi@1", rhi_definition(), central.clock
    )
    for device in people:
        assert ("form_definition", "rhi@1") in central.visible_ids(device)


def test_another_interviewers_token_cannot_change_their_work(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    kim = central.person("kim", Role.INTERVIEWER)
    sams = _assign(central, "sam", "C-1")

    results = central.push(
        kim,
        change("interview", sams.interview_id, {"state": "offered"}, base_version=1),
        change("child", sams.child_id, {"case_reference": "C-1", "name": "x"}, base_version=1),
    )

    assert [r["reason"] for r in results] == ["not_permitted", "not_permitted"]
    interview = [c for c in central.pull_all(sam) if c["entity"] == "interview"]
    assert [c["version"] for c in interview] == [1]


def test_forged_or_missing_tokens_are_refused_without_a_wipe(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    forged = [
        None,
        "not-a-token",
        f"{sam.device_id}.{'A' * 43}",
        f"{uuid.uuid4()}.{sam.token.split('.', 1)[1]}",
        sam.token + "x",
    ]
    for token in forged:
        headers = protocol.bearer(token) if token else {}
        response = central.client.get(protocol.PULL_PATH, headers=headers)
        assert response.status_code == 401
        assert response.json() == {
            "code": ErrorCode.UNAUTHORISED.value,
            "message": response.json()["message"],
            "wipe": False,
            "reference": None,
        }
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_revoked_laptop_is_told_to_wipe_on_push_and_pull(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    other = central.enrol("sam", "Spare laptop")
    assert admin.revoke_device(central.engine, sam.device_id, central.clock) is True
    assert admin.revoke_device(central.engine, sam.device_id, central.clock) is False

    pulled = central.client.get(protocol.PULL_PATH, headers=sam.headers)
    pushed = central.push_raw(sam, [change("offer", str(uuid.uuid4()), {})])

    for response in (pulled, pushed):
        assert response.status_code == 401
        body = protocol.ErrorBody.model_validate(response.json())
        assert (body.code, body.wipe) == (ErrorCode.DEVICE_REVOKED, True)
    # The user's other laptop is untouched, and a forged token for the revoked one gets no wipe.
    assert central.client.get(protocol.PULL_PATH, headers=other.headers).status_code == 200
    forged = protocol.bearer(f"{sam.device_id}.{'B' * 43}")
    assert central.client.get(protocol.PULL_PATH, headers=forged).json()["wipe"] is False


def _session(supervisor: Device, supervisee: Device) -> dict[str, Any]:
    return {"supervisor_id": supervisor.user_id, "supervisee_id": supervisee.user_id}


def test_supervision_session_is_changed_only_by_the_supervisor_who_wrote_it(
    central: Central,
) -> None:
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    alex = central.person("alex", Role.COORDINATOR)
    blair = central.person("blair", Role.COORDINATOR)
    session_id = str(uuid.uuid4())
    written = {
        "supervisor_id": morgan.user_id,
        "supervisee_id": alex.user_id,
        "held_on": "2026-01-09",
        "wellbeing": "Tired after a hard week; agreed a lighter caseload.",
    }
    created = central.push(morgan, change("supervision_session", session_id, written))
    assert created[0]["status"] == "applied"

    rewritten = {**written, "wellbeing": "Fine."}
    for someone_else in (alex, blair):  # the supervisee, and a colleague on the team
        refused = central.push(
            someone_else,
            change("supervision_session", session_id, rewritten, base_version=1),
        )
        assert refused[0]["reason"] == "not_permitted"
    assert central.stored("supervision_session", session_id) == (1, written)

    amended = {**written, "reflections": "Talked through the county lines case."}
    by_author = central.push(
        morgan, change("supervision_session", session_id, amended, base_version=1)
    )
    assert (by_author[0]["status"], by_author[0]["version"]) == ("applied", 2)
    assert central.stored("supervision_session", session_id) == (2, amended)

    # The author cannot later put it in someone else's name, or make it about someone else.
    for moved in ({"supervisor_id": blair.user_id}, {"supervisee_id": blair.user_id}):
        refused = central.push(
            morgan,
            change("supervision_session", session_id, {**amended, **moved}, base_version=2),
        )
        assert refused[0]["reason"] == "not_permitted"
    assert central.stored("supervision_session", session_id) == (2, amended)


def test_coordinators_session_with_an_interviewer_is_theirs_alone_to_change(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    blair = central.person("blair", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    session_id = str(uuid.uuid4())
    written = {"supervisor_id": alex.user_id, "supervisee_id": sam.user_id}
    central.push(alex, change("supervision_session", session_id, written))

    rewritten = {**written, "reflections": "Rewritten by someone else."}
    for someone_else in (sam, blair, morgan):
        refused = central.push(
            someone_else,
            change("supervision_session", session_id, rewritten, base_version=1),
        )
        assert refused[0]["reason"] == "not_permitted"
    assert central.stored("supervision_session", session_id) == (1, written)
    by_author = central.push(
        alex, change("supervision_session", session_id, rewritten, base_version=1)
    )
    assert by_author[0]["status"] == "applied"


def test_supervision_is_recorded_only_by_the_supervisor_as_themselves_about_someone_else(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    blair = central.person("blair", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    robin = central.person("robin", Role.SERVICE_MANAGER)

    def pushed(who: Device, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = central.push(who, change(kind, str(uuid.uuid4()), payload))[0]
        return answer

    assert pushed(alex, "supervision_session", _session(alex, alex))["reason"] == "not_permitted"
    assert pushed(blair, "supervision_session", _session(alex, sam))["reason"] == "not_permitted"

    about_alex, about_morgan = str(uuid.uuid4()), str(uuid.uuid4())
    central.push(morgan, change("supervision_session", about_alex, _session(morgan, alex)))
    central.push(robin, change("supervision_session", about_morgan, _session(robin, morgan)))
    in_morgans_name = {"session_id": about_alex, "reviewer_id": morgan.user_id}
    own_session = {"session_id": about_morgan, "reviewer_id": morgan.user_id}
    robins_own = {"session_id": about_alex, "reviewer_id": robin.user_id}
    review = "supervision_quality_review"
    assert pushed(robin, review, in_morgans_name)["reason"] == "not_permitted"
    assert pushed(morgan, review, own_session)["reason"] == "not_permitted"
    assert pushed(robin, review, robins_own)["status"] == "applied"


def test_quality_review_is_changed_only_by_the_manager_who_rated_the_session(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    alex = central.person("alex", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    robin = central.person("robin", Role.SERVICE_MANAGER)
    session_id, rating_id = str(uuid.uuid4()), str(uuid.uuid4())
    central.push(alex, change("supervision_session", session_id, _session(alex, sam)))
    rated = {"session_id": session_id, "reviewer_id": morgan.user_id, "rating": 2}
    central.push(morgan, change("supervision_quality_review", rating_id, rated))

    raised = {**rated, "rating": 4}
    refused = central.push(
        robin, change("supervision_quality_review", rating_id, raised, base_version=1)
    )
    assert refused[0]["reason"] == "not_permitted"
    assert central.stored("supervision_quality_review", rating_id) == (1, rated)
    by_author = central.push(
        morgan, change("supervision_quality_review", rating_id, raised, base_version=1)
    )
    assert by_author[0]["status"] == "applied"

    # Nor can the manager later put the rating in another name, or on another session.
    other_session = str(uuid.uuid4())
    central.push(alex, change("supervision_session", other_session, _session(alex, sam)))
    for moved in ({"reviewer_id": robin.user_id}, {"session_id": other_session}):
        refused = central.push(
            morgan,
            change("supervision_quality_review", rating_id, {**raised, **moved}, base_version=2),
        )
        assert refused[0]["reason"] == "not_permitted"
    assert central.stored("supervision_quality_review", rating_id) == (2, raised)
