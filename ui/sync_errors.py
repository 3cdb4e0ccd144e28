"""Why a sync or an enrolment did not finish, worded for the person in their language.

The sync layer's errors say in English what happened, for the command line and for IT;
here each type is worded through Qt's translation from what it keeps. What exactly went
wrong on the wire (a timeout, a certificate's problem) is a detail for IT and stays as
the sync layer wrote it, on a line of its own.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from sync import errors as sync
from sync.endpoint import CaBundleUnreadable, EndpointMismatch
from ui.core_errors import Wordings, with_detail_for_it, word_by_type

translate = QCoreApplication.translate


def _kept_for_later() -> str:
    return translate("SyncErrors", "Your work is kept on this computer and will be sent later.")


def _refusal(reason: sync.Refusal) -> str:
    texts = {
        sync.Refusal.CODE_NOT_RECOGNISED: translate(
            "SyncErrors",
            "Enrolment was refused: the code is not recognised. Check it and try again.",
        ),
        sync.Refusal.CODE_EXPIRED: translate(
            "SyncErrors", "Enrolment was refused: the code has expired. Ask IT for a new one."
        ),
        sync.Refusal.CODE_USED: translate(
            "SyncErrors",
            "Enrolment was refused: the code has already been used. Ask IT for a new one.",
        ),
        sync.Refusal.CODE_MALFORMED: translate(
            "SyncErrors",
            "Enrolment was refused: the code is not in the expected form (letters, digits "
            "and dashes).",
        ),
        sync.Refusal.ANOTHER_USERS_PROFILE: translate(
            "SyncErrors",
            "Enrolment was refused: this profile holds another user's work. Use a new "
            "profile for this user, and ask IT to revoke the device just enrolled.",
        ),
    }
    return texts[reason]


def revoked_text() -> str:
    """After the service revoked this computer and the sync erased its data."""
    return translate(
        "SyncErrors",
        "The central service has revoked this computer, so the data on it has been erased. "
        "Work that had synced is safe on the central service; to continue, set the app up "
        "again with a one-time code from IT.",
    )


@cache
def worded_types() -> Wordings:
    """Every sync error type worded here, and how."""
    return {
        sync.ServiceUnreachable: lambda error: with_detail_for_it(
            translate("SyncErrors", "The central service could not be reached. {0}").format(
                _kept_for_later()
            ),
            error.what,
        ),
        sync.ServiceFault: lambda error: with_detail_for_it(
            translate("SyncErrors", "The central service had a problem. {0}").format(
                _kept_for_later()
            ),
            error.what,
        ),
        sync.TlsRejected: lambda error: with_detail_for_it(
            translate(
                "SyncErrors",
                "The central service's identity could not be verified, so nothing was "
                "sent. Ask IT to check the server address and certificate settings.",
            ),
            error.why,
        ),
        sync.DeviceRevoked: lambda _: translate(
            "SyncErrors", "This device has been revoked by the central service."
        ),
        sync.NotEnrolled: lambda error: with_detail_for_it(
            translate(
                "SyncErrors",
                "This computer cannot sync because it is not enrolled with the central "
                "service. Enrol it with a one-time code from IT.",
            ),
            error.why,
        ),
        sync.Unauthorised: lambda _: translate(
            "SyncErrors",
            "The central service no longer recognises this computer. Ask IT for a new "
            "one-time code, then choose Enrol this computer in the File menu.",
        ),
        sync.EnrolmentRefused: lambda error: _refusal(error.reason),
        sync.AuditRejected: lambda _: translate(
            "SyncErrors",
            "The central service refused the sync because this computer's audit trail is "
            "behind what it reported before. Contact IT support; do not delete anything.",
        ),
        sync.RequestRefused: lambda error: translate(
            "SyncErrors",
            "The central service refused the request (HTTP {0}, {1}). The app may need "
            "updating; contact IT support.",
        ).format(error.status, error.code),
        EndpointMismatch: lambda error: translate(
            "SyncErrors",
            "Machine policy names the central service {0}, but this computer is enrolled "
            "with {1}. Enrol it again with a one-time code from IT.",
        ).format(error.policy_url, error.enrolled_url),
        CaBundleUnreadable: lambda error: with_detail_for_it(
            translate(
                "SyncErrors",
                "The CA bundle {0} named by machine policy cannot be read. Ask IT to check it.",
            ).format(error.path),
            error.reason,
        ),
    }


def sync_error_text(error: sync.SyncError) -> str | None:
    """The translated sentence for a sync error; None for a type not worded here."""
    return word_by_type(error, worded_types())
