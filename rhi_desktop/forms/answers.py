"""Typed answer values: reading what a widget or a stored record gives, and writing JSON.

A question's answer is `None` when empty, following XLSForm: blank text, an empty
selection and a location with neither description nor postcode are all unanswered.
Input that cannot be read as the question's type raises `AnswerTypeError`, whose message
names the expected form of the answer and never repeats the input (it may be personal).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

from rhi_desktop.forms.expressions.temporal import (
    YEARS,
    aware_utc,
    naive_datetime,
    parse_date,
    parse_datetime,
    parse_time,
    twice_advice,
    twice_in_london,
)
from rhi_desktop.forms.expressions.values import Value
from rhi_desktop.forms.model import Question, QuestionType
from rhi_desktop.plain_text import kept_text, shows


@dataclass(frozen=True, slots=True)
class Location:
    """Where something happened: a description in the child's words and, if known, a postcode."""

    description: str = ""
    postcode: str | None = None


AnswerValue = str | int | float | date | datetime | time | tuple[str, ...] | Location
"""text/choice: str; integer and scale: int; decimal: float; date; datetime (aware UTC);
time; multiple choice: tuple of values in choice-list order; location: Location."""


class TypeProblem(StrEnum):
    """Why input is not an answer of the question's type, for a screen to word."""

    WRONG_KIND = "wrong_kind"  # not the kind of answer the question takes
    TOO_LARGE = "too_large"  # a number beyond what is stored
    NOT_A_CHOICE = "not_a_choice"  # a value the question's choices do not have
    NOT_A_POSTCODE = "not_a_postcode"
    TOO_LONG = "too_long"  # more text than an answer of its kind is kept to


class AnswerTypeError(ValueError):
    """Input that is not a valid answer for the question's type (message is safe to show,
    in English, for logs; `problem` says which way, for a screen to word)."""

    def __init__(self, message: str, problem: TypeProblem = TypeProblem.WRONG_KIND) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class InvalidAnswer:
    """Input kept as typed, so the interviewer can correct it, with why it is not valid."""

    raw: object = field(repr=False)  # what was typed may be personal: keep it out of logs
    problem: str = ""
    kind: TypeProblem = TypeProblem.WRONG_KIND


YES_NO = ("yes", "no")
LONGEST_TEXT = {QuestionType.TEXT: 2_000, QuestionType.LONG_TEXT: 20_000}
"""The most characters a text answer keeps: a name or a place in a line, a child's
account in some three thousand words. Far longer text (a document pasted whole) would
make the interview too long to send."""
MAX_WHOLE_NUMBER = 10**15
MAX_WHOLE_DIGITS = len(str(MAX_WHOLE_NUMBER))
_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
# UK postcode, including the BFPO-free special case GIR 0AA.
_POSTCODE = re.compile(r"(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})")


def coerce_answer(
    question: Question, raw: object, choices: Sequence[str] | None
) -> AnswerValue | None:
    """Read `raw` (a typed value, widget text, or the JSON written by `to_json`).

    `choices` are the allowed values, in list order, for choice questions.
    """
    if raw is None:
        return None
    kind = question.type
    if kind in (QuestionType.TEXT, QuestionType.LONG_TEXT):
        # One spelling for text that reads alike: 'Siân' pasted with its accent as a mark
        # of its own was five letters long and not equal to 'Siân' typed on a keyboard.
        text = unicodedata.normalize("NFC", kept_text(_text(raw, "text")))
        if not shows(text):
            return None  # a required answer of invisible marks is not an answer
        longest = LONGEST_TEXT[kind]
        if len(text) > longest:
            raise AnswerTypeError(
                f"shorten it to at most {longest} characters", TypeProblem.TOO_LONG
            )
        return text
    if kind in (QuestionType.INTEGER, QuestionType.SCALE):
        number = _whole(raw)
        if number is not None and question.scale is not None:
            low, high = question.scale.min, question.scale.max
            if not low <= number <= high:
                raise AnswerTypeError(f"choose a point from {low} to {high}")
        return number
    if kind is QuestionType.DECIMAL:
        return _decimal(raw)
    if kind is QuestionType.DATE:
        return _date(raw)
    if kind is QuestionType.DATETIME:
        return _datetime(raw)
    if kind is QuestionType.TIME:
        return _time(raw)
    if kind is QuestionType.YES_NO:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        return _single(raw, YES_NO)
    if kind is QuestionType.SINGLE_CHOICE:
        return _single(raw, choices or ())
    if kind is QuestionType.MULTIPLE_CHOICE:
        return _multiple(raw, choices or ())
    if kind is QuestionType.LOCATION:
        return _location(raw)
    raise AnswerTypeError(f"a {kind.value} question takes no answer here")


