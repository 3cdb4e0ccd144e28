"""The coordinator's comments before they are sent: one per question, and one overall.

The question is the one chosen in the answers; writing a comment and pressing Add keeps
it in the list, where it can be removed (Delete, or Remove) until the decision is sent.
A question holds one comment: adding again replaces it, and choosing a question that
already has one puts it back in the box for editing. Text typed but not yet added stays
with its question when another is chosen, and is back in the box on return to it (and
counts as unsent until it is added or cleared). Nothing is saved until the coordinator
approves or returns the interview.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.announce import announce
from ui.literal_text import literal, tooltip

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class _CommentList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _no_auto_default(button: QPushButton) -> QPushButton:
    """Enter in a list or tree must never press a button by itself."""
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class CommentsEditor(QWidget):
    changed = Signal()

    def __init__(self, labels: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCommentsEditor")
        self._labels = dict(labels)
        self._comments: dict[str, str] = {}
        self._drafts: dict[str, str] = {}  # typed, not added, on a question not now chosen
        self._target: str | None = None

        self.target = QLabel(self)
        self.target.setObjectName("commentTarget")
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("questionComment")
        self.comment.setAccessibleName(self.tr("Comment on the chosen question"))
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What should the interviewer change or add?"))
        self.comment.setMaximumHeight(100)
        self.target.setBuddy(self.comment)
        self.add_button = _no_auto_default(QPushButton(self.tr("A&dd comment"), self))
        self.add_button.setObjectName("addComment")
        self.add_button.setAccessibleName(self.tr("Add comment"))
        self.list_heading = QLabel(self.tr("Comments on &questions"), self)
        self.list = _CommentList(self)
        self.list.setObjectName("commentList")
        self.list.setAccessibleName(self.tr("Comments on questions"))
        self.list.setWordWrap(True)
        self.list_heading.setBuddy(self.list)
        self.remove_button = _no_auto_default(QPushButton(self.tr("Re&move comment"), self))
        self.remove_button.setObjectName("removeComment")
        self.remove_button.setAccessibleName(self.tr("Remove comment"))
        self.overall_heading = QLabel(self.tr("O&verall comment"), self)
        self.overall = QPlainTextEdit(self)
        self.overall.setObjectName("overallComment")
        self.overall.setAccessibleName(self.tr("Overall comment"))
        self.overall.setTabChangesFocus(True)
        self.overall.setPlaceholderText(self.tr("Optional when approving"))
        self.overall.setMaximumHeight(110)
        self.overall_heading.setBuddy(self.overall)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        layout.addWidget(self.overall_heading)
        layout.addWidget(self.overall)
        for first, second in (
            (self.comment, self.add_button),
            (self.add_button, self.list),
            (self.list, self.remove_button),
            (self.remove_button, self.overall),
        ):
            self.setTabOrder(first, second)

        self.add_button.clicked.connect(self.add_comment)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.delete_pressed.connect(self.remove_current)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.comment.textChanged.connect(self._update)
        self.overall.textChanged.connect(self.changed.emit)
        self.set_target(None)

    # -- choosing and writing ------------------------------------------------------------

    def set_target(self, question_id: str | None) -> None:
        """The question the next comment is about (None: no question chosen)."""
        if question_id is not None and question_id not in self._labels:
            question_id = None
        self._keep_draft()
        self._target = question_id
        if question_id is None:
            self.target.setText(self.tr("Choose a question in the answers to comment on it."))
            self.comment.clear()
            self.comment.setEnabled(False)
        else:
            label = literal(self._labels[question_id])
            self.target.setText(self.tr("&Comment on: {0}").format(label))
            self.comment.setEnabled(True)
            kept = self._comments.get(question_id, "")
            self.comment.setPlainText(self._drafts.pop(question_id, kept))
        self._update()

    def _keep_draft(self) -> None:
        """Set aside what is typed for the chosen question, if it is not its comment."""
        if self._target is None:
            return
        text = self.comment.toPlainText().strip()
        if text and text != self._comments.get(self._target):
            self._drafts[self._target] = text

    def add_comment(self) -> None:
        text = self.comment.toPlainText().strip()
        if self._target is None or not text:
            return
        self._comments[self._target] = text
        self._refresh_list(select=self._target)
        self.comment.clear()
        self.changed.emit()
        label = self._labels[self._target]
        announce(self.list, self.tr("Comment added on: {0}").format(label))

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        question_id = item.data(QUESTION_ROLE)
        self._comments.pop(str(question_id), None)
        row = self.list.currentRow()
        self._refresh_list()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        if question_id == self._target:
            self.comment.clear()
        self.changed.emit()

    def _refresh_list(self, select: str | None = None) -> None:
        self.list.clear()
        ordered = [q for q in self._labels if q in self._comments]
        for question_id in ordered:
            text = self.tr("{0}: {1}").format(
                self._labels[question_id], self._comments[question_id]
            )
            item = QListWidgetItem(text, self.list)
            item.setData(QUESTION_ROLE, question_id)
            item.setToolTip(tooltip(text))
            if question_id == select:
                self.list.setCurrentItem(item)
        self._update()

    def _update(self) -> None:
        has_text = bool(self.comment.toPlainText().strip())
        self.add_button.setEnabled(self._target is not None and has_text)
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    # -- reading -------------------------------------------------------------------------

    def question_comments(self) -> dict[str, str]:
        return dict(self._comments)

    def overall_comment(self) -> str:
        return self.overall.toPlainText().strip()

    def unsent_question(self) -> str | None:
        """A question with text typed but not added (the chosen one first), if any."""
        text = self.comment.toPlainText().strip()
        if text and self._target is not None and self._comments.get(self._target) != text:
            return self._target
        return next((q for q in self._labels if q in self._drafts), None)

    def unsent_comment(self) -> str:
        """Text typed for a question that is not the comment kept for it ("" if none)."""
        question = self.unsent_question()
        if question is None:
            return ""
        if question == self._target:
            return self.comment.toPlainText().strip()
        return self._drafts[question]

    def target_label(self) -> str:
        return "" if self._target is None else self._labels[self._target]

    def label_of(self, question_id: str) -> str:
        return self._labels[question_id]

    def comment_texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def has_comments(self) -> bool:
        return bool(self._comments or self.overall_comment())

    def clear(self) -> None:
        self._comments.clear()
        self._drafts.clear()
        self.list.clear()
        self.comment.clear()
        self.overall.clear()
        self._update()
