"""Static type inference over the syntax tree, run when a form is loaded.

Every problem in an expression is collected (not just the first), phrased for a form
author. A node whose type cannot be known because of an earlier problem has type
`None`, which silences follow-on complaints about the same mistake.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

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
from rhi_desktop.forms.expressions.temporal import (
    naive_datetime,
    parse_temporal,
    twice_advice,
    twice_in_london,
)
from rhi_desktop.forms.expressions.values import (
    DAY_TYPES,
    ORDERED_TYPES,
    TEMPORAL_TYPES,
    ValueType,
)


@dataclass(frozen=True, slots=True)
class FieldType:
    """What a reference reads: its value type and, for choice questions, the allowed values.
    The type is None where the question's own type is invalid (and reported already)."""

    type: ValueType | None
    choices: tuple[str, ...] | None = None
    """In the list's order."""


Resolver = Callable[[Ref], "FieldType | str | None"]
"""Maps a reference to its type, to a problem message, or to None for "known to be broken"
(a question that failed its own validation: references to it are not reported again)."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    type: ValueType | None
    problems: tuple[str, ...]


def check(
    expr: Expr,
    resolve: Resolver,
    *,
    current: FieldType | None = None,
    expect: ValueType | None = None,
    strict: bool = True,
) -> CheckResult:
    """Infer the type of `expr`; `current` is the type of `.` (None where `.` is not allowed).
    Not `strict` (a definition published already), a date-time written without its offset
    in the hour London has twice is read as the first, as it was before that was refused."""
    checker = _Checker(resolve, current, strict)
    found = checker.infer(expr)
    if found is not None and expect is not None and found is not expect:
        checker.problems.append(f"must give {_a(expect)}, but this gives {_a(found)}")
    return CheckResult(found, tuple(checker.problems))


SHOWN_TEXT = 40
"""The most of an author's text a problem quotes."""


def _shown(text: str) -> str:
    """Text an author wrote, as a problem quotes it: on one line (a new line in it read
    as a problem of its own), each character that does not show written as its code."""
    short = text if len(text) <= SHOWN_TEXT else f"{text[:SHOWN_TEXT]}\u2026"
    return "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in short) + "'"


def _a(kind: ValueType) -> str:
    return {
        ValueType.TEXT: "text",
        ValueType.NUMBER: "a number",
        ValueType.BOOLEAN: "a true/false condition",
        ValueType.DATE: "a date",
        ValueType.DATETIME: "a date-time",
        ValueType.TIME: "a time",
        ValueType.CHOICES: "a multiple-choice answer",
        ValueType.LOCATION: "a location",
        ValueType.ROWS: "a repeat group",
    }[kind]


def _empty_text(node: Expr) -> bool:
    return isinstance(node, Text) and node.value == ""


