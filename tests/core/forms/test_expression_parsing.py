"""Parsing: precedence as in XPath, clear errors with positions, and a cap on nesting."""

from __future__ import annotations

import pytest

from rhi_desktop.forms.expressions import MAX_DEPTH, ExpressionError, parse, references
from rhi_desktop.forms.expressions.nodes import Binary, Call, Current, Negate, Number, Ref, Text


def test_precedence_and_associativity_follow_xpath() -> None:
    assert parse("1 + 2 * 3") == Binary("+", Number(1), Binary("*", Number(2), Number(3)))
    assert parse("8 - 4 - 2") == Binary("-", Binary("-", Number(8), Number(4)), Number(2))
    assert parse("-2 * 3") == Binary("*", Negate(Number(2)), Number(3))
    assert parse("${a} = 1 or ${b} < 2 and not(.)") == Binary(
        "or",
        Binary("=", Ref("a"), Number(1)),
        Binary("and", Binary("<", Ref("b"), Number(2)), Call("not", (Current(),))),
    )


def test_literals_references_and_functions_parse_to_plain_nodes() -> None:
    assert parse('"double"') == Text("double")
    assert parse(".5") == Number(0.5)
    assert parse("count-selected(${risks})") == Call("count-selected", (Ref("risks"),))
    assert parse("today()") == Call("today", ())
    assert parse("2 div-1") == Binary("div", Number(2), Negate(Number(1)))
    assert references(parse("if(${a} = 'x', ${b}, count(${rows}))")) == {"a", "b", "rows"}


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("", "the expression is empty", 0),
        ("${a} = ", "the expression ends where a value was expected", 7),
        ("${a} = 'yes", "text is missing its closing quote", 7),
        ("${where slept} = 1", "a reference must name a question id", 0),
        ("${a", "reference is missing its closing '}'", 0),
        ("$a", "'$' must start a reference", 0),
        ("(1 + 2", "expected ')' to close '('", 6),
        ("1 2", "unexpected '2'", 2),
        ("'it''s'", "unexpected text in quotes", 4),
        ("yes = 1", "unknown name 'yes': quote text as 'yes', or refer to a question as ${yes}", 0),
        ("true", "unknown name 'true': for a fixed answer write true without quotes", 0),
        ("${a} ! 1", "'!' must be part of '!='", 5),
        ("selected(${a} 'x')", "expected ',' or ')' in selected()", 14),
        ("1 # 2", "unexpected character '#'", 2),
        ("and 1", "expected a value but found 'and'", 0),
        ("${a} = ²", "unexpected character '²'", 7),
    ],
)
def test_syntax_errors_name_the_problem_and_where_it_is(
    text: str, message: str, position: int
) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert message in caught.value.message
    assert caught.value.position == position
    assert str(caught.value).endswith(f"at character {position + 1}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(" * 10_000 + "1" + ")" * 10_000, f"nests more than {MAX_DEPTH} levels"),
        ("-" * 10_000 + "1", f"nests more than {MAX_DEPTH} levels"),
        ("not(" * 5_000 + "1" + ")" * 5_000, f"nests more than {MAX_DEPTH} levels"),
        ("1" + " + 1" * 10_000, f"chains more than {MAX_DEPTH} terms"),
        (" and ".join(["${a} = 1"] * 5_000), f"chains more than {MAX_DEPTH} terms"),
        (" or ".join(["${a} = 1"] * (MAX_DEPTH + 1)), f"chains more than {MAX_DEPTH} terms"),
    ],
)
def test_pathologically_deep_expressions_fail_cleanly_instead_of_overflowing(
    text: str, message: str
) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert message in caught.value.message


def test_expressions_just_under_the_depth_cap_still_parse() -> None:
    parse("(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1))
    parse("1" + " + 1" * (MAX_DEPTH - 2))
