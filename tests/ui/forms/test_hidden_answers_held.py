"""Answers a change hid are held on this device while the form offers Undo, so that a
crash or power cut with the notice up does not lose them: reopening the form offers
Undo again. Closing the form as agreed, dismissing the notice or undoing lets go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from tests.ui.forms.conftest import ACTOR, Draft, Heard
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor

DECLINED = "Declined by the young person"


def _hide_the_venue(editor: InterviewFormEditor, keyboard: Keyboard) -> str:
    """Accept, answer where they met, then decline: the venue's answer is hidden."""
    renderer = editor.renderer
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Accepted")
    keyboard.to_section(renderer, "venue")
    venue = renderer.field_view("venue_type").controls()[0]
    assert isinstance(venue, QComboBox)
    keyboard.choose(venue, venue.itemText(2))
    editor.flush()
    kept = editor.renderer.session.record()["venue_type"]
    keyboard.to_section(renderer, "offer")
    keyboard.choose(outcome, DECLINED)
    assert renderer.hidden_notice is not None
    return str(kept)


def test_a_form_reopened_after_a_crash_offers_undo_again(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
) -> None:
    first = open_editor()
    venue = _hide_the_venue(first, keyboard)
    qtbot.waitUntil(lambda: not first.saver.pending, timeout=5000)  # autosave, untouched
    assert "venue_type" not in draft.answers()  # not kept with the interview
    assert draft.store.held_answers.get(draft.interview_id) is not None
    first.saver.stop()  # the app stops here, as in a crash: nothing more is written
    first.hide()

    reopened = open_editor()

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


def test_dismissing_the_notice_lets_go_of_the_held_answers(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    _hide_the_venue(editor, keyboard)
    editor.flush()
    assert draft.store.held_answers.get(draft.interview_id) is not None

    notice = editor.renderer.hidden_notice
    assert notice is not None
    notice.dismiss_button.click()
    editor.flush()  # nothing else changed: dismissing alone is saved

    assert draft.store.held_answers.get(draft.interview_id) is None
    assert draft.answers()["offer_outcome"] == "declined_by_child"
    assert open_editor().renderer.hidden_notice is None


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
def test_held_answers_that_do_not_fit_the_form_are_left_out_and_the_draft_opens(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft, content: dict[str, Any]
) -> None:
    version = draft.store.interviews.get(draft.interview_id).version
    with draft.store.transaction(ACTOR) as tx:
        tx.held_answers.put(draft.interview_id, version, content)

    editor = open_editor()

    assert editor.renderer.hidden_notice is None
    assert editor.renderer.session.record() == draft.answers()


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
    shared = first.renderer.field_view("carer_information")  # sensitive: Show, then type
    assert shared.cover is not None
    keyboard.tab_to(shared.cover.button)
    keyboard.press(Qt.Key.Key_Space)
    keyboard.type("Leaflet")
    keyboard.pick_radio(offered, 1)  # no: this notice replaces the one about the venue
    qtbot.waitUntil(lambda: not first.saver.pending, timeout=5000)
    first.saver.stop()
    first.hide()

    reopened = open_editor()

    notice = reopened.renderer.hidden_notice
    assert notice is not None and "(answers hidden: 1)" in notice.text.text()
    outcome = reopened.renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Accepted")  # as in the open form: the venue comes back
    reopened.flush()
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
    qtbot.waitUntil(lambda: not first.saver.pending, timeout=5000)
    first.saver.stop()
    first.hide()
    heard.clear()

    reopened = open_editor()

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

    assert draft.store.held_answers.get(draft.interview_id) is None
    assert not editor.saver.pending
