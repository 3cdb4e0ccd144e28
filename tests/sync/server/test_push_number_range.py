"""A pushed number that not every device can hold is refused as invalid, so it never
reaches another device's pull: a whole number must be exact in a JSON double."""

from __future__ import annotations

import uuid
from typing import Any

from sync.protocol import MAX_COUNTER, Role
from tests.sync.server.harness import Central, change


def _child(**placement: Any) -> dict[str, Any]:
    return {"case_reference": "CR-1", "name": "Tamsin Example", "date_of_birth": "2010-07-08",
            "placement": placement}  # fmt: skip


def test_whole_numbers_beyond_what_a_json_double_keeps_exactly_are_refused(
    central: Central,
) -> None:
    sam = central.person("sam", Role.INTERVIEWER)
    results = central.push(
        sam,
        change("child", str(uuid.uuid4()), _child(distance_miles=10**400)),
        change("child", str(uuid.uuid4()), _child(distance_miles=MAX_COUNTER + 1)),
        change("child", str(uuid.uuid4()), _child(distance_miles=-(MAX_COUNTER + 1))),
        change("offer", str(uuid.uuid4()), {"answers": {"tries": [1, 2**63]}}),
        change("child", str(uuid.uuid4()), _child(distance_miles=MAX_COUNTER)),
        change("child", str(uuid.uuid4()), _child(distance_miles=-MAX_COUNTER)),
        change("child", str(uuid.uuid4()), _child(distance_miles=1.5e300)),
    )

    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"] * 3
    assert {r["reason"] for r in results[:4]} == {"invalid_payload"}
