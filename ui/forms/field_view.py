"""One question on screen: its label, hint, input and inline message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rhi_desktop.forms import FieldInfo, Issue, IssueKind
from ui.forms.sensitive import SensitiveCover
from ui.forms.widgets.base import AnswerInput

ISSUE_MARK = "\u26a0"  # a warning sign, so a message never relies on colour alone


def issue_text(issue: Issue, answer: AnswerInput | None) -> str:
    """The input's own wording of a type problem where it has one, else the session's."""
    if issue.kind is IssueKind.TYPE and answer is not None:
        own = answer.problem()
        if own:
            return own
    return QCoreApplication.translate("FormIssues", issue.message)


class FieldView(QWidget):
    """Shown while the question is relevant; `row` is kept current as rows move."""

    def __init__(
        self,
        info: FieldInfo,
        row: int | None,
        label: str,
        hint: str | None,
        answer: AnswerInput | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("field")
        self.info = info
        self.row = row
        self.answer = answer
        self._label_text = label
        self._hint_text = hint or ""
        self._required = False
        self._message: QLabel | None = None
        self._message_text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.label.setObjectName("fieldLabel")
        layout.addWidget(self.label)
        if hint:
            hint_label = QLabel(hint, self)
            hint_label.setWordWrap(True)
            hint_label.setObjectName("fieldHint")
            layout.addWidget(hint_label)
        self.cover: SensitiveCover | None = None
        if answer is not None:
            if info.question.sensitive:
                self.cover = SensitiveCover(answer, label, self)
                layout.addWidget(self.cover)
            else:
                answer.widget().setParent(self)
                layout.addWidget(answer.widget())
            self.label.setBuddy(answer.controls()[0])
            self._describe()

    @property
    def id(self) -> str:
        return self.info.id

    def controls(self) -> list[QWidget]:
        if self.cover is not None:
            return self.cover.controls()
        return [] if self.answer is None else self.answer.controls()

    def set_row(self, row: int | None) -> None:
        self.row = row
        self._describe()

    def set_required(self, required: bool) -> None:
        if required == self._required:
            return
        self._required = required
        text = self._label_text
        self.label.setText(
            QCoreApplication.translate("FieldView", "{0} (required)").format(text)
            if required
            else text
        )
        self._describe()

    def show_issues(self, issues: tuple[Issue, ...], revealed: bool) -> None:
        text = issue_text(issues[0], self.answer) if issues and revealed else ""
        if text == self._message_text:
            return
        self._message_text = text
        if self._message is None:
            if not text:
                return
            self._message = QLabel(self)
            self._message.setObjectName("fieldIssue")
            self._message.setWordWrap(True)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._message)
        self._message.setText(f"{ISSUE_MARK} {text}")
        self._message.setVisible(bool(text))
        self._describe()

    @property
    def message(self) -> str:
        """The inline message shown now ('' when none)."""
        return self._message_text

    def _describe(self) -> None:
        if self.answer is None:
            return
        name = self._label_text
        if self.row is not None:
            name = QCoreApplication.translate("FieldView", "{0} (row {1})").format(
                name, self.row + 1
            )
        if self._required:
            name = QCoreApplication.translate("FieldView", "{0}, required").format(name)
        parts = [self._hint_text, self._message_text]
        self.answer.describe(name, " ".join(part for part in parts if part))
