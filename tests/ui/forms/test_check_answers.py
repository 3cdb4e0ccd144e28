"""Check answers: its result stays on screen while autosave reports its saves, until an
answer changes, and the keyboard focus goes to the first question with a problem, on
its own section, even when that answer is hidden behind its cover."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import Form, FormSession, load_form
from tests.ui.answers import complete_answers
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import ACTOR, NOW, Draft, add_draft, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import CLOCK_REFRESH_MS, FormRenderer

NOT_OFFERED: dict[str, object] = {
    "offer_made_at": "2026-11-26T10:15:00+00:00",
    "offer_method": "in_person",
    "offer_outcome": "not_offered",
    "not_offered_reason": "In hospital",
}


def _label_showing(editor: InterviewFormEditor, text: str) -> QLabel | None:
    for label in editor.findChildren(QLabel):
        if label.isVisible() and label.text() == text:
            return label
    return None


def _shown(editor: InterviewFormEditor, text: str) -> bool:
    return _label_showing(editor, text) is not None


def _press_check_answers(editor: InterviewFormEditor, keyboard: Keyboard) -> None:
    keyboard.tab_to(editor.check_button)
    keyboard.press(Qt.Key.Key_Space)


def test_the_check_result_outlasts_autosave_and_focus_goes_to_the_first_problem(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    interview_id = add_draft(draft.store, answers=NOT_OFFERED)
    editor = open_editor(interview_id=interview_id)
    renderer = editor.renderer
    keyboard.to_section(renderer, "safeguarding")
    keyboard.pick_radio(renderer.field_view("immediate_concern").controls(), 0)
    keyboard.fill(renderer.field_view("action_taken").controls()[0], "Called the duty team")
    assert editor.saver.timer_active  # typed, not saved yet

    _press_check_answers(editor, keyboard)
    problems = renderer.session.validate().issues
    assert problems[0].key.id == "concern_details"
    section = renderer.page("safeguarding").title  # from another section: said where
    result = f"\u26a0 {len(problems)} answers need attention. The first is in {section}."
    assert _shown(editor, result)
    concern = renderer.field_view("concern_details")
    assert concern.cover is not None and concern.cover.revealed  # no answer to cover
    assert renderer.current_section == "safeguarding"
    assert keyboard.focus() is concern.controls()[0]  # straight into the answer wanted

    with qtbot.waitSignal(editor.saver.saved):  # the autosave timer comes round
        pass
    assert draft.store.interviews.get(interview_id).answers["action_taken"] == (
        "Called the duty team"
    )
    assert editor.status.text() == "Saved at 15:00"
    shown = _label_showing(editor, result)
    assert shown is not None and shown.accessibleName() == result  # read out as shown

    keyboard.to_section(renderer, "reflection")
    keyboard.fill(renderer.field_view("reflection_notes").controls()[0], "Calm")
    assert not _shown(editor, result)  # what it said may no longer be true

    _press_check_answers(editor, keyboard)
    assert renderer.current_section == "safeguarding"  # the first problem's section
    assert keyboard.focus() is concern.controls()[0]
    assert _shown(editor, result)
    assert draft.store.interviews.get(interview_id).answers["reflection_notes"] == "Calm"


def test_rules_that_read_the_clock_are_judged_afresh_as_time_passes(
    qtbot: QtBot, rhi_form: Form
) -> None:
    # Signed at 15:00, typed at 14:58: "in the future" then, but not ten minutes later.
    now = [datetime(2026, 11, 27, 14, 58, tzinfo=UTC)]
    answers = {"offer_outcome": "accepted", "signed_at": "2026-11-27T15:00:00+00:00"}
    session = FormSession(rhi_form, answers, clock=lambda: now[0])
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    future = [issue.message for issue in session.issues("signed_at")]
    assert future == ["The sign-off time cannot be in the future."]

    now[0] += timedelta(minutes=10)
    assert renderer.clock_timer.isActive()
    assert renderer.clock_timer.interval() == CLOCK_REFRESH_MS
    renderer.clock_timer.timeout.emit()  # a minute passes with the form open
    assert session.issues("signed_at") == ()
    now[0] -= timedelta(minutes=10)
    report = renderer.check()  # asked at 14:58 again: judged at the moment of asking
    assert "signed_at" in {issue.key.id for issue in report.issues}
    reading = FormRenderer(session, read_only=True)
    qtbot.addWidget(reading)
    assert not reading.clock_timer.isActive()  # a signed-off record is not re-judged


def _open_on(
    qtbot: QtBot,
    draft: Draft,
    form: Form,
    answers: dict[str, object],
    clock: Callable[[], datetime],
    *,
    signed_off: datetime | None = None,
) -> tuple[InterviewFormEditor, str]:
    """A new draft holding `answers`, shown on `form` at the times `clock` gives, and its
    id; read-only, as signed off at `signed_off`, where that is given."""
    stored = draft.store.interviews.get(add_draft(draft.store, answers=answers))
    editor = InterviewFormEditor(
        dataclasses.replace(stored, completed_at=signed_off),
        form,
        store=lambda: draft.store,
        actor=lambda: ACTOR,
        read_only=signed_off is not None,
        clock=clock,
    )
    qtbot.addWidget(editor)
    editor.show()
    return editor, stored.id


def test_a_check_result_time_has_made_untrue_is_taken_down(qtbot: QtBot, draft: Draft) -> None:
    """Checked at 23:59 as complete, a review date of today was in the past a minute
    after midnight: the field and its section said so, and the result still said
    complete, though sign-off would refuse."""
    form = load_form({
        "form_id": "rhi", "version": 1, "title": "Plan",
        "sections": [{"id": "plan", "title": "Plan", "questions": [
            {"id": "review_by", "type": "date", "label": "Review by", "required": True,
             "constraint": ". >= today()",
             "constraint_message": "The review date cannot be in the past."},
        ]}],
    })  # fmt: skip
    now = [datetime(2026, 11, 27, 23, 59, tzinfo=UTC)]
    editor, _ = _open_on(qtbot, draft, form, {"review_by": "2026-11-27"}, lambda: now[0])
    editor.check()
    assert editor.check_result.isVisibleTo(editor)

    now[0] += timedelta(minutes=2)
    editor.renderer.clock_timer.timeout.emit()  # the minute's re-judging

    assert editor.renderer.field_view("review_by").message  # in the past now
    assert not editor.check_result.isVisibleTo(editor)
    editor.saver.stop()


def test_the_check_result_is_read_out_where_the_focus_is(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    heard: Heard,
) -> None:
    editor = open_editor(interview_id=add_draft(draft.store, answers=NOT_OFFERED))
    entered = editor.renderer.page(editor.renderer.current_section).spoken()
    _press_check_answers(editor, keyboard)
    count = len(editor.renderer.session.validate().issues)
    polite = QAccessible.AnnouncementPoliteness.Polite
    title = editor.renderer.page(editor.renderer.current_section).title
    said = f"\u26a0 {count} answers need attention. The first is in {title}."
    assert heard == [(entered, polite), (said, polite)]  # (Tab left the section list)


def test_one_answer_wanted_in_another_section_is_said_with_where_it_is(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    heard: Heard,
) -> None:
    """The focus moved into another section, and nothing said which."""
    answers = {**complete_answers(NOW), "police_info_shared": None}
    editor = open_editor(interview_id=add_draft(draft.store, answers=answers))
    assert editor.renderer.current_section != "referrals"
    entered = editor.renderer.page(editor.renderer.current_section).spoken()
    _press_check_answers(editor, keyboard)
    assert editor.renderer.current_section == "referrals"
    title = editor.renderer.page("referrals").title
    said = f"\u26a0 1 answer needs attention. It is in {title}."
    polite = QAccessible.AnnouncementPoliteness.Polite
    assert heard == [(entered, polite), (said, polite)]  # (Tab left the section list)
    assert keyboard.focus() in editor.renderer.field_view("police_info_shared").controls()


ROWS_FORM = {
    "form_id": "rows", "version": 1, "title": "Rows",
    "sections": [{"id": "who", "title": "People", "questions": [
        {"id": "people", "type": "repeat", "label": "People", "min_rows": 2, "max_rows": 3,
         "questions": [{"id": "name", "type": "text", "label": "Name"}]},
    ]}],
}  # fmt: skip


def test_check_answers_meets_too_few_or_too_many_rows_where_they_can_be_fixed(
    qtbot: QtBot, heard: Heard
) -> None:
    """It focused row 1's first question, which said nothing of the rows."""
    form = load_form(ROWS_FORM)
    cases = (
        ([{"name": "A"}], "add", False),
        ([{"name": n} for n in "ABCD"], "remove", False),
        ([{"name": n} for n in "ABCD"], "row", True),  # read-only: no Remove to go to
    )
    for people, expected, read_only in cases:
        session = FormSession(form, {"people": people}, clock=fixed_clock)
        renderer = FormRenderer(session, read_only=read_only)
        qtbot.addWidget(renderer)
        renderer.show()
        renderer.activateWindow()
        qtbot.waitUntil(renderer.isActiveWindow)
        heard.clear()
        renderer.check()
        group = renderer.group_view("people")
        if expected == "add":
            assert QApplication.focusWidget() is group.add_button
            assert "Add at least 2 rows" in group.add_button.accessibleDescription()
        else:
            focus = QApplication.focusWidget()
            remove = group.rows[-1].remove_button
            assert focus is (remove if expected == "remove" else group.rows[0].controls()[0])
            assert (group.message, QAccessible.AnnouncementPoliteness.Polite) in heard
            assert group.message.startswith("Keep to at most 3 rows")


