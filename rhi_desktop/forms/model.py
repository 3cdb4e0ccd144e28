"""The form definition model (pydantic v2) and the source of `resources/forms/schema.json`.

Definitions are data that the service edits without a code release, so the model is
strict: unknown keys are errors, ids are plain identifiers that expressions can name, and
everything a type does not use is checked by the loader rather than silently ignored.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    WithJsonSchema,
)

from rhi_desktop.plain_text import LONE_SURROGATE

IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"
REPORT_KEY = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
CHOICE_VALUE = r"^[A-Za-z0-9_-]+$"
SCALE_POINT = r"^(0|-?[1-9][0-9]*)$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
FORM_ID = r"^[a-z][a-z0-9_-]*$"
MAX_EXPRESSION_LENGTH = 2000


def _keepable(text: str) -> str:
    """A form's text that a file and the service can keep: without half of a character
    pair (a cut-off emoji leaves one), which no device could install and the service
    could not send on to a single device once published."""
    if LONE_SURROGATE.search(text):
        raise ValueError("must not hold half of a character pair")
    if not text.strip():
        raise ValueError("must not be blank")
    return text


def _label(value: object) -> str | dict[str, str]:
    if isinstance(value, str):
        return _keepable(value)
    if (
        isinstance(value, dict)
        and value
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        return {language: _keepable(text) for language, text in value.items()}
    raise ValueError("must be text, or a mapping from language code to non-blank text")


_FIXED = {
    **dict.fromkeys(("yes", "true", "true()"), "true"),
    **dict.fromkeys(("no", "false", "false()"), "false"),
}
"""A fixed requirement written as text, as XLSForm spells it, and what to write instead."""


def _required(value: object) -> bool | str:
    """Checked as every other expression's text is: keepable, and in the loader, within
    its length."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        fixed = _FIXED.get(value.strip().strip("'\"").lower())
        if fixed is not None:  # as XLSForm spells it: "yes", true()
            raise ValueError(f"for a fixed answer write {fixed} without quotes, not {value!r}")
        return _keepable(value)  # (its length is the loader's to judge: see LATER_RULES)
    raise ValueError("must be true, false or a condition expression")


def _keepable_answer(value: Any) -> Any:
    """A default answer without half of a character pair in any of its text."""
    texts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for text in (value, *texts):
        if isinstance(text, str) and LONE_SURROGATE.search(text):
            raise ValueError("must not hold half of a character pair")
    return value


Label = Annotated[
    str | dict[str, str],
    PlainValidator(_label),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            ],
            "description": "Text, or a mapping from language code to text.",
        }
    ),
]
"""Shown text: plain, or `{language: text}` for translated forms."""

Requirement = Annotated[
    bool | str,
    PlainValidator(_required),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "minLength": 1, "maxLength": MAX_EXPRESSION_LENGTH},
            ],
            "description": "true, false, or a condition expression.",
        }
    ),
]

Identifier = Annotated[str, Field(pattern=IDENTIFIER, max_length=64)]
LanguageCode = Annotated[str, Field(pattern=LANGUAGE)]
ReportKey = Annotated[str, Field(pattern=REPORT_KEY, max_length=100)]
MAX_ROWS = 1000
"""The most rows a repeat group can be set to hold."""
MAX_VERSION = 2**31 - 1
"""A version the store and the service keep as a whole number, exactly."""
Expression = Annotated[str, Field(min_length=1, max_length=MAX_EXPRESSION_LENGTH)]


class QuestionType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"
    LOCATION = "location"
    REPEAT = "repeat"
    NOTE = "note"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One option of a choice list; `report_key` lets theme analysis count it."""

    value: Annotated[str, Field(pattern=CHOICE_VALUE, max_length=64)]
    label: Label
    hint: Label | None = None
    report_key: ReportKey | None = None


class Scale(_Strict):
    """A rating from `min` to `max`; `labels` name some points, e.g. the two ends."""

    min: StrictInt = Field(ge=-100, le=100)
    max: StrictInt = Field(ge=-100, le=100)
    labels: dict[int, Label] = Field(
        default_factory=dict,
        json_schema_extra={"propertyNames": {"pattern": SCALE_POINT}},
        description='Names of points, by the point written as a whole number, e.g. "1".',
    )


class Question(_Strict):
    """A question. Fields a type does not use must be left out (the loader says which)."""

    id: Identifier
    type: QuestionType
    label: Label
    hint: Label | None = Field(default=None, description="Guidance for the interviewer.")
    required: Requirement = False
    relevant: Expression | None = Field(default=None, description="Show only when true.")
    constraint: Expression | None = Field(
        default=None, description="Must hold for a non-empty answer; `.` is the answer."
    )
    constraint_message: Label | None = None
    sensitive: StrictBool = Field(
        default=False, description="Hidden in lists and exports unless asked for."
    )
    report_key: ReportKey | None = None
    choices: Identifier | None = Field(
        default=None, description="Name of a shared choice list (choice questions only)."
    )
    default: Annotated[Any, AfterValidator(_keepable_answer)] = Field(
        default=None, description="Answer a new interview starts with."
    )
    calculation: Expression | None = Field(
        default=None, description="Makes the question read-only, computed from others."
    )
    questions: list[Question] | None = Field(
        default=None, description="The questions of each row (repeat groups only)."
    )
    min_rows: StrictInt | None = Field(default=None, ge=0, le=MAX_ROWS)
    max_rows: StrictInt | None = Field(default=None, ge=1, le=MAX_ROWS)
    scale: Scale | None = None


class Section(_Strict):
    id: Identifier
    title: Label
    hint: Label | None = None
    relevant: Expression | None = None
    questions: list[Question] = Field(min_length=1)


class FormDefinition(_Strict):
    """A versioned interview form; an interview pins the `form_id` and `version` it began with."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    json_schema: str | None = Field(
        default=None, alias="$schema", description="Optional link to schema.json for editors."
    )
    form_id: Annotated[str, Field(pattern=FORM_ID, max_length=64)]
    version: StrictInt = Field(ge=1, le=MAX_VERSION)
    title: Label
    languages: list[LanguageCode] | None = Field(
        default=None,
        min_length=1,
        description="Languages of translated labels; the first is the default.",
    )
    sections: list[Section] = Field(min_length=1)
    choice_lists: dict[Identifier, list[Choice]] = Field(
        default_factory=dict, json_schema_extra={"additionalProperties": False}
    )


def text_of(label: str | dict[str, str], language: str | None) -> str:
    """The label in `language`, else in the first language it has."""
    if isinstance(label, str):
        return label
    if language is not None and language in label:
        return label[language]
    return next(iter(label.values()))
