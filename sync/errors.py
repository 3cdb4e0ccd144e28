"""Why a sync or an enrolment did not finish, in words a person can act on.

Every message is fixed text written here (plus host names, status codes and error codes),
never a response body or anything from the records being synced. `transient` marks the
failures worth retrying with back-off: the network, timeouts and the service's own faults.
"""

from __future__ import annotations


class SyncError(Exception):
    transient: bool = False


class ServiceUnreachable(SyncError):
    """No answer: refused, reset or timed out. The device keeps working offline."""

    transient = True

    def __init__(self, what: str) -> None:
        super().__init__(
            f"The central service could not be reached ({what}); "
            "your work is kept on this device and will be sent later."
        )


class ServiceFault(SyncError):
    """The service answered with a 5xx, or with something that is not the protocol."""

    transient = True

    def __init__(self, what: str) -> None:
        super().__init__(
            f"The central service had a problem ({what}); "
            "your work is kept on this device and will be sent later."
        )


class TlsRejected(SyncError):
    """The connection was refused before anything was sent: the server is not trusted."""

    def __init__(self, why: str) -> None:
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
        super().__init__(f"Cannot sync: {why}. Enrol it with a one-time code from IT.")


class Unauthorised(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "The central service no longer recognises this device. Enrol it again with a "
            "new one-time code from IT."
        )


class EnrolmentRefused(SyncError):
    def __init__(self, why: str) -> None:
        super().__init__(f"Enrolment was refused: {why}")


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
