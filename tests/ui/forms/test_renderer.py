"""The renderer: skip logic live as answers change, section badges in words, inline
messages at the right moment, tab order in form order, and a name for every control."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FieldKey, Form, FormSession, QuestionType, load_form
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.appearance import stylesheet
from ui.forms.editor import InterviewFormEditor
from ui.forms.progress import SectionProgress, SectionState, section_progress
from ui.forms.renderer import FormRenderer
from ui.forms.section_nav import badge_text


def _visible_fields(renderer: FormRenderer) -> dict[FieldKey, bool]:
    form = renderer.session.form
    shown: dict[FieldKey, bool] = {}
    for info in form.fields.values():
        if info.repeat_id is not None or info.question.type is QuestionType.REPEAT:
            continue
        page = renderer.page(info.section_id)  # pages not on show are hidden as a whole
        shown[FieldKey(info.id)] = renderer.field_view(info.id).shown_within(page)
    return shown


def test_skip_logic_follows_the_answers_as_they_change(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    session = renderer.session
    combo = renderer.field_view("offer_outcome").controls()[0]
    keyboard.choose(combo, "Declined by the young person")  # type: ignore[arg-type]
    for question_id in ("offer_attempts", "declined_reason", "offer_again"):
        assert renderer.field_view(question_id).shown_within(renderer)
    assert not renderer.field_view("child_consulted").shown_within(renderer)
    assert renderer.navigator.progress("venue").state is SectionState.NOT_NEEDED
    assert renderer.page("offer").next_button.text() == "Next: Immediate safeguarding"

    keyboard.choose(combo, "Accepted")  # type: ignore[arg-type]
    assert renderer.field_view("child_consulted").shown_within(renderer)
    assert not renderer.field_view("offer_attempts").shown_within(renderer)
    assert renderer.page("offer").next_button.text() == "Next: Where we met and who was there"
    # What is on screen is what the session decides, question by question.
    assert _visible_fields(renderer) == {
        key: session.is_relevant(key.id) for key in _visible_fields(renderer)
    }


def test_only_the_questions_an_answer_affects_are_repainted(qtbot: QtBot, rhi_form: Form) -> None:
    session = FormSession(rhi_form, {"offer_outcome": "accepted"}, clock=fixed_clock)
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    shown = _visible_fields(renderer)
    touched: list[str] = []
    repainted: set[str] = set()
    for key in shown:
        view = renderer.field_view(key.id)
        show = view.set_shown
        # Record every show/hide the renderer asks of each question (the view's own
        # method still does the work), and whatever else it redoes of it: its required
        # mark, its message and a calculated value.
        view.set_shown = partial(_recorded, touched, view.id, show)  # type: ignore[method-assign]
        required = view.set_required
        view.set_required = partial(_noted, repainted, view.id, required)  # type: ignore[method-assign]
        if view.answer is not None:
            shown_value = view.answer.show_value
            view.answer.show_value = partial(_noted, repainted, view.id, shown_value)  # type: ignore[method-assign]
    show_issues = renderer._show_issues
    renderer._show_issues = partial(_noted_view, repainted, show_issues)  # type: ignore[method-assign]
    yes = renderer.field_view("interpreter_used").controls()[0]
    assert isinstance(yes, QAbstractButton)
    yes.click()
    assert sorted(touched) == ["interpreter_language", "interpreter_service"]
    after = _visible_fields(renderer)
    assert {k.id for k in after if after[k] != shown[k]} == set(touched)
    # The answer itself, and what its change asks or no longer asks: nothing else.
    assert repainted <= {"interpreter_used", *touched}, sorted(repainted)


def _recorded(
    touched: list[str], question_id: str, show: Callable[[bool], None], visible: bool
) -> None:
    touched.append(question_id)
    show(visible)


def _noted(noted: set[str], question_id: str, redo: Callable[..., None], *args: Any) -> None:
    noted.add(question_id)
    redo(*args)


def _noted_view(noted: set[str], redo: Callable[..., None], view: Any, **options: Any) -> None:
    noted.add(view.id)
    redo(view, **options)


def test_section_badges_say_their_state_in_words(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    navigator = editor.renderer.navigator
    assert navigator.badge("offer") == "\u25cb 3 to answer"
    assert navigator.badge("venue") == "\u2013 Not needed"
    # Nothing in it must be answered: "Not started", with the mark of what is still to
    # answer, stayed there for good on a form that was ready to sign off.
    assert navigator.badge("reflection") == "\u25e6 Nothing required"
    item = navigator.item(0)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "The offer: 3 to answer"
    keyboard.fill(editor.renderer.field_view("offer_made_at").controls()[0], "31/11/2026 10:00")
    # Still being typed: no problem yet, in the badge as in the field (half a date is
    # none); it is one once the interviewer moves on.
    assert navigator.badge("offer") == "\u25cb 3 to answer"
    keyboard.tab_out()
    assert navigator.badge("offer") == "\u26a0 1 problem, 2 to answer"
    keyboard.tab_to(editor.renderer.field_view("offer_made_at").controls()[0])
    keyboard.press(Qt.Key.Key_End)
    keyboard.type("0")  # typing on into a problem shown: it is still shown, and counted
    assert editor.renderer.field_view("offer_made_at").message
    assert navigator.badge("offer") == "\u26a0 1 problem, 2 to answer"
    for state in SectionState:  # every badge is a symbol and words, never colour alone
        symbol, words = badge_text(SectionProgress(state, 1, 1, 1)).split(" ", 1)
        assert len(symbol) == 1 and words.strip()


def test_a_badge_waits_on_what_is_being_typed_through_the_minutes_re_judging(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    """The minute's re-judging recounted the section with the half-typed answer's problem
    in it; and half an optional date made its section complete."""
    now = [datetime(2026, 11, 27, 12, 0, tzinfo=UTC)]
    form = load_form({
        "form_id": "b", "version": 1, "title": "B",
        "sections": [{"id": "a", "title": "A", "questions": [
            {"id": "met", "type": "date", "label": "Met on"},
            {"id": "next", "type": "date", "label": "Next", "constraint": ". >= today()"},
        ]}, {"id": "b", "title": "B", "questions": [
            {"id": "opt", "type": "date", "label": "Optional date"},
        ]}],
    })  # fmt: skip
    session = FormSession(form, {"next": "2026-11-27"}, clock=lambda: now[0])
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    assert renderer.navigator.badge("a") == "\u2713 Complete"
    keyboard.fill(renderer.field_view("met").controls()[0], "31/11")
    assert renderer.navigator.badge("a") == "\u2713 Complete"  # of what is finished
    now[0] += timedelta(days=1)
    renderer.clock_timer.timeout.emit()  # "next" is in the past now: one problem
    assert renderer.navigator.badge("a") == "\u26a0 1 problem"
    keyboard.tab_out()
    assert renderer.navigator.badge("a") == "\u26a0 2 problems"
    renderer.show_section("b")
    keyboard.fill(renderer.field_view("opt").controls()[0], "3")
    assert renderer.navigator.badge("b") == "\u25e6 Nothing required"  # not complete
    keyboard.tab_out()
    assert renderer.navigator.badge("b") == "\u26a0 1 problem"


def test_a_group_short_of_the_rows_it_needs_is_to_answer_not_a_problem() -> None:
    """A new interview shows nothing wrong with the group until a check: its badge says
    what is still to answer, not of a problem nobody can find. Too many rows is one."""
    definition = {
        "form_id": "visit", "version": 1, "title": "Visit",
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "people", "type": "repeat", "label": "People", "min_rows": 1,
             "max_rows": 1, "questions": [{"id": "name", "type": "text", "label": "Name"}]},
        ]}],
    }  # fmt: skip
    session = FormSession(load_form(definition), clock=fixed_clock)
    assert section_progress(session, "main") == SectionProgress(SectionState.TO_ANSWER, 0, 1)
    session.add_row("people")
    session.add_row("people")
    assert section_progress(session, "main").state is SectionState.PROBLEMS


def test_required_answers_are_asked_for_only_after_a_check(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    method = renderer.field_view("offer_method")
    assert method.message == ""
    assert method.label.text() == "How was it offered? (required)"
    keyboard.tab_to(editor.check_button)
    keyboard.press(Qt.Key.Key_Space)
    assert method.message == "This question needs an answer."
    assert "answers need attention" in editor.check_result.text()
    assert renderer.current_section == "offer"
    assert keyboard.focus() is renderer.field_view("offer_made_at").controls()[0]
    keyboard.choose(method.controls()[0], "Phone call")  # type: ignore[arg-type]
    assert method.message == ""


def test_after_a_check_a_row_added_is_judged_when_it_is_left(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """A check shows what is wrong then; a row added afterwards is not wrong before the
    interviewer has had a chance to fill it in."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.check()
    renderer.add_row("agreed_actions")
    renderer.show_section("actions")
    what = renderer.field_view("action_what", 0)
    assert what.message == ""
    keyboard.tab_to(what.controls()[0])
    keyboard.type("x")
    keyboard.press(Qt.Key.Key_Backspace)
    keyboard.tab_out()
    assert what.message == "This question needs an answer."


