"""What the renderer needs of every input, whatever the question type.

Inputs are thin: they show a value, hand each user edit to the renderer (which passes it
to the form session, the only place answers are judged), and list their focusable
controls in order so the tab chain follows the form. Programmatic `show_value` never
reports an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtWidgets import QLineEdit, QWidget

from rhi_desktop.forms import InvalidAnswer

Owner = TypeVar("Owner")
Params = ParamSpec("Params")

EditSink = Callable[[object], None]
DoneSink = Callable[[], None]


def handler(
    owner: Owner, function: Callable[Concatenate[Owner, Params], None]
) -> Callable[Params, None]:
    """`owner.function` as a plain callable to connect a signal to.

    Connecting a bound method of a Python QObject subclass sends PySide searching the
    class for slot declarations, several times slower per connection than a plain
    callable; a form connects hundreds of inputs as it opens. The connection goes when
    the owner's C++ object is destroyed, releasing the owner with it.
    """
    return partial(function, owner)


def _ignore_edit(value: object) -> None:
    """Until the renderer binds the input, edits go nowhere."""


def _ignore_done() -> None:
    """Until the renderer binds the input, finishing goes nowhere."""


class AnswerInput:
    """Mixed into each input widget class (after its Qt base)."""

    _on_edit: EditSink = staticmethod(_ignore_edit)
    _on_done: DoneSink = staticmethod(_ignore_done)
    reveals_on_edit = False
    """True where an edit is a finished answer (a click), not part of one (a keystroke)."""

    def bind(self, on_edit: EditSink, on_done: DoneSink) -> None:
        self._on_edit = on_edit
        self._on_done = on_done

    def widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def show_value(self, value: object) -> None:
        """Show a stored answer (an AnswerValue, an InvalidAnswer, or None)."""
        raise NotImplementedError

    def controls(self) -> list[QWidget]:
        """The focusable controls, in tab order."""
        return [self.widget()]

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

    def maskable_lines(self) -> list[QLineEdit]:
        """Line edits that can hide a sensitive answer behind password echo."""
        return []


def shown_text(value: object) -> str:
    """A stored answer as plain text in an input (what was typed, for invalid input)."""
    if value is None:
        return ""
    if isinstance(value, InvalidAnswer):
        return value.raw if isinstance(value.raw, str) else ""
    return str(value)
