"""Property tests: the engine agrees with a separate reference evaluator, and never crashes.

The reference works on its own tuple trees with `None` for empty and frozensets for
multiple-choice answers, so it shares no code or representation with the engine; it
reads a date-time's London day through `zoneinfo` itself. Each
generated tree is rendered to text with the fewest parentheses precedence allows (so the
parser's precedence is exercised too), then parsed, type-checked and evaluated.
"""

from __future__ import annotations

import contextlib
import math
from datetime import UTC, date, datetime
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rhi_desktop.forms.expressions import (
    ExpressionError,
    FieldType,
    MappingContext,
    Value,
    ValueType,
    check,
    evaluate,
    parse,
)
from rhi_desktop.forms.expressions.nodes import Ref

Tree = tuple[Any, ...]
CHOICES = ("cse", "cce", "none")
NUMBER_REFS = ("n1", "n2")
TEXT_REFS = ("t1", "t2")
CHOICE_REFS = ("m1",)
DATE_REFS = ("d1", "d2")
DATETIME_REFS = ("dt1", "dt2")
CLOCK = datetime(2024, 6, 12, 23, 30, tzinfo=UTC)
"""Half past midnight on 13 June in London (BST), still the 12th in UTC."""
LONDON = ZoneInfo("Europe/London")

# --- generated trees, typed so that every tree is well-typed -------------------------------

number_literals = st.integers(0, 400).map(lambda i: ("num", i / 4))
text_literals = st.sampled_from(["", "a", "yes", "no", "Sam", "x y"]).map(lambda s: ("str", s))


def numbers(depth: int) -> st.SearchStrategy[Tree]:
    leaves = st.one_of(number_literals, st.sampled_from(NUMBER_REFS).map(lambda n: ("ref", n)))
    if depth == 0:
        return leaves
    sub = numbers(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(st.sampled_from(["+", "-", "*", "div", "mod"]), sub, sub),
        st.tuples(st.just("neg"), sub),
        st.tuples(st.just("count-selected"), choices_refs()),
        st.tuples(st.just("string-length"), texts(depth - 1)),
        st.tuples(st.just("if"), booleans(depth - 1), sub, sub),
        st.tuples(st.just("coalesce"), sub, sub),
    )


def texts(depth: int) -> st.SearchStrategy[Tree]:
    leaves = st.one_of(text_literals, st.sampled_from(TEXT_REFS).map(lambda n: ("ref", n)))
    if depth == 0:
        return leaves
    sub = texts(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(st.just("if"), booleans(depth - 1), sub, sub),
        st.tuples(st.just("coalesce"), sub, sub),
    )


def choices_refs() -> st.SearchStrategy[Tree]:
    return st.sampled_from(CHOICE_REFS).map(lambda n: ("ref", n))


def days() -> st.SearchStrategy[Tree]:
    """Dates and date-times, answered or not, and the clock's: either may meet either."""
    return st.one_of(
        st.sampled_from(DATE_REFS + DATETIME_REFS).map(lambda n: ("ref", n)),
        st.sampled_from([("today",), ("now",)]),
    )


def booleans(depth: int) -> st.SearchStrategy[Tree]:
    comparisons = st.sampled_from(["=", "!=", "<", "<=", ">", ">="])
    small_numbers = numbers(max(depth - 1, 0))
    small_texts = texts(max(depth - 1, 0))
    leaves = st.one_of(
        st.tuples(comparisons, small_numbers, small_numbers),
        st.tuples(st.sampled_from(["=", "!="]), small_texts, small_texts),
        st.tuples(st.just("selected"), choices_refs(), st.sampled_from(CHOICES)),
        st.tuples(st.sampled_from(["=", "!="]), choices_refs(), st.just(("str", ""))),
        st.tuples(comparisons, days(), days()),
    )
    if depth == 0:
        return leaves
    sub = booleans(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(st.sampled_from(["and", "or"]), sub, sub),
        st.tuples(st.just("not"), sub),
        st.tuples(st.sampled_from(["=", "!="]), sub, sub),
        st.tuples(st.just("if"), sub, sub, sub),
    )