def _text(raw: object, what: str) -> str:
    if not isinstance(raw, str):
        raise AnswerTypeError(f"expected {what}")
    return raw


def _whole(raw: object) -> int | None:
    if isinstance(raw, bool):
        raise AnswerTypeError("enter a whole number")
    if isinstance(raw, int):
        number = raw
    elif isinstance(raw, float) and raw.is_integer():
        number = int(raw)
    else:
        text = _text(raw, "a whole number").strip()
        if not text:
            return None
        if not _WHOLE.fullmatch(text):
            raise AnswerTypeError("enter a whole number")
        if len(text.lstrip("+-0")) > MAX_WHOLE_DIGITS:  # judged before Python reads it
            raise AnswerTypeError("the number is too large", TypeProblem.TOO_LARGE)
        number = int(text)
    if abs(number) > MAX_WHOLE_NUMBER:
        raise AnswerTypeError("the number is too large", TypeProblem.TOO_LARGE)
    return number


def _decimal(raw: object) -> float | None:
    if isinstance(raw, bool):
        raise AnswerTypeError("enter a number")
    if isinstance(raw, int) and abs(raw) > MAX_WHOLE_NUMBER:  # float() may not take it
        raise AnswerTypeError("the number is too large", TypeProblem.TOO_LARGE)
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        text = _text(raw, "a number").strip()
        if not text:
            return None
        if not _DECIMAL.fullmatch(text):
            raise AnswerTypeError("enter a number, like 2.5")
        number = float(text)
    if math.isnan(number):  # a definition's default can hold one; typing cannot
        raise AnswerTypeError("enter a number")
    if not math.isfinite(number) or abs(number) > MAX_WHOLE_NUMBER:
        raise AnswerTypeError("the number is too large", TypeProblem.TOO_LARGE)
    return number


SHOWN_DIGITS = 15
"""The significant digits a decimal is shown to: all a float holds exactly, so a typed
0.00005 reads back as typed, and 0.1 + 0.2 worked out by a form reads 0.3."""


def decimal_text(value: float) -> str:
    """A decimal as people write one: '0.00005', not '5e-05'; '2', not '2.0'; '0', not
    '-0'."""
    if not math.isfinite(value):
        return str(value)
    shown = format(Decimal(f"{value:.{SHOWN_DIGITS}g}"), "f")
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


_NOT_A_DATE = f"enter a real date from {YEARS[0]} to {YEARS[-1]} as YYYY-MM-DD"
_NOT_A_DATETIME = f"enter a real date and time from {YEARS[0]} to {YEARS[-1]} as YYYY-MM-DDTHH:MM"


def _date(raw: object) -> date | None:
    if isinstance(raw, datetime):
        raise AnswerTypeError("enter a date without a time")
    if isinstance(raw, date):
        if raw.year not in YEARS:
            raise AnswerTypeError(_NOT_A_DATE)
        return raw
    text = _text(raw, "a date").strip()
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None or parsed.year not in YEARS:
        raise AnswerTypeError(_NOT_A_DATE)
    return parsed


