"""Which input each question type gets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rhi_desktop.forms import FieldInfo, Form, QuestionType
from ui.forms.uk_input import UkDateInput, UkDateTimeInput, UkTimeInput
from ui.forms.widgets.base import AnswerInput, InputEvents
from ui.forms.widgets.choice import CheckList, ChoiceCombo, Hints, Options, RadioChoice
from ui.forms.widgets.location import LocationInput
from ui.forms.widgets.text import CalculatedInput, LineInput, LongTextInput

Q = QuestionType


def _options(form: Form, info: FieldInfo, language: str | None) -> Options:
    question = info.question
    if question.type is Q.YES_NO:
        return [
            ("yes", QCoreApplication.translate("ChoiceInputs", "Yes")),
            ("no", QCoreApplication.translate("ChoiceInputs", "No")),
        ]
    if question.type is Q.SCALE:
        assert question.scale is not None
        labels = question.scale.labels
        return [
            (
                str(point),
                f"{point} {form.text(labels[point], language)}" if point in labels else str(point),
            )
            for point in range(question.scale.min, question.scale.max + 1)
        ]
    assert question.choices is not None
    return [
        (choice.value, form.text(choice.label, language))
        for choice in form.definition.choice_lists[question.choices]
    ]


def _hints(form: Form, info: FieldInfo, language: str | None) -> Hints:
    name = info.question.choices
    if name is None:
        return {}
    return {
        choice.value: form.text(choice.hint, language)
        for choice in form.definition.choice_lists[name]
        if choice.hint is not None
    }


class InputFactory:
    """Makes the inputs of one form, working each question's options out once (every row
    of a repeat group asks for the same ones)."""

    def __init__(self, form: Form, language: str | None, events: InputEvents) -> None:
        self._form = form
        self._language = language
        self._events = events
        self._options: dict[str, tuple[Options, Hints]] = {}

    def options(self, info: FieldInfo) -> tuple[Options, Hints]:
        found = self._options.get(info.id)
        if found is None:
            found = self._options[info.id] = (
                _options(self._form, info, self._language),
                _hints(self._form, info, self._language),
            )
        return found

    def make(self, info: FieldInfo, parent: QWidget | None = None) -> AnswerInput | None:
        """None for notes and repeat groups, which take no answer of their own."""
        kind = info.question.type
        if kind in (Q.NOTE, Q.REPEAT):
            return None
        if kind in (Q.SINGLE_CHOICE, Q.MULTIPLE_CHOICE, Q.YES_NO, Q.SCALE) and not info.calculated:
            options, hints = self.options(info)
            return _choice_input(kind, options, hints, self._events, parent)
        return make_input(self._form, info, self._language, self._events, parent)


def _choice_input(
    kind: QuestionType,
    options: Options,
    hints: Hints,
    events: InputEvents,
    parent: QWidget | None,
) -> AnswerInput:
    if kind is Q.SINGLE_CHOICE:
        return ChoiceCombo(options, events, parent, hints)
    if kind is Q.MULTIPLE_CHOICE:
        return CheckList(options, events, parent, hints)
    return RadioChoice(options, events, parent)  # yes/no and scale


def make_input(
    form: Form,
    info: FieldInfo,
    language: str | None,
    events: InputEvents,
    parent: QWidget | None = None,
) -> AnswerInput | None:
    """None for notes and repeat groups, which take no answer of their own."""
    kind = info.question.type
    if kind in (Q.NOTE, Q.REPEAT):
        return None
    if info.calculated:
        return CalculatedInput(parent)
    if kind in (Q.TEXT, Q.INTEGER, Q.DECIMAL):
        return LineInput(parent)
    if kind is Q.LONG_TEXT:
        return LongTextInput(events, parent)
    if kind is Q.DATE:
        return UkDateInput(parent)
    if kind is Q.TIME:
        return UkTimeInput(parent)
    if kind is Q.DATETIME:
        return UkDateTimeInput(parent)
    if kind is Q.LOCATION:
        return LocationInput(parent)
    return _choice_input(
        kind, _options(form, info, language), _hints(form, info, language), events, parent
    )
