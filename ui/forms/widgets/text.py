"""Typed answers: one-line text and numbers, long text, and calculated (read-only) values."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ui.forms.widgets.base import (
    AnswerInput,
    InputEvents,
    WithheldInput,
    finish_on_leaving,
    handler,
    shown_text,
)

LONG_TEXT_LINES = 4


class LineInput(AnswerInput):
    """Text, whole numbers and decimals: the session reads and judges what is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.edit = QLineEdit(parent)
        super().__init__(self.edit)
        self.edit.textEdited.connect(handler(self, LineInput._edited))
        self.edit.editingFinished.connect(handler(self, LineInput._finished))

    def _edited(self, text: str) -> None:
        self._on_edit(text)

    def _finished(self) -> None:
        if not finish_on_leaving(self.edit, handler(self, LineInput._finished)):
            self._on_done()

    def show_value(self, value: object) -> None:
        self.edit.setText(shown_text(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def maskable_lines(self) -> list[QLineEdit]:
        return [self.edit]


_heights: dict[tuple[str, str], int] = {}


def _long_text_height(edit: QPlainTextEdit) -> int:
    """Four lines of the edit's font inside its border and padding, which the app's
    stylesheet sets: it is applied to the first edit to be measured (worked out once per
    font and stylesheet: it is asked per field)."""
    app = QApplication.instance()
    key = (edit.font().key(), app.styleSheet() if isinstance(app, QApplication) else "")
    height = _heights.get(key)
    if height is None:
        edit.ensurePolished()
        lines = edit.fontMetrics().lineSpacing() * LONG_TEXT_LINES
        margin = edit.frameWidth() + int(edit.document().documentMargin())
        height = _heights[key] = lines + 2 * margin
    return height


class LongTextInput(WithheldInput):
    """Several lines of the young person's own words; Tab moves on rather than indenting.
    Leaving it finishes the answer only if it was typed into, as with one-line answers:
    tabbing past an empty required one is not an error."""

    def __init__(self, events: InputEvents, parent: QWidget | None = None) -> None:
        self.edit = QPlainTextEdit(parent)
        self._typed = False
        super().__init__(self.edit)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(_long_text_height(self.edit))
        self.edit.textChanged.connect(handler(self, LongTextInput._changed))
        events.on_focus_out(self.edit, self, LongTextInput._left)

    def _changed(self) -> None:
        self._typed = True
        self._on_edit(self.edit.toPlainText())

    def _left(self) -> None:
        if self._typed:
            self._typed = False
            self._on_done()

    def _show(self, value: object) -> None:
        blocked = self.edit.blockSignals(True)  # showing is not an edit
        try:
            self.edit.setPlainText(shown_text(value))
        finally:
            self.edit.blockSignals(blocked)

    def _in_controls(self) -> object:
        return self.edit.toPlainText()

    def forget_edits(self) -> None:
        self.edit.document().clearUndoRedoStacks()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        if read_only:  # the keyboard, not only the mouse, can still select and copy it
            self.edit.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )


class CalculatedInput(AnswerInput):
    """A value the form works out from other answers: shown, never typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.edit = QLineEdit(parent)
        super().__init__(self.edit)
        self.edit.setReadOnly(True)

    def show_value(self, value: object) -> None:
        self.edit.setText(shown_text(value))

    def set_read_only(self, read_only: bool) -> None:
        """Always read-only."""

    def maskable_lines(self) -> list[QLineEdit]:
        return [self.edit]  # a sensitive answer worked out is masked like a typed one
