"""Vetting an XLSForm expression cell against the subset our expression engine runs.

Expressions pass through unchanged, but a designer should hear "pulldata() is not
supported" at the cell, not a parse error about ':' or a confusing type error. Function
names are found outside quoted text first; then the cell must parse on its own, so a
mistake is reported where it was typed even if the cell is later combined with others.
"""

from __future__ import annotations

import re

from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.functions import FUNCTIONS
from rhi_desktop.forms.expressions.parser import parse

_CALL = re.compile(r"(?<![A-Za-z0-9_.:${-])([A-Za-z_][A-Za-z0-9_.:-]*)\s*\(")
_OPERATORS = frozenset({"and", "or", "div", "mod"})

_WHY_NOT = {
    "pulldata": "it reads external CSV files, which RHI Desktop does not use",
    "indexed-repeat": "it reads one row of a repeat group from outside the group",
    "jr:choice-name": "it looks up a choice's label; compare the choice value instead",
    "position": "a row cannot know its number in a repeat group",
    "once": "values are recomputed whenever what they depend on changes",
    "concat": "calculations cannot join text",
    "true": "write the condition itself, or use 'required' with yes",
    "false": "write the condition itself, or leave the cell empty",
    "instance": "there are no secondary instances (external choice lists)",
    "current": "there are no secondary instances (external choice lists)",
    "uuid": "RHI Desktop gives every interview its own id",
    "random": "answers must be reproducible",
}


def vet_expression(text: str) -> list[str]:
    """Problems with one expression cell, phrased for a form designer; [] if it is usable."""
    problems = [_unsupported(name) for name in _called(text) if name not in FUNCTIONS]
    if problems:
        return list(dict.fromkeys(problems))
    try:
        parse(text)
    except ExpressionError as error:
        return [str(error)]
    return []


def _unsupported(name: str) -> str:
    reason = _WHY_NOT.get(name)
    supported = ", ".join(f"{known}()" for known in FUNCTIONS)
    if reason is not None:
        return f"{name}() is not supported: {reason}"
    return f"{name}() is not supported (RHI Desktop expressions can use {supported})"


def _called(text: str) -> list[str]:
    """Names written as calls, ignoring anything inside quotes."""
    found = (match.group(1) for match in _CALL.finditer(_blank_quoted(text)))
    return [name for name in found if name not in _OPERATORS]


def _blank_quoted(text: str) -> str:
    out: list[str] = []
    quote: str | None = None
    for ch in text:
        if quote is None:
            if ch in "'\"":
                quote = ch
            out.append(ch)
        elif ch == quote:
            quote = None
            out.append(ch)
        else:
            out.append(" ")
    return "".join(out)
