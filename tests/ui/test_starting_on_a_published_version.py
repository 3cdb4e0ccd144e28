"""Starting an interview on a version IT published: it starts on the newest version that
loads, and the offer already recorded fills in only the questions that version asks."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    OfferMethod,
    OfferOutcome,
    ReturnInterview,
)
from rhi_desktop.forms import FormSession
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import INSTALLED_FORMS_DIR_NAME, FormRegistry
from rhi_desktop.store import Store
from tests.rhi_definition import rhi_definition
from tests.ui.conftest import START
from tests.ui.driving import select_first
from ui.casework import FoundChild, OfferAttempt, record_found_child, record_offer, start_interview
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.sign_off_check import Blocker, check_for_sign_off

CTRL = Qt.KeyboardModifier.ControlModifier
ME = "interviewer-1"


def _question(definition: dict[str, Any], question_id: str) -> dict[str, Any]:
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == question_id:
                found: dict[str, Any] = question
                return found
    raise KeyError(question_id)


def _renaming_offer_method(version: int = 2) -> dict[str, Any]:
    """A designer's new version that asks how the offer was made under another id."""
    definition = rhi_definition(version)
    _question(definition, "offer_method")["id"] = "contact_method"
    return definition


def _failing_its_checks(version: int) -> dict[str, Any]:
    """A definition copied onto the device by hand that this app cannot load."""
    definition = rhi_definition(version)
    _question(definition, "offer_outcome")["relevant"] = "${no_such_question} = 'x'"
    return definition


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.create(tmp_path / "casework.db", os.urandom(32))
    yield store
    store.close()


def _offered(store: Store) -> str:
    found = FoundChild(
        case_reference="SCH-1",
        name="Amara Example",
        date_of_birth=date(2011, 3, 7),
        looked_after=True,
        uasc=False,
        episode_type=EpisodeType.AWAY,
        episode_start=START - timedelta(hours=20),
        returned_at=START - timedelta(hours=2),
    )
    interview_id = record_found_child(store, ME, found, START)
    attempt = OfferAttempt(
        offered_at=START - timedelta(hours=1),
        method=OfferMethod.PHONE,
        offered_by=ME,
        outcome=OfferOutcome.ACCEPTED,
        child_chose_venue_and_time=True,
    )
    record_offer(store, ME, interview_id, attempt, START)
    return interview_id


def _opened_from_the_caseload(
    qtbot: QtBot, controller: AppController, window: MainWindow
) -> ReturnInterview:
    interview_id = select_first(window, InterviewState.OFFERED)
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)  # Open interview
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    return controller.holder.store.interviews.get(interview_id)


def test_an_interview_started_on_a_version_that_renames_an_offer_question_opens(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    root = controller.holder.profile.paths.root
    FormRegistry.for_profile(root).install(_renaming_offer_method())

    started = _opened_from_the_caseload(qtbot, controller, window)

    assert (started.form_id, started.form_version) == ("rhi", 2)
    assert "offer_method" not in started.answers
    assert started.answers["offer_outcome"] == "accepted"  # the questions v2 still asks
    check = check_for_sign_off(started, lambda: START, FormRegistry.for_profile(root))
    assert check.blocker is Blocker.INVALID_ANSWERS  # checked, not "something went wrong"


def test_an_offer_answer_the_pinned_version_no_longer_offers_is_left_out(
    store: Store, tmp_path: Path
) -> None:
    definition = rhi_definition(2)
    methods = definition["choice_lists"]["offer_methods"]
    definition["choice_lists"]["offer_methods"] = [c for c in methods if c["value"] != "phone"]
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")
    registry.install(definition)
    form = registry.load("rhi", 2)

    started = start_interview(store, ME, _offered(store), START, form)

    assert "offer_method" not in started.answers  # the offer was by phone: not a v2 choice
    assert started.answers["offer_outcome"] == "accepted"
    FormSession(form, started.answers, clock=lambda: START)  # opens


def test_answers_the_pinned_version_cannot_hold_are_reported_as_not_checkable(
    tmp_path: Path,
) -> None:
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")
    registry.install(_renaming_offer_method())
    interview = ReturnInterview(
        id="interview-1",
        child_id="child-1",
        episode_ids=(),
        interviewer_id=ME,
        returned_at=START,
        form_id="rhi",
        form_version=2,
        answers={"offer_method": "phone", "offer_outcome": "accepted"},
    )

    check = check_for_sign_off(interview, lambda: START, registry)

    assert check.blocker is Blocker.UNKNOWN_FORM


def test_a_new_interview_starts_on_the_newest_version_that_loads(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    root = controller.holder.profile.paths.root
    FormRegistry.for_profile(root).install(rhi_definition(2))
    broken = root / INSTALLED_FORMS_DIR_NAME / "rhi-v3.json"
    broken.write_text(json.dumps(_failing_its_checks(3)), encoding="utf-8")

    started = _opened_from_the_caseload(qtbot, controller, window)

    assert (started.form_id, started.form_version) == ("rhi", 2)
