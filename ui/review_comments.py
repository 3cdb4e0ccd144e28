"""The coordinator's comments on a returned interview, shown beside its form.

The interviewer works through them while amending, so the panel stays for as long as the
window is open. A comment on a question is labelled with that question's label from the
form the interview is on; choosing it (Enter, or a double click) takes the form to that
question. Comments are the coordinator's own words, so they are shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from rhi_desktop.domain.entities import Review
from rhi_desktop.forms import Form
from ui.announce import announce
from ui.form_language import form_language
from ui.literal_text import tooltip

QUESTION_ROLE = Qt.ItemDataRole.UserRole


class ReviewCommentsPanel(QWidget):
    """Read-only: the overall comment, then one entry per commented question."""

    def __init__(
        self,
        review: Review,
        form: Callable[[], Form],
        go_to_question: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewComments")
        self.setAccessibleName(self.tr("Coordinator's comments"))
        self._form = form
        self._go_to_question = go_to_question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        heading = QLabel(self.tr("Returned by the coordinator"), self)
        heading.setObjectName("reviewCommentsHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.overall = QLabel(self)
        self.overall.setObjectName("overallComment")
        self.overall.setTextFormat(Qt.TextFormat.PlainText)
        self.overall.setWordWrap(True)
        self.overall.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.overall.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        # A label named for what it is is read out by that name alone: its text goes in
        # the description, or a screen reader never reaches the comment.
        self.overall.setAccessibleName(self.tr("Overall comment"))
        overall = (review.overall_comment or "").strip()
        self.overall.setText(overall or self.tr("No overall comment."))
        self.overall.setAccessibleDescription(self.overall.text())
        self.questions_heading = QLabel(self.tr("Comments on questions"), self)
        self.questions_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.questions = QListWidget(self)
        self.questions.setObjectName("questionComments")
        self.questions.setAccessibleName(self.tr("Comments on questions"))
        self.questions.setWordWrap(True)
        self.questions_heading.setBuddy(self.questions)
        self._comments = dict(review.question_comments)
        for question_id in self._comments:
            QListWidgetItem(self.questions).setData(QUESTION_ROLE, question_id)
        self.relabel()
        if self.questions.count():
            self.questions.setCurrentRow(0)
        else:
            self.questions_heading.hide()
            self.questions.hide()
        self.questions.itemActivated.connect(self._activated)
        layout.addWidget(heading)
        layout.addWidget(self.overall)
        layout.addWidget(self.questions_heading)
        layout.addWidget(self.questions, 1)

    def relabel(self) -> None:
        """Label each comment with its question as the form now has it: the draft may
        have moved to a version that asks it in other words, or not at all."""
        for row in range(self.questions.count()):
            item = self.questions.item(row)
            question_id = item.data(QUESTION_ROLE)
            comment = self._comments[question_id].strip()
            text = self.tr("{0}: {1}").format(self._label(question_id), comment)
            item.setText(text)
            item.setToolTip(tooltip(text))

    def _label(self, question_id: str) -> str:
        form = self._form()
        if question_id not in form.fields:
            return self.tr("A question not on this form version")
        return form.text(form.field(question_id).question.label, form_language(form))

    def comment_texts(self) -> list[str]:
        return [self.questions.item(row).text() for row in range(self.questions.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        question_id = item.data(QUESTION_ROLE)
        if isinstance(question_id, str) and question_id in self._form().fields:
            self._go_to_question(question_id)
        else:  # nowhere to go: said, rather than nothing happening
            announce(
                self.questions,
                self.tr(
                    "This question is not on the form version the draft is on, so there "
                    "is no answer to go to. Answer the comment where the form asks about it now."
                ),
            )
