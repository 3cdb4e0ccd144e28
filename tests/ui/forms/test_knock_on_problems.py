"""An answer that brings up a problem on another answer says so as it is finished: the
other's message shows where that answer is, perhaps on another page, and the badge
counts it, but neither is where the interviewer is, nor what a screen reader reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.ui.conftest import Heard
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor


def _said(heard: Heard) -> list[str]:
    return [text for text, _ in heard]


def test_a_date_that_makes_an_agreed_action_too_early_says_where(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, heard: Heard
) -> None:
    renderer = open_editor().renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.enter("interview_date", date(2026, 11, 20))
    renderer.add_row("agreed_actions")
    renderer.enter("action_what", "Call the school", 0)
    renderer.enter("action_who", "Interviewer", 0)
    renderer.enter("action_by_when", date(2026, 11, 21), 0)
    renderer.show_section("venue", focus=True)
    (typed,) = renderer.field_view("interview_date").controls()
    typed.setFocus()
    typed.selectAll()
    heard.clear()

    keyboard.type("25/11/2026")
    assert _said(heard) == []  # nothing said mid-typing
    keyboard.tab_out()

    assert renderer.field_view("action_by_when", 0).message
    actions = renderer.page(renderer.field_view("action_by_when", 0).info.section_id).title
    assert _said(heard) == [f"Because of this answer, other answers need attention in: {actions}."]


def test_an_answer_that_brings_up_no_new_problem_says_nothing_of_others(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, heard: Heard
) -> None:
    renderer = open_editor().renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.show_section("venue", focus=True)
    (typed,) = renderer.field_view("interview_date").controls()
    typed.setFocus()
    heard.clear()

    keyboard.type("20/11/2026")
    keyboard.tab_out()

    assert not any("other answers" in text for text in _said(heard))
