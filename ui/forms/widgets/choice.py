"""Choosing answers: a drop-down for single choice, radio buttons for yes/no and scales,
tick boxes for multiple choice. All are keyboard-operable: Tab reaches the question,
arrow keys or the first letters pick, Space ticks, Delete clears a radio answer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from ui.forms.widgets.base import AnswerInput, handler

Options = Sequence[tuple[str, str]]
"""(value, label) pairs in the order the form lists them."""

CHECK_COLUMNS = 2


class ChoiceCombo(QComboBox, AnswerInput):
    """Single choice from a list; the first entry means 'not answered'."""

    reveals_on_edit = True

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self._values: list[str | None] = [None, *(value for value, _ in options)]
        self.addItems(
            [
                QCoreApplication.translate("ChoiceInputs", "Not answered"),
                *(label for _, label in options),
            ]
        )
        self.currentIndexChanged.connect(handler(self, ChoiceCombo._picked))

    def _picked(self, index: int) -> None:
        if not self._showing and index >= 0:
            self._on_edit(self._values[index])
            self._on_done()

    def show_value(self, value: object) -> None:
        self._showing = True
        try:
            self.setCurrentIndex(self._values.index(value) if value in self._values else 0)
        finally:
            self._showing = False


class _Radio(QRadioButton):
    """A radio button that Delete or Backspace clears, so a mistaken answer can be undone."""

    def __init__(self, text: str, group: RadioChoice) -> None:
        super().__init__(text, group)
        self._group = group

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._group.clear_by_user()
            return
        super().keyPressEvent(event)


class RadioChoice(QWidget, AnswerInput):
    """Yes/no and scale points side by side; arrow keys move between them."""

    reveals_on_edit = True

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._group = QButtonGroup(self)
        self._values = [value for value, _ in options]
        self._buttons: list[_Radio] = []
        for index, (_, label) in enumerate(options):
            button = _Radio(label, self)
            button.setAccessibleName(label)
            self._group.addButton(button, index)
            self._buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.idClicked.connect(handler(self, RadioChoice._picked))

    def _picked(self, index: int) -> None:
        self._on_edit(self._values[index])
        self._on_done()

    def clear_by_user(self) -> None:
        if self._group.checkedButton() is None:
            return
        self._uncheck()
        self._on_edit(None)
        self._on_done()

    def _uncheck(self) -> None:
        self._group.setExclusive(False)
        for button in self._buttons:
            button.setChecked(False)
        self._group.setExclusive(True)

    def show_value(self, value: object) -> None:
        key = None if value is None else str(value)  # scale points arrive as numbers
        if key in self._values:
            self._buttons[self._values.index(key)].setChecked(True)
        else:
            self._uncheck()

    def controls(self) -> list[QWidget]:
        return list(self._buttons)

    def describe(self, name: str, description: str) -> None:
        self.setAccessibleName(name)
        hint = QCoreApplication.translate("ChoiceInputs", "Press Delete to clear the answer.")
        for button in self._buttons:
            button.setAccessibleDescription(" ".join(p for p in (name, description, hint) if p))


class CheckList(QWidget, AnswerInput):
    """Multiple choice as tick boxes, in columns, in the form's order."""

    reveals_on_edit = True

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Never squeezed below its natural height: tick boxes must not overlap.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._values = [value for value, _ in options]
        self._boxes: list[QCheckBox] = []
        rows = (len(options) + CHECK_COLUMNS - 1) // CHECK_COLUMNS
        ticked = handler(self, CheckList._ticked)
        for index, (_, label) in enumerate(options):
            box = QCheckBox(label, self)
            box.setAccessibleName(label)
            # Not in a QButtonGroup: grouped buttons share one tab stop, tick boxes must not.
            box.clicked.connect(ticked)
            self._boxes.append(box)
            # Down the first column, then the second: tab order matches reading order.
            layout.addWidget(box, index % rows, index // rows)

    def _ticked(self, _checked: bool = False) -> None:
        self._on_edit(
            tuple(v for v, box in zip(self._values, self._boxes, strict=True) if box.isChecked())
        )
        self._on_done()

    def show_value(self, value: object) -> None:
        chosen = set(value) if isinstance(value, tuple | list) else set()
        for choice, box in zip(self._values, self._boxes, strict=True):
            box.setChecked(choice in chosen)

    def controls(self) -> list[QWidget]:
        return list(self._boxes)

    def describe(self, name: str, description: str) -> None:
        self.setAccessibleName(name)
        for box in self._boxes:
            box.setAccessibleDescription(" ".join(p for p in (name, description) if p))
