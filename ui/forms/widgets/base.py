"""What the renderer needs of every input, whatever the question type.

Inputs are thin: they show a value, hand each user edit to the renderer (which passes it
to the form session, the only place answers are judged), and list their focusable
controls in order so the tab chain follows the form. Programmatic `show_value` never
reports an edit. What a widget keeps to call its input back holds the input weakly (the
input holds the widget), so a closed form is freed as soon as it is dropped rather than
whenever the cycle collector runs.

An input is a plain object holding stock Qt widgets, not a subclass of one: a form
opens with hundreds of inputs, and every instance of a Python subclass of a Qt widget
costs PySide a search for overridden methods each time Qt calls a virtual one. The few
events an input needs beyond signals (focus leaving a long text, Delete on a radio
button, keys that would wipe a masked answer) reach it through one shared `InputEvents`
filter.

Widgets are made by calling their classes. Most of what that costs is PySide setting up
an object per signal on the new wrapper; Qt's UI loader (`QUiLoader.createWidget`) makes
the same widgets for about half, but PySide then hands back whatever wrapper it already
holds for the new widget's address, and a wrapper left behind by a deleted layout item
came back in place of a tick box. A form that opens a little faster is not worth that.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date, datetime, time
from functools import partial
from typing import Any, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLayout, QLineEdit, QWidget

from rhi_desktop.forms import InvalidAnswer, decimal_text
from ui.uk_formats import format_uk_date, format_uk_datetime, format_uk_time

Owner = TypeVar("Owner")
Params = ParamSpec("Params")

EditSink = Callable[[object], None]
DoneSink = Callable[[], None]


def handler(
    owner: Owner, function: Callable[Concatenate[Owner, Params], None]
) -> Callable[Params, None]:
    """`owner.function` as a plain callable to connect a signal to.

    The connection holds the owner (an input) for as long as the sending widget lives,
    and goes when the widget's C++ object is destroyed, releasing the owner with it.
    """
    return partial(function, owner)


_STILL_THERE = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
"""Why a control loses the focus without the person moving on from it: another window
came to the front (to copy a date from their notes), or a menu opened over it."""


def went_to_another_window(widget: QWidget) -> bool:
    """Whether `widget` lost the focus only as its window stopped being the active one:
    the person has not moved on from the answer, which is theirs to finish on coming
    back."""
    return not widget.isActiveWindow() and widget.window().focusWidget() is widget


class _FinishOnLeaving(QObject):
    """Finishes an answer left only for another window once the focus leaves it within its
    own: Qt counted going to the other window as finishing it (`editingFinished`), and
    does not count leaving it later unless it was typed into meanwhile."""

    def __init__(self, widget: QWidget, finish: Callable[[], None]) -> None:
        super().__init__(widget)  # goes with the widget
        self._finish = finish
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() is QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() not in _STILL_THERE
        ):
            watched.removeEventFilter(self)
            self.setParent(None)  # released with this call: finished once
            self._finish()
        return False


def finish_on_leaving(widget: QWidget, finish: Callable[[], None]) -> bool:
    """If `widget` was left only for another window, have `finish` called once the focus
    leaves it within its own, and say so (True): the caller does not finish it now."""
    if not went_to_another_window(widget):
        return False
    finish_when_left(widget, finish)
    return True


def finish_when_left(widget: QWidget, finish: Callable[[], None]) -> None:
    """Have `finish` called once, when the focus next leaves `widget` within its window
    (whether or not it was typed into meanwhile, which `editingFinished` needs)."""
    if widget.findChild(_FinishOnLeaving, "", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        _FinishOnLeaving(widget, finish)


def _ignore_edit(value: object) -> None:
    """Until the renderer binds the input, edits go nowhere."""


def _ignore_done() -> None:
    """Until the renderer binds the input, finishing goes nowhere."""


FOCUS_OUT_SINK = "_answer_focus_out"
DELETE_KEY_SINK = "_answer_delete_key"
WHEEL_NEEDS_FOCUS = "_answer_wheel_needs_focus"
MASK_GUARD = "_answer_mask_guard"
HELD_STILL = "_answer_held_still"
ARROWS_IN_ORDER = "_answer_arrows_in_order"
_ARROW_STEPS = {
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
}

_CHANGING = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)
"""What can change a choice's answer from the keyboard or the mouse."""
_CLICKS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    }
)
_MOVING_ON = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

