"""Answers a change hid are held on this device while the form offers Undo, so that a
crash or power cut with the notice up does not lose them: reopening the form offers
Undo again. Closing the form as agreed, dismissing the notice or undoing lets go."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from rhi_desktop.forms.versions import FormRegistry
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import ACTOR, Draft, editor_for
from tests.ui.forms.keyboard import Keyboard
from tests.ui.forms.test_hidden_answers import answer_the_venue
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import FormRenderer

DECLINED = "Declined by the young person"


def _hide_the_venue(editor: InterviewFormEditor, keyboard: Keyboard) -> str:
    """Accept, answer where they met, then decline: the venue's answer is hidden."""
    outcome, _ = answer_the_venue(editor, keyboard)
    kept = editor.renderer.session.record()["venue_type"]
    keyboard.to_section(editor.renderer, "offer")
    keyboard.choose(outcome, DECLINED)
    assert editor.renderer.hidden_notice is not None
    return str(kept)


def _crash_and_reopen(
    editor: InterviewFormEditor, open_editor: Callable[..., InterviewFormEditor]
) -> InterviewFormEditor:
    """Stop as a crash would: no more timed writes (the editor is left open, neither hidden
    nor closed, which would save); then open the draft again from the store."""
    editor.saver.stop()
    return open_editor()


def _accept_again(editor: InterviewFormEditor, keyboard: Keyboard) -> None:
    """Choose Accepted for the offer again, by keyboard, and save."""
    outcome = editor.renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Accepted")
    editor.flush()


def _autosaved(qtbot: QtBot, editor: InterviewFormEditor) -> None:
    """Wait for the autosave, the form left alone."""
    qtbot.waitUntil(lambda: not editor.saver.pending, timeout=5000)


def test_a_form_reopened_after_a_crash_offers_undo_again(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
) -> None:
    first = open_editor()
    venue = _hide_the_venue(first, keyboard)
    _autosaved(qtbot, first)
    assert "venue_type" not in draft.answers()  # not kept with the interview
    assert draft.store.held_answers.get(draft.interview_id) is not None

    reopened = _crash_and_reopen(first, open_editor)

    renderer = reopened.renderer
    notice = renderer.hidden_notice
    assert notice is not None
    assert "What was the outcome?" in notice.text.text()
    assert "Where we met and who was there" in notice.text.text()
    assert renderer.session.record() == draft.answers()  # hidden again, still not kept
    notice.undo_button.click()
    assert renderer.hidden_notice is None
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox) and outcome.currentText() == "Accepted"
    reopened.flush()
    assert draft.answers()["offer_outcome"] == "accepted"
    assert draft.answers()["venue_type"] == venue
    assert draft.store.held_answers.get(draft.interview_id) is None


