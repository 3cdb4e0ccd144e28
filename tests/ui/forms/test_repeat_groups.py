"""Rows of places, people and actions: added and removed by keyboard, in tab order,
renumbered as they move, and never removed with their answers by a slip of a key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import Form, FormSession, load_form
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import Draft, age_form, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import FormRenderer

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _wait_for_focus_in(window: QWidget, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: _focus_inside(window))


def _focus_inside(window: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and window.isAncestorOf(focused)


def _on_during(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> InterviewFormEditor:
    editor = open_editor()
    keyboard.choose(editor.renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.to_section(editor.renderer, "during")
    return editor


def test_rows_are_added_by_button_or_shortcut_and_focus_moves_into_them(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = _on_during(open_editor, keyboard)
    renderer = editor.renderer
    people = renderer.group_view("people")
    assert people.add_button.accessibleName() == "Add a row to People they were with"
    keyboard.tab_to(people.add_button)
    keyboard.press(Qt.Key.Key_Space)
    assert renderer.session.row_count("people") == 1
    assert keyboard.focus() is renderer.field_view("person_name", 0).controls()[0]
    keyboard.type("Jay")
    keyboard.press(Qt.Key.Key_A, CTRL_SHIFT)  # from inside a row, the group's shortcut
    assert renderer.session.row_count("people") == 2
    assert keyboard.focus() is renderer.field_view("person_name", 1).controls()[0]
    # Tab order runs through the rows in order, then to the Add button.
    controls = people.controls()
    assert controls.index(renderer.field_view("person_name", 0).controls()[0]) < controls.index(
        renderer.field_view("person_name", 1).controls()[0]
    )
    keyboard.type("Sam")
    row_one = people.rows[1]
    keyboard.tab_to(row_one.remove_button)
    keyboard.tab_out()
    assert keyboard.focus() is people.add_button
    assert row_one.remove_button.accessibleName() == "Remove row 2 from People they were with"


def _in_view(page: QScrollArea, widget: QWidget) -> bool:
    top_left = widget.mapTo(page.viewport(), QPoint(0, 0))
    return page.viewport().rect().contains(QRect(top_left, widget.size()))


def test_the_focused_input_of_a_new_row_is_scrolled_into_view(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, qtbot: QtBot
) -> None:
    # Scrolled to as it was made, the row was still unplaced, and ended up below the page.
    editor = _on_during(open_editor, keyboard)
    renderer = editor.renderer
    page = renderer.page("during")
    keyboard.tab_to(renderer.group_view("places").add_button)
    keyboard.press(Qt.Key.Key_Space)
    for row in range(1, 6):
        keyboard.press(Qt.Key.Key_A, CTRL_SHIFT)
        focused = keyboard.focus()
        assert focused is renderer.field_view("place_description", row).controls()[0]
        QApplication.processEvents()  # what the event loop does next: lays the row out
        assert _in_view(page, focused), f"row {row + 1} is out of view"
    assert page.verticalScrollBar().value() > 0  # the rows did not all fit


def test_a_new_or_next_row_takes_the_focus_on_a_question_asked(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    # On the row's first question when not asked, a Space answered it unseen.
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "age", "type": "integer", "label": "Age"},
        {"id": "trips", "type": "repeat", "label": "Trips", "questions": [
            {"id": "adult", "type": "yes_no", "label": "With an adult?",
             "relevant": "${age} < 16"},
            {"id": "where", "type": "text", "label": "Where"}]},
    ]  # fmt: skip
    renderer = FormRenderer(FormSession(load_form(definition), {"age": 17}, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    _wait_for_focus_in(renderer, qtbot)
    for _ in range(2):
        renderer.add_row("trips")
        assert keyboard.focus() is renderer.field_view("where", 1 if _ else 0).controls()[0]
    renderer.remove_row("trips", 0)
    assert keyboard.focus() is renderer.field_view("where", 0).controls()[0]
    renderer.remove_row("trips", 0)
    assert keyboard.focus() is renderer.group_view("trips").add_button
    assert renderer.session.record() == {"age": 17}


def test_a_first_row_added_is_next_after_the_sections_list_in_tab_order(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """A row's inputs are made after everything else on screen; the section they open
    still comes straight after the list of sections, not after the editor's buttons."""
    editor = open_editor()
    renderer = editor.renderer
    keyboard.choose(renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    keyboard.to_section(renderer, "actions")
    actions = renderer.group_view("agreed_actions")
    keyboard.tab_to(actions.add_button)
    keyboard.press(Qt.Key.Key_Space)
    first = renderer.field_view("action_what", 0).controls()[0]
    assert keyboard.focus() is first

    renderer.navigator.setFocus(Qt.FocusReason.TabFocusReason)
    keyboard.press(Qt.Key.Key_Tab)
    assert keyboard.focus() is first
    keyboard.press(Qt.Key.Key_Backtab)
    assert keyboard.focus() is renderer.navigator


def test_removing_an_answered_row_asks_first_and_later_rows_move_up(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    editor = _on_during(open_editor, keyboard)
    renderer = editor.renderer
    people = renderer.group_view("people")
    for name in ("First", "Second", "Third"):
        keyboard.tab_to(people.add_button)
        keyboard.press(Qt.Key.Key_Space)
        keyboard.type(name)

    keyboard.tab_to(people.rows[0].remove_button)
    keyboard.press(Qt.Key.Key_Space)
    box = renderer.pending_confirmation
    assert box is not None and "Remove row 1 from People they were with?" in box.text()
    _wait_for_focus_in(box, qtbot)
    keyboard.press(Qt.Key.Key_Escape)  # the safe answer is the default
    qtbot.waitUntil(lambda: renderer.pending_confirmation is None)
    assert renderer.session.row_count("people") == 3
    _wait_for_focus_in(editor, qtbot)  # the window manager hands the focus back
    assert keyboard.focus() is people.rows[0].remove_button

    keyboard.tab_to(renderer.field_view("person_name", 0).controls()[0])
    keyboard.press(Qt.Key.Key_Delete, CTRL_SHIFT)
    box = renderer.pending_confirmation
    assert box is not None
    _wait_for_focus_in(box, qtbot)
    keyboard.press(Qt.Key.Key_R)  # "&Remove row"
    qtbot.waitUntil(lambda: renderer.session.row_count("people") == 2)
    _wait_for_focus_in(editor, qtbot)
    assert keyboard.focus() is renderer.field_view("person_name", 0).controls()[0]
    names = [renderer.session.answer("person_name", row) for row in range(2)]
    assert names == ["Second", "Third"]
    assert [row.title() for row in people.rows] == [
        "People they were with: row 1",
        "People they were with: row 2",
    ]
    assert (
        renderer.field_view("person_name", 1)
        .controls()[0]
        .accessibleName()
        .startswith("First name or nickname (row 2)")
    )
    # Typing into the moved row edits the right answer.
    keyboard.tab_to(renderer.field_view("person_name", 1).controls()[0])
    keyboard.press(Qt.Key.Key_End)
    keyboard.type("!")
    assert renderer.session.answer("person_name", 1) == "Third!"
    editor.flush()
    stored = draft.answers()["people"]
    assert isinstance(stored, list)
    assert [row["person_name"] for row in stored] == ["Second", "Third!"]


def test_an_empty_row_goes_without_a_question(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = _on_during(open_editor, keyboard)
    renderer = editor.renderer
    places = renderer.group_view("places")
    keyboard.tab_to(places.add_button)
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_Delete, CTRL_SHIFT)
    assert renderer.pending_confirmation is None
    assert renderer.session.row_count("places") == 0
    assert keyboard.focus() is places.add_button


def test_no_more_rows_than_the_form_allows_and_a_full_group_says_so(
    qtbot: QtBot, rhi_form: Form, keyboard: Keyboard, heard: Heard
) -> None:
    renderer = FormRenderer(FormSession(rhi_form, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.show_section("actions")
    group = renderer.group_view("agreed_actions")
    most = rhi_form.fields["agreed_actions"].question.max_rows
    assert most is not None
    full = f"{group.label} takes at most {most} rows."
    for _ in range(most):
        assert group.add_button.isEnabled()
        renderer.add_row("agreed_actions")
    assert not group.add_button.isEnabled()
    assert heard[-1][0] == full  # on adding the last row it takes
    note = next(label for label in group.widget.findChildren(QLabel) if label.text() == full)
    assert note.isVisibleTo(renderer)  # beside the Add button, greyed out with no reason
    heard.clear()
    renderer.focus_field("action_what", 0)
    _wait_for_focus_in(renderer, qtbot)
    keyboard.press(Qt.Key.Key_A, CTRL_SHIFT)  # the shortcut, where it used to do nothing
    assert renderer.session.row_count("agreed_actions") == most
    assert [said for said, _ in heard] == [full]
    renderer.remove_row("agreed_actions", 0)
    assert group.add_button.isEnabled() and not note.isVisibleTo(renderer)


def test_a_groups_guidance_is_read_with_its_add_button(rhi_form: Form, qtbot: QtBot) -> None:
    renderer = FormRenderer(FormSession(rhi_form, clock=fixed_clock))
    qtbot.addWidget(renderer)
    group = renderer.group_view("places")
    hint = rhi_form.text(rhi_form.fields["places"].question.hint)
    assert hint and group.add_button.accessibleDescription() == hint


def test_an_empty_row_goes_from_inside_its_long_answer_and_the_next_row_is_not_blamed(
    qtbot: QtBot, rhi_form: Form, keyboard: Keyboard
) -> None:
    session = FormSession(rhi_form, {"agreed_actions": [{}, {}]}, clock=fixed_clock)
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.show_section("actions")
    _wait_for_focus_in(renderer, qtbot)
    keyboard.tab_to(renderer.field_view("action_what", 0).controls()[0])  # a long answer box

    keyboard.press(Qt.Key.Key_Delete, CTRL_SHIFT)  # the focus leaves the box as it goes

    assert session.row_count("agreed_actions") == 1
    assert keyboard.focus() is renderer.field_view("action_what", 0).controls()[0]
    renderer.refresh_all()
    assert renderer.field_view("action_what", 0).message == ""  # nobody has left it yet
    keyboard.press(Qt.Key.Key_Delete, CTRL_SHIFT)
    assert session.row_count("agreed_actions") == 0
    assert keyboard.focus() is renderer.group_view("agreed_actions").add_button


def test_removing_a_row_is_told(qtbot: QtBot, rhi_form: Form, heard: Heard) -> None:
    """The rows below move up, so the focus lands on a row numbered as the one removed:
    without a word, a screen reader user cannot tell anything happened."""
    renderer = FormRenderer(FormSession(rhi_form, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.show_section("actions")
    for _ in range(3):
        renderer.add_row("agreed_actions")
    renderer.remove_row("agreed_actions", 1)
    assert heard[-1][0] == "Row 2 removed from Actions agreed; 2 rows left."
    renderer.remove_row("agreed_actions", 0)
    assert heard[-1][0] == "Row 1 removed from Actions agreed; 1 row left."
