"""Choosing answers: a drop-down for single choice, radio buttons for yes/no and scales,
tick boxes for multiple choice. All are keyboard-operable: Tab reaches the question,
arrow keys or the first letters pick, Space ticks, Delete clears a radio answer.

Radio buttons and tick boxes sit in a box named after the question (`choice_group`), a
grouping to assistive technology, so 'Yes' or 'Something else' is heard as an answer to
that question; the stylesheet draws the box as nothing at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLayout,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.forms.widgets.base import InputEvents, WithheldInput, handler
from ui.forms.widgets.option_columns import OptionColumns
from ui.forms.widgets.wrapping import WrappingCheckBox, WrappingRadioButton
from ui.literal_text import as_written, literal

Options = Sequence[tuple[str, str]]
"""(value, label) pairs in the order the form lists them."""
Hints = Mapping[str, str]
"""A choice's hint by its value, for the choices that have one."""

CHECK_COLUMNS = 2
COMBO_SHORTEST = 20
"""The fewest characters of a choice a drop-down shows, however narrow the page."""
ADJUST_TO_SHORTEST = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
CHOICE_GROUP = "choiceGroup"
"""The object name the stylesheet draws as no frame, no margin and no title."""


def choice_group(parent: QWidget | None) -> QGroupBox:
    """A question's options' box: a grouping named after the question, not drawn."""
    box = QGroupBox(parent)
    box.setObjectName(CHOICE_GROUP)
    return box


class _Choices(WithheldInput):
    """Read-only, the controls keep the focus they can take but refuse every change, and
    say they are read-only to assistive technology. Behind a sensitive answer's cover,
    they show nothing chosen: a checked state, a drop-down's value or its choice's hint
    would say the answer to assistive technology."""

    def __init__(self, widget: QWidget, events: InputEvents, layout: QLayout | None = None) -> None:
        super().__init__(widget, layout)
        self._events = events
        self.read_only = False
        self._said = ("", "")
        """The name and description last given (`describe`)."""

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for control in self._held():
            self._events.hold_still(control, read_only)
        self.describe(*self._said)

    def _held(self) -> list[QWidget]:
        """What keys and clicks reach to change the answer."""
        return self.controls()

    def describe(self, name: str, description: str) -> None:
        self._said = (name, description)
        self._describe(name, description)

    def _describe(self, name: str, description: str) -> None:
        raise NotImplementedError

    def _read_only_note(self) -> str:
        return QCoreApplication.translate("ChoiceInputs", "Read-only.") if self.read_only else ""