WIPING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.DeleteCompleteLine,
)
"""Editing keys that, in password echo, act on the whole hidden text."""


class _WeakSink:
    """`function(owner)` for as long as the owner lives, without keeping it alive: the
    owner (an input) holds the widget this is kept on."""

    __slots__ = ("_function", "_owner")

    def __init__(self, owner: Owner, function: Callable[[Owner], None]) -> None:
        self._owner = weakref.ref(owner)
        self._function: Callable[[Any], None] = function

    def __call__(self) -> None:
        owner = self._owner()
        if owner is not None:
            self._function(owner)


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab stops at `widget`: of a question's radio buttons, only the chosen one."""
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


class InputEvents(QObject):
    """The events inputs watch for that Qt has no signal for, for all of a form's inputs.

    One filter serves every watched widget; what to call is kept on the widget's own
    Python wrapper, so it goes when the widget does.
    """

    def on_focus_out(
        self, widget: QWidget, owner: Owner, function: Callable[[Owner], None]
    ) -> None:
        """`function(owner)` is called after `widget` has lost the keyboard focus."""
        setattr(widget, FOCUS_OUT_SINK, _WeakSink(owner, function))
        widget.installEventFilter(self)

    def on_delete_key(
        self, widget: QWidget, owner: Owner, function: Callable[[Owner], None]
    ) -> None:
        """`function(owner)` is called, instead of anything else, when Delete or Backspace
        reaches `widget` (its children pass on the keys they do not use)."""
        setattr(widget, DELETE_KEY_SINK, _WeakSink(owner, function))
        widget.installEventFilter(self)

    def guard_while_masked(self, line: QLineEdit) -> None:
        """`WIPING_KEYS` do nothing in `line` while it shows password echo: there, Undo
        empties it without reporting an edit, deleting a word deletes all before the
        cursor, and Cut deletes without copying. Nor is its text selected as Tab reaches
        it, as Qt selects a line's text: the next key typed would replace the young
        person's whole answer, unseen behind the dots."""
        setattr(line, MASK_GUARD, True)
        line.installEventFilter(self)

    def arrows_in_order(self, buttons: list[QAbstractButton]) -> None:
        """The arrow keys move between `buttons` (a scale's points, Yes and No) in their
        order, choosing as they go, as Qt's do: Right and Down to the next, Left and Up
        to the one before. Qt moves by where buttons sit on the screen, and a scale laid
        out down one column (a narrow window, large text) took no Left or Right at all."""
        for button in buttons:
            setattr(button, ARROWS_IN_ORDER, buttons)
            button.installEventFilter(self)

    def hold_still(self, widget: QWidget, held: bool) -> None:
        """While `held`, neither keys nor the mouse change `widget`'s answer, but it can
        still take the focus (a click or Tab gives it), so a read-only answer is reached
        and read out, as a disabled control would not be."""
        setattr(widget, HELD_STILL, held)
        if held:
            widget.installEventFilter(self)

    def wheel_only_with_focus(self, widget: QWidget) -> None:
        """The mouse wheel changes `widget`'s answer only once it has the focus: turned
        over it while scrolling the page, the wheel scrolls the page. (A drop-down that
        takes the wheel unasked can change an answer that hides whole sections.)"""
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not focus it
        setattr(widget, WHEEL_NEEDS_FOCUS, True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _CHANGING and getattr(watched, HELD_STILL, False):
            return _held_still(watched, event)
        if kind is QEvent.Type.Wheel:
            if getattr(watched, WHEEL_NEEDS_FOCUS, False) and not _has_focus(watched):
                event.ignore()  # passed on to the page, which scrolls
                return True
        elif kind is QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            sink: _WeakSink | None = getattr(watched, FOCUS_OUT_SINK, None)
            if sink is not None and event.reason() not in _STILL_THERE:
                sink()
        elif kind is QEvent.Type.FocusIn and _masked(watched):
            assert isinstance(watched, QLineEdit)
            watched.event(event)  # Qt's own handling first: it selects the text on Tab
            watched.deselect()
            watched.end(False)
            return True
        elif kind is QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return _wipes_masked(watched, event)
        elif kind is QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if _wipes_masked(watched, event) or _stepped_in_order(watched, event):
                return True
            sink = getattr(watched, DELETE_KEY_SINK, None)
            if sink is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                sink()
                return True
        return False


def _held_still(watched: QObject, event: QEvent) -> bool:
    """Whether to keep `event` from a control held still: all but Tab, which moves on.
    Keys and the wheel go on to the page instead, which scrolls on Page Down or the
    wheel as it does over any text; a click is taken, though it gives the focus, as it
    would have."""
    if isinstance(event, QKeyEvent) and event.key() in _MOVING_ON:
        return False
    if event.type() in _CLICKS:
        if event.type() is QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            _focus_on_click(watched)
        event.accept()
    else:
        event.ignore()  # passed on to the widget it sits in
    return True


def _focus_on_click(widget: QWidget) -> None:
    if widget.focusPolicy() & Qt.FocusPolicy.ClickFocus:
        widget.setFocus(Qt.FocusReason.MouseFocusReason)


def _stepped_in_order(watched: QObject, event: QKeyEvent) -> bool:
    """Whether an arrow key moved the focus (and the choice) to the next or the previous
    of `watched`'s buttons in their order (`arrows_in_order`)."""
    order: list[QAbstractButton] | None = getattr(watched, ARROWS_IN_ORDER, None)
    step = _ARROW_STEPS.get(Qt.Key(event.key()))
    if order is None or step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    assert isinstance(watched, QAbstractButton)
    across = event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
    if across and watched.layoutDirection() is Qt.LayoutDirection.RightToLeft:
        step = -step  # read from the right: Left goes on
    index = order.index(watched) + step
    if 0 <= index < len(order):
        target = order[index]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.click()
    event.accept()
    return True


def _masked(watched: QObject) -> bool:
    """Whether `watched` is a guarded line showing password echo."""
    if not (getattr(watched, MASK_GUARD, False) and isinstance(watched, QLineEdit)):
        return False
    return watched.echoMode() is not QLineEdit.EchoMode.Normal


def _wipes_masked(watched: QObject, event: QKeyEvent) -> bool:
    """Whether `event` is a wiping key in a guarded line showing password echo (it is then
    taken here, so that no shortcut elsewhere acts on it either)."""
    if not _masked(watched):
        return False
    if not any(event.matches(key) for key in WIPING_KEYS):
        return False
    event.accept()
    return True


def _has_focus(watched: QObject) -> bool:
    return isinstance(watched, QWidget) and watched.hasFocus()


class AnswerInput:
    """One question's input: `part()` is what its page lays out, either one widget or,
    for inputs of several widgets side by side, a layout holding them (`widgets()`)
    with no container widget of its own."""

    reveals_on_edit = False
    """True where an edit is a finished answer (a click), not part of one (a keystroke)."""

    def __init__(self, widget: QWidget, layout: QLayout | None = None) -> None:
        self._widget = widget
        self._layout = layout
        self._on_edit: EditSink = _ignore_edit
        self._on_done: DoneSink = _ignore_done

    def bind(self, on_edit: EditSink, on_done: DoneSink) -> None:
        self._on_edit = on_edit
        self._on_done = on_done

    def widget(self) -> QWidget:
        """The input's first widget (the only one, unless it is laid out in a layout)."""
        return self._widget

    def part(self) -> QWidget | QLayout:
        """What the page lays out: the widget, or the layout of the input's widgets."""
        return self._widget if self._layout is None else self._layout

    def widgets(self) -> list[QWidget]:
        """Every widget of the input, in reading order."""
        return [self._widget]

    def set_visible(self, visible: bool) -> None:
        for widget in self.widgets():
            widget.setVisible(visible)

    def is_hidden(self) -> bool:
        return self._widget.isHidden()

    def show_value(self, value: object) -> None:
        """Show a stored answer (an AnswerValue, an InvalidAnswer, or None)."""
        raise NotImplementedError

    def controls(self) -> list[QWidget]:
        """The focusable controls, in tab order."""
        return [self._widget]

    def describe(self, name: str, description: str) -> None:
        """Accessible name (the question's label) and description (its hint)."""
        for control in self.controls():
            control.setAccessibleName(name)
            control.setAccessibleDescription(description)

    def set_read_only(self, read_only: bool) -> None:
        for control in self.controls():
            control.setEnabled(not read_only)

    def problem(self) -> str | None:
        """This input's own wording of why the current text is not an answer, if it has one."""
        return None

    def spoken_format(self) -> str:
        """What shape of answer to type, said to a screen reader while no message is, where
        the input wants one: a placeholder is read out only without a description."""
        return ""

    def maskable_lines(self) -> list[QLineEdit]:
        """Line edits that can hide a sensitive answer behind password echo."""
        return []

    def withhold(self, withheld: bool) -> None:
        """Keep the answer out of the input while a cover hides it (True), so nothing can
        read it there, assistive technology included; put it back (False). Inputs whose
        answer is masked where it is shown (line edits) have nothing to withhold."""

    def holds_answer(self) -> bool:
        """Whether the input holds anything a cover would hide (withheld or not). Inputs
        that cannot tell say they do."""
        return True

    def forget_edits(self) -> None:
        """Let go of any undo history the input keeps of earlier text (a cover left open
        over an emptied answer must not let Undo bring the words back on screen)."""


_SHOWN = object()
"""What a `WithheldInput` holds back while nothing is: the answer is in the input."""


class WithheldInput(AnswerInput):
    """An input whose answer can be read in its controls, so it is kept out of them
    while a cover hides it: they show nothing, answers shown meanwhile are kept here,
    and the last comes back when the cover is lifted."""

    _withheld: object = _SHOWN

    def show_value(self, value: object) -> None:
        if self._withheld is _SHOWN:
            self._show(value)
        else:
            self._withheld = value

    def withhold(self, withheld: bool) -> None:
        if withheld and self._withheld is _SHOWN:
            self._withheld = self._in_controls()
            self._show(None)
        elif not withheld and self._withheld is not _SHOWN:
            value, self._withheld = self._withheld, _SHOWN
            self._show(value)

    def holds_answer(self) -> bool:
        value = self._in_controls() if self._withheld is _SHOWN else self._withheld
        return not (value is None or value == "" or (isinstance(value, tuple | list) and not value))

    def _show(self, value: object) -> None:
        """Put `value` in the controls, as no edit."""
        raise NotImplementedError

    def _in_controls(self) -> object:
        """The answer the controls hold."""
        raise NotImplementedError


def shown_text(value: object) -> str:
    """A stored answer as plain text in an input (what was typed, for invalid input), as
    typed into one: a decimal in figures, a date, time or date and time as in the UK, in
    London time."""
    if value is None:
        return ""
    if isinstance(value, InvalidAnswer):
        return value.raw if isinstance(value.raw, str) else ""
    if isinstance(value, float):
        return decimal_text(value)
    if isinstance(value, datetime):
        return format_uk_datetime(value)
    if isinstance(value, date):
        return format_uk_date(value)
    if isinstance(value, time):
        return format_uk_time(value)
    return str(value)
