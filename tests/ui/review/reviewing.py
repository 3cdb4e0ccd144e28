"""Driving the review queue and the review dialog by keyboard, as a coordinator would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.review.queue_page import ReviewQueuePage
from ui.review.review_dialog import ReviewDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def open_by_keyboard(qtbot: QtBot, page: ReviewQueuePage, interview_id: str) -> ReviewDialog:
    """Arrow to the interview's row in the queue and press Enter."""
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    for _ in range(page.model.rowCount()):
        row = page.selected_row()
        if row is not None and row.interview_id == interview_id:
            break
        QTest.keyClick(page.table, Qt.Key.Key_Down)
    row = page.selected_row()
    assert row is not None and row.interview_id == interview_id
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def go_to_question(dialog: ReviewDialog, question_id: str) -> None:
    """Alt+A to the answers, then arrow down the tree to the question."""
    QTest.keyClick(dialog, Qt.Key.Key_A, ALT)
    tree = dialog.answers.tree
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Home)
    for _ in range(300):
        item = tree.currentItem()
        parent = item.parent() if item is not None else None
        on_question = parent is not None and parent.parent() is None  # not a repeat row
        if on_question and dialog.answers.current_question() == question_id:
            return
        QTest.keyClick(tree, Qt.Key.Key_Down)
    raise AssertionError(f"{question_id} is not in the answers")


def comment_on(qtbot: QtBot, dialog: ReviewDialog, question_id: str, text: str) -> None:
    """Choose the question, Enter to write about it, type, Alt+D to add it to the list."""
    go_to_question(dialog, question_id)
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.comments.comment
    QTest.keyClicks(dialog.comments.comment, text)
    QTest.keyClick(dialog.comments.comment, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: question_id in dialog.comments.question_comments())  # mnemonics
    assert dialog.comments.question_comments()[question_id] == text.strip()  # click shortly


def write_overall(qtbot: QtBot, dialog: ReviewDialog, text: str) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_V, ALT)
    assert QApplication.focusWidget() is dialog.comments.overall
    QTest.keyClicks(dialog.comments.overall, text)


def decide(qtbot: QtBot, dialog: ReviewDialog, key: Qt.Key) -> None:
    """Alt+R (return) or Alt+P (approve), then Enter on the confirmation."""
    QTest.keyClick(QApplication.focusWidget() or dialog, key, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = dialog.confirmation
    assert box is not None and QApplication.activeModalWidget() is box
    QTest.keyClick(box, Qt.Key.Key_Return)
