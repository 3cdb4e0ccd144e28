"""One question on screen: its label (with the hint on a line below it), input and
inline message.

A form opens with hundreds of questions, several times over for the rows of repeat
groups, so a question is not a widget of its own: its parts are children of the page (or
repeat row) it sits on, laid out in that page's `QuestionColumn`, and showing or hiding the
question shows or hides those parts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from rhi_desktop.forms import FieldInfo, Issue, IssueKind, QuestionType
from ui.forms.question_column import QuestionColumn
from ui.forms.sensitive import SensitiveCover
from ui.forms.widgets.base import AnswerInput, InputEvents
from ui.issue_words import issue_words
from ui.literal_text import as_written, literal

ISSUE_MARK = "\u26a0"  # a warning sign, so a message never relies on colour alone


def issue_text(
    issue: Issue, answer: AnswerInput | None, question_type: QuestionType | None = None
) -> str:
    """The input's own wording of a type problem where it has one, else `issue_words`."""
    if issue.kind is IssueKind.TYPE and answer is not None:
        own = answer.problem()
        if own:
            return own
    return issue_words(issue, question_type)


def _required_label(text: str) -> str:
    return QCoreApplication.translate("FieldView", "{0} (required)").format(text)


def _label_text(label: str, hint: str, required: bool) -> str:
    """The question's label, marked when required, and its hint on the line below."""
    text = _required_label(label) if required else label
    return f"{text}\n{hint}" if hint else text


class FieldView:
    """Shown while the question is relevant; `row` is kept current as rows move.

    The parts are made as children of the column's widget and added to it in turn:
    label (the hint on its second line), input (a Show/Hide button beside it for
    sensitive answers), and the inline message once there is one. The input's accessible
    name is the label alone; the hint is its accessible description.
    """

    def __init__(
        self,
        info: FieldInfo,
        row: int | None,
        label: str,
        hint: str | None,
        make_answer: Callable[[QWidget], AnswerInput | None],
        column: QuestionColumn,
        events: InputEvents,
        *,
        required: bool = False,
    ) -> None:
        self.info = info
        self.row = row
        self._column = column
        self._label_text = label
        self._hint_text = hint or ""
        self._required = required
        self._hidden = False
        self._message: QLabel | None = None
        self._message_text = ""
        self.message_kind: IssueKind | None = None
        """The kind of problem the inline message is about, while there is one."""
        parent = column.parent
        gap = column.gap_above()
        self.label = QLabel(parent)
        self.label.setWordWrap(True)
        self.label.setObjectName("fieldLabel")
        if gap:
            self.label.setContentsMargins(0, gap, 0, 0)
        column.add(self.label)
        # made after its label, so that a screen reader meets the label first
        self.answer = answer = make_answer(parent)
        self._last: QWidget | QLayout = self.label
        """The part the inline message goes below."""
        self.cover: SensitiveCover | None = None
        if answer is not None:
            if info.sensitive:
                self.cover = SensitiveCover(answer, self.spoken_label, parent, events)
                self._last = self.cover.layout
            else:
                self._last = answer.part()
            column.add(self._last)
            self.label.setBuddy(answer.controls()[0])
        self._show_label()
        self._describe()

    @property
    def id(self) -> str:
        return self.info.id

    def controls(self) -> list[QWidget]:
        if self.cover is not None:
            return self.cover.controls()
        return [] if self.answer is None else self.answer.controls()

    def parts(self) -> list[QWidget]:
        """Every widget of the question, in reading order (shown or not)."""
        found: list[QWidget] = [self.label]
        if self.cover is not None:
            found.extend(self.cover.parts())
        elif self.answer is not None:
            found.extend(self.answer.widgets())
        if self._message is not None:
            found.append(self._message)
        return found

    # --- showing and hiding the question -------------------------------------------------

    @property
    def shown(self) -> bool:
        """False while the question is hidden (its answer is not relevant)."""
        return not self._hidden

    def set_shown(self, visible: bool) -> None:
        self._hidden = not visible
        self.label.setVisible(visible)
        if self.cover is not None:
            self.cover.set_shown(visible)
        elif self.answer is not None:
            self.answer.set_visible(visible)
        if self._message is not None:
            self._message.setVisible(visible and bool(self._message_text))

    def shown_within(self, ancestor: QWidget) -> bool:
        """Whether the question would be on screen if `ancestor` were (as isVisibleTo)."""
        return not self._hidden and self.label.isVisibleTo(ancestor)

    # --- what the question says ----------------------------------------------------------

    def set_row(self, row: int | None) -> None:
        self.row = row
        self._describe()

    def set_required(self, required: bool) -> None:
        if required == self._required:
            return
        self._required = required
        self._show_label()
        self._describe()

    def _show_label(self) -> None:
        text = _label_text(self._label_text, self._hint_text, self._required)
        # '&' marks a shortcut only in a label with a buddy: a note's shows as written
        as_written(self.label, literal(text) if self.label.buddy() is not None else text)

    def show_issues(self, issues: tuple[Issue, ...], revealed: bool) -> None:
        text = (
            issue_text(issues[0], self.answer, self.info.question.type)
            if issues and revealed
            else ""
        )
        self.message_kind = issues[0].kind if text else None
        if text == self._message_text:
            return
        self._message_text = text
        if self._message is None:
            if not text:
                return
            self._message = QLabel(self._column.parent)
            self._message.setObjectName("fieldIssue")
            self._message.setWordWrap(True)
            self._message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote an answer
            self._column.insert_after(self._last, self._message)
        self._message.setText(f"{ISSUE_MARK} {text}")
        self._message.setVisible(bool(text) and not self._hidden)
        self._describe()

    @property
    def message(self) -> str:
        """The inline message shown now ('' when none)."""
        return self._message_text

    @property
    def spoken_label(self) -> str:
        """The question as a screen reader names it: its label, and its row in a group."""
        if self.row is None:
            return self._label_text
        return QCoreApplication.translate("FieldView", "{0} (row {1})").format(
            self._label_text, self.row + 1
        )

    def _describe(self) -> None:
        if self.answer is None:
            return
        name = self.spoken_label
        if self._required:
            name = QCoreApplication.translate("FieldView", "{0}, required").format(name)
        parts = [self._hint_text, self._message_text or self.answer.spoken_format()]
        description = " ".join(part for part in parts if part)
        if self.cover is not None and self.cover.behind_cover:
            self.cover.describe(name, description)  # the only control until it is shown
        elif self.cover is not None:
            self.cover.describe(self.spoken_label)  # the input beside it says the rest
        self.answer.describe(name, description)
