"""Closing a form lets go of it at once: its widgets' Python objects, the session and
the answers it holds are freed when the last reference goes, not whenever Python's
cycle collector next runs. Answers are personal data; they should not outlive the form
on screen, and a form left for the collector makes the next one open slower.

The collector is switched off while each test runs, so anything kept alive by a
reference cycle is still there to be found afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import Form, FormSession
from rhi_desktop.forms.versions import FormRegistry
from tests.ui.forms.conftest import (
    EDITOR_HEIGHT,
    EDITOR_WIDTH,
    Draft,
    editor_for,
    fixed_clock,
)
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.field_view import FieldView
from ui.forms.renderer import FormRenderer
from ui.forms.widgets.base import AnswerInput

LEFT_BEHIND = (FormSession, FormRenderer, FieldView, AnswerInput, InterviewFormEditor)


@pytest.fixture
def no_collector() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _delete(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _left_behind() -> list[str]:
    return sorted({type(o).__name__ for o in gc.get_objects() if isinstance(o, LEFT_BEHIND)})


@pytest.mark.usefixtures("no_collector")
def test_a_renderer_that_was_used_is_freed_when_deleted(qtbot: QtBot, rhi_form: Form) -> None:
    session = FormSession(rhi_form, {"offer_outcome": "accepted"}, clock=fixed_clock)
    renderer = FormRenderer(session)
    renderer.resize(1100, 800)
    renderer.show()
    qtbot.waitExposed(renderer)
    renderer.show_section("during")
    renderer.add_row("people")
    renderer.add_row("people")
    renderer.field_view("person_name", 0).controls()[0].setFocus()
    name = renderer.field_view("person_name", 0).controls()[0]
    qtbot.keyClicks(name, "Sam")
    renderer.remove_row("people", 1)
    sensitive = next(view for view in renderer.field_views() if view.cover is not None)
    assert sensitive.cover is not None
    sensitive.cover.set_revealed(True)
    renderer.check()
    assert session.answer("person_name", 0) == "Sam"
    del session, name, sensitive
    _delete(renderer)
    del renderer
    assert _left_behind() == []


@pytest.mark.usefixtures("no_collector")
def test_an_editor_closed_after_typing_is_freed_with_its_answers(
    qtbot: QtBot, keyboard: Keyboard, draft: Draft, registry: FormRegistry
) -> None:
    editor = editor_for(draft, registry)
    editor.resize(EDITOR_WIDTH, EDITOR_HEIGHT)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    renderer = editor.renderer
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.to_section(renderer, "reflection")
    keyboard.fill(renderer.field_view("reflection_notes").controls()[0], "Went well")
    keyboard.press(Qt.Key.Key_Tab)
    del renderer
    _delete(editor)  # closing saves what was typed
    del editor
    assert draft.answers()["reflection_notes"] == "Went well"
    assert _left_behind() == []


@pytest.mark.usefixtures("no_collector")
def test_an_editor_closed_with_answers_hidden_is_freed_with_them(
    qtbot: QtBot, draft: Draft, registry: FormRegistry
) -> None:
    editor = editor_for(draft, registry)
    editor.show()
    qtbot.waitExposed(editor)
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.add_row("people")
    renderer.enter("person_name", "Sam", 0)
    renderer.enter("offer_outcome", "declined_by_child")  # hides the person: Undo offered
    assert renderer.hidden_notice is not None
    editor.flush()
    assert draft.store.held_answers.get(draft.interview_id) is not None
    del renderer
    _delete(editor)  # the window asked first; closing lets go of what was hidden
    del editor
    assert draft.store.held_answers.get(draft.interview_id) is None
    assert _left_behind() == []
