"""Sorting a record table without a mouse: Shift+F10 on the table opens
a "Sort by" menu of its columns; choosing a column again reverses the order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from ui.caseload_model import Column
from ui.controller import AppController
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _choose(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Shift+F10 on the table, arrow to the entry named `text`, press Enter."""
    QTest.keyClick(window.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.title() == "Sort by"
    names = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert names[0] == "Sort by Case reference" and names[-1] == "Original order"
    for _ in range(len(menu.actions())):
        QTest.keyClick(menu, Qt.Key.Key_Down)
        if menu.activeAction() is not None and menu.activeAction().text() == text:
            break
    assert menu.activeAction() is not None and menu.activeAction().text() == text
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def _references(window: MainWindow) -> list[str]:
    model = window.proxy
    return [str(model.index(row, Column.CASE_REFERENCE).data()) for row in range(model.rowCount())]


def test_the_caseload_sorts_from_the_keyboard_and_back_to_its_own_order(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _, window = unlocked
    QTest.keyClick(window.table, Qt.Key.Key_7, CTRL)  # all interviews
    window.table.setFocus()
    original = _references(window)
    assert len(original) > 2 and original != sorted(original)

    _choose(qtbot, window, "Sort by Case reference")
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.CASE_REFERENCE
    assert _references(window) == sorted(original)

    _choose(qtbot, window, "Sort by Case reference")  # again: reversed
    assert header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    assert _references(window) == sorted(original, reverse=True)
    window.reload()  # as after each save, F5 and each sync that brings records
    assert _references(window) == sorted(original, reverse=True)  # the order they chose

    _choose(qtbot, window, "Original order")
    assert header.sortIndicatorSection() == -1
    assert _references(window) == original
