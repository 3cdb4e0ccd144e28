"""The review round trip between two laptops through the real central service over TLS:
submit, return with comments, amend, resubmit, approve; and who sees what."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import InterviewState, ReviewDecision, new_id
from sync.engine import SyncOutcome
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop
from tests.sync.client.live_central import LiveCentral
from tests.ui.conftest import Heard
from tests.ui.driving import screenshot
from tests.ui.review.cases import change_answer, interviewed, send_for_review, submitted
from tests.ui.review.reviewing import comment_on, decide, open_by_keyboard, write_overall
from ui.casework import amend_returned, coordinator_feedback
from ui.profile_holder import ProfileHolder
from ui.review.queue_page import ReviewQueuePage
from ui.roles import Page, pages_for

OVERALL = "Please sign with your full name."
ON_NAME = "First name only: add your surname."


def _now() -> datetime:
    return datetime.now(UTC)  # the service dates its records by the real clock


def _synced(laptop: Laptop) -> None:
    report = laptop.sync()
    assert report.outcome is SyncOutcome.SENT, report.summary()


@pytest.fixture
def team(central: LiveCentral, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, Laptop]]:
    """An interviewer, their coordinator and a second interviewer, on one team."""
    name = f"Team {new_id()[:8]}"
    laptops = (
        new_laptop(central, tmp_path / "interviewer", team=name),
        new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR, team=name),
        new_laptop(central, tmp_path / "colleague", team=name),
    )
    yield laptops
    for laptop in laptops:
        laptop.profile.close()


def _queue_page(qtbot: QtBot, coordinator: Laptop) -> ReviewQueuePage:
    holder = ProfileHolder()
    holder.hold(coordinator.profile)
    page = ReviewQueuePage(holder, _now)
    qtbot.addWidget(page)
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _queued(page: ReviewQueuePage) -> list[tuple[str, int]]:
    rows = (page.model.row_at(n) for n in range(page.model.rowCount()))
    return [(row.interview_id, row.revision) for row in rows]


def test_review_round_trip_between_an_interviewer_and_a_coordinator(
    qtbot: QtBot, team: tuple[Laptop, Laptop, Laptop], artifacts_dir: Path, heard: Heard
) -> None:
    interviewer, coordinator, colleague = team
    actor = interviewer.profile.actor
    assert pages_for(interviewer.enrolment) == (Page.CASELOAD, Page.MY_SUPERVISION)
    assert Page.REVIEW_QUEUE in pages_for(coordinator.enrolment)

    # -- the interviewer submits one interview and keeps another as a draft ---------------
    interview_id = submitted(interviewer.store, actor, _now(), f"RT-{new_id()[:8]}")
    draft_id = interviewed(interviewer.store, actor, _now(), f"RT-{new_id()[:8]}")
    _synced(interviewer)

    # -- the coordinator's queue shows the submitted one, never the draft -----------------
    _synced(coordinator)
    page = _queue_page(qtbot, coordinator)
    page.reload()
    assert _queued(page) == [(interview_id, 1)]
    # The draft counts in the team's figures as offered, with none of its answers.
    held = coordinator.store.interviews.get(draft_id)
    assert held.state is InterviewState.OFFERED and held.answers == {}
    assert page.model.row_at(0).within_72_hours is True

    # -- returned with a comment on a question and an overall one, by keyboard ------------
    dialog = open_by_keyboard(qtbot, page, interview_id)
    offers = dialog.timings.offer_texts()  # the offers came from the interviewer's laptop
    assert [(offer[2], offer[3]) for offer in offers] == [
        ("Phone call", "No contact made"),
        ("In person", "Accepted"),
    ]
    comment_on(qtbot, dialog, "interviewer_name", ON_NAME)
    assert heard[-1][0] == "Comment added on: Interviewer name"  # the box just empties
    write_overall(qtbot, dialog, OVERALL)
    with qtbot.waitSignal(page.saved):  # the window syncs straight after a decision
        decide(qtbot, dialog, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert heard[-1][0] == (  # the dialog has gone: the decision is said to be kept
        "Returned for amendment. The interviewer gets your comments at the next sync."
    )
    assert _queued(page) == []
    assert page.count_note.text() == "No interviews are waiting for review."
    sent = coordinator.sync()
    assert sent.outcome is SyncOutcome.SENT and sent.push.applied == 2  # review and move

    # -- the interviewer receives the comments, amends and sends it again -----------------
    _synced(interviewer)
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.RETURNED
    feedback = coordinator_feedback(interviewer.store, interview_id)
    assert feedback is not None and feedback.reviewer_id == coordinator.profile.actor
    assert feedback.overall_comment == OVERALL
    assert feedback.question_comments == {"interviewer_name": ON_NAME}
    amend_returned(interviewer.store, actor, interview_id, _now())
    change_answer(interviewer.store, actor, interview_id, "interviewer_name", "Sam Fullname")
    send_for_review(interviewer.store, actor, interview_id, _now())
    _synced(interviewer)

    # -- the coordinator sees what changed, and approves -----------------------------------
    _synced(coordinator)
    page.reload()
    assert _queued(page) == [(interview_id, 2)]
    dialog = open_by_keyboard(qtbot, page, interview_id)
    assert dialog.changes is not None and dialog.tabs.currentWidget() is dialog.changes
    assert dialog.changes.change_texts() == [
        ("Interviewer name (changed)", "Interviewer", "Sam Fullname")
    ]
    assert ON_NAME in dialog.changes.asked.text() and OVERALL in dialog.changes.asked.text()
    assert dialog.comments.target.text() == "&Comment on: Interviewer name"  # what changed
    screenshot(dialog, "review-what-changed", artifacts_dir)
    with qtbot.waitSignal(page.saved):
        decide(qtbot, dialog, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert heard[-1][0] == "Approved. The interviewer is told at the next sync."
    _synced(coordinator)
    reviews = [e for e in coordinator.store.audit.events() if e.action == AuditAction.REVIEW]
    assert len(reviews) == 2

    # -- the interviewer sees it approved; the colleague never saw any of it ---------------
    _synced(interviewer)
    assert interviewer.store.interviews.get(interview_id).state is InterviewState.APPROVED
    assert [r.decision for r in interviewer.store.reviews.for_interview(interview_id)] == [
        ReviewDecision.RETURNED,
        ReviewDecision.APPROVED,
    ]
    pulled = colleague.sync()
    assert pulled.outcome in (SyncOutcome.SENT, SyncOutcome.NOTHING_DUE), pulled.summary()
    assert colleague.store.interviews.find(interview_id) is None
    assert colleague.store.interviews.find(draft_id) is None
    assert colleague.store.reviews.for_interview(interview_id) == []
