"""Locking covers sensitive answers again: an interviewer who showed a child's story and
stepped away does not come back (or let someone else come back) to it on screen after
the app locks and is unlocked."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.session import LOCAL_ACTOR
from tests.ui.driving import select_first, unlock_with
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow

STORY = "A private story about the night away"


def _open_with_story(
    qtbot: QtBot, controller: AppController, window: MainWindow
) -> InterviewWindow:
    """Open the first in-progress interview with a story already written in it."""
    interview_id = select_first(window, InterviewState.IN_PROGRESS)
    store = controller.holder.store
    stored = store.interviews.get(interview_id)
    with store.transaction(LOCAL_ACTOR) as tx:
        tx.interviews.save_answers(
            interview_id,
            {"offer_outcome": "accepted", "before_story": STORY},
            expected_version=stored.version,
        )
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    interview = window.interview_window(interview_id)
    assert interview is not None
    return interview


def test_a_shown_sensitive_answer_is_covered_again_after_locking_and_unlocking(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    window.show_view(CaseloadView.IN_PROGRESS)
    interview = _open_with_story(qtbot, controller, window)
    renderer = interview.editor.renderer
    renderer.show_section("before", focus=True)
    view = renderer.field_view("before_story")
    assert view.cover is not None and view.answer is not None
    story = view.answer.widget()
    view.cover.button.click()
    assert view.cover.revealed and story.isVisible()

    with qtbot.waitSignal(controller.locked):
        controller.lock("idle")
    assert not view.cover.revealed

    unlock_with(qtbot, controller)
    qtbot.waitUntil(interview.isVisible)
    assert not view.cover.revealed
    assert not story.isVisible()
    assert renderer.session.answer("before_story") == STORY  # covered, not lost
    interview.close_without_asking()
