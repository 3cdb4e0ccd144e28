"""The real central service in-process, and the people and devices that use it."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from sync import protocol
from sync.protocol import Role
from sync.server import admin, schema

START = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)


class MutableClock:
    """The server's clock under test: moved by hand, never by sleeping."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class Device:
    token: str
    device_id: str
    user_id: str
    role: Role
    team: str | None
    audit_seq: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return protocol.bearer(self.token)

    def next_audit_head(self) -> dict[str, Any]:
        self.audit_seq += 1
        return audit_head(self.device_id, self.audit_seq)


def audit_head(device_id: str, seq: int, salt: str = "") -> dict[str, Any]:
    mac = hashlib.sha256(f"{device_id}:{seq}:{salt}".encode()).hexdigest()
    return {"seq": seq, "mac": mac}


def change(
    entity: str,
    entity_id: str,
    payload: dict[str, Any],
    *,
    base_version: int = 0,
    change_id: str | None = None,
) -> dict[str, Any]:
    return {
        "change_id": change_id or str(uuid.uuid4()),
        "entity": entity,
        "entity_id": entity_id,
        "base_version": base_version,
        "payload": payload,
        "made_at": "2026-01-12T08:55:00+00:00",
    }


def review(
    interview_id: str, reviewer: Device, decision: str, revision: int | None = None
) -> dict[str, Any]:
    """A coordinator's review as the desktop sends it, ahead of the decision it records;
    `revision` is the interview's (None for an interview payload that carries none)."""
    payload: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "interview_id": interview_id,
        "reviewer_id": reviewer.user_id,
        "decided_at": "2026-01-12T08:58:00+00:00",
        "decision": decision,
        "overall_comment": "Checked against the notes.",
        "question_comments": {},
    }
    if revision is not None:
        payload["revision"] = revision
    return change("review", payload["id"], payload)


LIFECYCLE = ("assigned", "offered", "in_progress", "completed", "submitted")
"""An interview's states up to being sent for review, in the order a device moves it."""


def steps(after: str | None, to: str) -> list[str]:
    """The states an interview passes through from `after` (None: not yet created) to
    `to`, one change each, as the device records them."""
    start = 0 if after is None else LIFECYCLE.index(after) + 1
    return list(LIFECYCLE[start : LIFECYCLE.index(to) + 1])


@dataclass
class Central:
    engine: Engine
    clock: MutableClock
    client: TestClient
    users: dict[str, str] = field(default_factory=dict)

    def add_user(self, username: str, role: Role, team: str | None = "North team") -> str:
        self.users[username] = admin.add_user(self.engine, username, role, team, self.clock)
        return self.users[username]

    def enrol(self, username: str, device_name: str = "Council laptop 7") -> Device:
        code = admin.issue_enrolment_code(self.engine, username, self.clock)
        response = self.client.post(
            protocol.ENROL_PATH,
            json={"code": code, "device_name": device_name, "app_version": "0.1.0"},
        )
        assert response.status_code == 201, response.text
        body = protocol.EnrolmentResponse.model_validate(response.json())
        return Device(
            token=body.device_token,
            device_id=str(body.device_id),
            user_id=str(body.user_id),
            role=body.role,
            team=body.team,
        )

    def person(self, username: str, role: Role, team: str | None = "North team") -> Device:
        self.add_user(username, role, team)
        return self.enrol(username)

    def push_raw(self, device: Device, changes: list[dict[str, Any]], head: Any = None) -> Any:
        return self.client.post(
            protocol.PUSH_PATH,
            json={"changes": changes, "audit_head": head or device.next_audit_head()},
            headers=device.headers,
        )

    def push(self, device: Device, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push_raw(device, list(changes))
        assert response.status_code == 200, response.text
        parsed = protocol.PushResponse.model_validate(response.json())
        return [result.model_dump(mode="json") for result in parsed.results]

    def move_through(
        self,
        device: Device,
        interview_id: str,
        payload: dict[str, Any],
        states: list[str],
        base_version: int = 0,
    ) -> int:
        """Push the interview through `states`, one change each with `payload` otherwise
        unchanged; returns the version it ends at."""
        version = base_version
        for state in states:
            moved = {**payload, "state": state}
            [result] = self.push(
                device, change("interview", interview_id, moved, base_version=version)
            )
            assert result["status"] == "applied", (state, result)
            version = int(result["version"])
        return version

    def pull_all(self, device: Device, cursor: int = 0, limit: int = 200) -> list[dict[str, Any]]:
        """Every change visible to the device, following `more` to the end."""
        seen: list[dict[str, Any]] = []
        while True:
            response = self.client.get(
                protocol.PULL_PATH,
                params={"cursor": cursor, "limit": limit},
                headers=device.headers,
            )
            assert response.status_code == 200, response.text
            page = protocol.PullResponse.model_validate(response.json())
            seen.extend(c.model_dump(mode="json") for c in page.changes)
            cursor = page.cursor
            if not page.more:
                return seen

    def visible_ids(self, device: Device) -> set[tuple[str, str]]:
        return {(c["entity"], c["entity_id"]) for c in self.pull_all(device)}

    def stored(self, kind: str, entity_id: str) -> tuple[int, Any]:
        """(version, payload) of a record as the service holds it."""
        e = schema.entities
        with self.engine.connect() as conn:
            row = conn.execute(
                select(e.c.version, e.c.payload).where(
                    e.c.entity == kind, e.c.entity_id == entity_id
                )
            ).one()
        return int(row.version), row.payload
