"""The review queue and the review dialog on one real profile, by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState, ReviewDecision
from rhi_desktop.review import return_for_amendment
from tests.ui.accessibility import tab_walk, unnamed_controls
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import screenshot
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.review.cases import change_answer, interviewed, send_for_review, submitted
from tests.ui.review.reviewing import ALT, comment_on, decide, go_to_question, open_by_keyboard
from ui.profile_holder import ProfileHolder
from ui.review.queue_model import QueueColumn
from ui.review.queue_page import ReviewQueuePage
from ui.review.review_dialog import ReviewDialog

IV = "iv-1"


def _page(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> ReviewQueuePage:
    page = ReviewQueuePage(holder, clock)
    qtbot.addWidget(page)
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _texts(page: ReviewQueuePage) -> list[list[str]]:
    model = page.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_queue_lists_submitted_interviews_oldest_first_and_never_drafts(
    qtbot: QtBot,
    holder: ProfileHolder,
    clock: FakeClock,
    artifacts_dir: Path,
    qtmodeltester: ModelTester,
) -> None:
    store = holder.store
    first = submitted(store, IV, clock.now, "REV-1")
    interviewed(store, IV, clock.now, "REV-DRAFT")
    clock.advance(hours=1)
    second = submitted(store, IV, clock.now, "REV-2")
    page = _page(qtbot, holder, clock)
    assert page.model.rowCount() == 0
    assert page.count_note.text() == "No interviews are waiting for review."

    page.reload()

    assert [row[QueueColumn.CASE_REFERENCE] for row in _texts(page)] == ["REV-1", "REV-2"]
    row = _texts(page)[0]
    assert row[QueueColumn.INTERVIEWER] == "Interviewer"  # the name signed on the form
    assert row[QueueColumn.REVISION] == "1"
    assert row[QueueColumn.HOURS_FROM_RETURN] == "20.0 h"
    assert row[QueueColumn.WITHIN_72_HOURS] == "Yes"
    assert page.count_note.text() == (
        "2 interviews waiting for review: 0 resubmitted, 0 signed off later than 72 hours."
    )
    assert page.title() == "Review queue" and page.objectName() == "reviewQueuePage"
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]

    page.table.setFocus()
    page.table.sortByColumn(QueueColumn.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert [page.model.row_at(r).interview_id for r in range(2)] == [second, first]
    screenshot(page, "review-queue", artifacts_dir)
    dialog = open_by_keyboard(qtbot, page, first)
    assert dialog.windowTitle() == "Review interview"
    assert dialog.changes is None
    texts = dialog.answers.answer_texts()
    assert texts["venue_type"] == "School or college"
    assert texts["harm_disclosed"] == "No"
    assert "interpreter_language" not in texts  # asked only when an interpreter was used
    offers = dialog.timings.offer_texts()
    assert [o[3] for o in offers] == ["No contact made", "Accepted"]
    assert offers[0][6] == "No answer"
    assert dialog.timings.values["Signed off within 72 hours"].text() == "Yes"
    assert all(
        label.textFormat() is Qt.TextFormat.PlainText
        for label in (dialog.about, dialog.comments.target)
    )
    screenshot(dialog, "review-dialog", artifacts_dir)
    assert unnamed_controls(page) == []
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert unnamed_controls(dialog) == [], dialog.tabs.tabText(tab)
    dialog.tabs.setCurrentIndex(0)
    reached = tab_walk(qtbot, dialog.answers.tree, 12)
    for control in (dialog.comments.overall, dialog.return_button, dialog.approve_button):
        assert control in reached
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Escape)  # nothing written: closes at once
    qtbot.waitUntil(lambda: page.dialog is None)


def test_every_fact_and_control_of_a_review_is_reached_by_tab_and_by_one_alt_letter(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """The 72-hour facts gave up their Tab stops as they were made selectable, Tab from
    Close never came back round to Show sensitive answers, and Alt+O answered to the
    Offers table as well as its tab."""
    interview_id = submitted(holder.store, IV, clock.now, "REV-K")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert mnemonic_clashes(dialog) == {}, dialog.tabs.tabText(tab)
    dialog.tabs.setCurrentIndex(1)
    facts = list(dialog.timings.values.values())
    reached = tab_walk(qtbot, dialog.tabs.tabBar(), len(facts) + 1)
    assert reached == [dialog.tabs.tabBar(), *facts, dialog.timings.offers]
    dialog.close_button.setFocus()
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.show_sensitive
    QTest.keyClick(dialog.show_sensitive, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_returning_needs_a_comment_and_comments_can_be_removed_before_sending(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock, heard: Heard
) -> None:
    interview_id = submitted(holder.store, IV, clock.now, "REV-3")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)

    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(dialog.problem.isVisible)  # a mnemonic clicks after a moment
    assert dialog.confirmation is None
    assert dialog.problem.text().startswith("To return the interview, write at least one comment")
    assert heard[-1][0] == dialog.problem.text()  # read out: the focus did not move

    comment_on(qtbot, dialog, "venue_type", "Which school?")
    comment_on(qtbot, dialog, "harm_disclosed", "Ask again gently.")
    assert dialog.comments.comment_texts() == [
        "Where did you meet?: Which school?",
        "Did they tell you about harm that happened before or while they were missing?: "
        "Ask again gently.",
    ]
    QTest.keyClick(dialog, Qt.Key.Key_Q, ALT)  # to the list of comments
    assert QApplication.focusWidget() is dialog.comments.list
    QTest.keyClick(dialog.comments.list, Qt.Key.Key_Home)
    QTest.keyClick(dialog.comments.list, Qt.Key.Key_Delete)
    assert dialog.comments.comment_texts() == [
        "Did they tell you about harm that happened before or while they were missing?: "
        "Ask again gently."
    ]
    assert dialog.comments.question_comments() == {"harm_disclosed": "Ask again gently."}

    go_to_question(dialog, "declaration")
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.comments.comment, "Not added")
    QTest.keyClick(dialog.comments.comment, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: "did not add it" in dialog.problem.text())
    assert dialog.confirmation is None
    assert store_state(holder, interview_id) is InterviewState.SUBMITTED
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def store_state(holder: ProfileHolder, interview_id: str) -> InterviewState:
    return holder.store.interviews.get(interview_id).state


def test_a_comment_typed_but_not_added_waits_with_its_question(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    interview_id = submitted(holder.store, IV, clock.now, "REV-6")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    go_to_question(dialog, "venue_type")
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.comments.comment, "Say who else was in the room")

    go_to_question(dialog, "declaration")  # Alt+A and arrows: to another question
    assert dialog.comments.comment.toPlainText() == ""
    assert dialog.comments.unsent_comment() == "Say who else was in the room"
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Escape)  # closing asks first
    qtbot.waitUntil(lambda: dialog.confirmation is not None)
    assert dialog.confirmation is not None
    QTest.keyClick(dialog.confirmation, Qt.Key.Key_Escape)  # keep reviewing
    qtbot.waitUntil(lambda: dialog.confirmation is None)

    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_P, ALT)  # approving is refused
    qtbot.waitUntil(lambda: "did not add it" in dialog.problem.text())
    assert "Where did you meet?" in dialog.problem.text()
    assert dialog.comments.comment.toPlainText() == "Say who else was in the room"
    dialog.activateWindow()  # offscreen, the closed question leaves no window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog.comments.comment, Qt.Key.Key_D, ALT)  # add it after all
    qtbot.waitUntil(lambda: "venue_type" in dialog.comments.question_comments())
    assert dialog.comments.unsent_comment() == ""
    assert store_state(holder, interview_id) is InterviewState.SUBMITTED
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_decision_on_a_revision_that_was_replaced_says_to_look_again(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    store = holder.store
    interview_id = submitted(store, IV, clock.now, "REV-4")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    # Meanwhile it is returned from elsewhere, amended and sent again (a sync brought it).
    return_for_amendment(store, "coordinator-2", interview_id, 1, clock.now, overall_comment="x")
    store_amend(holder, interview_id, clock)

    decide(qtbot, dialog, Qt.Key.Key_P)

    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "A newer revision of this interview has arrived" in dialog.problem.text()
    assert not dialog.approve_button.isEnabled() and not dialog.return_button.isEnabled()
    current = store.interviews.get(interview_id)
    assert (current.state, current.revision) == (InterviewState.SUBMITTED, 2)
    assert [r.decision for r in store.reviews.for_interview(interview_id)] == [
        ReviewDecision.RETURNED
    ]
    dialog.discard()


def test_a_resubmission_opens_on_what_changed_with_the_focus_there_and_tab_reaches_it_next(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    store = holder.store
    interview_id = submitted(store, IV, clock.now, "REV-6")
    return_for_amendment(store, "coordinator-1", interview_id, 1, clock.now, overall_comment="x")
    store_amend(holder, interview_id, clock)
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    assert dialog.changes is not None and dialog.tabs.currentWidget() is dialog.changes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.changes.tree)
    QTest.keyClick(dialog.changes.tree, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.changes.asked  # what was asked, read first
    QTest.keyClick(dialog.changes.asked, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.tabs.tabBar()
    QTest.keyClick(dialog.tabs.tabBar(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.changes.asked
    QTest.keyClick(dialog.changes.asked, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.changes.tree
    QTest.keyClick(dialog.changes.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.comments.comment
    dialog.discard()


def store_amend(holder: ProfileHolder, interview_id: str, clock: FakeClock) -> None:
    store = holder.store
    with store.transaction(IV) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS, at=clock.now)
    change_answer(store, IV, interview_id, "venue_type", "home")
    send_for_review(store, IV, interview_id, clock.now)


def test_clear_drops_every_row_and_leaves_the_open_review_to_the_lock(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    interview_id = submitted(holder.store, IV, clock.now, "REV-5")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    comment_on(qtbot, dialog, "venue_type", "Which school?")
    dialog.hide()  # locking hides every window but the main one (AppController.lock)

    page.clear()

    # Given back as it was after unlocking: the comments being written are not lost.
    assert page.dialog is dialog and page.findChildren(ReviewDialog) == [dialog]
    assert dialog.comments.question_comments() == {"venue_type": "Which school?"}
    assert page.model.rowCount() == 0
    assert page.count_note.text() == ""
    on_page = [label for label in page.findChildren(QLabel) if not dialog.isAncestorOf(label)]
    shown = " ".join(label.text() for label in on_page)
    assert "REV-5" not in shown and "Interviewer" not in shown
    assert not page.open_button.isEnabled()
    assert store_state(holder, interview_id) is InterviewState.SUBMITTED
    page.reload()  # unlocked again
    assert page.model.rowCount() == 1


def test_a_review_opens_no_larger_than_the_screen(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """It opened at 1180x720 whatever the screen: on a laptop at 150% (910x512) Approve
    and Return were past its edge."""
    interview_id = submitted(holder.store, IV, clock.now, "REV-S")
    page = _page(qtbot, holder, clock)
    page.reload()
    dialog = open_by_keyboard(qtbot, page, interview_id)
    room = dialog.screen().availableGeometry()

    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_every_column_shows_its_text_whole_in_large_text(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock, system_font: Callable[[float], None]
) -> None:
    """Widths set in pixels cut every case reference to 'REV-LONG-0…' at 16 points, so the
    coordinator could not tell the rows apart."""
    system_font(16)
    submitted(holder.store, IV, clock.now, "REV-LONG-000123")
    page = _page(qtbot, holder, clock)
    page.reload()

    table = page.table
    for column in QueueColumn:
        if column is not QueueColumn.WITHIN_72_HOURS:  # the last takes what is left
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), column.name


def test_a_column_the_coordinator_widened_stays_wide_after_a_reload(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """Every reload (each sync bringing records, each decision, each unlock) put the
    columns back to their texts' widths."""
    submitted(holder.store, IV, clock.now, "REV-W")
    page = _page(qtbot, holder, clock)
    page.reload()
    page.table.setColumnWidth(QueueColumn.INTERVIEWER, 400)

    page.reload()

    assert page.table.columnWidth(QueueColumn.INTERVIEWER) == 400
