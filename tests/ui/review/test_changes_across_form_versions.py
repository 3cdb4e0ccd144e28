"""A coordinator reviewing an interview they returned, which the interviewer moved to a
newer form version before sending it back: the answers the new version no longer asks
are shown in what changed in the old version's words, and covered like every other
sensitive answer until the coordinator asks to see them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.forms.versions import FormRegistry, migrate_draft
from rhi_desktop.review import return_for_amendment
from rhi_desktop.store import Store
from tests.rhi_definition import rhi_definition
from tests.ui.conftest import FakeClock
from tests.ui.review.cases import change_answer, interviewed, send_for_review, submitted
from tests.ui.review.reviewing import ALT, open_by_keyboard
from tests.ui.review.test_sensitive_answers import HIDDEN, readable
from ui.profile_holder import ProfileHolder
from ui.review.queue_page import ReviewQueuePage
from ui.review.review_dialog import ReviewDialog

IV = "iv-1"
AWAY = "Was kept in a flat by two older men on Sample Road"
PLACE = "Flat 3, 12 Sample Road"
WORRY = "He gave her cannabis to carry"
ALIAS = "Calls himself Fictional Kay"
SECRETS = (AWAY, PLACE, WORRY, ALIAS)
NOT_ON_TWO = "Not asked on form version 2"
LEFT_AWAY = "What happened while they were away? (left behind by a move to a newer form version)"


def _version_two() -> dict[str, Any]:
    """The RHI form republished without the story of the time away, the places, or the
    worries about each person."""
    definition = rhi_definition(2)
    for section in definition["sections"]:
        section["questions"] = [
            q for q in section["questions"] if q["id"] not in ("what_happened", "places")
        ]
        for question in section["questions"]:
            if question["id"] == "people":
                question["questions"] = [
                    q for q in question["questions"] if q["id"] != "person_concern_details"
                ]
    return definition


def _sent_on_one_and_back_on_two(store: Store, registry: FormRegistry, clock: FakeClock) -> str:
    """Sent for review on version 1 with a story, a place and a worry; returned; moved to
    version 2 by the interviewer (which leaves those behind) and sent again."""
    interview_id = interviewed(store, IV, clock.now, "MOVED-1")
    change_answer(store, IV, interview_id, "what_happened", AWAY)
    change_answer(store, IV, interview_id, "places", [{"place_description": PLACE}])
    person = {
        "person_name": "Jay",
        "person_relationship": "friend",
        "person_concern": "yes",
        "person_concern_details": WORRY,
        "person_alias": ALIAS,  # on neither version: its text may be anything
    }
    change_answer(store, IV, interview_id, "people", [person])
    _sent_returned_and_moved(store, registry, interview_id, clock)
    change_answer(store, IV, interview_id, "people", [{"person_name": "Jay"}])
    send_for_review(store, IV, interview_id, clock.now)
    return interview_id


def _sent_returned_and_moved(
    store: Store, registry: FormRegistry, interview_id: str, clock: FakeClock
) -> None:
    """Sent for review, returned, and moved by its interviewer to the newest version."""
    send_for_review(store, IV, interview_id, clock.now)
    return_for_amendment(store, "coordinator-1", interview_id, 1, clock.now, overall_comment="x")
    with store.transaction(IV) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS, at=clock.now)
    with store.transaction(IV) as tx:
        draft = tx.interviews.get(interview_id)
        migrate_draft(tx, interview_id, registry, expected_version=draft.version)


def _page(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> ReviewQueuePage:
    page = ReviewQueuePage(holder, clock)
    qtbot.addWidget(page)
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.reload()
    return page


def _toggle_by_keyboard(qtbot: QtBot, dialog: ReviewDialog, shown: bool) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: dialog.show_sensitive.isChecked() is shown)


def test_answers_a_newer_version_dropped_stay_covered_in_what_changed_until_shown(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    registry = FormRegistry.for_profile(holder.profile.paths.root)
    registry.install(_version_two())
    interview_id = _sent_on_one_and_back_on_two(holder.store, registry, clock)
    page = _page(qtbot, holder, clock)
    dialog = open_by_keyboard(qtbot, page, interview_id)
    changes = dialog.changes
    assert changes is not None and dialog.tabs.currentWidget() is changes

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    assert "place_description" not in shown  # not stored JSON: read as version 1 reads it
    lines = {line[0]: line[1:] for line in changes.change_texts()}
    # Left behind by the move to version 2, not cleared by the interviewer: said so.
    assert lines[LEFT_AWAY] == (
        HIDDEN,
        NOT_ON_TWO,
    )
    assert lines["Places they went (left behind by a move to a newer form version)"] == (
        "1 row",
        NOT_ON_TWO,
    )
    places = next(
        item
        for n in range(changes.tree.topLevelItemCount())
        if (item := changes.tree.topLevelItem(n)) is not None and item.text(0).startswith("Places")
    )
    row = places.child(0)
    assert row is not None  # its rows were not taken out one by one
    assert row.text(0) == "Row 1, not on the form version it moved to"
    assert "What worries you?: (hidden: sensitive answer)" in shown

    _toggle_by_keyboard(qtbot, dialog, shown=True)

    shown = readable(dialog)
    lines = {line[0]: line[1:] for line in changes.change_texts()}
    assert lines[LEFT_AWAY] == (
        AWAY,
        NOT_ON_TWO,
    )
    assert f"Describe the place: {PLACE}" in shown
    assert f"What worries you?: {WORRY}" in shown
    assert ALIAS in shown

    _toggle_by_keyboard(qtbot, dialog, shown=False)

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_an_interview_on_a_version_a_sync_installed_opens_for_review(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """The queue read the installed forms when it first opened a review; a sync then
    installed version 2 and brought an interview started on it. After the sync's reload
    it opens, where it said version 2 was not installed until the app restarted."""
    first = submitted(holder.store, IV, clock.now, "ONE-1")
    page = _page(qtbot, holder, clock)
    open_by_keyboard(qtbot, page, first).discard()
    qtbot.waitUntil(lambda: page.dialog is None)

    registry = FormRegistry.for_profile(holder.profile.paths.root)  # as a sync installs
    registry.install(_version_two())
    second = _sent_on_one_and_back_on_two(holder.store, registry, clock)
    page.reload()

    dialog = open_by_keyboard(qtbot, page, second)
    assert dialog.changes is not None
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_choice_the_move_dropped_reads_as_the_move_s_change_not_the_interviewer_s(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """Sent back with no edit after a move to a version without "Bus": it read as
    "How did they travel? (changed)", as if the interviewer had taken the bus out."""
    definition = rhi_definition(2)
    modes = definition["choice_lists"]["travel_modes"]
    definition["choice_lists"]["travel_modes"] = [c for c in modes if c["value"] != "bus"]
    registry = FormRegistry.for_profile(holder.profile.paths.root)
    registry.install(definition)
    store = holder.store
    interview_id = interviewed(store, IV, clock.now, "BUS-1")
    change_answer(store, IV, interview_id, "travel", ["walked", "bus"])
    _sent_returned_and_moved(store, registry, interview_id, clock)
    send_for_review(store, IV, interview_id, clock.now)  # no edit

    dialog = open_by_keyboard(qtbot, _page(qtbot, holder, clock), interview_id)
    assert dialog.changes is not None
    lines = {line[0]: line[1:] for line in dialog.changes.change_texts()}
    assert lines["How did they travel? (changed by a move to a newer form version)"] == (
        "Walked; Bus",
        "Walked",
    )
    dialog.discard()