def test_the_check_result_wraps_rather_than_widen_the_window(
    open_editor: Callable[..., InterviewFormEditor],
    system_font: Callable[[float], None],
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """On one line, the result naming a question and its section made the window at
    least 1,211 px wide at 16 points: on a laptop, Check answers and Sign off went off
    the screen."""
    system_font(16.0)
    editor = open_editor(interview_id=add_draft(draft.store, answers=NOT_OFFERED))
    before = editor.minimumSizeHint().width()

    editor.check()

    assert editor.check_result.isVisible() and len(editor.check_result.text()) > 60
    assert editor.minimumSizeHint().width() <= before


def test_a_value_worked_out_from_the_time_neither_saves_nor_takes_the_check_down(
    qtbot: QtBot, draft: Draft
) -> None:
    """A calculation of now() moved at each minute's re-judging: the form saved itself
    every minute with nothing typed, and took down the check result just shown."""
    form = load_form({
        "form_id": "rhi", "version": 1, "title": "Plan",
        "sections": [{"id": "plan", "title": "Plan", "questions": [
            {"id": "notes", "type": "text", "label": "Notes", "required": True},
            {"id": "worked_at", "type": "datetime", "label": "Last worked on",
             "calculation": "now()"},
        ]}],
    })  # fmt: skip
    now = [datetime(2026, 11, 27, 15, 0, tzinfo=UTC)]
    editor, interview_id = _open_on(qtbot, draft, form, {"notes": "Met at school"}, lambda: now[0])
    editor.flush()
    saved = draft.store.interviews.get(interview_id).version
    editor.check()

    now[0] += timedelta(minutes=1)
    editor.renderer.clock_timer.timeout.emit()  # the minute's re-judging

    assert editor.check_result.isVisibleTo(editor)
    assert not editor.saver.pending
    editor.flush()
    assert draft.store.interviews.get(interview_id).version == saved
    editor.saver.stop()


def test_a_signed_off_interview_reads_as_it_was_judged_when_signed_off(
    qtbot: QtBot, draft: Draft
) -> None:
    """A question asked only until a date, answered and signed off: opened read-only
    three days later, it was judged by that day's date, and the question and its answer
    had gone from the form."""
    form = load_form({
        "form_id": "rhi", "version": 1, "title": "Plan",
        "sections": [{"id": "plan", "title": "Plan", "questions": [
            {"id": "next_meeting", "type": "date", "label": "Next meeting"},
            {"id": "meeting_plan", "type": "text", "label": "Plan for the meeting",
             "relevant": "${next_meeting} >= today()"},
        ]}],
    })  # fmt: skip
    editor, _ = _open_on(
        qtbot,
        draft,
        form,
        {"next_meeting": "2026-11-27", "meeting_plan": "Meet at the library"},
        lambda: datetime(2026, 11, 30, 10, tzinfo=UTC),
        signed_off=datetime(2026, 11, 27, 12, tzinfo=UTC),
    )
    assert editor.renderer.field_view("meeting_plan").shown
    assert editor.renderer.session.answer("meeting_plan") == "Meet at the library"
