"""Windows open at a size that fits the screen they open on.

A council laptop at 150% scaling offers about 910x512: a dialog opened at its own
preferred size in pixels (1180x720, say) put its buttons past the screen's edge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Give `widget` this size, or as much of it as the screen it is on has room for."""
    screen = widget.screen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width()), min(height, room.height()))