class _Checker:
    def __init__(self, resolve: Resolver, current: FieldType | None, strict: bool) -> None:
        self._resolve = resolve
        self._current = current
        self._strict = strict
        self.problems: list[str] = []

    def infer(self, node: Expr, *, counted: bool = False) -> ValueType | None:
        if isinstance(node, Number):
            return ValueType.NUMBER
        if isinstance(node, Text):
            return ValueType.TEXT
        if isinstance(node, Ref):
            return self._reference(node, counted)
        if isinstance(node, Current):
            if self._current is None:
                self.problems.append(
                    "'.' (the answer being checked) is only allowed in a constraint"
                )
                return None
            return self._current.type
        if isinstance(node, Negate):
            self._expect_number(node.operand, "'-'")
            return ValueType.NUMBER
        if isinstance(node, Binary):
            return self._binary(node)
        return self._call(node)

    def _field(self, node: Expr) -> FieldType | None:
        if isinstance(node, Current):
            return self._current
        if isinstance(node, Ref):
            found = self._resolve(node)
            return found if isinstance(found, FieldType) else None
        return None

    def _reference(self, node: Ref, counted: bool) -> ValueType | None:
        found = self._resolve(node)
        if found is None:
            return None
        if isinstance(found, str):
            self.problems.append(found)
            return None
        if found.type is ValueType.ROWS and not counted:
            self.problems.append(
                f"${{{node.name}}} is a repeat group: count its rows with count(${{{node.name}}})"
            )
            return None
        return found.type

    def _expect_number(self, node: Expr, where: str) -> None:
        found = self.infer(node)
        if found is not None and found is not ValueType.NUMBER:
            self.problems.append(f"{where} needs numbers, not {_a(found)}")

    def _binary(self, node: Binary) -> ValueType | None:
        if node.op in LOGICAL_OPS:
            for side in (node.left, node.right):
                found = self.infer(side)
                if found is not None and found is not ValueType.BOOLEAN:
                    self.problems.append(
                        f"'{node.op}' needs true/false conditions, not {_a(found)}"
                    )
            return ValueType.BOOLEAN
        if node.op in ARITHMETIC_OPS:
            self._expect_number(node.left, f"'{node.op}'")
            self._expect_number(node.right, f"'{node.op}'")
            return ValueType.NUMBER
        left, right = self.infer(node.left), self.infer(node.right)
        self._choice_literal(node.left, node.right)
        self._choice_literal(node.right, node.left)
        if left is not None and right is not None:
            self._comparable(node, left, right)
        return ValueType.BOOLEAN

    def _comparable(self, node: Binary, left: ValueType, right: ValueType) -> None:
        for typed, other in ((left, node.right), (right, node.left)):
            if typed in TEMPORAL_TYPES and isinstance(other, Text) and other.value != "":
                if parse_temporal(typed, other.value) is None:
                    self.problems.append(f"{_shown(other.value)} is not a valid {typed.value}")
                elif (
                    self._strict
                    and typed is ValueType.DATETIME
                    and (naive := naive_datetime(other.value))
                    and twice_in_london(naive)
                ):
                    self.problems.append(f"{_shown(other.value)}: {twice_advice(naive)}")
                return
        if {left, right} == DAY_TYPES:
            return
        if node.op in EQUALITY_OPS:
            if left is right and left not in (ValueType.CHOICES, ValueType.LOCATION):
                return
            for typed, other in ((left, node.right), (right, node.left)):
                if _empty_text(other) and typed is not ValueType.BOOLEAN:
                    return
            if ValueType.CHOICES in (left, right):
                self.problems.append(
                    "a multiple-choice answer can only be compared with ''; "
                    "use selected() to test for a choice"
                )
                return
        elif left is right and left in ORDERED_TYPES:
            return
        elif self._is_choice(node.left) or self._is_choice(node.right):
            chosen = node.left if self._is_choice(node.left) else node.right
            name = "." if isinstance(chosen, Current) else f"${{{getattr(chosen, 'name', '')}}}"
            field = self._field(chosen)
            values = list(field.choices or ())[:2] if field else []
            several = field is not None and field.type is ValueType.CHOICES
            example = " or ".join(
                f"selected({name}, '{value}')" if several else f"{name} = '{value}'"
                for value in values
            )
            self.problems.append(
                f"choices have no order for '{node.op}': name the ones meant, "
                f"like {example}, or ask with a scale question"
            )
            return
        elif left is right is ValueType.TEXT:
            self.problems.append(f"text cannot be ordered with '{node.op}'")
            return
        quoted = self._choice_number(node.left, node.right) or self._choice_number(
            node.right, node.left
        )
        if quoted is not None:
            self.problems.append(
                f"a choice is compared by its name, which is text: write '{quoted}' in quotes"
            )
            return
        self.problems.append(f"cannot compare {_a(left)} with {_a(right)}")

    def _is_choice(self, node: Expr) -> bool:
        """Whether `node` reads a choice question's answer (yes/no included)."""
        field = self._field(node)
        return field is not None and field.choices is not None

    def _choice_number(self, ref: Expr, number: Expr) -> str | None:
        """A number written where a choice's name was meant (`${q} = 1`): the name."""
        field = self._field(ref)
        if field is None or field.choices is None or not isinstance(number, Number):
            return None
        value = number.value
        name = str(int(value)) if value.is_integer() else str(value)
        return name if name in field.choices else None

    def _choice_literal(self, ref: Expr, literal: Expr) -> None:
        field = self._field(ref)
        if field is None or field.choices is None or not isinstance(literal, Text):
            return
        if literal.value and literal.value not in field.choices:
            name = "." if isinstance(ref, Current) else f"${{{getattr(ref, 'name', '')}}}"
            self.problems.append(f"{_shown(literal.value)} is not a choice of {name}")

    def _call(self, node: Call) -> ValueType | None:
        signature = FUNCTIONS.get(node.name)
        if signature is None or len(node.args) != signature.arity:
            if signature is None:
                close = difflib.get_close_matches(node.name, list(FUNCTIONS), n=1)
                hint = f" (did you mean {close[0]}()?)" if close else ""
                self.problems.append(f"unknown function {node.name}(){hint}")
            else:
                self.problems.append(
                    f"{node.name}() takes {signature.arity} argument"
                    f"{'' if signature.arity == 1 else 's'}, not {len(node.args)}: "
                    f"{signature.usage}"
                )
            for arg in node.args:
                self.infer(arg)
            return None
        name = node.name
        if name in ("today", "now"):
            return ValueType.DATE if name == "today" else ValueType.DATETIME
        if name == "count":
            (arg,) = node.args
            found = self.infer(arg, counted=isinstance(arg, Ref))
            if found is not None and found is not ValueType.ROWS:
                self.problems.append(f"count() needs a repeat group, not {_a(found)}")
            return ValueType.NUMBER
        if name == "if":
            condition, when_true, when_false = node.args
            self._expect(condition, ValueType.BOOLEAN, "if() condition")
            return self._merge(name, when_true, when_false)
        if name == "coalesce":
            return self._merge(name, *node.args)
        if name == "not":
            self._expect(node.args[0], ValueType.BOOLEAN, "not()")
            return ValueType.BOOLEAN
        if name == "selected":
            question, value = node.args
            field = self._field(question)
            single = field is not None and field.choices is not None
            if not (single and self.infer(question) is ValueType.TEXT):
                # (XLSForm also allows it on a single choice: "is that the choice made?")
                self._expect(question, ValueType.CHOICES, "selected()")
            self._expect(value, ValueType.TEXT, "selected() choice value")
            self._choice_literal(question, value)
            return ValueType.BOOLEAN
        wanted = ValueType.CHOICES if name == "count-selected" else ValueType.TEXT
        self._expect(node.args[0], wanted, f"{name}()")
        return ValueType.NUMBER

    def _expect(self, node: Expr, wanted: ValueType, where: str) -> None:
        found = self.infer(node)
        if found is not None and found is not wanted:
            self.problems.append(f"{where} needs {_a(wanted)}, not {_a(found)}")

    def _merge(self, name: str, first: Expr, second: Expr) -> ValueType | None:
        """Both branches must agree; the empty literal '' fits any type except true/false."""
        left, right = self.infer(first), self.infer(second)
        if left is None or right is None:
            return None
        if left is right:
            return left
        if _empty_text(first) and right is not ValueType.BOOLEAN:
            return right
        if _empty_text(second) and left is not ValueType.BOOLEAN:
            return left
        self.problems.append(
            f"{name}() needs both values of one type, not {_a(left)} and {_a(right)}"
        )
        return None
