"""Runtime values, static value types, and the empty-answer rules (XLSForm / ODK semantics).

Runtime values are `str`, `float` (every number), `bool`, `date`, `datetime` (aware),
`time` and `tuple[str, ...]` (the values picked in a multiple-choice question).

Empty answers, as in ODK Collect:

1. An unanswered, invalid or irrelevant question reads as the empty string `''`.
2. A number that could not be computed is NaN, and NaN counts as empty too; so
   arithmetic with an empty operand gives NaN (empty): `'' + 1` is empty, as is
   `x div 0` and `x mod 0`.
3. `=` with an empty side is true only when both sides are empty: `${q} = ''` is true
   for an unanswered question, `${age} = 5` is false and `${age} != 5` true when age is
   empty.
4. Ordering (`< <= > >=`) with an empty side is always false, so `${age} < 13` does not
   hold for an unanswered age.
5. `selected(empty, v)` is false; `count-selected(empty)` is 0; `string-length(empty)`
   is 0; `coalesce(a, b)` gives `b` when `a` is empty.
6. true/false values are never empty: comparisons, `and`, `or`, `not()` and
   `selected()` always give a boolean.

Dates and times: `today()` is the Europe/London date at the injected clock's instant and
`now()` that instant in UTC. A date, date-time or time may be compared with a literal in
its own ISO form (`${d} >= '2024-04-01'`); the literal is checked when the form loads.
A date and a date-time are compared by the date-time's London date, so an interview on
13 March is not before an offer made at 09:00 that day.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from enum import StrEnum

Value = str | float | bool | date | datetime | time | tuple[str, ...]

EMPTY: Value = ""


class ValueType(StrEnum):
    """What an expression (or a question, when referenced) evaluates to."""

    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "true/false"
    DATE = "date"
    DATETIME = "date-time"
    TIME = "time"
    CHOICES = "multiple choice"
    LOCATION = "location"
    ROWS = "repeat group"


ORDERED_TYPES = frozenset({ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME, ValueType.TIME})
TEMPORAL_TYPES = frozenset({ValueType.DATE, ValueType.DATETIME, ValueType.TIME})
DAY_TYPES = frozenset({ValueType.DATE, ValueType.DATETIME})
"""A date meets a date-time on the date-time's London day: 'not before the offer' is a
question of days, as a person reads it."""


def is_empty(value: Value) -> bool:
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, tuple):
        return not value
    return False


def type_of(value: Value) -> ValueType:
    """The runtime type of a non-empty value (datetime checked before its base class date)."""
    if isinstance(value, bool):
        return ValueType.BOOLEAN
    if isinstance(value, float):
        return ValueType.NUMBER
    if isinstance(value, str):
        return ValueType.TEXT
    if isinstance(value, datetime):
        return ValueType.DATETIME
    if isinstance(value, date):
        return ValueType.DATE
    if isinstance(value, time):
        return ValueType.TIME
    return ValueType.CHOICES
