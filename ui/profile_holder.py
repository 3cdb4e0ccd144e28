"""The one place the unlocked profile lives while the app is unlocked.

Windows, dialogs and models never keep the Store (or anything holding the data key):
they ask the holder at the moment they act. Locking closes the database and drops the
holder's only reference, so the key material can be collected and no widget can read
case data until the person unlocks again. Qt-free.
"""

from __future__ import annotations

import logging
from typing import Protocol

from rhi_desktop.session import OpenProfile
from rhi_desktop.store import Store

log = logging.getLogger(__name__)


class ProfileLocked(RuntimeError):
    """Raised when something asks for the store while the app is locked."""

    def __init__(self) -> None:
        super().__init__("The app is locked; unlock it to read or change case data.")


class ProfileAccess(Protocol):
    """What a screen asks of the open profile: `ProfileHolder`, or a report screen's
    `ui.background_profile.BackgroundProfile`."""

    @property
    def is_open(self) -> bool: ...

    @property
    def store(self) -> Store: ...

    @property
    def actor(self) -> str: ...

    @property
    def profile(self) -> OpenProfile: ...


class ProfileHolder:
    def __init__(self) -> None:
        self._profile: OpenProfile | None = None

    @property
    def is_open(self) -> bool:
        return self._profile is not None

    def hold(self, profile: OpenProfile) -> None:
        if self._profile is not None:
            raise RuntimeError("A profile is already open.")
        self._profile = profile

    @property
    def store(self) -> Store:
        if self._profile is None:
            raise ProfileLocked()
        return self._profile.store

    @property
    def actor(self) -> str:
        if self._profile is None:
            raise ProfileLocked()
        return self._profile.actor

    @property
    def profile(self) -> OpenProfile:
        if self._profile is None:
            raise ProfileLocked()
        return self._profile

    def close(self) -> None:
        """Close the database and forget the profile; safe to call when already closed."""
        profile, self._profile = self._profile, None
        if profile is None:
            return
        try:
            profile.close()
        except Exception as exc:  # the reference is gone either way; say why it failed
            log.warning("closing the database failed (%s)", type(exc).__name__)
