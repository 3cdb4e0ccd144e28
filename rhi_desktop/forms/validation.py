"""Validation results: the issues of each field, and the report per question, section and form.

Issue messages are written for the interviewer and never quote the answer, so a report
can be logged or synced as it is. They are English; a screen words an issue in the
person's language from its kind and numbers (`min_rows`, `max_rows`), keeping a message
the form itself gave (`from_form`, already in the form's language).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from rhi_desktop.forms.answers import TypeProblem
from rhi_desktop.forms.changes import FieldKey

REQUIRED_MESSAGE = "This question needs an answer."
CONSTRAINT_MESSAGE = "This answer is not allowed here."


class IssueKind(StrEnum):
    REQUIRED = "required"
    TYPE = "type"
    CONSTRAINT = "constraint"
    ROWS = "rows"


@dataclass(frozen=True, slots=True)
class Issue:
    key: FieldKey
    kind: IssueKind
    message: str
    min_rows: int | None = None  # ROWS: too few, fewer than this
    max_rows: int | None = None  # ROWS: too many, more than this
    from_form: bool = False  # CONSTRAINT: the form's own message, in the form's language
    type_problem: TypeProblem | None = None  # TYPE: which way the answer is not one


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """Everything that decides a field's issues, gathered by the session."""

    relevant: bool
    required: bool
    empty: bool
    type_problem: str | None = None
    type_kind: TypeProblem | None = None
    constraint_holds: bool = True
    constraint_message: str | None = None
    rows: int | None = None
    min_rows: int | None = None
    max_rows: int | None = None


def field_issues(key: FieldKey, check: FieldCheck) -> tuple[Issue, ...]:
    """XLSForm rules: nothing is asked of an irrelevant field; constraints judge only answers."""
    if not check.relevant:
        return ()
    if check.rows is not None:
        if check.min_rows is not None and check.rows < check.min_rows:
            noun = "row" if check.min_rows == 1 else "rows"
            text = f"Add at least {check.min_rows} {noun}."
            return (Issue(key, IssueKind.ROWS, text, min_rows=check.min_rows),)
        if check.max_rows is not None and check.rows > check.max_rows:
            text = f"Keep to at most {check.max_rows} rows."
            return (Issue(key, IssueKind.ROWS, text, max_rows=check.max_rows),)
        return ()
    if check.type_problem is not None:
        sentence = _sentence(check.type_problem)
        return (Issue(key, IssueKind.TYPE, sentence, type_problem=check.type_kind),)
    if check.empty:
        return (Issue(key, IssueKind.REQUIRED, REQUIRED_MESSAGE),) if check.required else ()
    if not check.constraint_holds:
        if check.constraint_message:
            return (Issue(key, IssueKind.CONSTRAINT, check.constraint_message, from_form=True),)
        return (Issue(key, IssueKind.CONSTRAINT, CONSTRAINT_MESSAGE),)
    return ()


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


@dataclass(frozen=True)
class ValidationReport:
    """All current issues, in form order, grouped for the renderer and for sign-off."""

    issues: tuple[Issue, ...]
    by_question: Mapping[FieldKey, tuple[Issue, ...]]
    by_section: Mapping[str, tuple[Issue, ...]]

    @property
    def ok(self) -> bool:
        return not self.issues

    def for_question(self, question_id: str, row: int | None = None) -> tuple[Issue, ...]:
        return self.by_question.get(FieldKey(question_id, row), ())

    @classmethod
    def build(cls, issues: list[Issue], section_of: Mapping[str, str]) -> ValidationReport:
        by_question: dict[FieldKey, tuple[Issue, ...]] = {}
        by_section: dict[str, tuple[Issue, ...]] = {}
        for issue in issues:
            by_question[issue.key] = (*by_question.get(issue.key, ()), issue)
            section = section_of[issue.key.id]
            by_section[section] = (*by_section.get(section, ()), issue)
        return cls(tuple(issues), by_question, by_section)
