"""The submitted answers, section by section, as the review screen lists them.

Every question the interviewer was asked is listed (relevant questions, answered or
not), so a coordinator can also comment on a question left unanswered. Relevance comes
from running the form's own skip logic over the answers. Notes are left out: they are
guidance, not answers. Answers to questions the form does not have (a record made on
another version) are listed last rather than dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rhi_desktop.forms import Form, FormSession, QuestionType
from rhi_desktop.review.answer_text import (
    ENGLISH,
    FieldText,
    Words,
    answer_text,
    is_sensitive,
    question_label,
    row_fields,
    rows_of,
    rows_text,
    shown,
    skip_logic,
    stored_text,
)

OTHER_SECTION = ""  # section id of the answers to questions the form does not have


@dataclass(frozen=True, slots=True)
class RowText:
    number: int  # from 1, as people count rows
    fields: tuple[FieldText, ...]


@dataclass(frozen=True, slots=True)
class AnswerLine:
    """One question: its label and readable answer (`answered` False: `text` says so).
    A `sensitive` answer is kept covered unless the reader asks to see it; the rows of a
    repeat group mark their own sensitive fields."""

    question_id: str
    label: str
    text: str
    answered: bool
    rows: tuple[RowText, ...] = ()  # the rows of a repeat group
    sensitive: bool = False


@dataclass(frozen=True, slots=True)
class SectionSummary:
    section_id: str
    title: str
    lines: tuple[AnswerLine, ...]


def _holds_sensitive(form: Form, repeat_id: str) -> bool:
    """Whether any question of the repeat group is sensitive (so its rows may hold them)."""
    return any(is_sensitive(form, child) for child in form.repeat_children(repeat_id))


def _line(form: Form, question_id: str, raw: Any, words: Words) -> AnswerLine:
    info = form.field(question_id)
    label = question_label(form, question_id, words)
    sensitive = info.sensitive
    if info.question.type is QuestionType.REPEAT:
        rows = tuple(
            RowText(n, row_fields(form, question_id, row, words))
            for n, row in enumerate(rows_of(raw), start=1)
        )
        if not rows and raw not in (None, []):  # not rows: show what was stored
            covered = sensitive or _holds_sensitive(form, question_id)
            return AnswerLine(question_id, label, stored_text(raw), True, sensitive=covered)
        if not rows:
            return AnswerLine(question_id, label, words.not_answered, False, sensitive=sensitive)
        count = rows_text(len(rows), words)
        return AnswerLine(question_id, label, count, True, rows, sensitive=sensitive)
    text = answer_text(form, info, raw, words)
    if text is None:
        return AnswerLine(question_id, label, words.not_answered, False, sensitive=sensitive)
    return AnswerLine(question_id, label, text, True, sensitive=sensitive)


def _shown(session: FormSession | None, question_id: str, answered: bool) -> bool:
    if answered:
        return True
    return session is not None and session.is_relevant(question_id)


def answer_summary(
    form: Form | None, answers: Mapping[str, Any], words: Words = ENGLISH
) -> tuple[SectionSummary, ...]:
    """The answers in form order; an empty section (nothing relevant) is left out."""
    sections: list[SectionSummary] = []
    if form is not None:
        session = skip_logic(form, answers)
        for section_id, info in form.sections.items():
            lines: list[AnswerLine] = []
            for question_id in info.question_ids:
                field = form.field(question_id)
                if field.repeat_id is not None or field.question.type is QuestionType.NOTE:
                    continue
                line = _line(form, question_id, answers.get(question_id), words)
                if _shown(session, question_id, line.answered):
                    lines.append(line)
            if lines:
                title = shown(form, info.section.title, words)
                sections.append(SectionSummary(section_id, title, tuple(lines)))
    known = form.fields if form is not None else {}
    stray = sorted(k for k in answers if k not in known or known[k].repeat_id is not None)
    if stray:
        others = tuple(  # answers no question explains may hold anything: covered
            AnswerLine(
                k, words.unknown_question.format(k), stored_text(answers[k]), True, sensitive=True
            )
            for k in stray
        )
        sections.append(SectionSummary(OTHER_SECTION, words.other_answers, others))
    return tuple(sections)
