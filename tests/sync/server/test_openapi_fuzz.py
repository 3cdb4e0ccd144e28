"""Generated requests from the service's own OpenAPI document, sent with a real enrolled
device token: the service answers each as documented and never fails with a 5xx."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from schemathesis import GenerationMode
from schemathesis.core.errors import InvalidSchema
from schemathesis.core.result import Err, Ok

from rhi_desktop.domain.entities import EpisodeType
from sync import protocol
from sync.protocol import Role
from sync.server import admin
from tests.sync.server.harness import Central, Device

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def fuzz_device(central: Central) -> Device:
    """An interviewer with an assignment, so pulls and pushes meet real rows."""
    device = central.person("sam", Role.INTERVIEWER)
    central.person("alex", Role.COORDINATOR)
    admin.assign(
        central.engine,
        admin.AssignmentSpec(
            interviewer="sam",
            child_ref="C-1",
            child_name="Fictional Child",
            date_of_birth=date(2010, 1, 1),
            episode_type=EpisodeType.MISSING,
            missing_since=datetime(2026, 1, 10, tzinfo=UTC),
            returned_at=datetime(2026, 1, 11, tzinfo=UTC),
        ),
        central.clock,
    )
    return device


Operation = schemathesis.APIOperation[Any, Any, Any, Any]


def _operation(result: Ok[Operation] | Err[InvalidSchema]) -> Operation:
    if isinstance(result, Err):
        raise result.err()  # the service's own OpenAPI document is broken
    return result.ok()


def _sent_as_generated(case: schemathesis.Case[Any]) -> bool:
    """False when a query parameter is left out of the URL (an empty list, for one, or a
    list of those): a case made invalid by adding it arrives as a valid request. Checked
    by encoding the query as the test client does (it is built on requests)."""
    query = case.query or {}
    try:
        url = requests.Request("GET", "http://service/", params=query).prepare().url or ""
    except UnicodeEncodeError:
        return True  # not sendable at all: the call itself shows what happens
    sent = {name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    return set(query) <= sent


def _has_inputs(operation: Operation) -> bool:
    return bool(len(operation.body) or len(operation.query))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_are_answered_as_documented(
    central: Central, fuzz_device: Device, mode: GenerationMode
) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", central.client.app)
    operations = [_operation(result) for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {protocol.PUSH_PATH, protocol.PULL_PATH}

    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not _has_inputs(operation):
            continue  # nothing to get wrong, e.g. the health check

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answered_as_documented(case: schemathesis.Case[Any]) -> None:
            assume(mode is GenerationMode.POSITIVE or _sent_as_generated(case))
            case.call_and_validate(headers=fuzz_device.headers)

        answered_as_documented()
