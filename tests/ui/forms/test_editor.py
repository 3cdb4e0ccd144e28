"""Opening an interview's form: the pinned version, read-only interviews, and saving
that fails in a way the interviewer can see."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from rhi_desktop.forms.versions import FormNotInstalledError, FormRegistry
from tests.ui.forms.conftest import ACTOR, Draft, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor, open_form_editor


def test_a_read_only_interview_shows_answers_and_saves_nothing(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    stored = draft.store.interviews.get(draft.interview_id)
    answers = {"offer_outcome": "accepted", "people": [{"person_name": "Jay"}]}
    with draft.store.transaction(ACTOR) as tx:
        tx.interviews.save_answers(draft.interview_id, answers, expected_version=stored.version)
    version = draft.store.interviews.get(draft.interview_id).version
    editor = open_editor(read_only=True)
    renderer = editor.renderer
    assert editor.status.text() == "Read-only"
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert outcome.property("currentText") == "Accepted" and not outcome.isEnabled()
    keyboard.to_section(renderer, "during")
    people = renderer.group_view("people")
    assert not people.add_button.isVisibleTo(renderer)
    assert not people.rows[0].remove_button.isVisibleTo(renderer)
    keyboard.press(
        Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert renderer.session.row_count("people") == 1
    keyboard.to_section(renderer, "reflection")
    keyboard.fill(renderer.field_view("reflection_notes").controls()[0], "No")
    assert renderer.session.answer("reflection_notes") is None
    editor.close()
    assert draft.store.interviews.get(draft.interview_id).version == version


def test_the_pinned_version_must_be_on_the_device(draft: Draft, registry: FormRegistry) -> None:
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction(ACTOR) as tx:
        tx.interviews.update(dataclasses.replace(stored, form_version=3))
    with pytest.raises(FormNotInstalledError, match="Form rhi version 3 is not installed"):
        open_form_editor(
            store=lambda: draft.store,
            actor=lambda: ACTOR,
            interview_id=draft.interview_id,
            registry=registry,
            clock=fixed_clock,
        )


def test_a_failed_save_is_shown_and_the_answers_stay_on_screen(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "Unsaved")
    draft.store.close()  # e.g. the disk went away under the open database
    editor.flush()
    assert editor.problem.isVisible()
    assert "could not be saved" in editor.problem.text()
    assert "Unsaved" not in editor.problem.text()
    assert editor.saver.pending and not editor.saver.stopped
    assert editor.renderer.session.answer("reflection_notes") == "Unsaved"
