"""The sync wire protocol, version 1: the only shapes the desktop and the central service
exchange.

Every model is strict (`extra="forbid"`) and immutable, so a client can treat any body it
cannot parse as a server fault rather than guess at it. Values in a JSON body must have
the type the schema gives them: a number (or a number written as text) is not read as a
date-time, as pydantic would take it for a Unix timestamp; nor is text or `true` read as
a counter. Identifiers are opaque strings, instants are timezone-aware, and no model
carries free text chosen by the server that could hold personal data: error bodies have
a stable `code` and a fixed message.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Annotated, Any, Final, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
)

API_VERSION: Final = "v1"
PREFIX: Final = f"/{API_VERSION}"
HEALTH_PATH: Final = f"{PREFIX}/health"
ENROL_PATH: Final = f"{PREFIX}/enrol"
PUSH_PATH: Final = f"{PREFIX}/sync/push"
PULL_PATH: Final = f"{PREFIX}/sync/pull"

MAX_BATCH: Final = 500
MAX_PULL_LIMIT: Final = 1000
DEFAULT_PULL_LIMIT: Final = 200
# Versions, sequence numbers and cursors: exact in a 64-bit column and in a JSON double.
MAX_COUNTER: Final = 2**53 - 1
# What the service reads of one change's payload: nested no deeper, and written as
# canonical JSON no longer, than this. A device checks before sending, so a change the
# service would refuse is kept back on its own rather than failing a whole push.
MAX_PAYLOAD_CHARS: Final = 256 * 1024
MAX_PAYLOAD_DEPTH: Final = 32


def _printable(value: str) -> str:
    """Reject control characters and unpaired surrogates, which no database column takes."""
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise ValueError("control characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode") from None
    return value


ShortText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=r"^[^\x00-\x1F\x7F]+$"),
    AfterValidator(_printable),
]
EntityId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$"),
]


def _a_number(value: object) -> object:
    if isinstance(value, str | bool):
        raise ValueError("a counter must be a JSON number")
    return value


_RFC3339_START = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")


def _rfc3339_text(value: object) -> object:
    """Pydantic would read a number, or a number written as text, as a Unix timestamp."""
    if isinstance(value, str) and not _RFC3339_START.match(value):
        raise ValueError("a date-time must be RFC 3339 text")
    if isinstance(value, int | float):
        raise ValueError("a date-time must be RFC 3339 text, not a number")
    return value


QueryCounter = Annotated[int, Field(ge=0, le=MAX_COUNTER)]
"""A counter in a query string, where every value arrives as text."""
Counter = Annotated[QueryCounter, BeforeValidator(_a_number)]


Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text)]
EnrolmentCode = Annotated[
    str, StringConstraints(min_length=4, max_length=64, pattern=r"^[A-Za-z0-9 -]+$")
]
AuditMac = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,128}$")]
Payload = dict[str, JsonValue]


class Role(StrEnum):
    INTERVIEWER = "interviewer"
    COORDINATOR = "coordinator"
    SERVICE_MANAGER = "service_manager"
    ADMINISTRATOR = "administrator"


class EntityKind(StrEnum):
    CHILD = "child"
    EPISODE = "episode"
    INTERVIEW = "interview"
    OFFER = "offer"
    REVIEW = "review"
    SUPERVISION_SESSION = "supervision_session"
    SUPERVISION_QUALITY_REVIEW = "supervision_quality_review"
    ACKNOWLEDGEMENT = "acknowledgement"
    # Published by the service for every device; never pushed by one.
    FORM_DEFINITION = "form_definition"
    POLICY = "policy"


class ErrorCode(StrEnum):
    INVALID_REQUEST = "invalid_request"
    UNAUTHORISED = "unauthorised"
    DEVICE_REVOKED = "device_revoked"
    FORBIDDEN = "forbidden"
    ENROLMENT_CODE_INVALID = "enrolment_code_invalid"
    ENROLMENT_CODE_EXPIRED = "enrolment_code_expired"
    ENROLMENT_CODE_USED = "enrolment_code_used"
    AUDIT_ROLLBACK = "audit_rollback"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNAVAILABLE = "unavailable"
    INTERNAL_ERROR = "internal_error"


class RejectReason(StrEnum):
    NOT_PERMITTED = "not_permitted"
    INVALID_PAYLOAD = "invalid_payload"
    UNKNOWN_REFERENCE = "unknown_reference"
    CHANGE_ID_REUSED = "change_id_reused"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    NOT_AWAITING_REVIEW = "not_awaiting_review"
    """A review of an interview (at that revision) that is no longer waiting for one."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(_Strict):
    """Every non-2xx answer. `message` is fixed text per situation, never input echoed."""

    code: ErrorCode
    message: str
    wipe: bool = False
    reference: str | None = None  # ties a 5xx to the server log entry


