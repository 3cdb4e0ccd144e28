"""The team roster arrives with every pull over real TLS, and each pull replaces it."""

from __future__ import annotations

from pathlib import Path

from rhi_desktop.domain.entities import new_id
from sync.engine import SyncOutcome
from sync.protocol import Role
from tests.sync.client.devices import new_laptop
from tests.sync.client.live_central import LiveCentral


def test_a_coordinators_roster_follows_the_team_even_when_nothing_else_changed(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {new_id()[:8]}"
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    first = central.add_user(Role.INTERVIEWER, team, prefix="first")
    central.add_user(Role.INTERVIEWER, f"Other {team}", prefix="elsewhere")
    assert coordinator.store.team.members() == []

    coordinator.sync()
    on_roster = coordinator.store.team.members()

    assert [(m.name, m.role) for m in on_roster if m.role == "interviewer"] == [
        (first, "interviewer")
    ]
    me = coordinator.store.team.member(coordinator.enrolment.user_id)
    assert me is not None and me.role == "coordinator"

    second = central.add_user(Role.INTERVIEWER, team, prefix="second")
    quiet = coordinator.sync()

    assert quiet.outcome is SyncOutcome.NOTHING_DUE, quiet.summary()
    assert [m.name for m in coordinator.store.team.members("interviewer")] == [first, second]
    assert coordinator.store.outbox.counts() == (0, 0)
