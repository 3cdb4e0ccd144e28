"""Tokenizer for the XLSForm expression subset.

Only ASCII digits and letters count as number and name characters, so odd Unicode input
(superscript digits, other scripts) is rejected with a clear message instead of
surprising `float()` later.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rhi_desktop.forms.expressions.errors import ExpressionError


class TokenKind(Enum):
    REF = "reference"
    CURRENT = "'.'"
    STRING = "text"
    NUMBER = "number"
    NAME = "name"
    OPERATOR = "operator"
    LPAREN = "'('"
    RPAREN = "')'"
    COMMA = "','"
    END = "end of expression"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    position: int


_DIGITS = frozenset("0123456789")
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_NAME_PART = _NAME_START | _DIGITS
_SPACE = frozenset(" \t\r\n")
_SINGLE = {"(": TokenKind.LPAREN, ")": TokenKind.RPAREN, ",": TokenKind.COMMA}
_OPERATOR_CHARS = frozenset("=<>+-*")


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; the list always ends with an END token."""
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            i += 1
        elif ch == "$":
            i = _reference(text, i, tokens)
        elif ch in "'\"":
            end = text.find(ch, i + 1)
            if end < 0:
                raise ExpressionError("text is missing its closing quote", i)
            tokens.append(Token(TokenKind.STRING, text[i + 1 : end], i))
            i = end + 1
        elif ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            i = _number(text, i, tokens)
        elif ch == ".":
            tokens.append(Token(TokenKind.CURRENT, ".", i))
            i += 1
        elif ch in _NAME_START:
            i = _name(text, i, tokens)
        elif ch in _SINGLE:
            tokens.append(Token(_SINGLE[ch], ch, i))
            i += 1
        elif ch == "!":
            if text.startswith("!=", i):
                tokens.append(Token(TokenKind.OPERATOR, "!=", i))
                i += 2
            else:
                raise ExpressionError("'!' must be part of '!=' (use not() to negate)", i)
        elif ch in _OPERATOR_CHARS:
            op = text[i : i + 2] if text[i : i + 2] in ("<=", ">=") else ch
            tokens.append(Token(TokenKind.OPERATOR, op, i))
            i += len(op)
        else:
            raise ExpressionError(f"unexpected character {ch!r}", i)
    tokens.append(Token(TokenKind.END, "", n))
    return tokens


def _reference(text: str, start: int, tokens: list[Token]) -> int:
    if not text.startswith("${", start):
        raise ExpressionError("'$' must start a reference like ${question_id}", start)
    close = text.find("}", start + 2)
    if close < 0:
        raise ExpressionError("reference is missing its closing '}'", start)
    name = text[start + 2 : close]
    if not is_identifier(name):
        raise ExpressionError(
            "a reference must name a question id (letters, digits and '_')", start
        )
    tokens.append(Token(TokenKind.REF, name, start))
    return close + 1


def _number(text: str, start: int, tokens: list[Token]) -> int:
    i = start
    while i < len(text) and text[i] in _DIGITS:
        i += 1
    if i < len(text) and text[i] == ".":
        i += 1
        while i < len(text) and text[i] in _DIGITS:
            i += 1
    tokens.append(Token(TokenKind.NUMBER, text[start:i], start))
    return i


def _name(text: str, start: int, tokens: list[Token]) -> int:
    """Names may hold hyphens (`count-selected`) but only between letters, so `2 div-1` splits."""
    i = start + 1
    while i < len(text):
        if text[i] in _NAME_PART:
            i += 1
        elif text[i] == "-" and i + 1 < len(text) and text[i + 1] in _NAME_START:
            i += 2
        else:
            break
    tokens.append(Token(TokenKind.NAME, text[start:i], start))
    return i


def is_identifier(name: str) -> bool:
    """True for a valid question id: an ASCII letter or '_' followed by letters, digits, '_'."""
    return bool(name) and name[0] in _NAME_START and all(c in _NAME_PART for c in name)
