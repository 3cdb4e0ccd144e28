"""Sensitive answers in the review's trees: covered until the reader asks to see them.

Each tree line whose text would show a sensitive answer keeps both wordings, covered and
revealed, so covering and showing change the text in place: the current line, and the
comment being written about it, stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from rhi_desktop.review import FieldText

Texts = tuple[str, str]
"""The two texts a line shows (an answer and its detail, or before and now)."""

COVERED_ROLE = Qt.ItemDataRole.UserRole + 10
REVEALED_ROLE = Qt.ItemDataRole.UserRole + 11

translate = QCoreApplication.translate


def hidden_answer_text() -> str:
    """What a covered sensitive answer shows instead of its text."""
    return translate(
        "SensitiveAnswers", "Hidden: sensitive answer. Choose Show sensitive answers to read it."
    )


def hidden_field_text() -> str:
    """What a covered sensitive answer inside a repeat row shows instead of its text."""
    return translate("SensitiveAnswers", "(hidden: sensitive answer)")


def field_text(field: FieldText, revealed: bool) -> str:
    """One answer of a repeat row with its question, covered if sensitive and not revealed."""
    text = field.text if revealed or not field.sensitive else hidden_field_text()
    return translate("SensitiveAnswers", "{0}: {1}").format(field.label, text)


def fields_text(fields: Sequence[FieldText], revealed: bool, separator: str = "; ") -> str:
    return separator.join(field_text(field, revealed) for field in fields)


class CoveredTexts:
    """The lines of one tree that may cover an answer; `show` puts a line's texts up."""

    def __init__(self, show: Callable[[QTreeWidgetItem, Texts], None]) -> None:
        self._show = show
        self.revealed = False
        """Sensitive answers are covered until asked for."""

    def set(self, item: QTreeWidgetItem, covered: Texts, revealed: Texts) -> None:
        """Give the line its texts as shown now, keeping both wordings when they differ."""
        if covered != revealed:
            item.setData(0, COVERED_ROLE, covered)
            item.setData(0, REVEALED_ROLE, revealed)
        self._show(item, revealed if self.revealed else covered)

    def show_all(self, tree: QTreeWidget, revealed: bool) -> None:
        """Show the text of every sensitive answer in `tree`, or cover it again."""
        self.revealed = revealed
        role = REVEALED_ROLE if revealed else COVERED_ROLE
        items = QTreeWidgetItemIterator(tree)
        while (item := items.value()) is not None:
            texts = item.data(0, role)
            if isinstance(texts, tuple):
                self._show(item, texts)
            items += 1
