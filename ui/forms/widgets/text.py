"""Typed answers: one-line text and numbers, long text, and calculated (read-only) values."""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ui.forms.widgets.base import AnswerInput, handler, shown_text

LONG_TEXT_LINES = 4


class LineInput(QLineEdit, AnswerInput):
    """Text, whole numbers and decimals: the session reads and judges what is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(handler(self, LineInput._edited))
        self.editingFinished.connect(handler(self, LineInput._finished))

    def _edited(self, text: str) -> None:
        self._on_edit(text)

    def _finished(self) -> None:
        self._on_done()

    def show_value(self, value: object) -> None:
        self.setText(shown_text(value))

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)

    def maskable_lines(self) -> list[QLineEdit]:
        return [self]


_heights: dict[str, int] = {}


def _long_text_height(edit: QPlainTextEdit) -> int:
    """Four lines of the edit's font (worked out once per font: it is asked per field)."""
    key = edit.font().key()
    height = _heights.get(key)
    if height is None:
        lines = edit.fontMetrics().lineSpacing() * LONG_TEXT_LINES
        margin = edit.frameWidth() + int(edit.document().documentMargin())
        height = _heights[key] = lines + 2 * margin
    return height


class LongTextInput(QPlainTextEdit, AnswerInput):
    """Several lines of the young person's own words; Tab moves on rather than indenting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.setTabChangesFocus(True)
        self.setFixedHeight(_long_text_height(self))
        self.textChanged.connect(handler(self, LongTextInput._changed))

    def _changed(self) -> None:
        if not self._showing:
            self._on_edit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._on_done()

    def show_value(self, value: object) -> None:
        self._showing = True
        try:
            self.setPlainText(shown_text(value))
        finally:
            self._showing = False

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class CalculatedInput(QLineEdit, AnswerInput):
    """A value the form works out from other answers: shown, never typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)

    def show_value(self, value: object) -> None:
        self.setText(shown_text(value))

    def set_read_only(self, read_only: bool) -> None:
        """Always read-only."""