number_values = st.one_of(st.just(None), st.integers(-50, 50).map(float), st.just(2.5))
text_values = st.sampled_from(["", "a", "yes", "Sam", "x y"])
choice_values = st.one_of(
    st.just(None), st.sets(st.sampled_from(CHOICES), min_size=1).map(frozenset)
)
date_values = st.sampled_from([None, date(2024, 6, 12), date(2024, 6, 13)])
datetime_values = st.sampled_from(
    [
        None,
        datetime(2024, 6, 12, 22, 30, tzinfo=UTC),  # 23:30 on the 12th in London
        CLOCK,  # 00:30 on the 13th
        datetime(2024, 6, 13, 9, 0, tzinfo=UTC),
    ]
)
environments = st.fixed_dictionaries(
    {
        "n1": number_values,
        "n2": number_values,
        "t1": text_values,
        "t2": text_values,
        "m1": choice_values,
        "d1": date_values,
        "d2": date_values,
        "dt1": datetime_values,
        "dt2": datetime_values,
    }
)

# --- rendering with minimal parentheses ----------------------------------------------------

PRECEDENCE = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4}
PRECEDENCE |= {"+": 5, "-": 5, "*": 6, "div": 6, "mod": 6}
UNARY = 7


def render(tree: Tree, context: int = 0, right_operand: bool = False) -> str:
    kind = tree[0]
    if kind == "num":
        value = tree[1]
        return str(int(value)) if value.is_integer() else repr(value)
    if kind == "str":
        return f"'{tree[1]}'"
    if kind == "ref":
        return f"${{{tree[1]}}}"
    if kind == "neg":
        return "-" + render(tree[1], UNARY)
    if kind in PRECEDENCE:
        own = PRECEDENCE[kind]
        text = f"{render(tree[1], own)} {kind} {render(tree[2], own, True)}"
        needs = own < context or (own == context and right_operand)
        return f"({text})" if needs else text
    if kind == "selected":
        return f"selected({render(tree[1])}, '{tree[2]}')"
    return f"{kind}({', '.join(render(arg) for arg in tree[1:])})"


# --- the reference evaluator ----------------------------------------------------------------


def reference(tree: Tree, env: dict[str, Any]) -> Any:
    """Values: float or None (empty number), str ('' empty), bool, frozenset or None."""
    kind = tree[0]
    if kind in ("num", "str"):
        return tree[1]
    if kind == "ref":
        return env[tree[1]]
    if kind == "today":
        return CLOCK.astimezone(LONDON).date()
    if kind == "now":
        return CLOCK
    if kind == "neg":
        value = reference(tree[1], env)
        return None if value is None else -value
    if kind in ("and", "or"):
        left, right = reference(tree[1], env), reference(tree[2], env)
        return (left and right) if kind == "and" else (left or right)
    if kind in ("=", "!="):
        left, right = reference(tree[1], env), reference(tree[2], env)
        same = _reference_equal(left, right)
        return same if kind == "=" else not same
    if kind in ("<", "<=", ">", ">="):
        left, right = _reference_days(reference(tree[1], env), reference(tree[2], env))
        if left is None or right is None:
            return False
        if isinstance(left, date):
            return {"<": left < right, "<=": left <= right, ">": left > right,
                    ">=": left >= right}[kind]  # fmt: skip
        if _reference_near(left, right):
            return kind in ("<=", ">=")
        return {
            "<": left < right,
            "<=": left <= right,
            ">": left > right,
            ">=": left >= right,
        }[kind]
    if kind in ("+", "-", "*", "div", "mod"):
        return _reference_arithmetic(kind, reference(tree[1], env), reference(tree[2], env))
    if kind == "selected":
        picked = reference(tree[1], env)
        return picked is not None and tree[2] in picked
    if kind == "count-selected":
        picked = reference(tree[1], env)
        return 0.0 if picked is None else float(len(picked))
    if kind == "string-length":
        return float(len(reference(tree[1], env)))
    if kind == "not":
        return not reference(tree[1], env)
    if kind == "if":
        return reference(tree[2] if reference(tree[1], env) else tree[3], env)
    if kind == "coalesce":
        first = reference(tree[1], env)
        return reference(tree[2], env) if first in (None, "") else first
    raise AssertionError(kind)


def _reference_empty(value: Any) -> bool:
    return value is None or value == ""


def _reference_days(left: Any, right: Any) -> tuple[Any, Any]:
    """A date and a date-time meet on the date-time's day in London."""
    if isinstance(left, datetime) != isinstance(right, datetime) and None not in (left, right):
        if isinstance(left, datetime):
            return left.astimezone(LONDON).date(), right
        return left, right.astimezone(LONDON).date()
    return left, right


def _reference_equal(left: Any, right: Any) -> bool:
    if _reference_empty(left) or _reference_empty(right):
        return _reference_empty(left) and _reference_empty(right)
    left, right = _reference_days(left, right)
    numbers = (int, float)
    if (
        isinstance(left, numbers)
        and isinstance(right, numbers)
        and bool
        not in (
            type(left),
            type(right),
        )
    ):
        return _reference_near(float(left), float(right))
    return bool(left == right)