def test_retyping_an_answer_is_not_faulted_at_each_keystroke(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """Half a date is no error: a new problem waits until the interviewer moves on, but a
    problem already shown goes as soon as it is mended."""
    editor = open_editor()
    renderer = editor.renderer
    made = renderer.field_view("offer_made_at")
    field = made.controls()[0]
    keyboard.fill(field, "26/11/2026 10:00")
    keyboard.tab_out()
    assert made.message == ""
    keyboard.tab_to(field)
    keyboard.press_select_all()
    keyboard.type("2")
    assert made.message == ""
    keyboard.type("6/11/20")
    assert made.message == ""
    keyboard.tab_out()
    assert made.message != ""
    keyboard.tab_to(field)
    keyboard.press(Qt.Key.Key_End)
    keyboard.type("26 10:00")
    assert made.message == ""


def test_answering_a_question_a_check_flagged_is_not_faulted_half_typed(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """The check says it needs an answer; as one is typed that goes, and "Enter a date"
    waits until the interviewer moves on, as for any question."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.check()
    made = renderer.field_view("offer_made_at")
    assert made.message == "This question needs an answer."
    keyboard.tab_to(made.controls()[0])
    keyboard.type("26/11")
    assert made.message == ""
    keyboard.tab_out()
    assert made.message.startswith("Enter a date")


def test_a_constraint_is_explained_when_the_interviewer_moves_on(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert renderer.current_section == "venue"
    keyboard.fill(renderer.field_view("interview_start").controls()[0], "15:00")
    end = renderer.field_view("interview_end")
    keyboard.fill(end.controls()[0], "14:00")
    assert end.message == ""
    keyboard.tab_out()
    assert end.message == "The end time must be after the start time."
    shown = [part for part in end.parts() if part.isVisible()]
    issue = shown[-1]  # below the answer, on screen
    assert isinstance(issue, QLabel) and issue.objectName() == "fieldIssue"
    assert end.message in issue.text()


def test_a_problem_is_read_out_when_it_appears_behind_the_focus(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The focus has moved on when a problem appears, so a screen reader is told of it
    there and then, once, and politely; typing does not set it talking."""
    heard: list[tuple[QObject, str, QAccessible.AnnouncementPoliteness]] = []

    def listen(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append((event.object(), event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", listen)
    editor = open_editor()
    renderer = editor.renderer
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    heard.clear()  # the section moved to (below)
    keyboard.fill(renderer.field_view("interview_start").controls()[0], "15:00")
    end = renderer.field_view("interview_end")
    keyboard.fill(end.controls()[0], "14:00")
    assert heard == []
    keyboard.tab_out()
    polite = QAccessible.AnnouncementPoliteness.Polite
    said = "End time: The end time must be after the start time."
    assert heard == [(end.controls()[0], said, polite)]
    keyboard.fill(end.controls()[0], "13:00")  # the same problem, typed again
    keyboard.tab_out()
    assert len(heard) == 1


def test_moving_to_a_section_by_keyboard_tells_its_title_and_guidance(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, heard: Heard
) -> None:
    # Plain labels tied to no control: a screen reader never read either.
    editor = open_editor()
    renderer = editor.renderer
    form = renderer.session.form
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    for _ in range(2):
        keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert renderer.current_section == "before"
    page = renderer.page("before")
    hint = form.text(form.sections["before"].section.hint)
    assert hint and page.title == form.text(form.sections["before"].section.title)
    assert heard[-1][0] == f"{page.title} {hint}"
    assert (page.accessibleName(), page.accessibleDescription()) == (page.title, hint)
    assert page.isAncestorOf(keyboard.focus())
    renderer.show_section("venue")  # chosen in the list of sections, which names it
    assert heard[-1][0] == f"{page.title} {hint}"


def _toggle_by_screen_reader(button: QAbstractButton) -> None:
    """The accessibility Toggle action (Windows UI Automation's Toggle pattern): a radio
    button offers no other way to answer."""
    accessible = QAccessible.queryAccessibleInterface(button)
    assert accessible is not None
    actions = accessible.actionInterface()
    assert actions is not None
    actions.doAction(actions.toggleAction())


def test_a_choice_made_by_a_screen_readers_toggle_is_an_answer(
    qtbot: QtBot, rhi_form: Form
) -> None:
    # It ticked the box on screen and reached no answer: only clicks were listened to.
    renderer = FormRenderer(FormSession(rhi_form, clock=fixed_clock))
    qtbot.addWidget(renderer)
    consulted = renderer.field_view("child_consulted").controls()
    present = renderer.field_view("present").controls()
    for button in (consulted[1], present[0], present[1]):
        assert isinstance(button, QAbstractButton)
        _toggle_by_screen_reader(button)
    assert renderer.session.answer("child_consulted") == "no"
    assert renderer.session.answer("present") == tuple(
        renderer.session.form.fields["present"].choices[:2]
    )
    answer = renderer.field_view("child_consulted").answer
    assert answer is not None
    answer.show_value("yes")  # showing an answer is no edit
    assert consulted[0].isChecked() and renderer.session.answer("child_consulted") == "no"


def test_an_ampersand_in_form_text_is_shown_and_is_no_shortcut(qtbot: QtBot) -> None:
    # Qt reads '&' in a button, box title or label with a buddy as marking a shortcut:
    # 'Drugs & alcohol' showed as 'Drugs _alcohol', and Alt+A jumped to it.
    definition = load_form(
        {
            "form_id": "amp", "version": 1, "title": "T",
            "sections": [
                {"id": "a", "title": "Q&A", "questions": [
                    {"id": "session", "type": "text", "label": "Q&A session"},
                    {"id": "used", "type": "multiple_choice", "label": "Used", "choices": "u"},
                    {"id": "trips", "type": "repeat", "label": "Trips & visits",
                     "questions": [{"id": "where", "type": "text", "label": "Where"}]}]},
                {"id": "b", "title": "Drugs & alcohol", "questions": [
                    {"id": "note", "type": "text", "label": "Note"},
                    {"id": "told", "type": "note", "label": "Dewi & Siân follow up"}]},
            ],
            "choice_lists": {"u": [{"value": "both", "label": "Drugs & alcohol"}]},
        }
    )  # fmt: skip
    renderer = FormRenderer(FormSession(definition, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.add_row("trips")
    group = renderer.group_view("trips")
    shown = {
        renderer.field_view("session").label.text(),
        renderer.field_view("used").controls()[0].property("text"),
        group.add_button.text(),
        group.rows[0].box.title(),
        renderer.page("a").next_button.text(),
    }
    assert shown == {
        "Q&&A session", "Drugs && alcohol", "Add a row to Trips && visits",
        "Trips && visits: row 1", "Next: Drugs && alcohol",
    }  # fmt: skip
    # A note's label has no buddy, so it shows '&' as written: doubled, it read '&&'.
    assert renderer.field_view("told").label.text() == "Dewi & Siân follow up"
    assert renderer.field_view("session").controls()[0].accessibleName() == "Q&A session"
    assert group.add_button.accessibleName() == "Add a row to Trips & visits"


def test_form_text_that_looks_like_html_is_shown_as_written(qtbot: QtBot) -> None:
    """Qt shows a label that looks like HTML as HTML: a form's '<b>' showed bold, and a
    tag in a message quoting the form vanished. Every text is shown as written."""
    tagged = "<b>bold</b> & <i>not</i>"
    definition = load_form(
        {
            "form_id": "tags", "version": 1, "title": "T",
            "sections": [
                {"id": "a", "title": f"Section {tagged}", "hint": f"Guide {tagged}",
                 "questions": [
                    {"id": "where", "type": "text", "label": f"Where {tagged}",
                     "hint": f"Hint {tagged}", "required": True},
                    {"id": "kind", "type": "single_choice", "label": "Kind", "choices": "k"},
                    {"id": "used", "type": "multiple_choice", "label": "Used", "choices": "k"},
                    {"id": "told", "type": "note", "label": f"Note {tagged}"},
                    {"id": "age", "type": "integer", "label": "Age",
                     "constraint": ". < 30", "constraint_message": f"Message {tagged}"},
                    {"id": "trips", "type": "repeat", "label": f"Trips {tagged}",
                     "hint": f"Rows {tagged}", "min_rows": 2, "max_rows": 2,
                     "questions": [{"id": "place", "type": "text", "label": "Place"}]}]},
            ],
            "choice_lists": {"k": [{"value": "x", "label": "X", "hint": f"Choice {tagged}"}]},
        }
    )  # fmt: skip
    session = FormSession(definition, clock=fixed_clock)
    session.set_answer("kind", "x")
    session.set_answer("age", 40)
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    renderer.check()
    for _ in range(2):  # full: a note says so, naming the group
        renderer.add_row("trips")
    tagged_labels = [label for label in renderer.findChildren(QLabel) if "<b>" in label.text()]
    kinds = {label.text().removeprefix("\u26a0 ").split(" ")[0] for label in tagged_labels}
    assert kinds >= {
        "Section", "Guide", "Where", "Choice", "Note", "Message", "Trips", "Rows"
    }, kinds  # fmt: skip
    assert any(label.text().endswith("takes at most 2 rows.") for label in tagged_labels)
    assert [
        label.text() for label in tagged_labels if label.textFormat() is not Qt.TextFormat.PlainText
    ] == []


def test_tab_order_follows_the_form(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.to_section(renderer, "venue")
    keyboard.tab_to(renderer.field_view("interview_date").controls()[0])
    seen: list[QWidget] = []
    while keyboard.focus() is not renderer.page("venue").next_button:
        seen.append(keyboard.focus())
        keyboard.tab_out()
        assert len(seen) < 60
    assert seen.pop() is renderer.page("venue").previous_button  # then Next, after them
    # Which question each stop belongs to, and the questions in the definition's order:
    # read from the form, not from the order the renderer itself sets.
    questions = [q.id for q in renderer.session.form.sections["venue"].section.questions]
    owner = {
        control: question_id
        for question_id in questions
        for control in renderer.field_view(question_id).controls()
    }
    visited = [owner.get(widget, "") for widget in seen]
    assert "" not in visited, [
        (type(w).__name__, w.accessibleName()) for w, q in zip(seen, visited, strict=True) if not q
    ]
    in_turn = [question_id for question_id, _ in itertools.groupby(visited)]
    asked = [q for q in questions if renderer.field_view(q).controls()[0].isVisibleTo(renderer)]
    assert in_turn == asked  # each question once, in the form's order, none left out
    # Within a question: each tick box, the one radio group as one stop (arrows move
    # within it), the interview's times start before end.
    assert visited.count("present") == len(renderer.field_view("present").controls())
    assert visited.count("interpreter_used") == 1
    start = renderer.field_view("interview_start").controls()[0]
    end = renderer.field_view("interview_end").controls()[0]
    assert (
        start.mapTo(renderer, start.rect().topLeft()).y()
        < end.mapTo(renderer, end.rect().topLeft()).y()
    )


def test_every_control_has_an_accessible_name_and_hints_describe(
    qtbot: QtBot, rhi_form: Form
) -> None:
    answers = {"offer_outcome": "accepted", "places": [{}], "people": [{}], "agreed_actions": [{}]}
    renderer = FormRenderer(FormSession(rhi_form, answers, clock=fixed_clock))
    qtbot.addWidget(renderer)
    focusable = [
        w
        for w in renderer.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.isHidden()
        and w.window() is renderer  # not the drop-down lists' own popup windows
    ]
    assert len(focusable) > 150
    unnamed = [type(w).__name__ for w in focusable if not w.accessibleName().strip()]
    assert unnamed == []
    for info in rhi_form.fields.values():
        hint = info.question.hint
        if hint is None or not info.answerable:
            continue
        row = None if info.repeat_id is None else 0
        control = renderer.field_view(info.id, row).controls()[0]
        assert rhi_form.text(hint) in control.accessibleDescription()


def test_a_choice_hint_is_shown_under_its_tick_box_and_read_out_with_it(
    qtbot: QtBot, rhi_form: Form
) -> None:
    renderer = FormRenderer(FormSession(rhi_form, {"offer_outcome": "accepted"}, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.resize(1100, 800)
    renderer.show()
    renderer.show_section("risks")
    view = renderer.field_view("risk_indicators")
    hints = {
        choice.value: rhi_form.text(choice.hint)
        for choice in rhi_form.definition.choice_lists["risk_indicators"]
        if choice.hint is not None
    }
    assert hints  # the form guides the interviewer on what each risk looks like

    shown = [w for w in view.parts() if isinstance(w, QLabel) and w.objectName() == "choiceHint"]

    assert sorted(label.text() for label in shown) == sorted(hints.values())
    page = renderer.page("risks")
    assert all(label.isVisibleTo(page) for label in shown)
    boxes = {box.accessibleName(): box for box in view.controls()}
    labels = {
        choice.value: rhi_form.text(choice.label)
        for choice in rhi_form.definition.choice_lists["risk_indicators"]
    }
    for value, hint in hints.items():
        box = boxes[labels[value]]
        assert hint in box.accessibleDescription()
        below = next(label for label in shown if label.text() == hint)
        assert below.geometry().top() >= box.geometry().bottom()  # under its own box
        assert abs(below.geometry().left() - box.geometry().left()) < box.width()
    view.set_shown(False)
    assert not any(label.isVisibleTo(page) for label in shown)


HINTED_CHOICE = load_form(
    {
        "form_id": "hinted",
        "version": 1,
        "title": "Hinted choice",
        "choice_lists": {
            "travel": [
                {"value": "bus", "label": "By bus"},
                {"value": "car", "label": "In someone's car", "hint": "Ask whose car it was"},
            ]
        },
        "sections": [
            {
                "id": "during",
                "title": "During",
                "questions": [
                    {
                        "id": "travel",
                        "type": "single_choice",
                        "choices": "travel",
                        "label": "How did they travel?",
                        "hint": "The main way",
                    }
                ],
            }
        ],
    }
)


def test_a_drop_downs_chosen_hint_is_shown_under_it_and_read_out(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = FormRenderer(FormSession(HINTED_CHOICE, {}, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    qtbot.waitExposed(renderer)
    renderer.activateWindow()
    view = renderer.field_view("travel")
    [combo] = view.controls()
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    [hint] = [w for w in view.parts() if isinstance(w, QLabel) and w.objectName() == "choiceHint"]
    page = renderer.page("during")
    assert not hint.isVisibleTo(page)  # nothing chosen: no choice's hint
    car = combo.findText("In someone's car")
    description = Qt.ItemDataRole.AccessibleDescriptionRole
    assert combo.itemData(car, description) == "Ask whose car it was"  # in the open list

    keyboard.choose(combo, "In someone's car")

    assert hint.isVisibleTo(page) and hint.text() == "Ask whose car it was"
    assert combo.accessibleDescription() == "Ask whose car it was The main way"
    keyboard.choose(combo, "By bus")
    assert not hint.isVisibleTo(page) and combo.accessibleDescription() == "The main way"
    keyboard.choose(combo, "In someone's car")
    view.set_shown(False)
    assert not hint.isVisibleTo(page)  # the question is hidden, its hint with it
    view.set_shown(True)
    assert hint.isVisibleTo(page)
    assert renderer.session.answer("travel") == "car"


@pytest.mark.parametrize(
    ("section", "question", "label"),
    [
        ("offer", "child_consulted", "Did the young person have a say in where and when to meet?"),
        ("risks", "risk_indicators", "Which risk indicators are present?"),
    ],
)
def test_options_are_grouped_under_their_question_and_the_group_is_not_drawn(
    qtbot: QtBot, rhi_form: Form, section: str, question: str, label: str
) -> None:
    """'Yes', or 'Something else', is heard as an answer to its question: the options sit
    in a grouping named after it, which the app's stylesheet draws as nothing at all."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(stylesheet())  # as the app has it
    try:
        renderer = FormRenderer(
            FormSession(rhi_form, {"offer_outcome": "accepted"}, clock=fixed_clock)
        )
        qtbot.addWidget(renderer)
        renderer.resize(1100, 800)
        renderer.show()
        renderer.show_section(section)
        qtbot.waitExposed(renderer)
        options = renderer.field_view(question).controls()
        group = options[0].parentWidget()
        assert group is not None and all(option.parentWidget() is group for option in options)
        grouping = QAccessible.queryAccessibleInterface(group)
        assert grouping.role() is QAccessible.Role.Grouping
        assert grouping.text(QAccessible.Text.Name).startswith(label)
        assert group.contentsRect() == group.rect()  # no frame, no room kept for a title
    finally:
        app.setStyleSheet(before)
