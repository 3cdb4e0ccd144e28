"""Driving the form by keyboard only, as an interviewer without a mouse would.

`qtbot.keyClicks` aborts the process on non-ASCII text with current Qt, so text is
typed as one QKeyEvent per character carrying that character.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget

from ui.forms.renderer import FormRenderer

TAB_LIMIT = 120


def _key_for(character: str) -> int:
    if character == " ":
        return int(Qt.Key.Key_Space.value)
    if character.isascii() and character.isprintable():
        return ord(character.upper())
    return 0  # no key of its own: the text carries the character


class Keyboard:
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focus(), key, modifiers)

    def type(self, text: str) -> None:
        for character in text:
            target = self.focus()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(
                    kind, _key_for(character), Qt.KeyboardModifier.NoModifier, character
                )
                QApplication.sendEvent(target, event)

    def tab_to(self, widget: QWidget, limit: int = TAB_LIMIT) -> int:
        """Press Tab until `widget` has the focus; returns how many presses it took."""
        for presses in range(limit + 1):
            if QApplication.focusWidget() is widget:
                return presses
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.accessibleName()!r}")

    def press_select_all(self) -> None:
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    def tab_out(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def fill(self, widget: QWidget, text: str) -> None:
        self.tab_to(widget)
        self.type(text)

    def tick(self, box: QCheckBox) -> None:
        self.tab_to(box)
        self.press(Qt.Key.Key_Space)
        assert box.isChecked()

    def choose(self, combo: QComboBox, label: str) -> None:
        """Arrow down (or up) a drop-down until it shows `label`."""
        target = combo.findText(label)
        assert target >= 0, f"{label!r} is not offered"
        self.tab_to(combo)
        while combo.currentIndex() != target:
            self.press(Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)

    def pick_radio(self, buttons: list[QWidget], index: int) -> None:
        """Tab into a radio group (at its chosen button, or the first), arrow across,
        Space to choose."""
        for _ in range(TAB_LIMIT):
            if self.focus() in buttons:
                break
            self.press(Qt.Key.Key_Tab)
        at = buttons.index(self.focus())
        for _ in range(abs(index - at)):
            self.press(Qt.Key.Key_Right if index > at else Qt.Key.Key_Left)
        assert self.focus() is buttons[index]
        self.press(Qt.Key.Key_Space)

    def to_section(self, renderer: FormRenderer, section_id: str) -> None:
        """Tab to the section list and arrow down (or up) to the section."""
        order = list(renderer.session.form.sections)
        self.tab_to(renderer.navigator)
        for _ in range(len(order)):
            if renderer.current_section == section_id:
                return
            here = order.index(renderer.current_section)
            down = order.index(section_id) > here
            self.press(Qt.Key.Key_Down if down else Qt.Key.Key_Up)
        assert renderer.current_section == section_id
