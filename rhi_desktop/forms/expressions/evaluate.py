"""Evaluate a syntax tree by walking it: no `eval`, no code generation.

The empty-answer rules are in `values`. Evaluation trusts nothing: a tree that was never
type-checked still only ever raises `ExpressionError`, never a Python TypeError.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from rhi_desktop.domain.deadlines import LONDON, london_date
from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.functions import FUNCTIONS
from rhi_desktop.forms.expressions.nodes import (
    ARITHMETIC_OPS,
    EQUALITY_OPS,
    LOGICAL_OPS,
    Binary,
    Call,
    Current,
    Expr,
    Negate,
    Number,
    Ref,
    Text,
)
from rhi_desktop.forms.expressions.temporal import parse_temporal
from rhi_desktop.forms.expressions.values import (
    DAY_TYPES,
    ORDERED_TYPES,
    TEMPORAL_TYPES,
    Value,
    ValueType,
    is_empty,
    type_of,
)

_NAN = math.nan
SAME_NUMBER = 1e-12
"""Numbers this close are equal (as in ODK): 0.1 + 0.2 = 0.3, as a person expects."""
SAME_STEPS = 8
"""Larger numbers this few floating-point steps apart are equal: 1000000.1 + 0.2 is
1000000.3, though the sum is 1000000.2999999999, more than `SAME_NUMBER` away. Steps
grow with the numbers, so near 10^14 a step is 1/64: 100000000000000 and
100000000000000.5 stay apart."""
_ORDERINGS: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class Context(Protocol):
    """What an expression can see: answers by id, repeat row counts, `.`, and a clock."""

    def value(self, name: str) -> Value:
        """The current value of question `name`; raises KeyError for an unknown id."""
        ...

    def row_count(self, name: str) -> int:
        """Rows in repeat group `name`; raises KeyError for an unknown id."""
        ...

    def current(self) -> Value: ...

    def now(self) -> datetime:
        """An aware instant; injected so tests and replays control `today()` and `now()`."""
        ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class MappingContext:
    """A context over plain mappings, for evaluating expressions outside a form session."""

    values: Mapping[str, Value] = field(default_factory=dict)
    rows: Mapping[str, int] = field(default_factory=dict)
    current_value: Value = ""
    clock: Callable[[], datetime] = _utc_now

    def value(self, name: str) -> Value:
        return self.values[name]

    def row_count(self, name: str) -> int:
        return self.rows[name]

    def current(self) -> Value:
        return self.current_value

    def now(self) -> datetime:
        return self.clock()


def evaluate(expr: Expr, context: Context) -> Value:
    return _walk(expr, context)


def _walk(node: Expr, ctx: Context) -> Value:
    if isinstance(node, Number | Text):
        return node.value
    if isinstance(node, Ref):
        try:
            return ctx.value(node.name)
        except KeyError:
            raise ExpressionError(f"unknown field ${{{node.name}}}", node.position) from None
    if isinstance(node, Current):
        return ctx.current()
    if isinstance(node, Negate):
        return -_number(_walk(node.operand, ctx), node)
    if isinstance(node, Binary):
        return _binary(node, ctx)
    return _call(node, ctx)


def _describe(value: Value) -> str:
    return "nothing" if is_empty(value) else type_of(value).value


def _number(value: Value, node: Expr) -> float:
    if isinstance(value, float):
        return value
    if is_empty(value):
        return _NAN
    raise ExpressionError(f"arithmetic needs numbers, not {_describe(value)}", node.position)


def _boolean(value: Value, node: Expr) -> bool:
    if isinstance(value, bool):
        return value
    raise ExpressionError(f"expected a true/false condition, not {_describe(value)}", node.position)


def _binary(node: Binary, ctx: Context) -> Value:
    op = node.op
    if op in LOGICAL_OPS:
        left = _boolean(_walk(node.left, ctx), node.left)
        if left is (op == "or"):
            return left
        return _boolean(_walk(node.right, ctx), node.right)
    a, b = _walk(node.left, ctx), _walk(node.right, ctx)
    if op in ARITHMETIC_OPS:
        return arithmetic(op, _number(a, node.left), _number(b, node.right))
    if op in EQUALITY_OPS:
        return equal(a, b, node) is (op == "=")
    return ordered(op, a, b, node)


def arithmetic(op: str, x: float, y: float) -> float:
    """XPath arithmetic, except that division or `mod` by zero is empty (NaN), not infinity."""
    if math.isnan(x) or math.isnan(y):
        return _NAN
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if y == 0:
        return _NAN
    if op == "div":
        return x / y
    return _NAN if math.isinf(x) else math.fmod(x, y)


def _temporal_pair(a: Value, b: Value) -> tuple[Value, Value] | None:
    """Lets a date, date-time or time meet a literal like '2024-01-31' in its own kind."""
    for typed, text, swap in ((a, b, False), (b, a, True)):
        kind = type_of(typed)
        if kind in TEMPORAL_TYPES and isinstance(text, str):
            parsed = parse_temporal(kind, text)
            if parsed is None:
                return None
            return (parsed, typed) if swap else (typed, parsed)
    return None


def _day_pair(a: Value, b: Value) -> tuple[Value, Value]:
    """A date and a date-time as two dates: the date-time's London date."""
    return (
        london_date(a) if isinstance(a, datetime) else a,
        london_date(b) if isinstance(b, datetime) else b,
    )


