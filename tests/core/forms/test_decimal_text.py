"""A decimal answer is shown in figures as people write them, and reads back as stored:
never '5e-05', which the decimal input itself refuses, nor '2.0' or '0.30000000000000004'."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rhi_desktop.forms import Question, QuestionType, decimal_text
from rhi_desktop.forms.answers import MAX_WHOLE_NUMBER, SHOWN_DIGITS, coerce_answer

DECIMAL = Question(id="amount", type=QuestionType.DECIMAL, label="How much?")


def test_decimals_read_as_written() -> None:
    assert decimal_text(5e-05) == "0.00005"
    assert decimal_text(2.0) == "2"
    assert decimal_text(-2.5) == "-2.5"
    assert decimal_text(-0.0) == "0"
    assert decimal_text(0.1 + 0.2) == "0.3"
    assert decimal_text(1234567.5) == "1234567.5"
    assert decimal_text(1e15) == "1000000000000000"


@given(
    st.floats(min_value=-MAX_WHOLE_NUMBER, max_value=MAX_WHOLE_NUMBER, allow_nan=False).map(
        lambda n: float(f"{n:.{SHOWN_DIGITS}g}")
    )
)
def test_every_answer_shown_reads_back_as_the_same_number(number: float) -> None:
    shown = decimal_text(number)
    assert "e" not in shown.lower()
    assert coerce_answer(DECIMAL, shown, None) == number
