"""One input per question type; `make_input` picks the right one."""

from ui.forms.widgets.base import AnswerInput, InputEvents
from ui.forms.widgets.factory import InputFactory, make_input

__all__ = ["AnswerInput", "InputEvents", "InputFactory", "make_input"]
