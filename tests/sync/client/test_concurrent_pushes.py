"""Batches that race each other on the service (a retry overlapping the original after a
timeout, two laptops editing one record) still apply each change exactly once, on
embedded SQLite and on a real PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select

from rhi_desktop.domain.deadlines import utc_now
from sync.protocol import (
    AuditHead,
    Change,
    EnrolmentRequest,
    EntityKind,
    PushRequest,
    PushResponse,
    Role,
)
from sync.server import admin, enrolment, push, schema
from sync.server.auth import Principal
from sync.server.db import open_engine
from sync.server.migrations import migrate
from tests.sync.server.throwaway_postgres import PostgresCluster, start_cluster

MADE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresCluster]:
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database()
    made = open_engine(url)
    migrate(made, utc_now)
    yield made
    made.dispose()


def _device(engine: Engine, username: str) -> Principal:
    if username not in _users(engine):
        admin.add_user(engine, username, Role.INTERVIEWER, "North team", utc_now)
    code = admin.issue_enrolment_code(engine, username, utc_now)
    enrolled = enrolment.enrol(
        engine, EnrolmentRequest(code=code, device_name="laptop", app_version="0.1.0"), utc_now
    )
    u = schema.users
    with engine.connect() as conn:
        team = conn.execute(select(u.c.team_id).where(u.c.username == username)).scalar_one()
    return Principal(str(enrolled.device_id), str(enrolled.user_id), Role.INTERVIEWER, team)


def _users(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(schema.users.c.username)).scalars())


def _change(entity_id: str, base: int = 0, **payload: Any) -> Change:
    return Change(
        change_id=uuid.uuid4(),
        entity=EntityKind.OFFER,
        entity_id=entity_id,
        base_version=base,
        payload={"outcome": "accepted", **payload},
        made_at=MADE,
    )


def _race(engine: Engine, sends: list[tuple[Principal, PushRequest]]) -> list[PushResponse]:
    start = threading.Barrier(len(sends))
    answers: list[PushResponse] = []
    lock = threading.Lock()

    def send(principal: Principal, request: PushRequest) -> None:
        start.wait()
        answer = push.push(engine, principal, request, utc_now)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send, args=item) for item in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(answers) == len(sends)
    return answers


def _history(engine: Engine, entity_id: str) -> list[int]:
    c = schema.changes
    with engine.connect() as conn:
        return list(
            conn.execute(select(c.c.version).where(c.c.entity_id == entity_id).order_by(c.c.seq))
            .scalars()
            .all()
        )


def test_one_batch_sent_four_times_at_once_is_applied_once(engine: Engine) -> None:
    laptop = _device(engine, "sam")
    offer = str(uuid.uuid4())
    batch = [_change(offer), _change(offer, base=1, n=1), _change(str(uuid.uuid4()))]
    request = PushRequest(changes=batch, audit_head=AuditHead(seq=3, mac="ab" * 16))

    answers = _race(engine, [(laptop, request)] * 4)

    per_change = Counter((str(r.change_id), r.status) for answer in answers for r in answer.results)
    for change in batch:
        assert per_change[(str(change.change_id), "applied")] == 1
        assert per_change[(str(change.change_id), "duplicate")] == 3
    assert _history(engine, offer) == [1, 2]


def test_two_laptops_creating_one_record_at_once_get_one_applied_one_conflict(
    engine: Engine,
) -> None:
    first, second = _device(engine, "sam"), _device(engine, "sam")
    offer = str(uuid.uuid4())
    head = AuditHead(seq=1, mac="cd" * 16)
    sends = [
        (laptop, PushRequest(changes=[_change(offer, n=n)], audit_head=head))
        for n, laptop in enumerate([first, second])
    ]

    answers = _race(engine, sends)

    assert sorted(a.results[0].status for a in answers) == ["applied", "conflict"]
    assert _history(engine, offer) == [1]
