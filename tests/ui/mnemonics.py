"""Alt+letter keys: which controls of a window answer to the same one. Qt gives an
ambiguous mnemonic's first press to the focus, not the action, so a person pressing the
advertised key gets something else (and their next keys go astray)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(widget, QMenuBar):
        return [action.text() for action in widget.actions() if action.isVisible()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    return []


def mnemonic_clashes(window: QWidget) -> dict[str, list[str]]:
    """Letters that more than one visible, enabled control of `window` answers to."""
    found: dict[str, list[str]] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and (
            widget.window() is not window or not widget.isVisibleTo(window)
        ):
            continue
        if not widget.isEnabled():
            continue
        for text in _texts(widget):
            letter = mnemonic(text)
            if letter:
                found.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}