def test_dismissing_ends_undo_but_the_open_form_and_a_reopened_one_still_agree(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    venue = _hide_the_venue(editor, keyboard)
    editor.flush()

    notice = editor.renderer.hidden_notice
    assert notice is not None
    notice.dismiss_button.click()
    editor.flush()

    held = draft.store.held_answers.get(draft.interview_id)
    assert held is not None and held["question"] is None  # no Undo to offer again
    reopened = open_editor()
    assert reopened.renderer.hidden_notice is None
    _accept_again(reopened, keyboard)  # as in the open form: the venue comes back
    assert draft.answers()["venue_type"] == venue


def test_closing_the_form_as_agreed_lets_go_of_the_held_answers(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    _hide_the_venue(editor, keyboard)
    editor.flush()
    assert draft.store.held_answers.get(draft.interview_id) is not None

    editor.close()  # the interview's window asked first (see test_unsaved_answers)

    assert draft.store.held_answers.get(draft.interview_id) is None
    assert open_editor().renderer.hidden_notice is None


@pytest.mark.parametrize(
    "content",
    [
        {"question": "offer_outcome", "row": None, "before": "accepted",
         "hidden": [["no_such_question", None]], "answers": {"no_such_question": "x"},
         "rows": {}},
        {"question": 7, "answers": "not a record"},
    ],
)  # fmt: skip
def test_held_answers_that_do_not_fit_the_form_are_set_aside_and_the_draft_opens(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft, content: dict[str, Any]
) -> None:
    version = draft.store.interviews.get(draft.interview_id).version
    with draft.store.transaction(ACTOR) as tx:
        tx.held_answers.put(draft.interview_id, version, content)

    editor = open_editor()

    assert editor.renderer.hidden_notice is None
    assert editor.renderer.session.record() == draft.answers()
    editor.close()  # nothing changed, but what was set aside is not kept
    assert draft.store.held_answers.get(draft.interview_id) is None


def test_answers_an_earlier_change_hid_are_still_there_after_a_crash(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
) -> None:
    first = open_editor()
    venue = _hide_the_venue(first, keyboard)
    offered = first.renderer.field_view("carer_information_offered").controls()
    keyboard.pick_radio(offered, 0)  # yes
    shared = first.renderer.field_view("carer_information")  # sensitive, not given yet
    keyboard.fill(shared.controls()[0], "Leaflet")
    assert first.renderer.session.answer("carer_information") == "Leaflet"
    keyboard.pick_radio(offered, 1)  # no: this notice replaces the one about the venue
    _autosaved(qtbot, first)

    reopened = _crash_and_reopen(first, open_editor)

    notice = reopened.renderer.hidden_notice
    assert notice is not None and "(answers hidden: 1)" in notice.text.text()
    _accept_again(reopened, keyboard)  # as in the open form: the venue comes back
    assert draft.answers()["venue_type"] == venue


def test_a_notice_offered_again_is_read_out_when_the_form_is_shown(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    heard: Heard,
) -> None:
    first = open_editor()
    _hide_the_venue(first, keyboard)
    _autosaved(qtbot, first)
    heard.clear()

    reopened = _crash_and_reopen(first, open_editor)

    notice = reopened.renderer.hidden_notice
    assert notice is not None
    assert heard == [(notice.text.text(), QAccessible.AnnouncementPoliteness.Polite)]
    reopened.hide()
    reopened.show()
    assert len(heard) == 1  # once, not each time the form is shown again


def test_dismissing_is_saved_at_once(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    _hide_the_venue(editor, keyboard)
    editor.flush()
    notice = editor.renderer.hidden_notice
    assert notice is not None

    notice.dismiss_button.click()
    QApplication.processEvents()  # no more than the click's own turn of the event loop

    held = draft.store.held_answers.get(draft.interview_id)
    assert held is not None and held["question"] is None  # a crash now brings no notice back
    assert not editor.saver.pending


def test_letting_go_of_a_later_change_keeps_what_an_earlier_change_hid(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    for question_id, value in (
        ("offer_outcome", "declined_by_child"),
        ("declined_reason", "Did not want to talk"),
        ("offer_outcome", "accepted"),  # hides the reason
        ("venue_type", "other"),
        ("venue_other", "Park"),
        ("venue_type", "school"),  # hides where: this notice replaces the first
    ):
        renderer.enter(question_id, value)
    notice = renderer.hidden_notice
    assert notice is not None
    notice.undo_button.click()  # Undo of the second change only
    QApplication.processEvents()

    reopened = _crash_and_reopen(editor, open_editor)

    reopened.renderer.enter("offer_outcome", "declined_by_child")  # as in the open form
    assert reopened.renderer.session.record()["declined_reason"] == "Did not want to talk"


def test_undo_from_another_section_holds_what_it_hides_before_the_section_saves(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "not_offered")
    renderer.enter("not_offered_reason", "Moved away")
    renderer.enter("offer_outcome", "accepted")  # hides the reason
    renderer.show_section("venue")  # the interviewer carries on
    renderer.enter("venue_type", "school")
    notice = renderer.hidden_notice
    assert notice is not None

    notice.undo_button.click()  # goes back to the offer's section, which saves at once

    told = renderer.hidden_notice  # undoing hid the venue: Undo is offered for that
    assert told is not None
    reopened = _crash_and_reopen(editor, open_editor)
    again = reopened.renderer.hidden_notice
    assert again is not None and again.text.text() == told.text.text()


OUTCOMES = ("accepted", "declined_by_child", "not_offered", "no_contact", None)
CHOICES = {
    "child_consulted": ("yes", "no", None),
    "carer_information_offered": ("yes", "no", None),
    "venue_type": ("school", "other", None),
    "interpreter_used": ("yes", "no"),
    "immediate_concern": ("yes", "no"),
}
TEXTS = (
    "child_choice", "not_consulted_reason", "declined_reason", "not_offered_reason",
    "carer_information", "venue_other", "interpreter_language", "before_story",
    "concern_details",
)  # fmt: skip


def _step(rng: random.Random, renderer: FormRenderer) -> None:
    """One thing an interviewer might do next, chosen at random among what is on offer."""
    session = renderer.session
    pick = rng.random()
    if pick < 0.2:
        renderer.enter("offer_outcome", rng.choice(OUTCOMES))
    elif pick < 0.4:
        question = rng.choice(list(CHOICES))
        if session.is_relevant(question):
            renderer.enter(question, rng.choice(CHOICES[question]))
    elif pick < 0.55:
        question = rng.choice(TEXTS)
        if session.is_relevant(question):
            renderer.enter(question, f"Said {rng.randint(0, 99)}")
    elif pick < 0.75 and session.is_relevant("people"):
        rows = session.row_count("people")
        if rows == 0 or rng.random() < 0.25:
            renderer.add_row("people")
        elif rng.random() < 0.2:
            renderer.remove_row("people", rng.randrange(rows))
        else:
            row = rng.randrange(rows)
            question = rng.choice(("person_name", "person_concern", "person_concern_details"))
            value = rng.choice(("yes", "no", None)) if question == "person_concern" else "Jo"
            if session.is_relevant(question, row):
                renderer.enter(question, value, row)
    elif (notice := renderer.hidden_notice) is not None:
        (notice.undo_button if rng.random() < 0.7 else notice.dismiss_button).click()


def _state(editor: InterviewFormEditor) -> tuple[object, ...]:
    """What the interviewer has: the record, every hidden answer, the notice, and Undo."""
    renderer = editor.renderer
    session = renderer.session
    notice = renderer.hidden_notice
    return (
        session.record(),
        {key: session.entry(key.id, key.row) for key in session.hidden_entries()},
        None if notice is None else notice.text.text(),
        renderer.held_answers(),
    )


@pytest.mark.parametrize("seed", range(6))
def test_after_any_steps_a_crash_and_reopening_give_back_the_same_form(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    registry: FormRegistry,
    draft: Draft,
    seed: int,
) -> None:
    rng = random.Random(seed)
    editor = open_editor()
    for _ in range(20):
        _step(rng, editor.renderer)
        QApplication.processEvents()  # what letting go saves at once
        editor.flush()  # and the autosave, as two seconds pass

        reopened = editor_for(draft, registry)  # as after a crash at this point
        qtbot.addWidget(reopened)
        assert _state(reopened) == _state(editor)
        reopened.saver.stop()
        reopened.deleteLater()