class Health(_Strict):
    status: Literal["ok"]
    api_version: Literal["v1"]
    schema_version: int
    server_time: Instant


class EnrolmentRequest(_Strict):
    code: EnrolmentCode
    device_name: ShortText
    app_version: Annotated[
        str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9.+_-]+$")
    ]


class EnrolmentResponse(_Strict):
    device_id: UUID
    device_token: str
    user_id: UUID
    role: Role
    team: str | None
    server_time: Instant


class AuditHead(_Strict):
    """The head of the device's tamper-evident audit chain; it may only move forward."""

    seq: Counter
    mac: AuditMac


class Change(_Strict):
    """One outbox entry. `change_id` is the idempotency key."""

    change_id: UUID
    entity: EntityKind
    entity_id: EntityId
    base_version: Counter
    payload: Payload
    made_at: Instant  # the device's clock: informative, never used for ordering
    # The change of this device that `base_version` is the result of, when the device has
    # not yet heard that version from the service (several edits of a record queued
    # between syncs go each on top of the one before). The service answers `conflict`
    # when its version `base_version` was made by any other change.
    follows: UUID | None = None


class PushRequest(_Strict):
    changes: Annotated[list[Change], Field(max_length=MAX_BATCH)]
    audit_head: AuditHead


class Applied(_Strict):
    status: Literal["applied"] = "applied"
    change_id: UUID
    version: int
    seq: int


class Duplicate(_Strict):
    status: Literal["duplicate"] = "duplicate"
    change_id: UUID
    version: int


class Conflict(_Strict):
    status: Literal["conflict"] = "conflict"
    change_id: UUID
    current_version: int


class Rejected(_Strict):
    status: Literal["rejected"] = "rejected"
    change_id: UUID
    reason: RejectReason
    message: str


PushResult = Annotated[Applied | Duplicate | Conflict | Rejected, Field(discriminator="status")]


class PushResponse(_Strict):
    results: list[PushResult]
    server_time: Instant


class PullQuery(_Strict):
    """The query string of a pull; unknown parameters are refused like unknown fields."""

    cursor: QueryCounter = 0
    limit: Annotated[int, Field(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT


class PulledChange(_Strict):
    seq: int  # the server's feed position: the server's clock orders server events
    recorded_at: Instant
    entity: EntityKind
    entity_id: EntityId
    version: int
    payload: Payload


class TeamMember(_Strict):
    """A colleague on the caller's team: who they are on the service, nothing else."""

    user_id: EntityId
    name: ShortText  # the username the administrator gave them
    role: Role


class PullResponse(_Strict):
    changes: list[PulledChange]
    cursor: int
    more: bool
    server_time: Instant
    # The caller's team as it is now, on the last page of a pull; None on earlier pages
    # and from a service that predates it (the device keeps the roster it has).
    team: list[TeamMember] | None = None


def wipe_directive() -> ErrorBody:
    return ErrorBody(
        code=ErrorCode.DEVICE_REVOKED,
        message="This device has been revoked. Its local data must be wiped.",
        wipe=True,
    )


def canonical_json(value: Any) -> str:
    """Stable text for a JSON value (sorted keys, no NaN): the basis of change fingerprints."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def payload_too_deep(payload: Any) -> bool:
    """Nested deeper than `MAX_PAYLOAD_DEPTH` (objects and arrays within each other)."""
    level: list[tuple[Any, int]] = [(payload, 0)]
    while level:
        value, depth = level.pop()
        if depth > MAX_PAYLOAD_DEPTH:
            return True
        if isinstance(value, dict):
            level.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            level.extend((item, depth + 1) for item in value)
    return False


def payload_too_long(payload: Any) -> bool:
    """Longer than `MAX_PAYLOAD_CHARS` as canonical JSON (ValueError if it is not JSON)."""
    return len(canonical_json(payload)) > MAX_PAYLOAD_CHARS


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
