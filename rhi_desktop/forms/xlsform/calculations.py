"""Giving each XLSForm `calculate` row the question type its expression produces.

XLSForm calculations are untyped; ours are questions whose type must match the result
(the loader checks it). So each calculation is type-checked against the form's questions,
repeating until calculations that read other calculations settle, and a number becomes
an integer question when it can only be whole (it counts something, or adds, takes away,
multiplies or divides with `mod` whole numbers: `${nights} + 1`) and a decimal one
otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.nodes import Binary, Call, Expr, Negate, Number, Ref
from rhi_desktop.forms.expressions.parser import parse
from rhi_desktop.forms.expressions.typecheck import check
from rhi_desktop.forms.expressions.values import ValueType
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.xlsform.field_types import FieldTypes
from rhi_desktop.forms.xlsform.report import Cell, ImportReport

_COUNTS = frozenset({"count", "count-selected", "string-length"})
_WHOLE_OPS = frozenset({"+", "-", "*", "mod"})
_WHOLE_KINDS = frozenset({QuestionType.INTEGER, QuestionType.SCALE})
_STORABLE = {
    ValueType.TEXT: QuestionType.TEXT,
    ValueType.DATE: QuestionType.DATE,
    ValueType.DATETIME: QuestionType.DATETIME,
    ValueType.TIME: QuestionType.TIME,
}


@dataclass
class PendingCalculation:
    """A calculate row's question, typed once every question is known."""

    question: dict[str, Any]
    text: str
    cell: Cell


def settle_calculation_types(
    pending: list[PendingCalculation], types: FieldTypes, report: ImportReport
) -> None:
    """Set each pending question's type; `types.inferred` keeps them for later checks."""
    parsed: dict[str, Expr] = {}
    for item in pending:
        try:
            parsed[item.question["id"]] = parse(item.text)
        except ExpressionError:
            continue  # reported when the cell was read
    types.inferred.update(dict.fromkeys(parsed))
    for _ in range(len(parsed) + 1):
        changed = False
        for name, expr in parsed.items():
            found = check(expr, types.resolve).type
            if found is not types.inferred[name]:
                types.inferred[name], changed = found, True
        if not changed:
            break
    whole = _whole_numbers(parsed, types)
    for item in pending:
        name = item.question["id"]
        _apply(item, types.inferred.get(name), whole.get(name, False), report)


def _whole_numbers(parsed: dict[str, Expr], types: FieldTypes) -> dict[str, bool]:
    """Which calculations giving a number can only give a whole one: settled together,
    as those that read other calculations depend on theirs, whatever the row order."""
    numbers = {name: e for name, e in parsed.items() if types.inferred[name] is ValueType.NUMBER}
    whole = dict.fromkeys(numbers, True)  # until shown otherwise: it only ever goes down
    for _ in range(len(numbers) + 1):
        changed = False
        for name, expr in numbers.items():
            found = _whole(expr, types, whole)
            if found != whole[name]:
                whole[name], changed = found, True
        if not changed:
            break
    return whole


def _apply(
    item: PendingCalculation, found: ValueType | None, whole: bool, report: ImportReport
) -> None:
    question = item.question
    if found is None:
        return  # the loader explains why the expression has no type
    if found is ValueType.NUMBER:
        question["type"] = (QuestionType.INTEGER if whole else QuestionType.DECIMAL).value
    elif found in _STORABLE:
        question["type"] = _STORABLE[found].value
    else:
        question.pop("calculation", None)
        advice = (
            "; give a value instead, like if(condition, 'yes', 'no')"
            if found is ValueType.BOOLEAN
            else ""
        )
        report.error(
            item.cell,
            f"a calculation cannot hold {_describe(found)}{advice}",
        )


def _whole(expr: Expr, types: FieldTypes, calculated: dict[str, bool]) -> bool:
    """Whether the number `expr` gives can only be a whole number; `calculated` says so
    of the calculations giving numbers, as far as is known."""
    if isinstance(expr, Number):
        return expr.value.is_integer()
    if isinstance(expr, Ref):
        if expr.name in calculated:
            return calculated[expr.name]
        return types.kind_of(expr.name) in _WHOLE_KINDS
    if isinstance(expr, Negate):
        return _whole(expr.operand, types, calculated)
    if isinstance(expr, Binary):
        return (
            expr.op in _WHOLE_OPS
            and _whole(expr.left, types, calculated)
            and _whole(expr.right, types, calculated)
        )
    if isinstance(expr, Call):
        if expr.name in _COUNTS:
            return True
        given = expr.args[1:] if expr.name == "if" else expr.args  # if's condition aside
        return expr.name in ("if", "coalesce") and all(
            _whole(arg, types, calculated) for arg in given
        )
    return False


def _describe(found: ValueType) -> str:
    return {
        ValueType.BOOLEAN: "a true/false condition",
        ValueType.CHOICES: "a multiple-choice answer",
        ValueType.LOCATION: "a location",
        ValueType.ROWS: "a repeat group",
    }.get(found, found.value)
