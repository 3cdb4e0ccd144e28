"""Answered questions hidden by what no Undo can take back, a row added or removed or the
date changing, are told of in a notice with no Undo, which stays while any are still
hidden; they are kept aside beside the record, so closing asks before they go."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FieldKey, FormSession, load_form
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import age_form, fixed_clock
from ui.forms.renderer import FormRenderer

WHY_NONE = FieldKey("why_none")


def _counting_rows() -> dict[str, Any]:
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "people", "type": "repeat", "label": "People", "questions": [
            {"id": "name", "type": "text", "label": "Name"}]},
        {"id": "why_none", "type": "long_text", "label": "Why did nobody help?",
         "relevant": "count(${people}) = 0"},
        {"id": "worried", "type": "yes_no", "label": "Worried?"},
    ]  # fmt: skip
    return definition


def _shown(qtbot: QtBot, renderer: FormRenderer) -> FormRenderer:
    qtbot.addWidget(renderer)
    renderer.show()
    return renderer


def test_an_answer_a_new_row_hides_is_told_and_kept_aside(qtbot: QtBot, heard: Heard) -> None:
    """Adding a row hid 'Why did nobody help?' with no word: the record dropped it, and
    the window closed without asking, losing it for good."""
    session = FormSession(load_form(_counting_rows()), clock=fixed_clock)
    renderer = _shown(qtbot, FormRenderer(session))
    renderer.enter("why_none", "They were all scared")
    heard.clear()

    renderer.add_row("people")

    notice = renderer.hidden_notice
    assert notice is not None and not notice.undo_button.isVisibleTo(notice)
    assert "As rows were added or removed" in notice.text.text()
    assert heard[0][0] == notice.text.text()
    assert renderer.kept_aside() == {WHY_NONE}  # closing asks before it goes
    held = renderer.held_answers()
    assert held is not None and WHY_NONE in held.kept

    renderer.enter("worried", "yes")  # another answer: the notice still stands
    assert renderer.hidden_notice is notice

    renderer.remove_row("people", 0)  # asked again: back, and nothing left to tell
    assert session.answer("why_none") == "They were all scared"
    assert renderer.hidden_notice is None
    assert renderer.kept_aside() == frozenset()


def _a_day_hides_the_plan(qtbot: QtBot, others: list[dict[str, Any]]) -> FormRenderer:
    """A form whose plan is asked only for a meeting today or later, with `others`;
    the plan given for today's meeting, then the clock a day on: the plan is hidden."""
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "next_meeting", "type": "date", "label": "Next meeting"},
        {"id": "plan", "type": "text", "label": "Plan", "relevant": "${next_meeting} >= today()"},
        *others,
    ]
    now = [datetime(2026, 11, 27, 12, 0, tzinfo=UTC)]
    renderer = _shown(qtbot, FormRenderer(FormSession(load_form(definition), clock=lambda: now[0])))
    renderer.enter("next_meeting", date(2026, 11, 27))
    renderer.enter("plan", "Library")
    now[0] += timedelta(days=1)
    renderer.reevaluate()
    assert renderer.hidden_notice is not None
    return renderer


def test_a_notice_of_answers_the_date_hid_outlasts_other_answers(qtbot: QtBot) -> None:
    """It went at the next answer that showed or hid anything, though the answer it
    told of was still hidden, to be dropped on closing."""
    renderer = _a_day_hides_the_plan(qtbot, [
        {"id": "worried", "type": "yes_no", "label": "Worried?"},
        {"id": "why", "type": "text", "label": "Why?", "relevant": "${worried} = 'yes'"},
    ])  # fmt: skip

    renderer.enter("worried", "yes")

    assert renderer.hidden_notice is not None
    assert renderer.kept_aside() == {FieldKey("plan")}


