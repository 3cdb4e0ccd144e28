"""The buttons of the form and its window: each is pressed by Enter as well as Space.

Many keyboard and screen-reader users press Enter on a focused button. Outside a dialog
Qt gives Enter only to a button that is auto-default, so every button here is one."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def form_button(parent: QWidget | None, text: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAutoDefault(True)
    return button