def _reference_near(left: float, right: float) -> bool:
    """Within 1e-12 (ODK's nearness), or 8 floating-point steps of the larger; whole
    numbers exactly."""
    if all(math.isfinite(x) and x == math.floor(x) for x in (left, right)):
        return left == right
    if not (math.isfinite(left) and math.isfinite(right)):
        return left == right
    larger = max(abs(left), abs(right))
    tolerance = max(1e-12, 8 * (math.nextafter(larger, math.inf) - larger))
    return abs(left - right) <= tolerance


def _reference_arithmetic(op: str, x: float | None, y: float | None) -> float | None:
    if x is None or y is None:
        return None
    if op in ("div", "mod") and y == 0:
        return None
    if op == "+":
        result = x + y
    elif op == "-":
        result = x - y
    elif op == "*":
        result = x * y
    elif op == "div":
        result = x / y
    else:
        if math.isinf(x):
            return None
        if math.isinf(y):
            return x
        # Truncating remainder (sign of the dividend), computed exactly in rationals.
        exact_x, exact_y = Fraction(x), Fraction(y)
        result = float(exact_x - exact_y * math.trunc(exact_x / exact_y))
    return None if math.isnan(result) else result


# --- comparing -------------------------------------------------------------------------------


def engine_environment(env: dict[str, Any]) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for name, value in env.items():
        if value is None:
            values[name] = ""
        elif isinstance(value, frozenset):
            values[name] = tuple(c for c in CHOICES if c in value)
        else:
            values[name] = value
    return values


def normalise(value: Any, expected_type: ValueType) -> Any:
    """Engine empties ('' or NaN) as the reference writes them (None for numbers)."""
    if expected_type is ValueType.NUMBER and (value == "" or value != value):
        return None
    return value


TYPES = {
    **{name: FieldType(ValueType.NUMBER) for name in NUMBER_REFS},
    **{name: FieldType(ValueType.TEXT) for name in TEXT_REFS},
    **{name: FieldType(ValueType.CHOICES, tuple(CHOICES)) for name in CHOICE_REFS},
    **{name: FieldType(ValueType.DATE) for name in DATE_REFS},
    **{name: FieldType(ValueType.DATETIME) for name in DATETIME_REFS},
}


def resolve(ref: Ref) -> FieldType | str:
    return TYPES.get(ref.name, f"unknown field ${{{ref.name}}}")


def agree(tree: Tree, env: dict[str, Any], expected_type: ValueType) -> None:
    text = render(tree)
    expr = parse(text)
    result = check(expr, resolve)
    assert result.problems == (), (text, result.problems)
    assert result.type is expected_type, text
    context = MappingContext(engine_environment(env), clock=lambda: CLOCK)
    got = normalise(evaluate(expr, context), expected_type)
    want = reference(tree, env)
    assert got == want, (text, env, got, want)
    assert type(got) is type(want), (text, env, got, want)


QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(booleans(3), environments)
def test_conditions_agree_with_the_reference_evaluator(tree: Tree, env: dict[str, Any]) -> None:
    agree(tree, env, ValueType.BOOLEAN)


@QUICK
@given(numbers(3), environments)
def test_arithmetic_agrees_with_the_reference_evaluator(tree: Tree, env: dict[str, Any]) -> None:
    agree(tree, env, ValueType.NUMBER)


@QUICK
@given(texts(3), environments)
def test_text_choices_agree_with_the_reference_evaluator(tree: Tree, env: dict[str, Any]) -> None:
    agree(tree, env, ValueType.TEXT)


# --- fuzzing: only ExpressionError ever escapes ------------------------------------------------

TOKENS = [
    "${n1}", "${t1}", "${m1}", "${nope}", ".", "'x'", '"y"', "''", "1", "2.5", ".5", "(", ")",
    ",", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod", "and", "or", "not",
    "selected", "count-selected", "string-length", "if", "coalesce", "today", "now", "count",
    "foo", "$", "{", "}", "!", "'", "${", "é", "²",
]  # fmt: skip
FUZZ_CONTEXT = MappingContext(
    {"n1": 3.0, "t1": "Sam", "m1": ("cse",)},
    rows={"m1": 2},
    current_value="",
    clock=lambda: datetime(2024, 1, 1, tzinfo=UTC),
)


