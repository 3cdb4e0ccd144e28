"""Keys and focus changes that inputs act on without a Qt signal of their own: Delete
clears a radio answer, and leaving a long answer counts as finishing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QRadioButton, QWidget

from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import FormRenderer


def _accepted(renderer: FormRenderer, keyboard: Keyboard) -> None:
    """The offer accepted: the questions about consulting the young person appear."""
    (combo,) = renderer.field_view("offer_outcome").controls()
    assert isinstance(combo, QComboBox)
    keyboard.choose(combo, "Accepted")


def test_delete_clears_a_radio_answer_and_the_questions_it_showed(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    renderer = open_editor().renderer
    session = renderer.session
    _accepted(renderer, keyboard)
    buttons = renderer.field_view("child_consulted").controls()
    keyboard.pick_radio(buttons, 1)  # No
    assert session.answer("child_consulted") == "no"
    assert renderer.field_view("not_consulted_reason").shown_within(renderer)
    keyboard.press(Qt.Key.Key_Delete)
    assert session.answer("child_consulted") is None
    assert not any(b.isChecked() for b in buttons if isinstance(b, QRadioButton))
    assert not renderer.field_view("not_consulted_reason").shown_within(renderer)
    keyboard.press(Qt.Key.Key_Right)  # the group still works by arrow keys afterwards
    keyboard.press(Qt.Key.Key_Space)
    assert session.answer("child_consulted") in ("yes", "no")


def test_leaving_a_long_answer_emptied_asks_for_it(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    renderer = open_editor().renderer
    _accepted(renderer, keyboard)
    keyboard.pick_radio(renderer.field_view("child_consulted").controls(), 1)  # No
    reason = renderer.field_view("not_consulted_reason")
    (box,) = reason.controls()
    assert isinstance(box, QPlainTextEdit)
    keyboard.fill(box, "x")
    keyboard.press(Qt.Key.Key_Backspace)
    assert reason.message == ""  # nothing said while typing
    keyboard.tab_out()
    assert keyboard.focus() is not box
    assert reason.message == "This question needs an answer."
    assert reason.message in box.accessibleDescription()


def _wheel(widget: QWidget, notches: int) -> None:
    """The mouse wheel turned over the middle of `widget` (down for negative notches)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_a_drop_down_it_was_not_meant_for(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """Scrolling the page over the offer's outcome changed it, and the sections the
    new outcome does not need lost their answers. A drop-down takes the wheel only once
    the interviewer has chosen it."""
    renderer = open_editor().renderer
    session = renderer.session
    _accepted(renderer, keyboard)
    (combo,) = renderer.field_view("offer_outcome").controls()
    keyboard.tab_out()
    assert not combo.hasFocus()

    _wheel(combo, -1)

    assert session.answer("offer_outcome") == "accepted"
    assert not combo.hasFocus()  # nor did the wheel give it the focus
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    _wheel(combo, -1)  # chosen, it takes the wheel as a drop-down should
    assert session.answer("offer_outcome") != "accepted"
