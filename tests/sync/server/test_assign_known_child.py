"""Assigning a child the service already holds under the case reference: the record is
reused only when it is this child, on this team's caseload (or moved here on purpose),
and sent again without overtaking an edit made meanwhile on the interviewer's laptop."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from rhi_desktop.domain.entities import EpisodeType
from sync.protocol import EntityKind, Role
from sync.server import admin
from sync.server.admin import AdminError, AssignmentSpec
from tests.sync.server.harness import Central, Device, change

RETURNED = datetime(2025, 12, 1, 22, 0, tzinfo=UTC)  # a repeat 30 days on is past too
SPEC = AssignmentSpec(
    interviewer="sam",
    child_ref="C-100",
    child_name="Fictional Child",
    date_of_birth=date(2010, 5, 1),
    episode_type=EpisodeType.MISSING,
    missing_since=RETURNED - timedelta(hours=20),
    returned_at=RETURNED,
)


def _again(spec: AssignmentSpec, **changes: object) -> AssignmentSpec:
    later = {
        "missing_since": spec.missing_since + timedelta(days=30),
        "returned_at": spec.returned_at + timedelta(days=30),
    }
    return replace(spec, **{**later, **changes})  # type: ignore[arg-type]


def test_another_teams_child_is_not_handed_over_unless_moved_on_purpose(
    central: Central,
) -> None:
    alex = central.person("alex", Role.INTERVIEWER, team="North team")
    ola = central.person("ola", Role.INTERVIEWER, team="South team")
    first = admin.assign(central.engine, replace(SPEC, interviewer="alex"), central.clock)

    with pytest.raises(AdminError, match="another team's caseload") as refused:
        admin.assign(central.engine, _again(SPEC, interviewer="ola"), central.clock)

    assert "Fictional" not in str(refused.value)  # the message names no one
    assert (EntityKind.CHILD.value, first.child_id) not in central.visible_ids(ola)
    assert (EntityKind.CHILD.value, first.child_id) in central.visible_ids(alex)
    moved = admin.assign(
        central.engine, _again(SPEC, interviewer="ola", move_child=True), central.clock
    )
    assert moved.child_id == first.child_id
    assert (EntityKind.CHILD.value, first.child_id) in central.visible_ids(ola)


@pytest.mark.parametrize(
    "other",
    [{"child_name": "Someone Else"}, {"date_of_birth": date(2011, 5, 1)}],
    ids=["name", "date of birth"],
)
def test_a_case_reference_held_for_another_child_is_refused(
    central: Central, other: dict[str, object]
) -> None:
    central.person("sam", Role.INTERVIEWER)
    admin.assign(central.engine, SPEC, central.clock)

    with pytest.raises(AdminError, match="different name or date of birth") as refused:
        admin.assign(central.engine, _again(SPEC, **other), central.clock)

    assert "Someone" not in str(refused.value) and "2011" not in str(refused.value)


def test_the_same_child_is_recognised_whatever_the_case_and_spacing_of_the_name(
    central: Central,
) -> None:
    central.person("sam", Role.INTERVIEWER)
    first = admin.assign(central.engine, SPEC, central.clock)
    again = admin.assign(
        central.engine, _again(SPEC, child_name="  fictional   CHILD "), central.clock
    )
    assert again.child_id == first.child_id


def test_a_repeat_episode_does_not_overtake_the_interviewers_edit_of_the_child(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    first = admin.assign(central.engine, SPEC, central.clock)
    version, payload = central.stored("child", first.child_id)
    admin.assign(central.engine, _again(SPEC), central.clock)  # she went missing again

    # The laptop's edit, made against the version it held, still applies.
    edited = {**payload, "school": "Fictional Academy"}
    [result] = central.push(sam, change("child", first.child_id, edited, base_version=version))
    assert result["status"] == "applied", result
    # And the child was sent again, for a laptop that had purged it.
    sent = [c for c in central.pull_all(sam) if c["entity_id"] == first.child_id]
    assert [c["version"] for c in sent] == [version, version, version + 1]


def test_a_change_to_the_child_on_reassignment_is_a_new_version(central: Central) -> None:
    central.person("sam", Role.INTERVIEWER)
    first = admin.assign(central.engine, SPEC, central.clock)
    version, _ = central.stored("child", first.child_id)
    admin.assign(central.engine, _again(SPEC, looked_after=True), central.clock)
    later, payload = central.stored("child", first.child_id)
    assert (later, payload["looked_after"]) == (version + 1, True)


def _recorded_on_a_laptop(central: Central, device: Device, name: str) -> str:
    """A record of a child under SPEC's case reference, pushed by a laptop (a new case)."""
    child_id = str(uuid.uuid4())
    record = {
        "id": child_id,
        "case_reference": SPEC.child_ref,
        "name": name,
        "date_of_birth": SPEC.date_of_birth.isoformat(),
    }
    [result] = central.push(device, change("child", child_id, record))
    assert result["status"] == "applied", result
    return child_id


def test_of_two_records_under_one_reference_the_one_of_this_child_is_used(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    first = admin.assign(central.engine, SPEC, central.clock)
    _recorded_on_a_laptop(central, sam, "Someone Else")  # a typed reference, mistaken

    again = admin.assign(central.engine, _again(SPEC), central.clock)

    assert again.child_id == first.child_id


def test_two_records_of_the_same_child_are_refused_until_merged(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    admin.assign(central.engine, SPEC, central.clock)
    _recorded_on_a_laptop(central, sam, SPEC.child_name)  # the same child, recorded twice

    with pytest.raises(AdminError, match="2 records of this child have the case reference"):
        admin.assign(central.engine, _again(SPEC), central.clock)


def test_a_record_from_another_teams_laptop_does_not_block_this_teams_child(
    central: Central,
) -> None:
    central.person("sam", Role.INTERVIEWER, team="North team")
    ola = central.person("ola", Role.INTERVIEWER, team="South team")
    theirs = _recorded_on_a_laptop(central, ola, "Someone Else")

    assigned = admin.assign(central.engine, SPEC, central.clock)

    assert assigned.child_id != theirs
    assert central.stored("child", theirs)[1]["name"] == "Someone Else"


@pytest.mark.parametrize("move_child", [False, True], ids=["assigned", "moved"])
def test_a_record_from_another_teams_laptop_is_never_handed_to_this_team(
    central: Central, move_child: bool
) -> None:
    sam = central.person("sam", Role.INTERVIEWER, team="North team")
    ola = central.person("ola", Role.INTERVIEWER, team="South team")
    theirs = _recorded_on_a_laptop(central, ola, SPEC.child_name)

    assigned = admin.assign(central.engine, replace(SPEC, move_child=move_child), central.clock)

    assert assigned.child_id != theirs
    assert (EntityKind.CHILD.value, theirs) not in central.visible_ids(sam)
    assert (EntityKind.CHILD.value, theirs) in central.visible_ids(ola)
    assert central.stored("child", theirs)[0] == 1  # not sent again, to anyone
