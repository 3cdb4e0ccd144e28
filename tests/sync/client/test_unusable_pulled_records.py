"""A pulled record this device cannot hold (a number out of range, NaN, infinity) is
parked as invalid; it never stops the rest of its page, or any later pull, arriving."""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rhi_desktop.domain.entities import new_id
from rhi_desktop.store import Outcome, ParkReason, Store
from sync.engine import SyncOutcome
from sync.protocol import EntityKind, Role
from sync.server import schema
from sync.server.db import writing
from sync.server.feed import Audience, admin_origin, create_entity
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from tests.sync.client.test_pulled_records import record


def child(child_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": child_id, "case_reference": f"CR-{child_id[:6]}", "name": "Tamsin Example",
            "date_of_birth": "2010-07-08", **extra}  # fmt: skip


def interview(interview_id: str, child_id: str, episode_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": interview_id, "child_id": child_id, "episode_ids": [episode_id],
            "interviewer_id": "iv-1", "returned_at": "2026-02-28T08:00:00+00:00",
            "state": "assigned", **extra}  # fmt: skip


def test_records_with_numbers_out_of_range_are_parked_and_the_rest_of_the_page_is_applied(
    store: Store,
) -> None:
    far, nan, huge_revision, endless_answer = new_id(), new_id(), new_id(), new_id()
    fine, episode = new_id(), new_id()
    huge = interview(huge_revision, fine, episode, revision=2**64)
    endless = interview(endless_answer, fine, episode, answers={"miles": [math.inf]})
    page = [
        record("child", far, 1, child(far, placement={"distance_miles": 10**400})),
        record("child", nan, 1, child(nan, placement={"distance_miles": math.nan})),
        record("interview", huge_revision, 1, huge),
        record("interview", endless_answer, 1, endless),
        record("form_definition", "rhi@9", 1, {"title": "Return interview", "max": math.inf}),
        record("child", fine, 1, child(fine, placement={"distance_miles": 12.5})),
    ]

    with store.transaction("iv-1") as tx:
        outcomes = [tx.remote.apply(r) for r in page]

    assert outcomes == [Outcome.PARKED] * 5 + [Outcome.APPLIED]
    parked = store.remote.parked()
    assert {(p.record.entity, p.record.entity_id) for p in parked} == {
        ("child", far), ("child", nan), ("interview", huge_revision),
        ("interview", endless_answer), ("form_definition", "rhi@9"),
    }  # fmt: skip
    assert {p.reason for p in parked} == {ParkReason.INVALID_PAYLOAD}
    assert store.remote.document("form_definition", "rhi@9") is None
    assert store.children.get(fine).placement.distance_miles == 12.5

    # Retried after the next pull, they stay parked; a readable newer version replaces one.
    with store.transaction("iv-1") as tx:
        assert tx.remote.apply_parked() == 0
        assert tx.remote.apply(record("child", far, 2, child(far))) is Outcome.APPLIED
    assert store.children.server_version(far) == 2
    assert len(store.remote.parked()) == 4


def _stored_by_an_earlier_release(
    central: LiveCentral, laptop: Laptop, kind: EntityKind, payload: dict[str, Any]
) -> None:
    """A record the service took before it refused numbers a device cannot hold."""
    user_id = str(laptop.enrolment.user_id)
    with writing(central.engine) as conn:
        team_id = conn.execute(
            select(schema.users.c.team_id).where(schema.users.c.id == user_id)
        ).scalar_one()
        create_entity(
            conn,
            kind,
            payload["id"],
            payload,
            Audience(interviewer_id=user_id, team_id=team_id, team_visible=True),
            admin_origin(kind, payload["id"], 0, payload),
            central.clock(),
        )


def test_one_out_of_range_record_on_the_service_does_not_stop_the_coordinators_pulls(
    central: LiveCentral, tmp_path: Path
) -> None:
    team = f"Team {uuid.uuid4().hex[:8]}"
    coordinator = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=team)
    interviewer = new_laptop(central, tmp_path / "interviewer", team=team)
    far = new_id()
    _stored_by_an_earlier_release(
        central, interviewer, EntityKind.CHILD, child(far, placement={"distance_miles": 10**400})
    )
    submitted = record_completed_case(interviewer)
    assert interviewer.sync().outcome is SyncOutcome.SENT

    first = coordinator.sync()
    second = coordinator.sync()

    assert first.outcome is SyncOutcome.SENT, first.summary()
    assert first.pull.parked == 1
    assert coordinator.store.remote.server_version("interview", submitted) is not None
    assert [(p.record.entity_id, p.reason) for p in coordinator.store.remote.parked()] == [
        (far, ParkReason.INVALID_PAYLOAD)
    ]
    assert coordinator.store.children.find(far) is None
    assert second.outcome is SyncOutcome.NOTHING_DUE and second.pull.received == 0