def same_number(a: float, b: float) -> bool:
    """Whether two numbers are equal as a person reads them: what a few steps of
    arithmetic lose (4.1 * 60 is 245.99999999999997) is no difference. Whole numbers are
    equal only if they are the same."""
    if a == b:
        return True
    if not (math.isfinite(a) and math.isfinite(b)) or (a.is_integer() and b.is_integer()):
        return False
    return abs(a - b) <= max(SAME_NUMBER, SAME_STEPS * math.ulp(max(abs(a), abs(b))))


def equal(a: Value, b: Value, node: Expr) -> bool:
    if is_empty(a) or is_empty(b):
        return is_empty(a) and is_empty(b)
    kind_a, kind_b = type_of(a), type_of(b)
    if kind_a is kind_b:
        if kind_a is ValueType.NUMBER:
            return same_number(cast(float, a), cast(float, b))
        return a == b
    if {kind_a, kind_b} == DAY_TYPES:
        left, right = _day_pair(a, b)
        return left == right
    if isinstance(a, tuple) and isinstance(b, str):
        return " ".join(a) == b
    if isinstance(b, tuple) and isinstance(a, str):
        return " ".join(b) == a
    if ValueType.TEXT in (kind_a, kind_b) and TEMPORAL_TYPES & {kind_a, kind_b}:
        pair = _temporal_pair(a, b)
        return pair is not None and pair[0] == pair[1]
    raise ExpressionError(f"cannot compare {kind_a.value} with {kind_b.value}", node.position)


def ordered(op: str, a: Value, b: Value, node: Expr) -> bool:
    if is_empty(a) or is_empty(b):
        return False
    kind_a, kind_b = type_of(a), type_of(b)
    if kind_a is kind_b and kind_a in ORDERED_TYPES:
        pair: tuple[Value, Value] | None = (a, b)
    elif {kind_a, kind_b} == DAY_TYPES:
        pair = _day_pair(a, b)
    elif ValueType.TEXT in (kind_a, kind_b) and TEMPORAL_TYPES & {kind_a, kind_b}:
        pair = _temporal_pair(a, b)
        if pair is None:
            return False
    else:
        raise ExpressionError(f"cannot order {kind_a.value} with {kind_b.value}", node.position)
    left, right = cast(tuple[Any, Any], pair)
    if isinstance(left, float) and isinstance(right, float) and same_number(left, right):
        return op in ("<=", ">=")  # equal, as `=` says
    return bool(_ORDERINGS[op](left, right))


def _call(node: Call, ctx: Context) -> Value:
    signature = FUNCTIONS.get(node.name)
    if signature is None:
        raise ExpressionError(f"unknown function {node.name}()", node.position)
    if len(node.args) != signature.arity:
        raise ExpressionError(
            f"{node.name}() takes {signature.arity} arguments, not {len(node.args)}",
            node.position,
        )
    name, args = node.name, node.args
    if name == "if":
        chosen = args[1] if _boolean(_walk(args[0], ctx), args[0]) else args[2]
        return _walk(chosen, ctx)
    if name == "coalesce":
        first = _walk(args[0], ctx)
        return _walk(args[1], ctx) if is_empty(first) else first
    if name == "now":
        return ctx.now().astimezone(UTC)
    if name == "today":
        return ctx.now().astimezone(LONDON).date()
    if name == "count":
        target = args[0]
        if not isinstance(target, Ref):
            raise ExpressionError("count() needs a repeat group reference", node.position)
        try:
            return float(ctx.row_count(target.name))
        except KeyError:
            raise ExpressionError(
                f"${{{target.name}}} is not a repeat group", target.position
            ) from None
    if name == "not":
        return not _boolean(_walk(args[0], ctx), args[0])
    first = _walk(args[0], ctx)
    if name == "selected":
        wanted = _walk(args[1], ctx)
        if not isinstance(wanted, str):
            raise ExpressionError("selected() needs the choice value as text", node.position)
        if is_empty(first) or is_empty(wanted):  # nothing chosen, or nothing to look for
            return False
        if isinstance(first, str):  # a single choice (XLSForm allows selected() on one)
            return first == wanted
        picked = _choices(first, node)
        return picked is not None and wanted in picked
    if name == "count-selected":
        picked = _choices(first, node)
        return 0.0 if picked is None else float(len(picked))
    # string-length
    if is_empty(first):
        return 0.0
    if not isinstance(first, str):
        raise ExpressionError(f"string-length() needs text, not {_describe(first)}", node.position)
    return float(len(first))


def _choices(value: Value, node: Call) -> tuple[str, ...] | None:
    if is_empty(value):
        return None
    if isinstance(value, tuple):
        return value
    raise ExpressionError(
        f"{node.name}() needs a multiple-choice answer, not {_describe(value)}", node.position
    )
