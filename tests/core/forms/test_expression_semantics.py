"""The XLSForm empty-answer rules and each function, as an interviewer's form relies on them."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time

import pytest

from rhi_desktop.forms.expressions import (
    ExpressionError,
    MappingContext,
    Value,
    evaluate,
    parse,
)

LATE_EVENING_UTC = datetime(2024, 6, 1, 23, 30, tzinfo=UTC)  # already 2 June in London (BST)

VALUES: dict[str, Value] = {
    "age": 15.0,
    "unanswered_age": "",
    "name": "Sam",
    "unanswered_text": "",
    "risks": ("cse", "county_lines"),
    "unanswered_risks": "",
    "interview_date": date(2024, 5, 31),
    "unanswered_date": "",
    "signed_at": datetime(2024, 6, 1, 9, 0, tzinfo=UTC),
    "offered_at": datetime(2024, 6, 12, 23, 30, tzinfo=UTC),  # 00:30 on 13 June in London
    "held_on": date(2024, 6, 12),
    "start": time(10, 0),
    "end": time(11, 15),
    "huge": 1e308,
}


def run(text: str, current: Value = "") -> Value:
    context = MappingContext(
        VALUES, rows={"people": 3}, current_value=current, clock=lambda: LATE_EVENING_UTC
    )
    return evaluate(parse(text), context)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unanswered question reads as '' and equals only another empty value.
        ("${unanswered_text} = ''", True),
        ("${unanswered_age} = ''", True),
        ("${unanswered_risks} = ''", True),
        ("${unanswered_date} = ''", True),
        ("${name} = ''", False),
        ("${age} != ''", True),
        ("${unanswered_age} = 5", False),
        ("${unanswered_age} != 5", True),
        # Ordering with an empty side never holds.
        ("${unanswered_age} < 13", False),
        ("${unanswered_age} >= 13", False),
        ("${unanswered_date} < today()", False),
        # selected / count-selected / string-length of empty.
        ("selected(${unanswered_risks}, 'cse')", False),
        ("selected(${unanswered_risks}, ${unanswered_text})", False),
        ("selected(${unanswered_text}, ${unanswered_text})", False),
        ("selected(${name}, ${unanswered_text})", False),
        ("count-selected(${unanswered_risks}) = 0", True),
        ("string-length(${unanswered_text}) = 0", True),
        # Arithmetic with empty is empty, and empty compares equal to ''.
        ("${unanswered_age} + 1 = ''", True),
        ("${unanswered_age} * 0 = 0", False),
        ("coalesce(${unanswered_age}, 99) = 99", True),
        ("coalesce(${age}, 99) = 15", True),
        # Division and mod by zero are empty rather than infinite.
        ("1 div 0 = ''", True),
        ("5 mod 0 = ''", True),
    ],
)
def test_empty_answers_follow_xlsform_rules(text: str, expected: bool) -> None:
    assert run(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selected(${risks}, 'cse')", True),
        ("selected(${risks}, 'trafficking')", False),
        ("count-selected(${risks})", 2.0),
        ("string-length(${name})", 3.0),
        ("if(${age} < 16, 'under 16', '16 or over')", "under 16"),
        ("coalesce(${unanswered_text}, ${name})", "Sam"),
        ("count(${people})", 3.0),
        ("-${age} * 2", -30.0),
        ("7 mod 3", 1.0),
        ("-7 mod 3", -1.0),
        ("7 div 2", 3.5),
        # Numbers this close are equal, as in ODK: sums of decimals come out as written.
        ("0.1 + 0.2 = 0.3", True),
        ("1.1 + 2.2 != 3.3", False),
        ("0.3 = 0.3001", False),
        ("2 + 3 * 4", 14.0),
        ("(2 + 3) * 4", 20.0),
        ("10 - 4 - 3", 3.0),
        ("not(${age} > 18)", True),
        ("${age} > 10 and ${age} < 18 or ${name} = 'x'", True),
        ("${end} > ${start}", True),
        ("${interview_date} >= '2024-05-31'", True),
        ("${interview_date} = '2024-05-31'", True),
        ("${signed_at} < now()", True),
        # A date meets a date-time on the date-time's London day.
        ("${signed_at} > ${interview_date}", True),
        ("${interview_date} >= ${signed_at}", False),
        ("${interview_date} != ${signed_at}", True),
        ("today() = now()", True),  # 23:30 UTC is already the next day in London
        # On either side: an offer at 00:30 BST on 13 June came after a meeting on the 12th.
        ("${offered_at} <= ${held_on}", False),
        ("${held_on} >= ${offered_at}", False),
        ("${offered_at} > ${held_on}", True),
        ("${held_on} < ${offered_at}", True),
        # Ticked answers read as their values with a space between, as XLSForm has them.
        ("${risks} = 'cse county_lines'", True),
        ("'cse county_lines' = ${risks}", True),
        ("${risks} = 'cse'", False),
        ("today() > now()", False),
    ],
)
def test_operators_and_functions_give_xpath_results(text: str, expected: Value) -> None:
    assert run(text) == expected


def test_text_in_an_expression_is_read_in_the_spelling_answers_are_kept_in() -> None:
    """Answers are kept in one spelling (NFC); text an author wrote with an accent as a
    mark of its own (from a Mac, or copied out of a PDF) matched no answer."""
    written = "'Sia\u0302n'"
    typed = MappingContext({"name": "Si\u00e2n"}, clock=lambda: LATE_EVENING_UTC)
    assert evaluate(parse(f"${{name}} = {written}"), typed) is True
    assert run(f"string-length({written})") == 4.0


def test_today_is_the_london_date_of_the_injected_clock() -> None:
    assert run("today()") == date(2024, 6, 2)
    assert run("now()") == LATE_EVENING_UTC


def test_dot_is_the_answer_a_constraint_is_checking() -> None:
    assert run(". >= 0 and . <= 100", current=42.0) is True
    assert run(". >= 0 and . <= 100", current=142.0) is False
    assert run("not(selected(., 'none')) or count-selected(.) = 1", current=("none", "x")) is False


def test_overflowing_arithmetic_gives_infinity_then_empty_never_an_exception() -> None:
    assert run("${huge} * 10") == math.inf
    assert run("${huge} * 10 - ${huge} * 10 = ''") is True
    assert run("(${huge} * 10) mod 3 = ''") is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("${name} + 1", "arithmetic needs numbers, not text"),
        ("${age} and ${age} > 1", "expected a true/false condition, not number"),
        # (selected() on text is "is that the choice?": XLSForm allows it on a single choice)
        ("count-selected(${name})", "needs a multiple-choice answer, not text"),
        ("string-length(${age})", "string-length() needs text, not number"),
        ("${missing} = 1", "unknown field ${missing}"),
        ("${name} < 'Z'", "cannot order text with text"),
        ("frobnicate(1)", "unknown function frobnicate()"),
    ],
)
def test_unchecked_ill_typed_expressions_raise_expression_error_only(
    text: str, message: str
) -> None:
    with pytest.raises(ExpressionError) as caught:
        run(text)
    assert message in str(caught.value)
    assert "Sam" not in str(caught.value)
