"""Every pull carries the caller's team roster: ids, usernames and roles, nothing more,
and only the people each role works with."""

from __future__ import annotations

import uuid
from typing import Any

from sync import protocol
from sync.protocol import Role
from sync.server import admin
from tests.sync.server.harness import Central, Device, change


def _pages(central: Central, device: Device, limit: int = 200) -> list[protocol.PullResponse]:
    pages, cursor = [], 0
    while True:
        response = central.client.get(
            protocol.PULL_PATH, params={"cursor": cursor, "limit": limit}, headers=device.headers
        )
        assert response.status_code == 200, response.text
        page = protocol.PullResponse.model_validate(response.json())
        if not page.more:  # the roster: ids, usernames and roles, nothing else
            assert set(response.json()["team"][0]) == {"user_id", "name", "role"}
        pages.append(page)
        cursor = page.cursor
        if not page.more:
            return pages


def _roster(page: protocol.PullResponse) -> list[tuple[str, str, str]]:
    assert page.team is not None
    return [(m.name, m.role.value, m.user_id) for m in page.team]


def test_a_coordinator_and_a_manager_get_their_whole_team_and_nobody_else(
    central: Central,
) -> None:
    alex = central.person("alex", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    central.add_user("sam", Role.INTERVIEWER)
    central.add_user("ada", Role.INTERVIEWER)  # never enrolled, no interviews: still listed
    central.add_user("ola", Role.INTERVIEWER, team="South team")
    central.add_user("root", Role.ADMINISTRATOR, team=None)
    users = central.users
    expected = [
        ("ada", "interviewer", users["ada"]),
        ("alex", "coordinator", users["alex"]),
        ("morgan", "service_manager", users["morgan"]),
        ("sam", "interviewer", users["sam"]),
    ]

    (coordinators,) = _pages(central, alex)
    (managers,) = _pages(central, morgan)

    assert _roster(coordinators) == expected
    assert _roster(managers) == expected


def test_someone_who_has_left_is_no_longer_on_the_roster(central: Central) -> None:
    alex = central.person("alex", Role.COORDINATOR)
    central.add_user("sam", Role.INTERVIEWER)
    central.add_user("kim", Role.INTERVIEWER)
    admin.user_leaves(central.engine, "kim", central.clock)

    (page,) = _pages(central, alex)

    assert [name for name, _, _ in _roster(page)] == ["alex", "sam"]


def test_an_interviewer_learns_only_who_supervises_them(central: Central) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    central.add_user("kim", Role.INTERVIEWER)
    central.add_user("alex", Role.COORDINATOR)
    central.add_user("morgan", Role.SERVICE_MANAGER)

    (page,) = _pages(central, sam)

    assert [name for name, _, _ in _roster(page)] == ["alex", "morgan", "sam"]


def test_the_last_page_of_a_long_pull_carries_the_roster(central: Central) -> None:
    alex = central.person("alex", Role.COORDINATOR)
    sam = central.person("sam", Role.INTERVIEWER)
    for _ in range(3):
        result = central.push(
            alex,
            change(
                "supervision_session",
                str(uuid.uuid4()),
                {"supervisor_id": alex.user_id, "supervisee_id": sam.user_id},
            ),
        )
        assert result[0]["status"] == "applied"

    pages = _pages(central, alex, limit=1)

    assert len(pages) >= 3
    assert [p.team is None for p in pages] == [True] * (len(pages) - 1) + [False]
    assert {name for name, _, _ in _roster(pages[-1])} == {"alex", "sam"}


def _session(central: Central, by: Device, supervisee: Device) -> str:
    session_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "supervisor_id": by.user_id,
        "supervisee_id": supervisee.user_id,
        "held_on": "2026-01-12",
    }
    result = central.push(by, change("supervision_session", session_id, payload))
    assert result[0]["status"] == "applied", result
    return session_id


def test_a_coordinator_acknowledges_their_own_supervision_but_no_one_elses(
    central: Central,
) -> None:
    alex = central.person("alex", Role.COORDINATOR)
    morgan = central.person("morgan", Role.SERVICE_MANAGER)
    sam = central.person("sam", Role.INTERVIEWER)
    alexs = _session(central, morgan, alex)
    sams = _session(central, alex, sam)

    ack_id = str(uuid.uuid4())

    own = central.push(alex, change("acknowledgement", ack_id, {"session_id": alexs}))
    other = central.push(alex, change("acknowledgement", str(uuid.uuid4()), {"session_id": sams}))

    assert own[0]["status"] == "applied"
    assert other[0]["reason"] == "unknown_reference"
    assert ("acknowledgement", ack_id) in central.visible_ids(morgan)
    assert ("acknowledgement", ack_id) not in central.visible_ids(sam)
