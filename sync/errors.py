"""Why a sync or an enrolment did not finish, in words a person can act on.

Every message is fixed text written here (plus host names, status codes and error codes),
never a response body or anything from the records being synced. `transient` marks the
failures worth retrying with back-off: the network, timeouts and the service's own faults.
`str(error)` is the English wording for the command line and for IT; the app words each
error itself, in the person's language, from the type and the attributes kept on it
(technical details such as `what` and `why` are for IT and stay in English).
"""

from __future__ import annotations

from enum import StrEnum


class SyncError(Exception):
    transient: bool = False


class ServiceUnreachable(SyncError):
    """No answer: refused, reset or timed out. The device keeps working offline."""

    transient = True

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(
            f"The central service could not be reached ({what}); "
            "your work is kept on this device and will be sent later."
        )


class ServiceFault(SyncError):
    """The service answered with a 5xx, or with something that is not the protocol."""

    transient = True

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(
            f"The central service had a problem ({what}); "
            "your work is kept on this device and will be sent later."
        )


class TlsRejected(SyncError):
    """The connection was refused before anything was sent: the server is not trusted."""

    def __init__(self, why: str) -> None:
        self.why = why
        super().__init__(
            f"The central service's identity could not be verified: {why}. Nothing was "
            "sent. Ask IT to check the server address and certificate settings."
        )


class DeviceRevoked(SyncError):
    """The service says this device was revoked and its data must be wiped."""

    def __init__(self) -> None:
        super().__init__("This device has been revoked by the central service.")


class NotEnrolled(SyncError):
    def __init__(self, why: str = "this device is not enrolled") -> None:
        self.why = why
        super().__init__(f"Cannot sync: {why}. Enrol it with a one-time code from IT.")


class Unauthorised(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "The central service no longer recognises this device. Enrol it again with a "
            "new one-time code from IT."
        )


class Refusal(StrEnum):
    """Why enrolment was refused: each is something the person can do something about."""

    CODE_NOT_RECOGNISED = "code_not_recognised"
    CODE_EXPIRED = "code_expired"
    CODE_USED = "code_used"
    CODE_MALFORMED = "code_malformed"
    ANOTHER_USERS_PROFILE = "another_users_profile"


_REFUSALS = {
    Refusal.CODE_NOT_RECOGNISED: "the code is not recognised; check it and try again.",
    Refusal.CODE_EXPIRED: "the code has expired; ask IT for a new one.",
    Refusal.CODE_USED: "the code has already been used; ask IT for a new one.",
    Refusal.CODE_MALFORMED: "the code is not in the expected form (letters, digits and dashes).",
    Refusal.ANOTHER_USERS_PROFILE: (
        "this profile holds another user's work. Use a new profile for this user, and ask "
        "IT to revoke the device just enrolled."
    ),
}


class EnrolmentRefused(SyncError):
    def __init__(self, reason: Refusal) -> None:
        self.reason = reason
        super().__init__(f"Enrolment was refused: {_REFUSALS[reason]}")


class AuditRejected(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "The central service refused the sync because this device's audit trail is "
            "behind what it reported before. Contact IT support; do not delete anything."
        )


class RequestRefused(SyncError):
    """A 4xx the client cannot fix by retrying (a bug, or an older or newer service)."""

    def __init__(self, status: int, code: str) -> None:
        super().__init__(
            f"The central service refused the request (HTTP {status}, {code}). "
            "The app may need updating; contact IT support."
        )
        self.status = status
        self.code = code
