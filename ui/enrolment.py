"""The seam for enrolling this device with the central service from the first-run wizard.

The wizard's enrolment page takes a server address and a one-time code and hands them
to an `Enroller`. Without one (the sync layer has not wired it yet) the page is shown
disabled, says why, and the person continues offline and enrols later.

The sync engineer supplies an enroller to `ui.window.run_gui(args, enroller=...)`. It
runs on the app's background worker thread (never the GUI thread), may take seconds,
and gets the unlocked profile so it can keep the device token inside the encrypted
database. It returns an `EnrolmentOutcome`: `ok=False` with a message written
for the person (what happened, what to do) when enrolment was refused or the service
could not be reached; raising is reserved for bugs (shown as a short apology). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rhi_desktop.session import OpenProfile


@dataclass(frozen=True, slots=True)
class EnrolmentOutcome:
    ok: bool
    message: str  # shown to the person as it is; never a token or personal data


class Enroller(Protocol):
    def __call__(
        self, profile: OpenProfile, server_url: str, one_time_code: str
    ) -> EnrolmentOutcome: ...
