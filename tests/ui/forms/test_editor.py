"""Opening an interview's form: the pinned version, read-only interviews, and saving
that fails in a way the interviewer can see."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.forms.versions import FormNotInstalledError, FormRegistry
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import ACTOR, Draft, add_draft, fixed_clock
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
    assert outcome.property("currentText") == "Accepted"
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


READ_ONLY_CHOICES = {
    "offer_made_at": "2026-11-26T10:15:00+00:00",
    "offer_method": "in_person",
    "offer_outcome": "accepted",
    "child_consulted": "yes",
    "child_choice": "School",
    "venue_type": "school",
    "present": ["teaching_assistant"],
    "interpreter_used": "no",
}


def test_read_only_choices_are_reached_by_tab_and_keep_their_answers(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    # Disabled, a choice would be skipped by Tab: its answer never read out.
    interview_id = add_draft(draft.store, answers=READ_ONLY_CHOICES)
    editor = open_editor(read_only=True, interview_id=interview_id)
    renderer = editor.renderer
    method = renderer.field_view("offer_method").controls()[0]
    consulted = renderer.field_view("child_consulted").controls()
    keyboard.tab_to(method)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Space, Qt.Key.Key_P):
        keyboard.press(key)
    assert method.property("currentText") == "In person"
    keyboard.tab_to(consulted[0])  # 'Yes', the answer chosen
    keyboard.press(Qt.Key.Key_Delete)
    keyboard.press(Qt.Key.Key_Right)
    assert keyboard.focus() is consulted[0] and consulted[0].property("checked")
    QTest.mouseClick(consulted[1], Qt.MouseButton.LeftButton)
    assert keyboard.focus() is consulted[1]  # a click still gives the focus
    assert consulted[0].property("checked") and not consulted[1].property("checked")
    keyboard.to_section(renderer, "venue")
    present = renderer.field_view("present").controls()
    ticked = [box.property("checked") for box in present]
    keyboard.tab_to(present[0])
    keyboard.press(Qt.Key.Key_Space)
    present[1].click()  # as a screen reader's press does, past the keyboard and mouse
    assert [box.property("checked") for box in present] == ticked
    assert renderer.session.answer("present") == ("teaching_assistant",)


def test_read_only_choices_let_the_page_scroll_and_say_they_are_read_only(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    editor = open_editor(
        read_only=True, interview_id=add_draft(draft.store, answers=READ_ONLY_CHOICES)
    )
    editor.resize(900, 300)
    renderer = editor.renderer
    renderer.show_section("venue")
    bar = renderer.page("venue").verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out: more than the window holds
    present = renderer.field_view("present").controls()
    keyboard.tab_to(present[0])
    bar.setValue(0)
    keyboard.press(Qt.Key.Key_PageDown)  # goes on to the page, as over any text
    assert bar.value() > 0
    bar.setValue(0)
    renderer.page("venue").ensureWidgetVisible(present[0])
    at = present[0].mapTo(editor.window(), present[0].rect().center())
    start = bar.value()
    QTest.wheelEvent(editor.window().windowHandle(), at, QPoint(0, -360))
    qtbot.waitUntil(lambda: bar.value() != start)
    assert renderer.session.answer("present") == ("teaching_assistant",)
    assert present[0].accessibleDescription().endswith("Read-only.")
    consulted = renderer.field_view("child_consulted").controls()
    assert consulted[0].accessibleDescription().endswith("Read-only.")
    assert "Delete" not in consulted[0].accessibleDescription()
    method = renderer.field_view("offer_method").controls()[0]
    assert method.accessibleDescription().endswith("Read-only.")


def test_going_to_a_question_focuses_it_covered_read_only_or_not_asked_now(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    heard: Heard,
) -> None:
    # As choosing a coordinator's comment on the question does.
    answers = {**READ_ONLY_CHOICES, "before_story": "A private story"}
    editor = open_editor(read_only=True, interview_id=add_draft(draft.store, answers=answers))
    renderer = editor.renderer
    renderer.focus_field("venue_type")
    assert keyboard.focus() is renderer.field_view("venue_type").controls()[0]
    renderer.focus_field("before_story")
    cover = renderer.field_view("before_story").cover
    assert cover is not None and keyboard.focus() is cover.button
    renderer.focus_field("interpreter_language")  # asked only with an interpreter
    assert keyboard.focus() is renderer.section_controls("venue")[0]
    label = renderer.field_view("interpreter_language").spoken_label
    assert heard[-1][0] == f"{label}: not asked now, as earlier answers mean it does not apply."


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


def test_answers_that_do_not_fit_the_form_leave_no_half_built_window(
    draft: Draft, registry: FormRegistry
) -> None:
    """The window was made before the answers were read: kept alive by the error's
    traceback (as the log keeps it), it was closed with the app and failed again there."""
    interview_id = add_draft(draft.store, answers={"no_such_question": "x"})
    before = set(map(id, QApplication.topLevelWidgets()))
    with pytest.raises(ValueError, match="does not have") as caught:
        open_form_editor(
            store=lambda: draft.store,
            actor=lambda: ACTOR,
            interview_id=interview_id,
            registry=registry,
            clock=fixed_clock,
        )
    assert caught.value.__traceback__ is not None
    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert not [w for w in left if isinstance(w, InterviewFormEditor)]


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
