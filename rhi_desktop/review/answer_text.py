"""An answer as a coordinator reads it: choice labels, UK dates, London times, Yes/No.

Stored answers are JSON (`FormSession.record()`); here each becomes one line of text in
the form's own words. The few fixed words (Yes, No, "Not answered", "2 rows") come in a
`Words` the screen fills with its translations, so this module stays Qt-free. Input
that does not read as the question's type is shown as it was stored rather than hidden:
the reviewer should see exactly what was sent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.forms import FieldInfo, Form, FormSession, Location, QuestionType
from rhi_desktop.forms.answers import AnswerTypeError, coerce_answer, decimal_text

Q = QuestionType


@dataclass(frozen=True, slots=True)
class Words:
    """The fixed words answers are shown with (English unless the screen translates them)."""

    yes: str = "Yes"
    no: str = "No"
    not_answered: str = "Not answered"
    not_on_version: str = "Not asked on form version {0}"
    """A question the form version the interview moved to does not have ({0}: that
    version): its answer was left behind by the move, not taken out. Also an answer the
    version the interview moved to does not ask, given the other answers."""
    in_rows_on_version: str = "Asked in each row of {1} on form version {0}"
    """A question the version the interview moved to asks inside a repeat group ({1}: the
    group's label): the answer given once, for the whole interview, was left behind."""
    choice_not_on_version: str = "Its choice is not offered on form version {0}"
    """An answer the move left behind because the version no longer offers its choice."""
    not_carried: str = "Does not fit the question on form version {0}"
    """An answer the move left behind because the question changed (another kind of
    answer, another scale, or worked out by the form now)."""
    one_row: str = "1 row"
    rows: str = "{0} rows"
    unknown_question: str = "A question not on this form version ({0})"
    other_answers: str = "Answers to questions not on this form version"
    list_separator: str = "; "
    language: str | None = None
    """The reader's language (a BCP 47 tag such as "cy-GB"): a form's own text is shown
    in the form's language closest to it (`Form.language_for`)."""


ENGLISH = Words()


def skip_logic(form: Form, answers: Mapping[str, Any]) -> FormSession | None:
    """The form's skip logic over the answers; None when the record does not fit the form."""
    top_level = {k: v for k, v in answers.items() if k in form.fields}
    top_level = {k: v for k, v in top_level.items() if form.fields[k].repeat_id is None}
    try:
        return FormSession(form, top_level)
    except (ValueError, IndexError, KeyError):
        return None


def rows_text(count: int, words: Words) -> str:
    """How many rows a repeat group has, in words."""
    return by_count(count, words.one_row, words.rows)


@dataclass(frozen=True, slots=True)
class FieldText:
    """One question's answer inside a repeat row, as shown (`sensitive`: kept covered
    unless the reader asks to see it)."""

    question_id: str
    label: str
    text: str
    sensitive: bool = False


def shown(form: Form, text: str | dict[str, str], words: Words) -> str:
    """A form's own text (a label, a title) in the reader's language."""
    return form.text(text, form.language_for(words.language))


def question_label(form: Form | None, question_id: str, words: Words) -> str:
    """The question's label on `form`; ids the form does not have are named as such."""
    if form is None or question_id not in form.fields:
        return words.unknown_question.format(question_id)
    return shown(form, form.field(question_id).question.label, words)


def is_sensitive(form: Form | None, question_id: str) -> bool:
    """Whether the form marks the question's answer sensitive; a question the form does
    not have (or no form at all) is not marked."""
    if form is None or question_id not in form.fields:
        return False
    return form.fields[question_id].sensitive


def _choice_label(form: Form, info: FieldInfo, value: str, words: Words) -> str:
    list_id = info.question.choices
    for choice in form.definition.choice_lists.get(list_id or "", ()):
        if choice.value == value:
            return shown(form, choice.label, words)
    return value


def _scale_text(form: Form, info: FieldInfo, value: int, words: Words) -> str:
    scale = info.question.scale
    if scale is not None and value in scale.labels:
        return f"{value} ({shown(form, scale.labels[value], words)})"
    return str(value)


def _stored(raw: Any) -> str:
    """What was stored, for input that does not fit its question."""
    return raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, sort_keys=True)


def answer_text(form: Form, info: FieldInfo, raw: Any, words: Words) -> str | None:
    """The readable answer to a non-repeat question; None when it is unanswered."""
    if raw is None:
        return None
    kind = info.question.type
    try:
        value = coerce_answer(info.question, raw, info.choices)
    except AnswerTypeError:
        return _stored(raw)
    if value is None:
        return None
    if kind is Q.YES_NO:
        return words.yes if value == "yes" else words.no
    if kind is Q.SINGLE_CHOICE and isinstance(value, str):
        return _choice_label(form, info, value, words)
    if kind is Q.MULTIPLE_CHOICE and isinstance(value, tuple):
        return words.list_separator.join(_choice_label(form, info, v, words) for v in value)
    if kind is Q.SCALE and isinstance(value, int):
        return _scale_text(form, info, value, words)
    if isinstance(value, float):
        return decimal_text(value)
    if isinstance(value, datetime):
        return format_london(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Location):
        if value.postcode and value.description:
            return f"{value.description} ({value.postcode})"
        return value.description or value.postcode or ""
    return str(value)


def row_fields(
    form: Form | None, repeat_id: str, row: Mapping[str, Any], words: Words
) -> tuple[FieldText, ...]:
    """The answered questions of one repeat row, in form order (stray keys last; without
    the form, or on a form without the group, every key is stray)."""
    children: tuple[str, ...] = ()
    shown: list[FieldText] = []
    if form is not None:
        children = form.repeat_children(repeat_id)
        for child in children:
            info = form.field(child)
            text = answer_text(form, info, row.get(child), words)
            if text is not None:
                label = question_label(form, child, words)
                shown.append(FieldText(child, label, text, info.sensitive))
    for key in sorted(k for k in row if k not in children):  # may hold anything: covered
        shown.append(FieldText(key, words.unknown_question.format(key), _stored(row[key]), True))
    return tuple(shown)


def rows_of(raw: Any) -> list[Mapping[str, Any]]:
    """A repeat group's stored rows (anything else reads as no rows)."""
    if not isinstance(raw, list):
        return []
    return [row for row in raw if isinstance(row, Mapping)]


def stored_text(raw: Any) -> str:
    return _stored(raw)
