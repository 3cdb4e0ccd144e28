"""A coordinator's decision and `users hand-over` at the same moment, on PostgreSQL: the
hand-over waits for the decision and moves the interview as it then stands, so an
approval is never undone by a copy read before it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine, select

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import EpisodeType
from sync.protocol import EntityKind, Role
from sync.server import admin, schema
from sync.server.db import open_engine
from sync.server.feed import Audience, admin_origin, update_entity_row
from sync.server.handover import Handover, hand_over
from sync.server.migrations import migrate
from tests.sync.server.throwaway_postgres import PostgresCluster

e = schema.entities


@pytest.fixture
def engine(postgres: PostgresCluster) -> Iterator[Engine]:
    url = postgres.create_database()
    made = open_engine(url)
    migrate(made, utc_now)
    yield made
    made.dispose()
    postgres.drop_database(url)


def _submitted_interview_of_a_leaver(engine: Engine) -> str:
    for name, role in (("sam", Role.INTERVIEWER), ("ben", Role.INTERVIEWER)):
        admin.add_user(engine, name, role, "North team", utc_now)
    now = datetime.now(UTC)
    spec = admin.AssignmentSpec(
        interviewer="sam",
        child_ref="RACE-1",
        child_name="Example Child",
        date_of_birth=date(now.year - 14, 1, 1),
        episode_type=EpisodeType.MISSING,
        missing_since=now - timedelta(hours=20),
        returned_at=now - timedelta(hours=2),
    )
    interview_id = admin.assign(engine, spec, utc_now).interview_id
    with engine.begin() as conn:
        _set_state(conn, interview_id, "submitted")
    admin.user_leaves(engine, "sam", utc_now)
    return interview_id


def _set_state(conn: Connection, interview_id: str, state: str) -> None:
    row = conn.execute(
        select(e.c.version, e.c.payload, e.c.interviewer_id, e.c.team_id).where(
            e.c.entity == EntityKind.INTERVIEW.value, e.c.entity_id == interview_id
        )
    ).one()
    payload = {**row.payload, "state": state}
    audience = Audience(row.interviewer_id, row.team_id, True)
    origin = admin_origin(EntityKind.INTERVIEW, interview_id, row.version, payload)
    written = update_entity_row(
        conn, EntityKind.INTERVIEW, interview_id, row.version, payload, audience, origin, utc_now()
    )
    assert written is not None


def test_an_approval_being_written_is_waited_for_and_kept(engine: Engine) -> None:
    interview_id = _submitted_interview_of_a_leaver(engine)
    done: list[Handover | BaseException] = []

    with engine.connect() as deciding:
        transaction = deciding.begin()
        _set_state(deciding, interview_id, "approved")  # the row is locked until commit
        mover = threading.Thread(
            target=lambda: done.append(_run(lambda: hand_over(engine, "sam", "ben", utc_now)))
        )
        mover.start()
        mover.join(timeout=2)
        assert mover.is_alive()  # waiting on the coordinator's decision, not reading past it
        transaction.commit()
    mover.join(timeout=30)

    [outcome] = done
    assert isinstance(outcome, Handover) and outcome.interviews == []
    with engine.connect() as conn:
        stored = conn.execute(
            select(e.c.payload, e.c.interviewer_id).where(
                e.c.entity == EntityKind.INTERVIEW.value, e.c.entity_id == interview_id
            )
        ).one()
    assert stored.payload["state"] == "approved"
    assert stored.payload["interviewer_id"] == stored.interviewer_id  # still the leaver's


def _run(work: Callable[[], Handover]) -> Handover | BaseException:
    try:
        return work()
    except BaseException as exc:  # handed back to the test's thread
        return exc
