"""Comparisons of a date with a date-time, which RHI Desktop and ODK read differently.

RHI Desktop compares a date with a date-time by the date-time's London day, so a date of
today is not before `now()`. ODK takes the date as its midnight, so it is. An imported
`. < now()` on a date therefore refuses today's date here, where ODK takes it. The
comparison is kept (it is well formed), and the designer is told at the cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from rhi_desktop.forms.expressions.nodes import (
    EQUALITY_OPS,
    ORDERING_OPS,
    Binary,
    Call,
    Expr,
    Negate,
    Ref,
)
from rhi_desktop.forms.expressions.parser import parse
from rhi_desktop.forms.expressions.typecheck import FieldType, check
from rhi_desktop.forms.expressions.values import DAY_TYPES
from rhi_desktop.forms.form import Form

SAME_DAY = (
    "compares a date with a date and time by their day, where ODK takes the date as its "
    "midnight: today is not before now() here, though it is in ODK. Check that it does "
    "what you mean"
)
_SLOTS = ("relevant", "required", "constraint", "calculation")


def same_day_comparisons(form: Form) -> Iterator[str]:
    """A loader-style problem (`path.slot: message`) for each expression of `form` that
    compares a date with a date-time, to be located at its cell."""
    for section in form.sections.values():
        if _compares_days(section.section.relevant, form, None):
            yield f"{section.path}.relevant: {SAME_DAY}"
    for info in form.fields.values():
        current = FieldType(info.value_type) if info.value_type is not None else None
        for slot in _SLOTS:
            text = getattr(info.question, slot, None)
            if isinstance(text, str) and _compares_days(text, form, current):
                yield f"{info.path}.{slot}: {SAME_DAY}"


def _compares_days(text: str | None, form: Form, current: FieldType | None) -> bool:
    if text is None:
        return False

    def resolve(ref: Ref) -> FieldType | None:
        info = form.fields.get(ref.name)
        if info is None or info.value_type is None:
            return None
        return FieldType(info.value_type)

    for node in _comparisons(parse(text)):
        left = check(node.left, resolve, current=current).type
        right = check(node.right, resolve, current=current).type
        if {left, right} == DAY_TYPES:
            return True
    return False


def _comparisons(node: Expr) -> Iterator[Binary]:
    if isinstance(node, Binary):
        if node.op in EQUALITY_OPS | ORDERING_OPS:
            yield node
        yield from _comparisons(node.left)
        yield from _comparisons(node.right)
    elif isinstance(node, Negate):
        yield from _comparisons(node.operand)
    elif isinstance(node, Call):
        for argument in node.args:
            yield from _comparisons(argument)
