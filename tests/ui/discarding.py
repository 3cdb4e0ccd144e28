"""Closing a data-entry dialog the way a person does, and answering its question about
what they typed: Keep (Enter or Escape, the default) or Discard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.dialog_parts import SavingDialog

QUESTION = "Discard what you typed? It has not been saved."


def the_question(qtbot: QtBot, dialog: SavingDialog[Any]) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box is dialog.discard_question
    assert box.text() == QUESTION
    return box


def back_in(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    assert dialog.isVisible()


def closes_at_once_on_escape(qtbot: QtBot, dialog: SavingDialog[Any]) -> None:
    """Nothing typed: Escape closes the dialog with no question."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(dialog.finished) as closed:
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    assert closed.args == [QDialog.DialogCode.Rejected.value]
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def keeps_then_discards(
    qtbot: QtBot, dialog: SavingDialog[Any], typed: Callable[[], object]
) -> None:
    """Something typed: Escape asks; Enter and Escape on the question keep it all; Cancel
    asks again, and Discard closes the dialog."""
    before = typed()
    for answer in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        QTest.keyClick(the_question(qtbot, dialog), answer)
        back_in(qtbot, dialog)
        assert typed() == before
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    box = the_question(qtbot, dialog)
    (discard,) = (b for b in box.buttons() if b.text() == "&Discard")
    with qtbot.waitSignal(dialog.finished) as closed:
        QTest.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert closed.args == [QDialog.DialogCode.Rejected.value]
