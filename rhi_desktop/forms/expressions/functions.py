"""The function catalogue: every name an expression may call, with how it is written.

Argument and result types are checked in `typecheck`; behaviour lives in `evaluate`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signature:
    arity: int
    usage: str


FUNCTIONS: dict[str, Signature] = {
    "selected": Signature(2, "selected(${multiple_choice}, 'value')"),
    "count-selected": Signature(1, "count-selected(${multiple_choice})"),
    "string-length": Signature(1, "string-length(${text})"),
    "if": Signature(3, "if(condition, value_if_true, value_if_false)"),
    "coalesce": Signature(2, "coalesce(value, value_if_empty)"),
    "not": Signature(1, "not(condition)"),
    "today": Signature(0, "today()"),
    "now": Signature(0, "now()"),
    "count": Signature(1, "count(${repeat_group})"),
}
