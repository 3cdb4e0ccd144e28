"""Where the keyboard focus goes, and what the keys do there, for someone who uses the
keyboard alone or a screen reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Heard
from tests.ui.driving import away_and_back
from tests.ui.forms.conftest import Draft
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import FormRenderer
from ui.forms.section_page import SectionPage


def test_an_answered_choice_is_reached_at_the_chosen_option(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """On any other option a screen reader says "not checked" of an answered question,
    and Space, the key for choosing, changes the answer."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.enter("immediate_concern", "no")
    yes, no = renderer.field_view("immediate_concern").controls()
    assert isinstance(yes, QRadioButton) and isinstance(no, QRadioButton)

    renderer.focus_field("immediate_concern")
    assert QApplication.focusWidget() is no
    keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    keyboard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is no
    keyboard.press(Qt.Key.Key_Space)
    assert renderer.session.answer("immediate_concern") == "no"
    keyboard.press(Qt.Key.Key_Left)  # the arrows reach every option, and choose it
    assert QApplication.focusWidget() is yes
    assert renderer.session.answer("immediate_concern") == "yes"
    keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    keyboard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is yes
    keyboard.press(Qt.Key.Key_Delete)  # cleared: the first option is where Tab stops
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert renderer.session.answer("immediate_concern") is None
    assert QApplication.focusWidget() is yes


def test_tabbing_past_an_empty_long_answer_finds_no_fault_with_it(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """A keyboard user tabs through questions to reach the next section: as with one-line
    answers, only one typed in (and then emptied) is told it needs an answer."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.enter("child_consulted", "no")
    view = renderer.field_view("not_consulted_reason")
    (box,) = view.controls()
    keyboard.tab_to(box)
    keyboard.tab_out()
    assert view.message == ""
    keyboard.tab_to(box)
    keyboard.type("x")
    keyboard.press(Qt.Key.Key_Backspace)
    keyboard.tab_out()
    assert view.message == "This question needs an answer."


def test_enter_presses_the_focused_button(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """Many keyboard and screen-reader users press Enter on a button, not Space."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.show_section("actions")
    add = renderer.group_view("agreed_actions").add_button
    keyboard.tab_to(add)
    keyboard.press(Qt.Key.Key_Return)
    assert renderer.session.row_count("agreed_actions") == 1
    keyboard.tab_to(renderer.page("actions").next_button)
    keyboard.press(Qt.Key.Key_Enter)
    assert renderer.current_section == "feedback"
    keyboard.tab_to(editor.check_button)
    keyboard.press(Qt.Key.Key_Return)
    assert editor.check_result.isVisible()
    renderer.enter("venue_type", "school")
    renderer.enter("offer_outcome", "declined")  # hides the answer given: a notice says so
    notice = renderer.hidden_notice
    assert notice is not None
    said = notice.text.text()  # a label Tab never reaches: its buttons carry its words
    assert notice.undo_button.accessibleDescription() == said != ""
    keyboard.tab_to(notice.undo_button)
    keyboard.press(Qt.Key.Key_Return)
    assert renderer.session.answer("offer_outcome") == "accepted"


def _in_sight(page: QScrollArea, control: QWidget) -> bool:
    top_left = control.mapTo(page.viewport(), QPoint(0, 0))
    return page.viewport().rect().contains(QRect(top_left, control.size()))


def _long_page(renderer: FormRenderer) -> SectionPage:
    """The page of places, four rows long: taller than the window."""
    renderer.enter("offer_outcome", "accepted")
    for _ in range(4):
        renderer.add_row("places")
    renderer.show_section("during")
    return renderer.page("during")


def test_the_focus_coming_into_a_page_from_outside_is_scrolled_into_sight(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    """From the section list (or the notice, or the buttons below), Tab lands on the
    page's first question: with the page scrolled to its foot, it was out of sight."""
    editor = open_editor()
    renderer = editor.renderer
    page = _long_page(renderer)
    keyboard.tab_to(page.next_button)
    assert page.verticalScrollBar().value() > 0
    keyboard.tab_to(renderer.navigator)
    keyboard.press(Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused)
    assert _in_sight(page, focused)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab])
def test_enter_in_the_section_list_goes_into_the_section_and_reads_it_out(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, key: Qt.Key, heard: Heard
) -> None:
    """Enter did nothing: only Tab left the list for the section chosen. Going in, the
    section's title and guidance were not read out, as arrowing had already shown it."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    keyboard.tab_to(renderer.navigator)
    keyboard.press(Qt.Key.Key_Down)  # the venue: shown as the arrow reaches it
    assert renderer.current_section == "venue"
    keyboard.press(key)
    assert keyboard.focus() is renderer.section_controls("venue")[0]
    page = renderer.page("venue")
    assert [said for said, _ in heard].count(page.spoken()) == 1
    keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the list
    keyboard.press(Qt.Key.Key_Tab)
    assert [said for said, _ in heard].count(page.spoken()) == 1  # once while it is shown


def test_a_title_typed_to_find_a_section_stays_in_the_list(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Had Space gone into the section, the rest of the title typed would have replaced
    the first answer there, the interview date, and been saved."""
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    renderer.enter("interview_date", "2026-11-26")
    keyboard.tab_to(renderer.navigator)
    keyboard.type("where we met")
    editor.flush()
    assert renderer.current_section == "venue"  # found: 'Where we met and who was there'
    assert keyboard.focus() is renderer.navigator
    assert draft.answers()["interview_date"] == "2026-11-26"


def test_the_section_keys_work_from_anywhere_in_the_window_and_are_named(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    renderer.enter("offer_outcome", "accepted")
    keyboard.tab_to(editor.check_button)
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert renderer.current_section == "venue"
    page = renderer.page("venue")
    assert page.next_button.toolTip() == "Next section (Ctrl+PgDown)"
    assert page.previous_button.toolTip() == "Previous section (Ctrl+PgUp)"


def test_coming_back_to_the_window_leaves_the_page_where_it_was(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, qtbot: QtBot
) -> None:
    """Scrolled down to read, away to the caseload and back: still where they were."""
    editor = open_editor()
    renderer = editor.renderer
    page = _long_page(renderer)
    keyboard.tab_to(renderer.navigator)
    keyboard.press(Qt.Key.Key_Tab)  # the page's first question, at its top
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    scrolled = page.verticalScrollBar().value()
    away_and_back(qtbot, editor)
    assert page.verticalScrollBar().value() == scrolled > 0