def test_an_undo_whose_own_question_is_no_longer_asked_is_withdrawn(qtbot: QtBot) -> None:
    """Age rubbed out hid School; then Consent hid Age itself. The notice still offered to
    undo Age: Undo wrote 12 into a question no longer asked, School stayed hidden, and
    both were then held with no Undo and closing no longer asked."""
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "consent", "type": "yes_no", "label": "Consent?"},
        {"id": "age", "type": "integer", "label": "Age", "relevant": "${consent} = 'yes'"},
        {"id": "school", "type": "text", "label": "School", "relevant": "${age} < 16"},
    ]
    renderer = _shown(qtbot, FormRenderer(FormSession(load_form(definition), clock=fixed_clock)))
    renderer.enter("consent", "yes")
    renderer.enter("age", "12")
    renderer.enter("school", "Oak Lane")
    renderer.enter("age", None)
    assert renderer.offers_undo

    renderer.enter("consent", "no")

    assert not renderer.offers_undo
    notice = renderer.hidden_notice  # told of as kept aside, with no Undo
    assert notice is not None and not notice.undo_button.isVisibleTo(notice)
    assert FieldKey("school") in renderer.kept_aside()  # closing asks before it goes


def _rows_and_ages() -> dict[str, Any]:
    definition = _counting_rows()
    definition["sections"][0]["questions"] += [
        {"id": "consent", "type": "yes_no", "label": "Consent?"},
        {"id": "age", "type": "integer", "label": "Age", "relevant": "${consent} = 'yes'"},
        {"id": "school", "type": "text", "label": "School", "relevant": "${age} < 16"},
    ]
    return definition


def test_the_notice_never_offers_an_undo_used_up_while_a_row_hid_answers(
    qtbot: QtBot, heard: Heard
) -> None:
    """With a row's notice told earlier, the notice went on offering Undo of Age once it
    offered nothing; and once Age itself was no longer asked, nothing said that School
    was kept aside."""
    session = FormSession(load_form(_rows_and_ages()), clock=fixed_clock)
    renderer = _shown(qtbot, FormRenderer(session))
    renderer.enter("why_none", "They were all scared")
    renderer.add_row("people")
    renderer.enter("consent", "yes")
    renderer.enter("age", "12")
    renderer.enter("school", "Oak Lane")
    renderer.enter("age", None)  # hides School: Undo offered
    notice = renderer.hidden_notice
    assert notice is not None and notice.undo_button.isVisibleTo(notice)
    heard.clear()

    renderer.enter("consent", "no")  # hides Age itself: the Undo is withdrawn

    assert not renderer.offers_undo
    assert notice.isVisibleTo(renderer) and not notice.undo_button.isVisibleTo(notice)
    assert notice.text.text().startswith("\u26a0 Questions already answered are no longer")
    assert [said for said, _ in heard] == [notice.text.text()]
    assert renderer.kept_aside() == {WHY_NONE, FieldKey("school")}

    renderer.enter("age", None)  # nothing to do with it: the notice stands
    assert renderer.hidden_notice is notice


def test_a_dismissed_notice_of_kept_answers_stays_dismissed(qtbot: QtBot) -> None:
    """Dismissed, it came back by itself, fewer answers counted, as one was asked again."""
    definition = _counting_rows()
    definition["sections"][0]["questions"].append(
        {"id": "who_else", "type": "text", "label": "Who else?", "relevant": "count(${people}) = 0"}
    )
    session = FormSession(load_form(definition), clock=fixed_clock)
    renderer = _shown(qtbot, FormRenderer(session))
    renderer.enter("why_none", "They were all scared")
    renderer.enter("who_else", "No one")
    renderer.add_row("people")
    renderer.add_row("people")
    assert renderer.hidden_notice is not None

    renderer.dismiss_hidden()
    renderer.remove_row("people", 0)  # one row left: still hidden, nothing new

    assert renderer.hidden_notice is None


def test_removing_an_unrelated_row_leaves_the_notice_of_answers_the_date_hid(
    qtbot: QtBot,
) -> None:
    renderer = _a_day_hides_the_plan(qtbot, [
        {"id": "people", "type": "repeat", "label": "People", "questions": [
            {"id": "name", "type": "text", "label": "Name"}]},
    ])  # fmt: skip
    notice = renderer.hidden_notice

    renderer.add_row("people")
    renderer.remove_row("people", 0)

    assert renderer.hidden_notice is notice