def parse_check_and_evaluate(text: str) -> None:
    try:
        expr = parse(text)
    except ExpressionError:
        return
    check(expr, resolve, current=FieldType(ValueType.NUMBER))
    with contextlib.suppress(ExpressionError):
        evaluate(expr, FUZZ_CONTEXT)  # deliberately also when the checker objected


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_random_text_only_ever_raises_expression_error(text: str) -> None:
    parse_check_and_evaluate(text)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30), st.sampled_from(["", " "]))
def test_random_token_soup_only_ever_raises_expression_error(tokens: list[str], glue: str) -> None:
    parse_check_and_evaluate(glue.join(tokens))


OPERANDS = ["${n1}", "${t1}", "${m1}", "${nope}", ".", "'x'", "''", "0", "1", "2.5", "-1"]
BINARY = ["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod", "and", "or"]
CALLS = [
    "not", "selected", "count-selected", "string-length", "if", "coalesce", "today", "now",
    "count", "frobnicate",
]  # fmt: skip
well_formed = st.recursive(
    st.sampled_from(OPERANDS),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(BINARY), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(CALLS), st.lists(inner, max_size=4)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"
        ),
        inner.map(lambda operand: f"-{operand}"),
    ),
    max_leaves=12,
)
"""Expressions that parse, of every mix of types and numbers of arguments: the random
text above seldom parses, so these carry evaluation through wrongly typed trees."""


@settings(max_examples=800, deadline=None)
@given(well_formed)
@example("count(1)").via("a count of no repeat group")
@example("count(${n1})").via("a count of an answer")
@example("1 div 0").via("division by zero")
@example("1 mod 0").via("remainder of division by zero")
@example("${m1} div ${t1}").via("arithmetic on choices and text")
def test_well_formed_but_ill_typed_expressions_only_ever_raise_expression_error(
    text: str,
) -> None:
    parse_check_and_evaluate(text)


def shunting_yard(numbers: list[float], ops: list[str]) -> Tree:
    """The reference reading of a bracket-free chain: higher precedence first, then leftmost."""
    output: list[Tree] = [("num", numbers[0])]
    pending: list[str] = []

    def reduce() -> None:
        right, left = output.pop(), output.pop()
        output.append((pending.pop(), left, right))

    for op, number in zip(ops, numbers[1:], strict=True):
        while pending and PRECEDENCE[pending[-1]] >= PRECEDENCE[op]:
            reduce()
        pending.append(op)
        output.append(("num", number))
    while pending:
        reduce()
    return output[0]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.integers(1, 9).map(float), min_size=2, max_size=8).flatmap(
        lambda nums: st.tuples(
            st.just(nums),
            st.lists(
                st.sampled_from(["+", "-", "*", "div", "mod"]),
                min_size=len(nums) - 1,
                max_size=len(nums) - 1,
            ),
        )
    )
)
def test_bracket_free_operator_chains_follow_precedence(
    chain: tuple[list[float], list[str]],
) -> None:
    numbers, ops = chain
    text = " ".join(
        [str(int(numbers[0]))] + [f"{op} {int(n)}" for op, n in zip(ops, numbers[1:], strict=True)]
    )
    got = normalise(evaluate(parse(text), MappingContext()), ValueType.NUMBER)
    assert got == reference(shunting_yard(numbers, ops), {}), text


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("1.1 + 2.2 = 3.3", True),
        ("1.1 + 2.2 > 3.3", False),
        ("1.1 + 2.2 >= 3.3", True),
        ("3.3 < 1.1 + 2.2", False),
        ("1000000.1 + 0.2 = 1000000.3", True),
        ("1000000.3 >= 1000000.1 + 0.2", True),
        ("1000000000000001 = 1000000000000000", False),
        ("1000000000000000 < 1000000000000001", True),
        ("0.3 < 0.30001", True),
        ("100000000000000 = 100000000000000.5", False),
        ("10000000000.1 + 0.2 = 10000000000.3", True),
        (" * ".join(["1" + "0" * 40] * 8) + " = 5", False),  # past floating point: infinite
        ("1000000000000.1 + 0.2 >= 1000000000000.3", True),
        ("100000000000000.5 < 100000000000001", True),
    ],
)
def test_numbers_equal_as_a_person_reads_them_are_neither_more_nor_less(
    expression: str, expected: bool
) -> None:
    # `=` forgave what arithmetic loses but `<` and `>=` did not: 1.1 + 2.2 was both equal
    # to 3.3 and more than it, and a constraint `. >= ${a} + ${b}` refused the right total.
    assert evaluate(parse(expression), MappingContext({})) is expected
