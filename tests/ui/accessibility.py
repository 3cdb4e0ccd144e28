"""Checking a window for keyboard and screen-reader use: controls with no accessible
name, labels whose text a screen reader cannot reach, and where Tab goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QAbstractSpinBox,
    QProgressBar,
)
_QT_PARTS = {"QTableCornerButton", "QLineEditIconButton", "QToolBarExtension"}


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (scroll bars, headers, clear buttons)."""
    if isinstance(widget, QHeaderView) or type(widget).__name__ in _QT_PARTS:
        return True
    parent: QWidget | None = widget
    while parent is not None:
        if parent.objectName().startswith("qt_"):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(window: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and w.isVisible()
        and not _qt_internal(w)
        and not w.accessibleName().strip()
    ]


def unread_label_texts(window: QWidget) -> list[str]:
    """Shown labels a screen reader announces by an accessible name of their own, with
    their text in neither the name nor the description: the text is never read out."""
    return [
        f"{w.objectName() or type(w).__name__}: {w.accessibleName()!r}"
        for w in window.findChildren(QLabel)
        if w.isVisible()
        and w.text().strip()
        and w.accessibleName().strip()
        and w.text() not in (w.accessibleName(), w.accessibleDescription())
    ]


def tab_walk(qtbot: QtBot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(steps):
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())  # type: ignore[arg-type]
    return seen
