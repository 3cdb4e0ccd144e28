"""Errors and request logs say what went wrong without repeating anyone's details."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from rhi_desktop.domain.entities import EpisodeType
from sync import protocol
from sync.protocol import ErrorCode, Role
from sync.server import admin
from sync.server.app import create_app
from sync.server.db import open_engine
from sync.server.migrations import LATEST
from sync.server.request_log import LOGGER_NAME
from tests.sync.server.harness import Central, MutableClock, audit_head, change

CHILD_NAME = "Siân Łukasz-Placeholder"
CHILD_REF = "CASE-77123"


def _seed(central: Central) -> list[str]:
    """Seed demo data plus one more fictional child; return every name that must not leak."""
    admin.seed_demo(central.engine, central.clock)
    admin.assign(
        central.engine,
        admin.AssignmentSpec(
            interviewer=admin.DEMO_INTERVIEWER,
            child_ref=CHILD_REF,
            child_name=CHILD_NAME,
            date_of_birth=date(2009, 2, 3),
            episode_type=EpisodeType.AWAY,
            missing_since=datetime(2026, 1, 10, tzinfo=UTC),
            returned_at=datetime(2026, 1, 11, tzinfo=UTC),
        ),
        central.clock,
    )
    return [CHILD_NAME, CHILD_REF, "2009-02-03", "Amara Example", "Kai Placeholder", "Zoë Sample"]


def _server_log(caplog: pytest.LogCaptureFixture) -> str:
    """What the service logged (the test's own HTTP client logs its URLs separately)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("sync."))


def test_error_bodies_never_repeat_names_or_case_details(
    central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    secrets = _seed(central)
    sam = central.enrol(admin.DEMO_INTERVIEWER)
    kim = central.person("kim", Role.INTERVIEWER)
    interview_id = next(c["entity_id"] for c in central.pull_all(sam) if c["entity"] == "interview")
    caplog.set_level(logging.INFO)
    client = central.client
    answers = [
        client.post(protocol.ENROL_PATH, json={"code": CHILD_NAME, "device_name": "x"}),
        client.post(
            protocol.ENROL_PATH,
            json={"code": "ABCD-EFGH-JKMN", "device_name": CHILD_NAME, "app_version": "1"},
        ),
        client.post(
            protocol.PUSH_PATH,
            headers=sam.headers,
            json={
                "changes": [{CHILD_NAME: CHILD_REF, "payload": {"name": CHILD_NAME}}],
                "audit_head": {"seq": 1, "mac": CHILD_NAME},
            },
        ),
        client.post(protocol.PUSH_PATH, headers=sam.headers, content=f"{{{CHILD_NAME}"),
        client.get(protocol.PULL_PATH, params={"cursor": CHILD_NAME}, headers=sam.headers),
        client.get(f"/v1/children/{CHILD_NAME}", headers=sam.headers),
        client.delete(protocol.PULL_PATH, headers=sam.headers),
        client.get(protocol.PULL_PATH, headers=protocol.bearer("Amara Example")),
        central.push_raw(sam, [], audit_head(sam.device_id, 5)),
        central.push_raw(sam, [], audit_head(sam.device_id, 4)),
    ]
    statuses = [a.status_code for a in answers]
    assert statuses == [422, 401, 422, 422, 422, 404, 405, 401, 200, 409]
    rejected = central.push(
        kim,
        change("interview", interview_id, {"state": "offered", "name": CHILD_NAME}, base_version=1),
        change("offer", str(uuid.uuid4()), {"name": CHILD_NAME, "bad": "\x00"}),
    )
    assert [r["status"] for r in rejected] == ["rejected", "rejected"]

    bodies = [a.text for a in answers if a.status_code != 200] + [json.dumps(rejected)]
    for body in bodies[:-1]:
        protocol.ErrorBody.model_validate_json(body)
    logged = _server_log(caplog)
    for secret in secrets:
        for body in bodies:
            assert secret not in body
        assert secret not in logged


def test_each_request_is_logged_as_one_json_line_with_route_template_and_device(
    central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)

    central.client.get(protocol.PULL_PATH, params={"cursor": 0}, headers=sam.headers)
    central.client.get(protocol.PULL_PATH, headers=protocol.bearer("forged"))
    central.client.get("/v1/nowhere")

    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == LOGGER_NAME]
    assert [(x["method"], x["route"], x["status"], x["device_id"]) for x in lines] == [
        ("GET", protocol.PULL_PATH, 200, sam.device_id),
        ("GET", protocol.PULL_PATH, 401, None),
        ("GET", "unmatched", 404, None),
    ]
    assert all(isinstance(x["duration_ms"], float | int) for x in lines)
    assert set(lines[0]) == {"event", "method", "route", "status", "duration_ms", "device_id"}


def test_health_reports_schema_version_and_a_dead_database_as_unavailable(
    central: Central, tmp_path: Path
) -> None:
    healthy = central.client.get(protocol.HEALTH_PATH)
    assert healthy.status_code == 200
    assert protocol.Health.model_validate(healthy.json()).schema_version == LATEST

    nowhere = open_engine(f"sqlite:///{tmp_path / 'missing-dir' / 'central.db'}")
    with TestClient(create_app(nowhere, MutableClock())) as client:
        down = client.get(protocol.HEALTH_PATH)
    nowhere.dispose()
    assert down.status_code == 503
    assert down.json()["code"] == ErrorCode.UNAVAILABLE


def test_unexpected_failure_answers_with_a_reference_and_logs_only_its_type(
    central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    central.push(sam, change("offer", str(uuid.uuid4()), {"name": CHILD_NAME}))
    with central.engine.begin() as conn:
        conn.execute(text("DROP TABLE feed_counter"))
    caplog.set_level(logging.INFO)

    with TestClient(
        create_app(central.engine, central.clock), raise_server_exceptions=False
    ) as client:
        failed = client.get(protocol.PULL_PATH, headers=sam.headers)

    assert failed.status_code == 500
    body = protocol.ErrorBody.model_validate(failed.json())
    assert body.code is ErrorCode.INTERNAL_ERROR and body.reference
    logged = _server_log(caplog)
    assert body.reference in logged
    assert "feed_counter" not in logged and "feed_counter" not in failed.text
    assert CHILD_NAME not in logged
