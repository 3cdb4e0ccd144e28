"""A returned interview, by keyboard only, over the real encrypted store: the coordinator's
comments beside the read-only form, then Amend into a new revision the form can change."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.deadlines import format_london
from rhi_desktop.domain.entities import (
    EpisodeType,
    InterviewState,
    OfferMethod,
    OfferOutcome,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.review import return_for_amendment
from rhi_desktop.store import Store
from tests.ui.answers import complete_answers
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import active_modal
from tests.ui.forms.keyboard import Keyboard
from tests.ui.review.cases import submitted
from ui.caseload_model import Column
from ui.caseload_views import CaseloadView
from ui.casework import (
    FoundChild,
    OfferAttempt,
    amend_returned,
    record_found_child,
    record_offer,
    sign_off,
    start_interview,
)
from ui.controller import AppController
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow
from ui.sign_off_dialogs import SignOffDialog

CTRL = Qt.KeyboardModifier.ControlModifier
FORM = FormRegistry(BUNDLED_FORMS_DIR).load("rhi", 1)
OVERALL = "Please say where the interview was held. <b>Not bold</b>"
ON_NAME = "Give your full name, not just a first name."
ON_VENUE = "Was it really at school? The notes say home."


def _label(question_id: str) -> str:
    return FORM.text(FORM.field(question_id).question.label)


def _returned_interview(store: Store, actor: str, clock: FakeClock) -> str:
    """An interview interviewed, signed off, sent and returned by the coordinator."""
    return _decided_interview(store, actor, clock, ReviewDecision.RETURNED)


def _decided_interview(store: Store, actor: str, clock: FakeClock, decision: ReviewDecision) -> str:
    """An interview interviewed, signed off, sent, and decided on with comments."""
    now = clock.now
    found = FoundChild(
        case_reference="RET-1",
        name="Returned Example",
        date_of_birth=date(2011, 3, 7),
        looked_after=False,
        uasc=False,
        episode_type=EpisodeType.MISSING,
        episode_start=now - timedelta(days=1),
        returned_at=now - timedelta(hours=2),
    )
    interview_id = record_found_child(store, actor, found, now)
    attempt = OfferAttempt(now, OfferMethod.IN_PERSON, actor, OfferOutcome.ACCEPTED, True)
    record_offer(store, actor, interview_id, attempt, now)
    started = start_interview(store, actor, interview_id, now, FORM)
    with store.transaction(actor) as tx:
        tx.interviews.save_answers(
            interview_id, complete_answers(now), expected_version=started.version
        )
    sign_off(store, actor, interview_id, now)
    with store.transaction(actor) as tx:
        sent = tx.interviews.transition(interview_id, InterviewState.SUBMITTED, at=now)
    review = Review(
        id=new_id(),
        interview_id=interview_id,
        revision=sent.revision,
        reviewer_id="coordinator-1",
        decided_at=now + timedelta(minutes=5),
        decision=decision,
        overall_comment=OVERALL,
        question_comments={"interviewer_name": ON_NAME, "venue_type": ON_VENUE},
    )
    with store.transaction("coordinator-1") as tx:
        tx.reviews.add_many([review])
    return interview_id


def _open_by_keyboard(qtbot: QtBot, window: MainWindow, interview_id: str) -> InterviewWindow:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.table, Qt.Key.Key_4, CTRL)  # "Returned for amendment"
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home, CTRL)
    for _ in range(window.proxy.rowCount()):
        if window.selected_interview_id == interview_id:
            break
        QTest.keyClick(window.table, Qt.Key.Key_Down)
    assert window.selected_interview_id == interview_id
    QTest.keyClick(window.table, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    frame = window.interview_window(interview_id)
    assert frame is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
    return frame


def _name_box(frame: InterviewWindow) -> QLineEdit:
    (box,) = frame.editor.renderer.field_view("interviewer_name").controls()
    assert isinstance(box, QLineEdit)
    return box


def _go_to_name_comment(frame: InterviewWindow, keys: Keyboard) -> None:
    """Tab to the comments list, arrow to the comment on the name, Enter to go there."""
    assert frame.comments is not None
    comments = frame.comments.questions
    keys.tab_to(comments)
    keys.press(Qt.Key.Key_Home)
    while not comments.currentItem().text().startswith(_label("interviewer_name")):
        keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert frame.editor.renderer.current_section == FORM.field("interviewer_name").section_id
    assert keys.focus() is _name_box(frame)


def test_a_returned_interview_shows_the_comments_and_is_amended_into_a_new_revision(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock, heard: Heard
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    interview_id = _returned_interview(store, controller.holder.actor, clock)
    returned = store.interviews.get(interview_id)
    assert returned.state is InterviewState.RETURNED and returned.revision == 1
    frame = _open_by_keyboard(qtbot, window, interview_id)
    keys = Keyboard()

    # -- the coordinator's comments beside a read-only form --------------------------------
    assert frame.windowTitle() == "Interview (read-only)" and frame.editor.renderer.read_only
    child = store.children.get(returned.child_id)
    assert frame.heading.isVisible() and frame.heading.text() == (
        f"Case {child.case_reference} · returned {format_london(returned.returned_at)} · "
        f"72 hours end {format_london(returned.returned_at + timedelta(hours=72))}"
    )
    assert child.name not in frame.heading.text()
    # The one title every interview window has does not say which case: this does.
    assert frame.accessibleDescription() == frame.heading.text()
    assert (frame.heading.text(), QAccessible.AnnouncementPoliteness.Polite) in heard
    comments = frame.comments
    assert comments is not None and comments.isVisible()
    assert comments.accessibleName() == "Coordinator's comments"
    assert comments.overall.text() == OVERALL
    assert comments.overall.textFormat() is Qt.TextFormat.PlainText
    assert sorted(comments.comment_texts()) == sorted(
        [f"{_label('interviewer_name')}: {ON_NAME}", f"{_label('venue_type')}: {ON_VENUE}"]
    )
    assert all(
        label.textFormat() is Qt.TextFormat.PlainText for label in comments.findChildren(QLabel)
    )
    assert frame.amend_button.isVisible() and frame.amend_button.accessibleName() == "Amend"

    # -- before Amend, typing changes nothing --------------------------------------------
    _go_to_name_comment(frame, keys)
    before = _name_box(frame).text()
    keys.press_select_all()
    keys.type("Someone Else")
    assert _name_box(frame).text() == before == "Interviewer"
    frame.save_now()
    assert store.interviews.get(interview_id) == returned

    # -- Amend: a new revision, the form editable, the comments still beside it ----------
    keys.press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: not frame.editor.renderer.read_only)
    assert frame.windowTitle() == "Interview" and not frame.amend_button.isVisible()
    assert frame.comments is comments and comments.isVisible()
    amended = store.interviews.get(interview_id)
    assert amended.state is InterviewState.IN_PROGRESS and amended.revision == 2
    _go_to_name_comment(frame, keys)
    keys.press_select_all()
    keys.type("Zoë Interviewer")
    assert _name_box(frame).text() == "Zoë Interviewer"
    frame.save_now()
    assert store.interviews.get(interview_id).answers["interviewer_name"] == "Zoë Interviewer"
    first, second = store.interviews.revisions(interview_id)
    assert (first.revision, first.state) == (1, InterviewState.RETURNED)
    assert first.answers == returned.answers and first.answers["interviewer_name"] == "Interviewer"
    assert second.revision == 2 and second.answers["interviewer_name"] == "Zoë Interviewer"
    frame.close()


def test_an_amendment_days_later_is_not_a_late_interview(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    interview_id = _returned_interview(store, controller.holder.actor, clock)
    clock.advance(days=4)  # the coordinator's comments are worked on four days later
    window.reload()
    frame = _open_by_keyboard(qtbot, window, interview_id)
    frame.amend()
    qtbot.waitUntil(lambda: not frame.editor.renderer.read_only)
    window.show_view(CaseloadView.ALL)

    row = window.caseload.row_of(interview_id)
    assert row is not None
    deadline = window.caseload.index(row, Column.DEADLINE).data()
    assert deadline == "Completed within 72 hours"  # the first sign-off: not OVERDUE
    due = store.interviews.due_within(24, clock.now)
    assert interview_id not in {r.interview_id for r in due}

    frame.sign_off()
    sign = active_modal(qtbot, SignOffDialog)
    sign.confirm.setChecked(True)
    sign.try_save()  # no reason for lateness asked: it was signed off in time
    qtbot.waitUntil(lambda: store.interviews.get(interview_id).state is InterviewState.COMPLETED)
    assert store.interviews.get(interview_id).late_reason is None


def test_a_window_left_open_when_the_interview_comes_back_is_shown_afresh(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    interview_id = submitted(store, controller.holder.actor, clock.now, "RET-2")

    def open_it() -> InterviewWindow:
        window.show_view(CaseloadView.ALL)
        row = window.caseload.row_of(interview_id)
        assert row is not None
        window.table.selectRow(window.proxy.mapFromSource(window.caseload.index(row, 0)).row())
        window.open_action.trigger()
        frame = window.interview_window(interview_id)
        assert frame is not None
        qtbot.waitUntil(frame.isVisible)
        return frame

    reading = open_it()
    assert reading.editor.renderer.read_only and reading.comments is None
    # The coordinator's decision arrives with a sync while the window is open.
    return_for_amendment(store, "coordinator-1", interview_id, 1, clock.now, overall_comment="x")
    window.records_arrived()
    again = open_it()

    assert again is not reading and again.comments is not None
    assert again.amend_button.isVisible()  # what a returned interview offers


def test_an_amendment_shows_no_countdown_beside_its_closed_deadline(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    interview_id = _returned_interview(controller.holder.store, controller.holder.actor, clock)
    clock.advance(days=4)  # long past the 72 hours, which the first revision met
    window.reload()
    frame = _open_by_keyboard(qtbot, window, interview_id)
    frame.amend()
    qtbot.waitUntil(lambda: not frame.editor.renderer.read_only)

    for view in (CaseloadView.IN_PROGRESS, CaseloadView.DUE):
        window.show_view(view)
        row = window.caseload.row_of(interview_id)
        assert row is not None
        time_left = window.caseload.index(row, Column.TIME_LEFT).data()
        assert time_left == "—", view  # not "overdue" beside "Completed within 72 hours"
    frame.close()


def test_an_approval_with_comments_shows_them_beside_the_read_only_interview(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, window = unlocked
    store = controller.holder.store
    interview_id = _decided_interview(
        store, controller.holder.actor, clock, ReviewDecision.APPROVED
    )
    assert store.interviews.get(interview_id).state is InterviewState.APPROVED
    window.show_view(CaseloadView.APPROVED)
    row = window.caseload.row_of(interview_id)
    assert row is not None
    window.table.selectRow(window.proxy.mapFromSource(window.caseload.index(row, 0)).row())

    window.open_action.trigger()

    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    frame = window.interview_window(interview_id)
    assert frame is not None and frame.editor.renderer.read_only
    comments = frame.comments
    assert comments is not None and comments.isVisible()  # a note for next time is read
    assert comments.overall.text() == OVERALL
    assert not frame.amend_button.isVisible()  # approved: nothing to amend
    frame.close()


def test_an_amend_refused_in_the_interview_window_leaves_the_keyboard_there(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    """Amended meanwhile elsewhere (another of this person's windows, say): the refusal
    opened over the caseload, and closing it left the keyboard there."""
    controller, window = unlocked
    store = controller.holder.store
    interview_id = _returned_interview(store, controller.holder.actor, clock)
    frame = _open_by_keyboard(qtbot, window, interview_id)
    amend_returned(store, controller.holder.actor, interview_id, clock.now)  # no longer returned

    QTest.keyClick(QApplication.focusWidget() or frame, Qt.Key.Key_E, CTRL)

    box = active_modal(qtbot, QMessageBox)
    assert box.parent() is frame
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is frame)
