"""macOS: lock on the workspace's will-sleep and the screen-is-locked notifications.

Needs pyobjc (not a dependency of the app); without it the observer says so and does
nothing, and the idle lock still applies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

WILL_SLEEP = "NSWorkspaceWillSleepNotification"
SCREEN_LOCKED = "com.apple.screenIsLocked"


class MacSessionObserver:
    def __init__(self, on_lock: Callable[[str], None]) -> None:
        self._on_lock = on_lock
        self._tokens: list[tuple[Any, Any]] = []

    def start(self) -> bool:
        try:
            from AppKit import NSWorkspace  # type: ignore[import-not-found,unused-ignore]
            from Foundation import (  # type: ignore[import-not-found,unused-ignore]
                NSDistributedNotificationCenter,
            )
        except ImportError:
            log.info("pyobjc is not installed: macOS sleep and screen lock are not watched")
            return False
        workspace_centre = NSWorkspace.sharedWorkspace().notificationCenter()
        distributed_centre = NSDistributedNotificationCenter.defaultCenter()
        for centre, name, reason in (
            (workspace_centre, WILL_SLEEP, "sleep"),
            (distributed_centre, SCREEN_LOCKED, "session-lock"),
        ):
            token = centre.addObserverForName_object_queue_usingBlock_(
                name, None, None, lambda _note, why=reason: self._on_lock(why)
            )
            self._tokens.append((centre, token))
        return True

    def stop(self) -> None:
        for centre, token in self._tokens:
            centre.removeObserver_(token)
        self._tokens.clear()
