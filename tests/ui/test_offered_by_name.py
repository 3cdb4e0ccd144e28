"""Who made an offer is filled in with the person's name as the central service knows
them, never their user id; before this computer is enrolled it is left for them to type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import InterviewState, OfferOutcome
from rhi_desktop.profile import ProfilePaths
from sync.protocol import Role
from tests.sync.client.devices import new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral
from tests.ui.conftest import ControllerFactory
from tests.ui.driving import active_modal, select_first
from tests.ui.live_service import (
    central_service,  # noqa: F401  (the `central` fixture)
    open_app,
    wait_for_sync,
    well_behaved,  # noqa: F401  (faults cleared after each test)
)
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.dialog_parts import FieldProblem
from ui.main_window import MainWindow
from ui.offer_dialog import OfferDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_offer(qtbot: QtBot, window: MainWindow, state: InterviewState) -> OfferDialog:
    select_first(window, state)
    QTest.keyClick(window.table, Qt.Key.Key_O, CTRL)
    dialog = active_modal(qtbot, OfferDialog)
    assert isinstance(dialog, OfferDialog)
    return dialog


def test_an_interviewer_on_an_enrolled_computer_is_named_by_their_name_not_their_id(
    qtbot: QtBot,
    central: LiveCentral,
    paths: ProfilePaths,
    settings: Settings,
    make_controller: ControllerFactory,
) -> None:
    username = central.add_user(Role.INTERVIEWER, "North team", prefix="jo.interviewer")
    laptop = new_laptop(central, paths.root, username=username)
    try:
        record_completed_case(laptop, state=InterviewState.OFFERED)
        user_id = laptop.profile.actor
    finally:
        laptop.profile.close()
    controller, window = open_app(qtbot, make_controller, settings)
    wait_for_sync(qtbot, controller)  # the roster, themselves included, has arrived
    window.show_view(CaseloadView.ALL)

    offer = _open_offer(qtbot, window, InterviewState.OFFERED)

    assert offer.offered_by.text() == username
    assert user_id not in offer.offered_by.text()
    offer.reject()


def test_before_enrolment_who_made_the_offer_is_left_for_the_interviewer_to_type(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    controller, window = unlocked
    offer = _open_offer(qtbot, window, InterviewState.ASSIGNED)

    assert offer.offered_by.text() == ""
    assert controller.holder.actor not in offer.offered_by.text()
    offer.reject()


def test_the_time_shown_when_the_dialog_opened_is_that_moment_even_as_the_clocks_go_back(
    qtbot: QtBot,
) -> None:
    # 01:40 GMT on 26 October 2025: the second 01:40 that night, after the clocks went back.
    now = datetime(2025, 10, 26, 1, 40, 30, tzinfo=UTC)
    dialog = OfferDialog(
        lambda _attempt: None, InterviewState.ASSIGNED, "Jo", now, case_reference="SCH-1"
    )
    qtbot.addWidget(dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(OfferOutcome.ACCEPTED.value))
    # Shown with its zone: the hour came round twice that night.
    assert (dialog.offer_date.text(), dialog.offer_time.text()) == ("26/10/2025", "01:40 GMT")

    assert dialog.collect().offered_at == datetime(2025, 10, 26, 1, 40, tzinfo=UTC)
    dialog.offer_time.setText("01:45 BST")  # typed: that night's first 01:45
    assert dialog.collect().offered_at == datetime(2025, 10, 26, 0, 45, tzinfo=UTC)
    dialog.offer_time.setText("01:45")  # which 01:45 is not said: asked, not guessed
    with pytest.raises(FieldProblem) as asked:
        dialog.collect()
    assert asked.value.field is dialog.offer_time and "happened twice" in asked.value.text
