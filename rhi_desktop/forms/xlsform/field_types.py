"""What each converted question reads as in an expression, for checks made before loading.

Two things need expression types before the loader runs: typing `calculate` rows, and
checking each cell of a relevance combined from flattened groups on its own, so that a
mistake is reported at the cell it was typed in. Anything unknown resolves to None
(silent): the loader reports it, with the right location, afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rhi_desktop.forms.answers import YES_NO
from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.nodes import Ref
from rhi_desktop.forms.expressions.parser import parse
from rhi_desktop.forms.expressions.typecheck import FieldType, check
from rhi_desktop.forms.expressions.values import ValueType
from rhi_desktop.forms.form import VALUE_TYPES
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.xlsform.report import ImportReport
from rhi_desktop.forms.xlsform.survey_cells import Part

Definition = list[dict[str, Any]]
ChoiceLists = dict[str, list[dict[str, Any]]]


class FieldTypes:
    def __init__(self, sections: Definition, choice_lists: ChoiceLists) -> None:
        self._questions = {q["id"]: q for q in questions_of(sections)}
        self._choice_lists = choice_lists
        self.inferred: dict[str, ValueType | None] = {}
        """Types worked out for calculate rows (None until known)."""

    def resolve(self, ref: Ref) -> FieldType | str | None:
        question = self._questions.get(ref.name)
        if question is None:
            return None
        if ref.name in self.inferred:
            found = self.inferred[ref.name]
            return FieldType(found) if found is not None else None
        kind = QuestionType(question["type"])
        value_type = VALUE_TYPES[kind]
        if value_type is None:
            return None
        return FieldType(value_type, self._choices(question, kind))

    def kind_of(self, name: str) -> QuestionType | None:
        """The question type `name` has been given so far (None: no such question)."""
        question = self._questions.get(name)
        return None if question is None else QuestionType(question["type"])

    def _choices(self, question: dict[str, Any], kind: QuestionType) -> tuple[str, ...] | None:
        if kind is QuestionType.YES_NO:
            return YES_NO
        listed = self._choice_lists.get(question.get("choices") or "")
        if listed is None:
            return None
        return tuple(dict.fromkeys(choice["value"] for choice in listed))


def check_conditions(parts: list[Part], types: FieldTypes, report: ImportReport) -> None:
    """Report each condition's own type problems at its cell (each cell once)."""
    seen: set[Part] = set()
    for part in parts:
        if part in seen:
            continue
        seen.add(part)
        try:
            expr = parse(part.text)
        except ExpressionError:
            continue  # reported when the cell was read
        for problem in check(expr, types.resolve, expect=ValueType.BOOLEAN).problems:
            report.error(part.cell, problem)


def questions_of(sections: Definition) -> Iterator[dict[str, Any]]:
    for section in sections:
        for question in section["questions"]:
            yield question
            yield from question.get("questions") or ()