class ChoiceCombo(_Choices):
    """Single choice from a list; the first entry means 'not answered'. Where choices
    have hints, the chosen one's hint is shown under the list and read out with it, and
    each is read out with its entry in the open list."""

    reveals_on_edit = True

    def __init__(
        self,
        options: Options,
        events: InputEvents,
        parent: QWidget | None = None,
        hints: Hints | None = None,
    ) -> None:
        self.combo = QComboBox(parent)
        # As wide as the page gives it, not as its longest choice: that would make a
        # narrow page scroll sideways. Its open list is as wide as the choices need.
        self.combo.setSizeAdjustPolicy(ADJUST_TO_SHORTEST)
        self.combo.setMinimumContentsLength(COMBO_SHORTEST)
        self._values: list[str | None] = [None, *(value for value, _ in options)]
        self._hints = [""] + [(hints or {}).get(value, "") for value, _ in options]
        self._hint: QLabel | None = None
        self._description = ""
        self._shown = True
        layout = None
        if any(self._hints):
            self._hint = QLabel(parent)
            self._hint.setObjectName("choiceHint")
            self._hint.setWordWrap(True)
            self._hint.hide()
            layout = QVBoxLayout()
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.combo)
            layout.addWidget(self._hint)
        super().__init__(self.combo, events, layout)
        self.combo.addItems(
            [
                QCoreApplication.translate("ChoiceInputs", "Not answered"),
                *(label for _, label in options),
            ]
        )
        for index, hint in enumerate(self._hints):
            if hint:
                self.combo.setItemData(index, hint, Qt.ItemDataRole.ToolTipRole)
                self.combo.setItemData(index, hint, Qt.ItemDataRole.AccessibleDescriptionRole)
        self.combo.currentIndexChanged.connect(handler(self, ChoiceCombo._picked))
        events.wheel_only_with_focus(self.combo)  # once built: its own parts are no concern

    def _picked(self, index: int) -> None:
        if index >= 0:
            self._show_hint()
            self._on_edit(self._values[index])
            self._on_done()

    def _show(self, value: object) -> None:
        blocked = self.combo.blockSignals(True)  # showing is not an edit
        try:
            self.combo.setCurrentIndex(self._values.index(value) if value in self._values else 0)
        finally:
            self.combo.blockSignals(blocked)
        self._show_hint()

    def _in_controls(self) -> object:
        return self._values[max(self.combo.currentIndex(), 0)]

    def widgets(self) -> list[QWidget]:
        return [self.combo] if self._hint is None else [self.combo, self._hint]

    def set_visible(self, visible: bool) -> None:
        self._shown = visible
        self.combo.setVisible(visible)
        self._show_hint()

    def _describe(self, name: str, description: str) -> None:
        self.combo.setAccessibleName(name)
        self._description = description
        self._show_hint()

    def _chosen_hint(self) -> str:
        index = self.combo.currentIndex()
        return self._hints[index] if 0 <= index < len(self._hints) else ""

    def _show_hint(self) -> None:
        hint = self._chosen_hint()
        parts = (hint, self._description, self._read_only_note())
        self.combo.setAccessibleDescription(" ".join(part for part in parts if part))
        if self._hint is not None:
            as_written(self._hint, hint)
            self._hint.setVisible(self._shown and bool(hint))


class RadioChoice(_Choices):
    """Yes/no and scale points side by side; arrow keys move between them, and Delete or
    Backspace clears the answer, so a mistaken answer can be undone.

    The buttons are the only radio buttons in their box, so they exclude each other
    without a button group. Tab stops at the chosen button (the first while none is):
    on any other, a screen reader would say "not checked" of an answered question, and
    Space, the key for choosing, would change the answer."""

    reveals_on_edit = True

    def __init__(
        self, options: Options, events: InputEvents, parent: QWidget | None = None
    ) -> None:
        self.box = choice_group(parent)
        super().__init__(self.box, events)
        layout = OptionColumns(self.box, max(1, len(options)), across=True)
        self._values = [value for value, _ in options]
        self._buttons: list[QRadioButton] = []
        for index, (_, label) in enumerate(options):
            button = WrappingRadioButton(literal(label), self.box)
            button.setAccessibleName(label)
            # Not `clicked`: a screen reader's Toggle checks a button without a click.
            button.toggled.connect(partial(RadioChoice._picked, self, index))
            self._buttons.append(button)
            layout.add_option(button)
        events.arrows_in_order(list(self._buttons))  # however the row wraps, as they read
        self._stop_at(0)
        # The buttons leave Delete and Backspace to their parent, the box.
        events.on_delete_key(self.box, self, RadioChoice.clear_by_user)

    def _picked(self, index: int, checked: bool) -> None:
        if checked:  # the button it replaces reports its unchecking too
            self._stop_at(index)
            self._on_edit(self._values[index])
            self._on_done()

    def _stop_at(self, index: int) -> None:
        """Makes the button at `index` the one Tab stops at; the arrow keys reach all."""
        for at, button in enumerate(self._buttons):
            tab = Qt.FocusPolicy.StrongFocus if at == index else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != tab:
                button.setFocusPolicy(tab)

    def clear_by_user(self) -> None:
        if not any(button.isChecked() for button in self._buttons):
            return
        self._uncheck()
        self._on_edit(None)
        self._on_done()

    def _uncheck(self) -> None:
        self._stop_at(0)
        for button in self._buttons:
            if button.isChecked():
                blocked = button.blockSignals(True)  # unchecking is said by the caller
                button.setAutoExclusive(False)  # an exclusive button cannot be unchecked
                button.setChecked(False)
                button.setAutoExclusive(True)
                button.blockSignals(blocked)

    def _in_controls(self) -> object:
        return next(
            (v for v, b in zip(self._values, self._buttons, strict=True) if b.isChecked()), None
        )

    def _show(self, value: object) -> None:
        key = None if value is None else str(value)  # scale points arrive as numbers
        if key not in self._values:
            self._uncheck()
            return
        blocked = [button.blockSignals(True) for button in self._buttons]  # showing: no edit
        try:
            self._buttons[self._values.index(key)].setChecked(True)
            self._stop_at(self._values.index(key))
        finally:
            for button, was in zip(self._buttons, blocked, strict=True):
                button.blockSignals(was)

    def controls(self) -> list[QWidget]:
        return list(self._buttons)

    def _held(self) -> list[QWidget]:
        return [*self._buttons, self.box]  # the box takes Delete, to clear the answer

    def _describe(self, name: str, description: str) -> None:
        self.box.setAccessibleName(name)
        hint = self._read_only_note() or QCoreApplication.translate(
            "ChoiceInputs", "Press Delete to clear the answer."
        )
        for button in self._buttons:
            button.setAccessibleDescription(" ".join(p for p in (name, description, hint) if p))


