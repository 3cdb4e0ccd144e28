"""Whether Qt has a screen to draw on here (Qt-free, cheap to import at start-up)."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """A platform was chosen explicitly, or (on Linux) an X11 or Wayland display is set."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
