"""Recursive-descent (precedence-climbing) parser from expression text to a syntax tree.

Precedence, loosest first, all left-associative as in XPath:
`or`, `and`, `= !=`, `< <= > >=`, `+ -`, `* div mod`, then unary minus.

Trees are capped at `MAX_DEPTH` levels, counting both bracket/call nesting and long
operator chains, so neither the parser nor the evaluator can exhaust Python's stack:
an over-deep expression is an `ExpressionError` like any other.
"""

from __future__ import annotations

import unicodedata

from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.nodes import (
    Binary,
    Call,
    Current,
    Expr,
    Negate,
    Number,
    Ref,
    Text,
)
from rhi_desktop.forms.expressions.tokens import Token, TokenKind, tokenize

MAX_DEPTH = 64

_PRECEDENCE = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
_WORD_OPERATORS = frozenset({"or", "and", "div", "mod"})


def parse(text: str) -> Expr:
    """Parse one expression; raises `ExpressionError` for anything but a complete expression."""
    return _Parser(tokenize(text)).parse()


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._at = 0
        self._nesting = 0

    def parse(self) -> Expr:
        if self._peek().kind is TokenKind.END:
            raise ExpressionError("the expression is empty", 0)
        expr, _ = self._binary(1)
        token = self._peek()
        if token.kind is not TokenKind.END:
            raise ExpressionError(f"unexpected {_describe(token)}", token.position)
        return expr

    def _peek(self) -> Token:
        return self._tokens[self._at]

    def _next(self) -> Token:
        token = self._tokens[self._at]
        if token.kind is not TokenKind.END:
            self._at += 1
        return token

    def _expect(self, kind: TokenKind, context: str) -> Token:
        token = self._next()
        if token.kind is not kind:
            raise ExpressionError(
                f"expected {kind.value} {context} but found {_describe(token)}", token.position
            )
        return token

    def _operator(self) -> str | None:
        token = self._peek()
        if token.kind is TokenKind.OPERATOR:
            return token.text
        if token.kind is TokenKind.NAME and token.text in _WORD_OPERATORS:
            return token.text
        return None

    def _enter(self, position: int) -> None:
        self._nesting += 1
        if self._nesting > MAX_DEPTH:
            raise _too_deep(position)

    def _binary(self, min_precedence: int) -> tuple[Expr, int]:
        """Returns the subtree and its depth, so operator chains count towards the cap."""
        left, left_depth = self._unary()
        while True:
            op = self._operator()
            if op is None or _PRECEDENCE[op] < min_precedence:
                return left, left_depth
            token = self._next()
            right, right_depth = self._binary(_PRECEDENCE[op] + 1)
            left_depth = max(left_depth, right_depth) + 1
            if left_depth + self._nesting > MAX_DEPTH:
                raise _too_long(token.position)
            left = Binary(op, left, right, token.position)

    def _unary(self) -> tuple[Expr, int]:
        token = self._peek()
        if token.kind is TokenKind.OPERATOR and token.text == "-":
            self._next()
            self._enter(token.position)
            operand, depth = self._unary()
            self._nesting -= 1
            return Negate(operand, token.position), depth + 1
        return self._primary()

    def _primary(self) -> tuple[Expr, int]:
        token = self._next()
        kind = token.kind
        if kind is TokenKind.NUMBER:
            return Number(float(token.text), token.position), 1
        if kind is TokenKind.STRING:
            # in the one spelling answers are kept in: 'Siân' written with its accent as
            # a mark of its own matched no answer, and was five letters long
            return Text(unicodedata.normalize("NFC", token.text), token.position), 1
        if kind is TokenKind.REF:
            return Ref(token.text, token.position), 1
        if kind is TokenKind.CURRENT:
            return Current(token.position), 1
        if kind is TokenKind.LPAREN:
            self._enter(token.position)
            inner, depth = self._binary(1)
            self._expect(TokenKind.RPAREN, "to close '('")
            self._nesting -= 1
            return inner, depth
        if kind is TokenKind.NAME and token.text not in _WORD_OPERATORS:
            if self._peek().kind is not TokenKind.LPAREN:
                raise ExpressionError(_unknown_name(token.text), token.position)
            return self._call(token)
        if kind is TokenKind.END:
            raise ExpressionError("the expression ends where a value was expected", token.position)
        raise ExpressionError(f"expected a value but found {_describe(token)}", token.position)

    def _call(self, name: Token) -> tuple[Expr, int]:
        self._next()  # the '(' already peeked
        self._enter(name.position)
        args: list[Expr] = []
        depth = 0
        if self._peek().kind is TokenKind.RPAREN:
            self._next()
        else:
            while True:
                arg, arg_depth = self._binary(1)
                args.append(arg)
                depth = max(depth, arg_depth)
                separator = self._next()
                if separator.kind is TokenKind.RPAREN:
                    break
                if separator.kind is not TokenKind.COMMA:
                    raise ExpressionError(
                        f"expected ',' or ')' in {name.text}() but found {_describe(separator)}",
                        separator.position,
                    )
        self._nesting -= 1
        return Call(name.text, tuple(args), name.position), depth + 1


def _too_deep(position: int) -> ExpressionError:
    return ExpressionError(
        f"the expression nests more than {MAX_DEPTH} levels deep; "
        "split it into calculated questions",
        position,
    )


def _too_long(position: int) -> ExpressionError:
    return ExpressionError(
        f"the expression chains more than {MAX_DEPTH} terms with operators such as 'or' "
        "(each bracket or call around them counts as one more); "
        "split it into calculated questions",
        position,
    )


def _describe(token: Token) -> str:
    if token.kind is TokenKind.END:
        return "the end of the expression"
    if token.kind is TokenKind.REF:
        return f"${{{token.text}}}"
    if token.kind is TokenKind.STRING:
        return "text in quotes"
    return f"'{token.text}'"


def _unknown_name(name: str) -> str:
    """What a bare word most likely meant: a fixed true or false, text, or a question."""
    if name.lower() in ("true", "false"):
        return (
            f"unknown name '{name}': for a fixed answer write {name.lower()} without quotes "
            "in the definition, not as an expression"
        )
    return f"unknown name '{name}': quote text as '{name}', or refer to a question as ${{{name}}}"