class CheckList(_Choices):
    """Multiple choice as tick boxes in the question's box, down as many columns as fit
    (`OptionColumns`), in the form's order. A choice's hint (what a risk indicator looks
    like, say) is shown under its tick box, in line with its label, and is read out with
    it."""

    reveals_on_edit = True

    def __init__(
        self,
        options: Options,
        events: InputEvents,
        parent: QWidget | None = None,
        hints: Hints | None = None,
    ) -> None:
        self._values = [value for value, _ in options]
        self._boxes: list[QCheckBox] = []
        self._hints: list[str] = []
        self._hint_labels: list[QLabel] = []
        self.group = choice_group(parent)
        layout = OptionColumns(self.group, CHECK_COLUMNS)
        ticked = handler(self, CheckList._ticked)
        for value, label in options:
            box = WrappingCheckBox(literal(label), self.group)
            box.setAccessibleName(label)
            # Not in a QButtonGroup: grouped buttons share one tab stop, tick boxes must not.
            box.toggled.connect(ticked)  # not `clicked`: a screen reader's Toggle is none
            self._boxes.append(box)
            hint = (hints or {}).get(value, "")
            self._hints.append(hint)
            layout.add_option(box, self._hint_label(box, hint, self.group) if hint else None)
        super().__init__(self.group, events)

    def _hint_label(self, box: QCheckBox, hint: str, parent: QWidget | None) -> QLabel:
        shown = QLabel(parent)
        as_written(shown, hint)
        shown.setObjectName("choiceHint")
        shown.setWordWrap(True)
        style = box.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
        indent += style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, box)
        shown.setContentsMargins(indent, 0, 0, 0)
        self._hint_labels.append(shown)
        return shown

    def _ticked(self, _checked: bool = False) -> None:
        self._on_edit(
            tuple(v for v, box in zip(self._values, self._boxes, strict=True) if box.isChecked())
        )
        self._on_done()

    def _show(self, value: object) -> None:
        chosen = set(value) if isinstance(value, tuple | list) else set()
        for choice, box in zip(self._values, self._boxes, strict=True):
            blocked = box.blockSignals(True)  # showing is not an edit
            box.setChecked(choice in chosen)
            box.blockSignals(blocked)

    def _in_controls(self) -> object:
        return tuple(v for v, box in zip(self._values, self._boxes, strict=True) if box.isChecked())

    def controls(self) -> list[QWidget]:
        return list(self._boxes)

    def widgets(self) -> list[QWidget]:
        return [self.group, *self._boxes, *self._hint_labels]

    def set_visible(self, visible: bool) -> None:
        self.group.setVisible(visible)  # its boxes and hints with it

    def _describe(self, name: str, description: str) -> None:
        self.group.setAccessibleName(name)
        note = self._read_only_note()
        for box, hint in zip(self._boxes, self._hints, strict=True):
            box.setAccessibleDescription(" ".join(p for p in (hint, name, description, note) if p))
