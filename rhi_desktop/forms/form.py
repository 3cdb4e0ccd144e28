"""A checked form: the definition plus the indexes and dependency graph a session runs on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rhi_desktop.forms.answers import AnswerValue, to_json
from rhi_desktop.forms.dependencies import DependencyGraph
from rhi_desktop.forms.expressions.values import ValueType
from rhi_desktop.forms.model import FormDefinition, Question, QuestionType, Section, text_of

VALUE_TYPES: dict[QuestionType, ValueType | None] = {
    QuestionType.TEXT: ValueType.TEXT,
    QuestionType.LONG_TEXT: ValueType.TEXT,
    QuestionType.YES_NO: ValueType.TEXT,
    QuestionType.SINGLE_CHOICE: ValueType.TEXT,
    QuestionType.INTEGER: ValueType.NUMBER,
    QuestionType.DECIMAL: ValueType.NUMBER,
    QuestionType.SCALE: ValueType.NUMBER,
    QuestionType.DATE: ValueType.DATE,
    QuestionType.DATETIME: ValueType.DATETIME,
    QuestionType.TIME: ValueType.TIME,
    QuestionType.MULTIPLE_CHOICE: ValueType.CHOICES,
    QuestionType.LOCATION: ValueType.LOCATION,
    QuestionType.REPEAT: ValueType.ROWS,
    QuestionType.NOTE: None,
}
"""How each question type reads in expressions (a note has no value)."""


@dataclass(frozen=True, slots=True)
class FieldInfo:
    question: Question
    path: str
    """Where it is in the definition, e.g. `sections[3].questions[2]`."""
    section_id: str
    repeat_id: str | None
    """The repeat group whose rows hold this question, if any."""
    value_type: ValueType | None
    choices: tuple[str, ...] | None
    """Allowed values, in list order, for yes/no and choice questions."""
    sensitive: bool = False
    """Its answer is covered until asked for: the question is marked sensitive, or it is
    in the rows of a repeat group that is (the loader says which)."""
    id: str = field(init=False, compare=False, repr=False)
    """The question's id."""
    calculated: bool = field(init=False, compare=False, repr=False)
    """True for questions whose value the form works out."""
    answerable: bool = field(init=False, compare=False, repr=False)
    """True for questions the interviewer types an answer into."""

    def __post_init__(self) -> None:
        # Read for every question and row whenever a session evaluates, so worked out once.
        question = self.question
        calculated = question.calculation is not None
        takes_none = question.type in (QuestionType.NOTE, QuestionType.REPEAT)
        answerable = not calculated and not takes_none
        object.__setattr__(self, "id", question.id)
        object.__setattr__(self, "calculated", calculated)
        object.__setattr__(self, "answerable", answerable)
        object.__setattr__(self, "sensitive", self.sensitive or question.sensitive)


@dataclass(frozen=True, slots=True)
class SectionInfo:
    section: Section
    path: str
    question_ids: tuple[str, ...]
    """Every question in the section, repeat children included, in form order."""


@dataclass(frozen=True)
class Form:
    """Build with `load_form`: holding one means every check in `loader` passed."""

    definition: FormDefinition
    fields: Mapping[str, FieldInfo]
    sections: Mapping[str, SectionInfo]
    graph: DependencyGraph
    defaults: Mapping[str, AnswerValue]

    @property
    def form_id(self) -> str:
        return self.definition.form_id

    @property
    def version(self) -> int:
        return self.definition.version

    @property
    def default_language(self) -> str | None:
        languages = self.definition.languages
        return languages[0] if languages else None

    def language_for(self, tag: str | None) -> str | None:
        """The form's language for someone reading in `tag` (a BCP 47 tag such as the
        app's "cy-GB"): the same tag, else the same language ("cy"), else the default."""
        languages = self.definition.languages or []
        if tag:
            wanted = tag.replace("_", "-").casefold()
            for language in languages:
                if language.casefold() == wanted:
                    return language
            primary = wanted.split("-")[0]
            for language in languages:
                if language.casefold().split("-")[0] == primary:
                    return language
        return self.default_language

    def field(self, question_id: str) -> FieldInfo:
        """Raises KeyError naming the unknown id (ids are not personal data)."""
        try:
            return self.fields[question_id]
        except KeyError:
            raise KeyError(
                f"form {self.form_id} v{self.version} has no question {question_id!r}"
            ) from None

    def text(self, label: str | dict[str, str], language: str | None = None) -> str:
        """`label` in `language`; where it has none, in the form's default language (which
        the loader makes every text have), not whichever the text happens to list first."""
        if isinstance(label, dict) and language not in label:
            language = self.default_language
        return text_of(label, language)

    def starting_answers(self) -> dict[str, Any]:
        """What a new interview on this form starts with: the defaults of its questions
        outside repeat groups, JSON-ready (a row's defaults come with the row)."""
        return {
            question_id: to_json(value)
            for question_id, value in self.defaults.items()
            if self.fields[question_id].repeat_id is None
        }

    def repeat_children(self, repeat_id: str) -> tuple[str, ...]:
        return tuple(info.id for info in self.fields.values() if info.repeat_id == repeat_id)
