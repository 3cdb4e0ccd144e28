"""Someone who has left keeps no working device, however their last enrolment and their
departure fall in time.

On PostgreSQL an enrolment and a departure can run at once. The tests hold one of them
at a chosen point with a trigger that waits on an advisory lock the test holds, so the
interleaving is the same on every run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, select, text, update

from sync import protocol
from sync.protocol import EnrolmentRequest, EnrolmentResponse, ErrorCode, Role
from sync.server import admin, enrolment, schema
from sync.server.errors import ApiError
from tests.sync.server.harness import Central

GATE = 4242  # the advisory lock a paused statement waits on
WAIT_SECONDS = 20


def test_a_device_of_someone_who_has_left_is_told_to_wipe_even_if_never_revoked(
    central: Central,
) -> None:
    laptop = central.person("sam", Role.INTERVIEWER)
    admin.user_leaves(central.engine, "sam", central.clock)
    # A device the departure did not revoke: what an enrolment racing it could leave.
    with central.engine.begin() as conn:
        conn.execute(update(schema.devices).values(revoked_at=None))

    response = central.client.get(protocol.PULL_PATH, headers=laptop.headers)

    assert response.status_code == 401
    assert response.json() == protocol.wipe_directive().model_dump(mode="json")


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_an_enrolment_finishing_during_a_departure_leaves_its_device_revoked(
    central: Central,
) -> None:
    central.add_user("sam", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam", central.clock)
    outcome: dict[str, Any] = {}
    with _paused_before(central.engine, "INSERT", "devices") as release:
        enrolling = _run(outcome, "enrol", lambda: _enrol(central, code))
        _wait_until(lambda: _waiting(central.engine, "advisory"))  # code spent, not committed
        leaving = _run(outcome, "leave", lambda: _leave(central))
        _wait_until(lambda: _waiting(central.engine, "transactionid"))
        release()
        enrolling.join(WAIT_SECONDS)
        leaving.join(WAIT_SECONDS)

    assert isinstance(outcome["enrol"], EnrolmentResponse)
    assert outcome["leave"].devices_revoked == 1
    with central.engine.connect() as conn:
        unrevoked = conn.execute(
            select(schema.devices.c.id).where(schema.devices.c.revoked_at.is_(None))
        ).all()
    assert unrevoked == []


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_an_enrolment_waiting_on_a_departure_is_refused(central: Central) -> None:
    central.add_user("sam", Role.INTERVIEWER)
    code = admin.issue_enrolment_code(central.engine, "sam", central.clock)
    outcome: dict[str, Any] = {}
    with _paused_before(central.engine, "UPDATE", "users") as release:
        leaving = _run(outcome, "leave", lambda: _leave(central))
        _wait_until(lambda: _waiting(central.engine, "advisory"))  # marking sam as left
        enrolling = _run(outcome, "enrol", lambda: _enrol(central, code))
        _wait_until(lambda: _waiting(central.engine, "transactionid") or "enrol" in outcome)
        release()
        enrolling.join(WAIT_SECONDS)
        leaving.join(WAIT_SECONDS)

    assert outcome["enrol"] == ErrorCode.ENROLMENT_CODE_INVALID
    assert admin.list_devices(central.engine) == []


def _enrol(central: Central, code: str) -> EnrolmentResponse | ErrorCode:
    request = EnrolmentRequest(code=code, device_name="Laptop", app_version="0.1.0")
    try:
        return enrolment.enrol(central.engine, request, central.clock)
    except ApiError as error:
        return error.code


def _leave(central: Central) -> admin.Departure:
    return admin.user_leaves(central.engine, "sam", central.clock)


def _run(outcome: dict[str, Any], name: str, work: Callable[[], Any]) -> threading.Thread:
    def record() -> None:
        outcome[name] = work()

    thread = threading.Thread(target=record, daemon=True)
    thread.start()
    return thread


@contextmanager
def _paused_before(engine: Engine, operation: str, table: str) -> Iterator[Callable[[], None]]:
    """Every `operation` on `table` waits, inside its transaction, until released."""
    with engine.connect() as gate:
        gate.execute(
            text(
                "CREATE FUNCTION wait_at_gate() RETURNS trigger AS $$ BEGIN "
                f"PERFORM pg_advisory_xact_lock_shared({GATE}); RETURN NEW; END $$ "
                "LANGUAGE plpgsql"
            )
        )
        gate.execute(
            text(
                f"CREATE TRIGGER wait_at_gate BEFORE {operation} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION wait_at_gate()"
            )
        )
        gate.execute(text(f"SELECT pg_advisory_lock({GATE})"))
        gate.commit()
        released = False

        def release() -> None:
            nonlocal released
            gate.execute(text(f"SELECT pg_advisory_unlock({GATE})"))
            gate.commit()
            released = True

        try:
            yield release
        finally:
            if not released:
                release()
            gate.execute(text(f"DROP TRIGGER wait_at_gate ON {table}"))
            gate.execute(text("DROP FUNCTION wait_at_gate()"))
            gate.commit()


def _waiting(engine: Engine, locktype: str) -> bool:
    """Whether some transaction is waiting for a lock of this type."""
    with engine.connect() as conn:
        waiting = conn.execute(
            text("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = :t"),
            {"t": locktype},
        ).scalar_one()
    return bool(waiting)


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "the other transaction never reached its lock"
        time.sleep(0.02)
