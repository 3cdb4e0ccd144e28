"""Fixtures for the form renderer tests: a fixed clock, the bundled form, and a real
encrypted store holding one interview in progress on form rhi v1."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    new_id,
)
from rhi_desktop.forms import Form, load_bundled_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import Store
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor, open_form_editor

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
ACTOR = "interviewer-1"
EDITOR_WIDTH = 1100
EDITOR_HEIGHT = 800


def fixed_clock() -> datetime:
    return NOW


def age_form() -> dict[str, Any]:
    """A small form whose age hides the school (16 and over) and the college (18 and over)."""
    return {
        "form_id": "ages",
        "version": 1,
        "title": "Ages",
        "sections": [
            {
                "id": "main",
                "title": "About them",
                "questions": [
                    {"id": "age", "type": "integer", "label": "Age"},
                    {"id": "school", "type": "text", "label": "School",
                     "relevant": "${age} < 16"},
                    {"id": "college", "type": "text", "label": "College",
                     "relevant": "${age} < 18"},
                ],
            }
        ],
        "choice_lists": {},
    }  # fmt: skip


@pytest.fixture(scope="session")
def rhi_form() -> Form:
    return load_bundled_form("rhi-v1.json")


@pytest.fixture
def keyboard() -> Keyboard:
    return Keyboard()


@dataclass
class Draft:
    store: Store
    interview_id: str
    path: Path
    dek: bytes

    def answers(self) -> dict[str, object]:
        return self.store.interviews.get(self.interview_id).answers


def add_draft(store: Store, *, answers: dict[str, object] | None = None) -> str:
    """A child, a found episode and an interview moved to in progress on rhi v1."""
    returned = NOW - timedelta(hours=20)
    with store.transaction(ACTOR) as tx:
        child = tx.children.add(
            Child(
                id=new_id(),
                case_reference="CR-FORMS-1",
                name="Test Child",
                date_of_birth=date(2011, 5, 4),
            )
        )
        episode = tx.episodes.add(
            MissingEpisode(
                id=new_id(),
                child_id=child.id,
                type=EpisodeType.MISSING,
                start=returned - timedelta(hours=30),
                end=returned,
            )
        )
        interview = tx.interviews.add(
            ReturnInterview(
                id=new_id(),
                child_id=child.id,
                episode_ids=(episode.id,),
                interviewer_id=ACTOR,
                returned_at=returned,
                form_id="rhi",
                form_version=1,
                answers=answers or {},
            )
        )
        tx.interviews.transition(interview.id, InterviewState.OFFERED)
        tx.interviews.transition(interview.id, InterviewState.IN_PROGRESS)
    return interview.id


@pytest.fixture
def draft(tmp_path: Path) -> Iterator[Draft]:
    dek = os.urandom(32)
    path = tmp_path / "profile" / "rhi.db"
    path.parent.mkdir()
    store = Store.create(path, dek)
    try:
        yield Draft(store, add_draft(store), path, dek)
    finally:
        store.close()


@pytest.fixture
def registry(tmp_path: Path) -> FormRegistry:
    return FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "installed-forms")


def editor_for(
    draft: Draft,
    registry: FormRegistry,
    *,
    read_only: bool = False,
    interview_id: str | None = None,
) -> InterviewFormEditor:
    """The draft's editor as the app opens it from its store, not yet shown."""
    return open_form_editor(
        store=lambda: draft.store,
        actor=lambda: ACTOR,
        interview_id=interview_id or draft.interview_id,
        registry=registry,
        read_only=read_only,
        clock=fixed_clock,
    )


@pytest.fixture
def open_editor(
    qtbot: QtBot, draft: Draft, registry: FormRegistry
) -> Iterator[Callable[..., InterviewFormEditor]]:
    """Opens the draft's editor as a window with the keyboard focus, as the shell would."""
    opened: list[InterviewFormEditor] = []

    def open_(*, read_only: bool = False, interview_id: str | None = None) -> InterviewFormEditor:
        editor = editor_for(draft, registry, read_only=read_only, interview_id=interview_id)
        qtbot.addWidget(editor)
        editor.resize(EDITOR_WIDTH, EDITOR_HEIGHT)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        opened.append(editor)
        return editor

    yield open_
    for editor in opened:
        editor.saver.stop()
