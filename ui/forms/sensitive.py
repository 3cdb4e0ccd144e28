"""Sensitive answers stay hidden until the interviewer asks to see them.

Interviews happen in schools and shared offices, and the screen may be shared or
captured. One-line answers use password echo (they can still be typed into while
hidden); longer answers and choices sit behind a cover and are revealed to be read or
changed. A question not yet answered has nothing to hide, so it is left open to be
answered straight away. A grab of the window while hidden shows no answer text, and
assistive technology reads no answer text either. The renderer covers them again when
the section is left or the app locks.

In password echo, Qt's editing keys work on the whole hidden text: Undo empties the
line without reporting an edit, deleting a word deletes everything before the cursor,
and Cut deletes without copying. While an answer is hidden those keys (stopped by the
form's `InputEvents`), and the edit menu, do nothing: one slip must not wipe out what
the young person said, unseen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ui.forms.buttons import form_button
from ui.forms.widgets.base import AnswerInput, InputEvents, handler, takes_tab

LAYOUT_SIZE_MAX = 524_287
"""Qt's largest layout size (QLAYOUTSIZE_MAX): no limit."""


class _CoverRow(QHBoxLayout):
    """The row of a covered answer and its Show button. While its question is not asked,
    every widget in it is hidden and it sets no width limit: as an empty row of zero
    width, it held the page's whole column to its narrowest, so that the questions were
    laid out with bands of space between them and their messages."""

    def maximumSize(self) -> QSize:
        if self.isEmpty():
            return QSize(LAYOUT_SIZE_MAX, LAYOUT_SIZE_MAX)
        return super().maximumSize()


class SensitiveCover:
    """An input with a Show/Hide button beside it; hidden to start with.

    Like the question it belongs to, the cover is no widget of its own: the cover text
    (for answers that cannot be masked), the input and the button are children of the
    question's page, side by side in `layout`.
    """

    def __init__(
        self, answer: AnswerInput, name: str, parent: QWidget, events: InputEvents
    ) -> None:
        self._answer = answer
        self._name = name
        self._lines = answer.maskable_lines()
        for line in self._lines:
            events.guard_while_masked(line)
        self._shown = True
        part = answer.part()
        row = part if isinstance(part, QHBoxLayout) and self._lines else None
        self.layout = layout = _CoverRow() if row is None else row
        """The row the button sits in: the input's own row of widgets where it has one."""
        self.cover: QLabel | None = None
        if not self._lines:
            self.cover = QLabel(
                QCoreApplication.translate(
                    "SensitiveCover", "Hidden. Choose Show to read or change this answer."
                ),
                parent,
            )
            self.cover.setObjectName("sensitiveCover")
            self.cover.setWordWrap(True)  # a narrow window, or large text
            self.cover.setFrameShape(QFrame.Shape.StyledPanel)
            self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.cover.setMinimumHeight(answer.widget().minimumHeight())
            self.cover.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.cover, 1)
            answer.set_visible(False)
        if isinstance(part, QWidget):
            layout.addWidget(part, 1)
        elif row is None:
            layout.addLayout(part, 1)
        # Not a toggle: one whose words flip between Show and Hide would also be read
        # out as a check box, "Hide answer, checked", two signals that disagree.
        self.button = form_button(parent)
        self.button.setObjectName("revealButton")
        self._revealed = False
        self._show_state(False)
        self.button.clicked.connect(handler(self, SensitiveCover._clicked))
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def set_read_only(self) -> None:
        """The answer can be read, not changed: the cover says so."""
        if self.cover is not None:
            self.cover.setText(
                QCoreApplication.translate(
                    "SensitiveCover", "Hidden. Choose Show to read this answer."
                )
            )

    @property
    def revealed(self) -> bool:
        return self._revealed

    def set_revealed(self, revealed: bool) -> None:
        if revealed != self._revealed:
            self._revealed = revealed
            self._show_state(revealed)

    def hide_answer(self) -> None:
        """Cover the answer again, where there is one: a question not yet answered is
        left open (with nothing to read there) so that it can be answered without first
        choosing Show, which would take the first key typed. Left open, the input lets go
        of its undo history, as covering it would: Undo in an answer rubbed out must not
        bring the words back on screen."""
        left_open = self.cover is not None and not self._answer.holds_answer()
        self.set_revealed(left_open)
        if left_open:
            self._answer.forget_edits()

    def _clicked(self) -> None:
        """Shown or hidden by the interviewer. Shown (not by the form): on into the answer
        (to the chosen option, of radio buttons), at the end of its text, where typing
        goes on (after a lock covered the answer being typed, say)."""
        self.set_revealed(not self._revealed)
        if self._revealed and self.cover is not None:
            controls = self._answer.controls()
            first = next((c for c in controls if takes_tab(c)), controls[0])
            if isinstance(first, QPlainTextEdit):
                first.moveCursor(QTextCursor.MoveOperation.End)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_state(self, revealed: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        policy = Qt.ContextMenuPolicy
        menu = policy.DefaultContextMenu if revealed else policy.NoContextMenu  # its Undo too
        for line in self._lines:
            line.setEchoMode(mode)
            line.setContextMenuPolicy(menu)
        if self.cover is not None:  # also while the question is not asked: it may come back
            self._answer.withhold(not revealed)
        if self._shown:
            self._show_parts()
        self.button.setText(
            QCoreApplication.translate("SensitiveCover", "Hide")
            if revealed
            else QCoreApplication.translate("SensitiveCover", "Show")
        )
        self._name_button(revealed)

    def _name_button(self, revealed: bool) -> None:
        said = (
            QCoreApplication.translate("SensitiveCover", "Hide answer: {0}")
            if revealed
            else QCoreApplication.translate("SensitiveCover", "Show answer: {0}")
        )
        self.button.setAccessibleName(said.format(self._name))

    @property
    def behind_cover(self) -> bool:
        """True where the answer sits behind the cover (it cannot be masked in place):
        until it is shown, the button is the only control there is to reach."""
        return self.cover is not None

    def describe(self, name: str, description: str = "") -> None:
        """The question as the button names it (e.g. with its row after rows move), and
        what the button is described by (for an answer behind the cover, the question's
        hint and any problem with it, which the hidden input cannot say)."""
        if description != self.button.accessibleDescription():
            self.button.setAccessibleDescription(description)
        if name != self._name:
            self._name = name
            self._name_button(self._revealed)

    def _show_parts(self) -> None:
        """The cover or the input, whichever the Show/Hide button asks for."""
        if self.cover is None:
            return
        revealed = self._revealed  # the text is withheld to match (`_show_state`)
        if self.cover.isHidden() != revealed:
            self.cover.setHidden(revealed)
        if self._answer.is_hidden() == revealed:
            self._answer.set_visible(revealed)

    def set_shown(self, shown: bool) -> None:
        """Show or hide the whole, with the question it belongs to: it comes back covered,
        unless it has no answer to cover."""
        self._shown = shown
        self.button.setVisible(shown)
        if not shown:
            self.set_revealed(False)
            self._answer.set_visible(False)
            if self.cover is not None:
                self.cover.setVisible(False)
        elif self.cover is None:
            self._answer.set_visible(True)
        else:
            self.hide_answer()
            self._show_parts()

    def parts(self) -> list[QWidget]:
        found = [] if self.cover is None else [self.cover]
        return [*found, *self._answer.widgets(), self.button]

    def controls(self) -> list[QWidget]:
        """The input first (when it can be typed into), then the button."""
        return [*self._answer.controls(), self.button]
