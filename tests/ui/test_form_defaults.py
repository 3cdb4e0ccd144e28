"""Starting an interview from the caseload fills in the form's defaults (a definition's
`default`, e.g. from an imported XLSForm), beneath the offer already recorded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.forms.versions import FormRegistry
from tests.rhi_definition import rhi_definition
from tests.ui.driving import select_first
from ui.controller import AppController
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _rhi_v2_with_a_default() -> dict[str, Any]:
    definition = rhi_definition(2)
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == "venue_type":
                question["default"] = "school"
    return definition


def test_a_started_interview_holds_the_forms_defaults(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    root = controller.holder.profile.paths.root
    FormRegistry.for_profile(root).install(_rhi_v2_with_a_default())
    interview_id = select_first(window, InterviewState.OFFERED)

    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)  # Open interview

    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    started = controller.holder.store.interviews.get(interview_id)
    assert (started.form_id, started.form_version) == ("rhi", 2)
    assert started.answers["venue_type"] == "school"
