"""The expression syntax tree: small frozen dataclasses, walked by the checker and evaluator.

Positions are kept for messages but left out of equality, so two parses of the same text
compare equal whatever the spacing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Ref:
    """`${name}`: the current value of another question."""

    name: str
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Current:
    """`.`: the answer being checked by a constraint."""

    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Text:
    value: str
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Expr
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Binary:
    """`op` is one of: or and = != < <= > >= + - * div mod."""

    op: str
    left: Expr
    right: Expr
    position: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Expr, ...]
    position: int = field(default=0, compare=False)


Expr = Ref | Current | Text | Number | Negate | Binary | Call

LOGICAL_OPS = frozenset({"or", "and"})
EQUALITY_OPS = frozenset({"=", "!="})
ORDERING_OPS = frozenset({"<", "<=", ">", ">="})
ARITHMETIC_OPS = frozenset({"+", "-", "*", "div", "mod"})


def children(expr: Expr) -> tuple[Expr, ...]:
    if isinstance(expr, Negate):
        return (expr.operand,)
    if isinstance(expr, Binary):
        return (expr.left, expr.right)
    if isinstance(expr, Call):
        return expr.args
    return ()


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node, parents before children (iterative: trees are depth-capped anyway)."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def references(expr: Expr) -> frozenset[str]:
    """The question ids an expression reads, including those it only counts."""
    return frozenset(node.name for node in walk(expr) if isinstance(node, Ref))


def uses_current(expr: Expr) -> bool:
    return any(isinstance(node, Current) for node in walk(expr))
