"""Errors the API answers with: a status, a stable code and fixed text.

Messages are written here once per code, so no request data (names, answers, tokens) can
find its way into an error body or the log line that goes with it.
"""

from __future__ import annotations

from sync.protocol import ErrorBody, ErrorCode, wipe_directive

MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.INVALID_REQUEST: "The request is not valid.",
    ErrorCode.UNAUTHORISED: "The device token is missing or not recognised. Enrol this device.",
    ErrorCode.DEVICE_REVOKED: wipe_directive().message,
    ErrorCode.FORBIDDEN: "This account may not do that.",
    ErrorCode.ENROLMENT_CODE_INVALID: "The enrolment code is not recognised. Check it and retry.",
    ErrorCode.ENROLMENT_CODE_EXPIRED: "The enrolment code has expired. Ask for a new one.",
    ErrorCode.ENROLMENT_CODE_USED: "The enrolment code has already been used. Ask for a new one.",
    ErrorCode.AUDIT_ROLLBACK: (
        "The device's audit chain is behind what it reported before; the sync was refused."
    ),
    ErrorCode.NOT_FOUND: "There is nothing at this address.",
    ErrorCode.METHOD_NOT_ALLOWED: "This address does not accept that method.",
    ErrorCode.UNAVAILABLE: "The service cannot reach its database.",
    ErrorCode.INTERNAL_ERROR: "The service failed. Quote the reference when reporting it.",
}


class ApiError(Exception):
    def __init__(self, status: int, code: ErrorCode, *, detail: str | None = None) -> None:
        super().__init__(code.value)
        self.status = status
        self.code = code
        self.detail = detail  # fixed, data-free text that says more than MESSAGES does

    def body(self) -> ErrorBody:
        if self.code is ErrorCode.DEVICE_REVOKED:
            return wipe_directive()
        message = MESSAGES[self.code]
        if self.detail:
            message = f"{message} {self.detail}"
        return ErrorBody(code=self.code, message=message)
