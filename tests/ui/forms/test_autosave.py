"""Autosave: what is typed reaches the encrypted store within two seconds, on section
change and on close, without holding up typing, and never overwrites a newer version."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from rhi_desktop.autosave import DraftWriter
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import StaleEditError
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import ACTOR, Draft, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.widgets.location import LocationInput
from ui.sign_off_check import check_for_sign_off

SAVE_DEADLINE_MS = 2000
STEADY = "steady, on and on"  # 18 keys: longer than one debounce
KEYSTROKE_MS = 80


def test_typing_reaches_the_store_within_two_seconds(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "Calm")
    assert draft.answers() == {}  # the debounce has not fired yet
    # Typing starts a one-shot save no more than a second away: saved within two.
    assert editor.saver.timer_active and editor.saver.delay_ms <= SAVE_DEADLINE_MS // 2
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == "Calm")
    assert editor.status.text().startswith("Saved at")


def test_steady_typing_does_not_postpone_the_save(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """A debounce that restarted on every key would never save a steady typist."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.tab_to(editor.renderer.field_view("reflection_notes").controls()[0])
    script = iter(STEADY)
    typed: list[float] = []
    saved: list[float] = []
    editor.saver.saved.connect(lambda _result: saved.append(time.monotonic()))

    def next_key() -> None:
        character = next(script, None)
        if character is None:
            ticker.stop()
            return
        keyboard.type(character)
        typed.append(time.monotonic())

    ticker = QTimer(editor)
    ticker.setInterval(KEYSTROKE_MS)
    ticker.timeout.connect(next_key)
    ticker.start()
    qtbot.waitUntil(lambda: not ticker.isActive(), timeout=10_000)
    qtbot.waitUntil(lambda: not editor.saver.pending, timeout=SAVE_DEADLINE_MS)
    assert saved and saved[0] < typed[-1], "nothing was saved while typing went on"
    stored = draft.answers()["reflection_notes"]
    assert stored == STEADY


def test_changing_section_saves_at_once(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    keyboard.fill(editor.renderer.field_view("offer_made_at").controls()[0], "26/11/2026 09:00")
    assert editor.saver.timer_active
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.renderer.current_section != "offer"
    assert draft.answers() == {"offer_made_at": "2026-11-26T09:00:00+00:00"}
    assert not editor.saver.timer_active


def test_closing_the_form_saves_and_leaves_no_timer_running(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "Closing")
    editor.close()
    assert draft.answers() == {"reflection_notes": "Closing"}
    assert not editor.saver.timer_active


def test_input_not_valid_yet_is_saved_as_typed_and_stops_sign_off(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    registry: FormRegistry,
) -> None:
    # Only part of the postcode was known: the place's description must not go with it.
    seeded = {"offer_outcome": "accepted", "places": [{"place_description": "Friend's"}]}
    with draft.store.transaction(ACTOR) as tx:
        version = tx.interviews.get(draft.interview_id).version
        tx.interviews.save_answers(draft.interview_id, seeded, expected_version=version)
    editor = open_editor()
    keyboard.to_section(editor.renderer, "during")
    answer = editor.renderer.field_view("place_location", 0).answer
    assert isinstance(answer, LocationInput)
    keyboard.fill(answer.description, "Flat above the chip shop, blue door")
    keyboard.fill(answer.postcode, "M1")
    editor.close()

    stored = draft.store.interviews.get(draft.interview_id)
    where = {"description": "Flat above the chip shop, blue door", "postcode": "M1"}
    assert stored.answers["places"] == [{"place_description": "Friend's", "place_location": where}]
    check = check_for_sign_off(stored, fixed_clock, registry)
    assert not check.ok
    assert ("Where is it? (row 1)", "Not a valid UK postcode.") in {
        (issue.question, issue.message) for issue in check.issues
    }


def test_each_save_while_typing_is_one_write_and_the_last_is_kept(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Each write is a small transaction of the whole record (how long one takes is the
    `forms.autosave_write_ms` benchmark's, against a 10 ms budget)."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.tab_to(editor.renderer.field_view("reflection_notes").controls()[0])
    for character in "twenty-one characters":
        keyboard.type(character)
        editor.flush()
    assert len(editor.saver.write_seconds) == len("twenty-one characters")
    assert draft.answers() == {"reflection_notes": "twenty-one characters"}


def test_a_change_made_elsewhere_is_never_overwritten(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    heard: Heard,
) -> None:
    editor = open_editor()
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction("sync") as tx:  # e.g. a sync lands while the form is open
        tx.interviews.save_answers(
            draft.interview_id,
            {"reflection_notes": "From elsewhere"},
            expected_version=stored.version,
        )
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "Mine")
    editor.flush()
    assert draft.answers() == {"reflection_notes": "From elsewhere"}
    assert editor.saver.stopped
    assert editor.problem.isVisible()
    assert "changed elsewhere" in editor.problem.text()
    urgent = QAccessible.AnnouncementPoliteness.Assertive
    stopped = [said for said, politeness in heard if politeness is urgent]
    assert len(stopped) == 1 and stopped[0].startswith("Saving has stopped")  # told at once
    keyboard.type(" again")
    editor.flush()
    assert draft.answers() == {"reflection_notes": "From elsewhere"}
    assert [said for said, politeness in heard if politeness is urgent] == stopped  # once


def test_draft_writer_refuses_a_stale_version(draft: Draft) -> None:
    stored = draft.store.interviews.get(draft.interview_id)
    writer = DraftWriter(
        draft.interview_id,
        version=stored.version,
        saved_answers={},
        store=lambda: draft.store,
        actor=lambda: ACTOR,
    )
    first = writer.write({"reflection_notes": "One"})
    assert first.written and first.version > stored.version
    assert not writer.write({"reflection_notes": "One"}).written  # nothing new: no write
    stale = DraftWriter(
        draft.interview_id,
        version=stored.version,
        saved_answers={},
        store=lambda: draft.store,
        actor=lambda: ACTOR,
    )
    with pytest.raises(StaleEditError):
        stale.write({"reflection_notes": "Two"})
    assert draft.answers() == {"reflection_notes": "One"}