def _datetime(raw: object) -> datetime | None:
    """An answer's instant. A London time in the hour that happens twice is refused
    without its offset: an hour out moves the 72-hour deadline."""
    naive = raw if isinstance(raw, datetime) else None
    if isinstance(raw, str):
        naive = naive_datetime(raw.strip())
    if naive is not None and naive.year in YEARS and twice_in_london(naive):
        raise AnswerTypeError(twice_advice(naive))
    if isinstance(raw, datetime):
        try:
            instant = aware_utc(raw)
        except (ValueError, OverflowError):
            raise AnswerTypeError(_NOT_A_DATETIME) from None
        if instant.year not in YEARS:
            raise AnswerTypeError(_NOT_A_DATETIME)
        return instant
    text = _text(raw, "a date and time").strip()
    if not text:
        return None
    parsed = parse_datetime(text)
    if parsed is None or parsed.year not in YEARS:
        raise AnswerTypeError(_NOT_A_DATETIME)
    return parsed


def _time(raw: object) -> time | None:
    if isinstance(raw, time):
        if raw.tzinfo is not None:  # a wall-clock time has no zone, and cannot be compared
            raise AnswerTypeError("enter a real time as HH:MM")
        return raw.replace(microsecond=0)  # as a record can keep it, and read it back
    text = _text(raw, "a time").strip()
    if not text:
        return None
    parsed = parse_time(text)
    if parsed is None:
        raise AnswerTypeError("enter a real time as HH:MM")
    return parsed


def _single(raw: object, allowed: Sequence[str]) -> str | None:
    value = _text(raw, "one of the choices").strip()
    if not value:
        return None
    if value not in allowed:
        raise AnswerTypeError("not one of the choices", TypeProblem.NOT_A_CHOICE)
    return value


def _multiple(raw: object, allowed: Sequence[str]) -> tuple[str, ...] | None:
    if isinstance(raw, str):
        picked = raw.split()
    elif isinstance(raw, list | tuple | set | frozenset):
        picked = list(raw)
    else:
        raise AnswerTypeError("expected a list of choices")
    if not all(isinstance(value, str) for value in picked):
        raise AnswerTypeError("expected a list of choices")
    if any(value not in allowed for value in picked):
        raise AnswerTypeError("not one of the choices", TypeProblem.NOT_A_CHOICE)
    chosen = set(picked)
    return tuple(value for value in allowed if value in chosen) or None


def _location(raw: object) -> Location | None:
    if isinstance(raw, Location):
        description, postcode = raw.description, raw.postcode
    elif isinstance(raw, Mapping) and set(raw) <= {"description", "postcode"}:
        description = raw.get("description") or ""
        postcode = raw.get("postcode")
        if not isinstance(description, str) or not isinstance(postcode, str | None):
            raise AnswerTypeError("a location is a description and an optional postcode")
    else:
        raise AnswerTypeError("a location is a description and an optional postcode")
    normalised = normalise_postcode(postcode) if postcode and postcode.strip() else None
    if not description.strip() and normalised is None:
        return None
    return Location(description.strip(), normalised)


def normalise_postcode(text: str) -> str:
    """'sw1a1aa' -> 'SW1A 1AA'; AnswerTypeError for anything not shaped like a UK postcode."""
    compact = "".join(text.split()).upper()
    if not _POSTCODE.fullmatch(compact):
        raise AnswerTypeError("not a valid UK postcode", TypeProblem.NOT_A_POSTCODE)
    return f"{compact[:-3]} {compact[-3:]}"


def to_json(value: AnswerValue) -> Any:
    """The JSON form kept in an interview record (dates ISO-8601, instants in UTC)."""
    if isinstance(value, Location):
        return {"description": value.description, "postcode": value.postcode}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, date | time):  # datetime is a date too
        return value.isoformat()
    return value


def as_value(answer: AnswerValue | None) -> Value:
    """How an answer reads in expressions: numbers as floats, a location as its text."""
    if answer is None:
        return ""
    if isinstance(answer, Location):
        return answer.description or answer.postcode or ""
    if isinstance(answer, int):
        return float(answer)
    return answer
