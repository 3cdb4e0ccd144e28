"""What a sync brings in while an interview's window is open is said there at once: its
record replaced by another laptop's version (the form then takes no more typing, and
closing asks first), or a newer version of its form to move to."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import RemoteRecord
from rhi_desktop.store.records import payload
from sync.protocol import EntityKind
from sync.published_forms import install_published
from tests.rhi_definition import rhi_definition
from tests.ui.answers import complete_answers
from tests.ui.conftest import FakeClock
from tests.ui.driving import active_modal, open_first_draft
from ui.controller import AppController
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow


def _open_saved_draft(
    qtbot: QtBot, controller: AppController, window: MainWindow, clock: FakeClock
) -> tuple[str, InterviewWindow]:
    store = controller.holder.store
    interview_id, frame = open_first_draft(qtbot, window, complete_answers(clock.now), store)
    assert not frame.editor.saver.pending  # everything typed is saved
    return interview_id, frame


def test_a_record_a_sync_replaced_stops_the_open_form_at_once(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """The form showed 'Saved at', took more typing, and closed without a word, though
    the record now held the other laptop's version."""
    controller, window = unlocked
    interview_id, frame = _open_saved_draft(qtbot, controller, window, clock)
    store = controller.holder.store
    mine = store.interviews.get(interview_id)
    other = dataclasses.replace(mine, answers={**mine.answers, "interviewer_name": "Laptop B"})
    with store.transaction("sync") as tx:
        version = store.interviews.server_version(interview_id) + 1
        tx.remote.apply(RemoteRecord("interview", interview_id, version, payload(other), clock.now))

    window.records_arrived()

    editor = frame.editor
    assert editor.saver.stopped and editor.renderer.read_only
    assert editor.problem.isVisible() and "changed elsewhere" in editor.problem.text()
    frame.close()
    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Close without what was typed?"
    question.reject()


def test_records_arriving_leave_an_unchanged_open_form_as_it_was(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    _, frame = _open_saved_draft(qtbot, controller, window, clock)

    window.records_arrived()

    assert not frame.editor.saver.stopped and not frame.editor.renderer.read_only
    assert not frame.editor.problem.isVisible()


def test_a_form_version_a_sync_installed_is_offered_to_the_open_draft(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    _, frame = _open_saved_draft(qtbot, controller, window, clock)
    assert not frame.editor.banner.isVisible()
    store = controller.holder.store
    published = RemoteRecord(
        EntityKind.FORM_DEFINITION.value, "rhi-v2", 1, rhi_definition(2), clock.now
    )
    with store.transaction("sync") as tx:
        tx.remote.apply(published)
    install_published(store, FormRegistry.for_profile(controller.holder.profile.paths.root))

    window.records_arrived()

    assert frame.editor.banner.isVisible()
    assert not frame.editor.saver.stopped
