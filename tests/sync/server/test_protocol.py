"""The wire models: strict enough that a client can treat any surprise as a server fault."""

from __future__ import annotations

import math
import uuid
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from sync import protocol
from sync.protocol import (
    Change,
    EnrolmentRequest,
    EnrolmentResponse,
    ErrorBody,
    PullResponse,
    PushResult,
)

RESULTS: TypeAdapter[PushResult] = TypeAdapter(PushResult)


def _change(**overrides: Any) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "interview",
        "entity_id": str(uuid.uuid4()),
        "base_version": 0,
        "payload": {"state": "assigned", "answers": {"venue": ["school", 1, None, 2.5]}},
        "made_at": "2026-01-12T08:55:00+00:00",
        **overrides,
    }


@pytest.mark.parametrize("follows", [None, "9b2f6f0e-3c1d-4e8a-9f70-5d6c1a2b3c4d"])
def test_a_well_formed_change_round_trips(follows: str | None) -> None:
    raw = _change() | {"follows": follows}
    parsed = Change.model_validate(raw)
    assert parsed.model_dump(mode="json") | {"made_at": raw["made_at"]} == raw


@pytest.mark.parametrize(
    "bad",
    [
        {"entity": "teacher"},
        {"base_version": -1},
        {"base_version": protocol.MAX_COUNTER + 1},
        {"made_at": "2026-01-12T08:55:00"},  # no zone: ambiguous
        {"made_at": 1768208100},  # a number is not read as a Unix timestamp
        {"made_at": 1768208100.5},
        {"made_at": "1768208100"},
        {"base_version": "3"},  # counters are JSON numbers, not text
        {"base_version": True},
        {"change_id": "not-a-uuid"},
        {"entity_id": "has space"},
        {"surprise": True},
    ],
)
def test_malformed_changes_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Change.model_validate(_change(**bad))


def test_a_counter_may_be_written_as_a_whole_float_as_json_schema_allows() -> None:
    assert Change.model_validate(_change(base_version=3.0)).base_version == 3


def test_a_pull_cursor_in_the_query_string_is_still_read_from_text() -> None:
    assert protocol.PullQuery.model_validate({"cursor": "12", "limit": "50"}).cursor == 12


def test_server_answer_with_an_unknown_field_is_a_fault_for_the_client() -> None:
    answer = {
        "device_id": str(uuid.uuid4()),
        "device_token": "t",
        "user_id": str(uuid.uuid4()),
        "role": "interviewer",
        "team": "North team",
        "server_time": "2026-01-12T09:00:00Z",
    }
    EnrolmentResponse.model_validate(answer)
    with pytest.raises(ValidationError):
        EnrolmentResponse.model_validate({**answer, "debug": "x"})
    with pytest.raises(ValidationError):
        PullResponse.model_validate(
            {"changes": [], "cursor": 3, "more": False, "server_time": "x", "extra": 1}
        )


def test_push_results_are_told_apart_by_status() -> None:
    cid = str(uuid.uuid4())
    duplicate = RESULTS.validate_python({"status": "duplicate", "change_id": cid, "version": 2})
    assert isinstance(duplicate, protocol.Duplicate)
    conflict = RESULTS.validate_python(
        {"status": "conflict", "change_id": cid, "current_version": 4}
    )
    assert isinstance(conflict, protocol.Conflict)
    with pytest.raises(ValidationError):
        RESULTS.validate_python({"status": "conflict", "change_id": cid, "version": 4})
    with pytest.raises(ValidationError):
        RESULTS.validate_python({"status": "maybe", "change_id": cid})


def test_wipe_directive_is_device_revoked_with_wipe_true() -> None:
    body = protocol.wipe_directive().model_dump(mode="json")
    assert body["code"] == "device_revoked" and body["wipe"] is True
    assert ErrorBody.model_validate(body) == protocol.wipe_directive()


@pytest.mark.parametrize("name", ["Laptop\x00", "Laptop\n2", "\ud800 laptop", ""])
def test_device_names_no_database_could_store_are_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        EnrolmentRequest(code="ABCD-EFGH-JKMN", device_name=name, app_version="0.1.0")


def test_canonical_json_is_order_independent_and_refuses_nan() -> None:
    assert protocol.canonical_json({"b": 1, "a": [2]}) == protocol.canonical_json(
        {"a": [2], "b": 1}
    )
    with pytest.raises(ValueError):
        protocol.canonical_json({"a": math.nan})
