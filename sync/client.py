"""The central service's /v1 API as typed calls: every answer checked against the protocol.

A 2xx body that is not exactly the protocol's model is a server fault (transient: retry
later), never a crash. Error bodies are read only for their stable `code` and the wipe
flag; their text is not shown, so nothing the server sends reaches a message or a log.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from sync import protocol
from sync.errors import (
    AuditRejected,
    DeviceRevoked,
    EnrolmentRefused,
    NotEnrolled,
    Refusal,
    RequestRefused,
    ServiceFault,
    SyncError,
    Unauthorised,
)
from sync.protocol import (
    EnrolmentRequest,
    EnrolmentResponse,
    ErrorBody,
    ErrorCode,
    Health,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.transport import Answer, Transport

M = TypeVar("M", bound=BaseModel)

_ENROLMENT_REFUSALS = {
    ErrorCode.ENROLMENT_CODE_INVALID: Refusal.CODE_NOT_RECOGNISED,
    ErrorCode.ENROLMENT_CODE_EXPIRED: Refusal.CODE_EXPIRED,
    ErrorCode.ENROLMENT_CODE_USED: Refusal.CODE_USED,
}


class CentralClient:
    """Calls on one transport; `token` is the device token (None before enrolment)."""

    def __init__(self, transport: Transport, token: str | None = None) -> None:
        self.transport = transport
        self.token = token

    def health(self) -> Health:
        return self._expect(Health, self.transport.request("GET", protocol.HEALTH_PATH))

    def enrol(self, request: EnrolmentRequest) -> EnrolmentResponse:
        answer = self.transport.request(
            "POST", protocol.ENROL_PATH, body=request.model_dump_json().encode("utf-8")
        )
        return self._expect(EnrolmentResponse, answer, ok=201)

    def push(self, request: PushRequest) -> PushResponse:
        answer = self.transport.request(
            "POST",
            protocol.PUSH_PATH,
            body=push_body(request),
            token=self._token(),
        )
        response = self._expect(PushResponse, answer)
        sent = [c.change_id for c in request.changes]
        if [r.change_id for r in response.results] != sent:
            raise ServiceFault("its answer did not match the changes sent")
        return response

    def pull(self, cursor: int, limit: int = protocol.DEFAULT_PULL_LIMIT) -> PullResponse:
        answer = self.transport.request(
            "GET",
            protocol.PULL_PATH,
            params={"cursor": cursor, "limit": limit},
            token=self._token(),
        )
        response = self._expect(PullResponse, answer)
        seqs = [c.seq for c in response.changes]
        if any(seq <= cursor for seq in seqs) or seqs != sorted(seqs):
            raise ServiceFault("its changes were out of order")
        if response.more and response.cursor <= cursor:
            raise ServiceFault("it offered more changes without moving on")
        # A cursor behind ours is accepted: a service restored from a backup says so, and
        # re-sent records are recognised as already here.
        return response

    def _token(self) -> str:
        if not self.token:
            raise NotEnrolled("no device token is stored")
        return self.token

    def _expect(self, model: type[M], answer: Answer, ok: int = 200) -> M:
        if answer.status == ok:
            try:
                return model.model_validate_json(answer.body)
            except ValidationError:
                raise ServiceFault("its answer was not in the expected form") from None
        raise _failure(answer)


def _failure(answer: Answer) -> SyncError:
    status = answer.status
    if status >= 500 or status in (408, 429):
        return ServiceFault(f"HTTP {status}")
    try:
        error = ErrorBody.model_validate_json(answer.body)
    except ValidationError:
        return ServiceFault(f"HTTP {status} without a protocol error body")
    if status == 401 and error.wipe and error.code is ErrorCode.DEVICE_REVOKED:
        return DeviceRevoked()
    if error.code in _ENROLMENT_REFUSALS:
        return EnrolmentRefused(_ENROLMENT_REFUSALS[error.code])
    if status == 401:
        return Unauthorised()
    if error.code is ErrorCode.AUDIT_ROLLBACK:
        return AuditRejected()
    return RequestRefused(status, error.code.value)


def push_body(request: PushRequest) -> bytes:
    """The request as JSON. A change's `follows` is left out when it names none, as a
    service of the release before it knew no such field and refuses fields it does not
    know: laptops can then be upgraded before the service. (Values inside a payload are
    the record's own and are sent as they are, nulls included.)"""
    return request.model_dump_json(exclude_none=True).encode("utf-8")
