"""An answer that hides answered questions says so, and can be undone.

Hidden answers are not kept with the interview (the next autosave leaves them out), so
changing an answer like the offer's outcome must not quietly drop what was already
written: the form names what it hid and where, and Undo brings it all back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FieldKey, FormSession, load_form
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import Draft, age_form, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from tests.ui.mnemonics import mnemonic_clashes
from ui.forms.editor import InterviewFormEditor
from ui.forms.hiding import Hiding
from ui.forms.renderer import FormRenderer


def answer_the_venue(editor: InterviewFormEditor, keyboard: Keyboard) -> tuple[QComboBox, str]:
    """Accept the offer and say where they met, by keyboard, saved: the outcome's drop-down
    and the place chosen."""
    renderer = editor.renderer
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Accepted")
    keyboard.to_section(renderer, "venue")
    venue = renderer.field_view("venue_type").controls()[0]
    assert isinstance(venue, QComboBox)
    place = venue.itemText(2)
    keyboard.choose(venue, place)
    editor.flush()
    return outcome, place


def test_declining_after_answers_were_given_says_what_it_hid_and_undo_brings_it_back(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    outcome, place = answer_the_venue(editor, keyboard)
    venue_value = draft.answers()["venue_type"]
    keyboard.to_section(renderer, "offer")

    keyboard.choose(outcome, "Declined by the young person")  # arrows down past others

    notice = renderer.hidden_notice
    assert notice is not None
    said = notice.text.text()
    assert "What was the outcome?" in said
    assert "Where we met and who was there" in said
    assert notice.accessibleDescription() == said
    assert QApplication.focusWidget() is outcome  # the notice does not take the focus
    assert not mnemonic_clashes(editor.window())
    editor.flush()
    assert "venue_type" not in draft.answers()  # not kept while hidden

    QTest.keyClick(outcome, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Undo

    qtbot.waitUntil(lambda: renderer.hidden_notice is None)  # a mnemonic clicks after a beat
    assert outcome.currentText() == "Accepted"
    assert QApplication.focusWidget() is outcome
    venue = renderer.field_view("venue_type").controls()[0]
    assert isinstance(venue, QComboBox) and venue.currentText() == place
    editor.flush()
    answers = draft.answers()
    assert answers["offer_outcome"] == "accepted"
    assert answers["venue_type"] == venue_value


def test_dismissing_keeps_the_change_and_goes_back_to_the_question(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    outcome, _ = answer_the_venue(editor, keyboard)
    keyboard.to_section(renderer, "offer")
    keyboard.choose(outcome, "Declined by the young person")
    notice = renderer.hidden_notice
    assert notice is not None

    # Drawn above the page, right of the list of sections: between them in tab order.
    first = renderer.section_controls("offer")[0]
    keyboard.tab_to(renderer.navigator)
    for expected in (notice.undo_button, notice.dismiss_button, first):
        keyboard.press(Qt.Key.Key_Tab)
        assert keyboard.focus() is expected
    keyboard.press(Qt.Key.Key_Backtab)
    assert keyboard.focus() is notice.dismiss_button
    keyboard.press(Qt.Key.Key_Space)

    assert renderer.hidden_notice is None
    assert QApplication.focusWidget() is outcome
    editor.flush()
    assert draft.answers()["offer_outcome"] == "declined_by_child"
    assert "venue_type" not in draft.answers()


def _age_renderer(qtbot: QtBot) -> FormRenderer:
    """The ages form, shown with the keyboard focus."""
    renderer = FormRenderer(FormSession(load_form(age_form()), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    qtbot.waitExposed(renderer)
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    return renderer


def test_a_typed_answer_is_told_when_the_interviewer_moves_on_and_untold_when_undone_by_typing(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_renderer(qtbot)
    session = renderer.session
    age = renderer.field_view("age").controls()[0]
    school = renderer.field_view("school").controls()[0]
    assert isinstance(age, QLineEdit) and isinstance(school, QLineEdit)
    keyboard.fill(age, "12")
    keyboard.fill(school, "Oak Lane")

    keyboard.tab_to(age)
    keyboard.press_select_all()
    keyboard.type("17")
    assert not renderer.field_view("school").shown
    assert renderer.hidden_notice is None  # not while typing
    keyboard.tab_out()
    notice = renderer.hidden_notice
    assert notice is not None and "\u201cAge\u201d" in notice.text.text()

    keyboard.tab_to(age)
    keyboard.press_select_all()
    keyboard.type("1")  # under 16 again: the answer is back, so the notice goes
    assert renderer.hidden_notice is None
    assert session.record() == {"age": 1, "school": "Oak Lane"}

    keyboard.type("5")
    keyboard.tab_out()
    keyboard.tab_to(age)
    keyboard.press_select_all()
    keyboard.type("18")  # through "1", which hides nothing, to "18", which does
    keyboard.tab_out()
    notice = renderer.hidden_notice
    assert notice is not None
    notice.undo_button.click()  # back to the answer before this round of typing, not "1"
    assert age.text() == "15"
    assert renderer.hidden_notice is None
    assert session.record() == {"age": 15, "school": "Oak Lane"}


def test_an_undo_that_hides_answers_given_since_says_so_and_can_be_undone(
    qtbot: QtBot,
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Not offered")
    keyboard.fill(renderer.field_view("not_offered_reason").controls()[0], "Moved out of area")
    keyboard.choose(outcome, "Accepted")  # hides the reason: the notice says so
    assert renderer.hidden_notice is not None
    keyboard.to_section(renderer, "venue")  # the interviewer carries on regardless
    venue = renderer.field_view("venue_type").controls()[0]
    assert isinstance(venue, QComboBox)
    keyboard.choose(venue, venue.itemText(2))

    QTest.keyClick(venue, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Undo
    qtbot.waitUntil(lambda: outcome.currentText() == "Not offered")

    notice = renderer.hidden_notice  # undoing hid the venue: told, and undoable in turn
    assert notice is not None
    assert "Where we met and who was there" in notice.text.text()
    notice.undo_button.click()
    assert outcome.currentText() == "Accepted"
    assert renderer.hidden_notice is not None  # the reason is hidden again, as before
    editor.flush()
    assert draft.answers()["venue_type"] == renderer.session.record()["venue_type"]


def test_a_removed_row_renumbers_what_was_hidden() -> None:
    hiding = Hiding(
        FieldKey("worry", 3),
        "yes",
        frozenset({FieldKey("why", 1), FieldKey("why", 3), FieldKey("story")}),
    )
    moved = hiding.after_row_removed(1, {"worry", "why"})
    assert moved == Hiding(
        FieldKey("worry", 2), "yes", frozenset({FieldKey("why", 2), FieldKey("story")})
    )
    assert hiding.after_row_removed(3, {"worry", "why"}) is None
    assert hiding.after_row_removed(0, {"other"}) == hiding


def _rows_form() -> dict[str, Any]:
    return {
        "form_id": "rows",
        "version": 1,
        "title": "Rows",
        "sections": [
            {"id": "main", "title": "Main", "questions": [
                {"id": "worry", "type": "yes_no", "label": "Any worries?"},
            ]},
            {"id": "eps", "title": "Episodes", "questions": [
                {"id": "episodes", "type": "repeat", "label": "Episodes", "questions": [
                    {"id": "harmed", "type": "yes_no", "label": "Harmed?"},
                    {"id": "how", "type": "text", "label": "How",
                     "relevant": "${harmed} = 'yes'"},
                    {"id": "detail", "type": "text", "label": "Detail",
                     "relevant": "${worry} = 'yes'"},
                ]},
            ]},
        ],
        "choice_lists": {},
    }  # fmt: skip


def _shown_renderer(qtbot: QtBot, answers: dict[str, Any]) -> FormRenderer:
    renderer = FormRenderer(FormSession(load_form(_rows_form()), answers, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    qtbot.waitExposed(renderer)
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    return renderer


def test_a_click_that_hides_answers_is_read_out_once(
    qtbot: QtBot, keyboard: Keyboard, heard: Heard
) -> None:
    renderer = _shown_renderer(qtbot, {"worry": "yes", "episodes": [{"detail": "At night"}]})
    entered = renderer.page(renderer.current_section).spoken()  # Tab leaving the section list
    keyboard.pick_radio(renderer.field_view("worry").controls(), 1)  # No
    notice = renderer.hidden_notice
    assert notice is not None
    assert [said for said, _how in heard] == [entered, notice.text.text()]


def test_removing_rows_keeps_the_notice_true_and_ends_it_when_nothing_is_hidden(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    rows = [{"detail": "d1"}, {"detail": "d2"}]
    renderer = _shown_renderer(qtbot, {"worry": "yes", "episodes": rows})
    keyboard.pick_radio(renderer.field_view("worry").controls(), 1)  # No
    notice = renderer.hidden_notice
    assert notice is not None and "(answers hidden: 2)" in notice.text.text()

    renderer.remove_row("episodes", 0)
    assert "(answers hidden: 1)" in notice.text.text()
    renderer.remove_row("episodes", 0)
    assert renderer.hidden_notice is None  # nothing left to bring back


def test_the_notice_names_the_row_as_it_is_numbered_now(qtbot: QtBot, keyboard: Keyboard) -> None:
    rows = [{}, {}, {"harmed": "yes", "how": "Pushed"}]
    renderer = _shown_renderer(qtbot, {"episodes": rows})
    renderer.show_section("eps")
    keyboard.pick_radio(renderer.field_view("harmed", 2).controls(), 1)  # No, in row 3
    notice = renderer.hidden_notice
    assert notice is not None and "\u201cHarmed? (row 3)\u201d" in notice.text.text()

    renderer.remove_row("episodes", 0)

    assert "\u201cHarmed? (row 2)\u201d" in notice.text.text()
    notice.undo_button.click()
    assert renderer.session.record()["episodes"][1] == {"harmed": "yes", "how": "Pushed"}


def test_a_typed_change_still_being_typed_offers_undo_and_can_be_told_at_once(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_renderer(qtbot)
    age = renderer.field_view("age").controls()[0]
    keyboard.fill(age, "12")
    keyboard.fill(renderer.field_view("school").controls()[0], "Oak Lane")
    keyboard.tab_to(age)
    keyboard.press_select_all()
    keyboard.type("17")  # hides the school; the interviewer has not moved on yet

    assert renderer.offers_undo and renderer.hidden_notice is None
    renderer.show_hidden_notice()  # before the window asks about closing, say

    notice = renderer.hidden_notice
    assert notice is not None and "\u201cAge\u201d" in notice.text.text()
    assert QApplication.focusWidget() is age


def _age_17_with_the_school_hidden(qtbot: QtBot, keyboard: Keyboard) -> FormRenderer:
    """Age 12 and a school, then 17 typed: the school is hidden, Undo would give 12."""
    renderer = _age_renderer(qtbot)
    age = renderer.field_view("age").controls()[0]
    keyboard.fill(age, "12")
    keyboard.fill(renderer.field_view("school").controls()[0], "Oak Lane")
    _retype_age(renderer, keyboard, "17")
    assert renderer.hidden_notice is not None
    return renderer


def _retype_age(renderer: FormRenderer, keyboard: Keyboard, typed: str) -> None:
    """Select the age's text, type over it and move on."""
    keyboard.tab_to(renderer.field_view("age").controls()[0])
    keyboard.press_select_all()
    keyboard.type(typed)
    keyboard.tab_out()


def _undo(renderer: FormRenderer) -> None:
    notice = renderer.hidden_notice
    assert notice is not None
    notice.undo_button.click()


def test_undo_after_the_answer_was_typed_back_and_out_of_view_goes_back_to_the_first(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_17_with_the_school_hidden(qtbot, keyboard)
    age = renderer.field_view("age").controls()[0]

    keyboard.tab_to(age)  # a typo mended: 17 becomes 1 (the school is back), then 17 again
    keyboard.press(Qt.Key.Key_End)
    keyboard.press(Qt.Key.Key_Backspace)
    keyboard.type("7")
    keyboard.tab_out()
    _undo(renderer)

    assert renderer.session.record() == {"age": 12, "school": "Oak Lane"}


def test_an_answer_retyped_with_the_notice_up_keeps_its_undo(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_17_with_the_school_hidden(qtbot, keyboard)
    _retype_age(renderer, keyboard, "18")  # through "1", which shows the school again
    _undo(renderer)

    assert renderer.session.record() == {"age": 12, "school": "Oak Lane"}


def test_answers_let_go_of_are_not_offered_again_when_typed_out_of_view_again(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_17_with_the_school_hidden(qtbot, keyboard)
    notice = renderer.hidden_notice
    assert notice is not None
    notice.dismiss_button.click()

    _retype_age(renderer, keyboard, "18")

    assert renderer.hidden_notice is None and not renderer.offers_undo
    assert renderer.session.record() == {"age": 18}


def test_a_retyped_answer_offers_back_only_what_its_undo_can_bring_back(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _age_renderer(qtbot)
    age = renderer.field_view("age").controls()[0]
    keyboard.fill(age, "12")
    keyboard.fill(renderer.field_view("school").controls()[0], "Oak Lane")
    keyboard.fill(renderer.field_view("college").controls()[0], "Riverside")
    for typed in ("17", "19"):  # 17 hides the school (let go of), 19 the college
        _retype_age(renderer, keyboard, typed)
        notice = renderer.hidden_notice
        assert notice is not None
        if typed == "17":
            notice.dismiss_button.click()

    _retype_age(renderer, keyboard, "19")  # through "1", which shows both again

    notice = renderer.hidden_notice
    assert notice is not None and "(answers hidden: 1)" in notice.text.text()
    notice.undo_button.click()
    assert renderer.session.record() == {"age": 17, "college": "Riverside"}


def test_answers_the_passing_of_time_hid_are_told_of_and_held(qtbot: QtBot, heard: Heard) -> None:
    # A question asked only until a date passed disappeared at midnight, answer and all,
    # with no word; closing then dropped the answer without asking.
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "next_meeting", "type": "date", "label": "Next meeting"},
        {"id": "meeting_plan", "type": "text", "label": "Plan for the meeting",
         "relevant": "${next_meeting} >= today()"},
    ]  # fmt: skip
    now = [datetime(2026, 11, 27, 12, 0, tzinfo=UTC)]
    session = FormSession(load_form(definition), clock=lambda: now[0])
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.enter("next_meeting", date(2026, 11, 27))
    renderer.enter("meeting_plan", "Meet at the library")
    assert renderer.hidden_notice is None

    now[0] += timedelta(days=1)
    with qtbot.waitSignal(renderer.heldChanged):  # autosave holds it from the next save
        renderer.reevaluate()

    notice = renderer.hidden_notice
    assert notice is not None and not notice.undo_button.isVisibleTo(renderer)
    assert "As the date or time changed" in notice.text.text()
    assert "About them (answers hidden: 1)" in notice.text.text()
    assert [said for said, _how in heard] == [notice.text.text()]
    held = renderer.held_answers()
    assert held is not None and held.answers == {"meeting_plan": "Meet at the library"}
    renderer.enter("next_meeting", date(2026, 12, 1))  # asked again: the answer is back
    assert session.answer("meeting_plan") == "Meet at the library"
    assert renderer.hidden_notice is None


def test_a_default_emptied_before_it_was_hidden_is_held_after_the_form_lets_go(
    qtbot: QtBot,
) -> None:
    # Letting go of hidden answers on closing held nothing at all: reopened, a default
    # the interviewer had emptied came back as an answer nobody gave.
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "accepted", "type": "yes_no", "label": "Accepted?"},
        {"id": "police", "type": "yes_no", "label": "Police told?", "default": "no",
         "relevant": "${accepted} = 'yes'"},
        {"id": "where", "type": "text", "label": "Where?", "relevant": "${accepted} = 'yes'"},
    ]  # fmt: skip
    renderer = FormRenderer(FormSession(load_form(definition), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.enter("accepted", "yes")
    renderer.session.clear_answer("police")
    renderer.enter("where", "The park")
    renderer.enter("accepted", "no")
    held = renderer.held_answers()
    assert held is not None and held.answers == {"where": "The park", "police": None}

    renderer.let_go_of_hidden()  # closing for good, as agreed
    held = renderer.held_answers()
    assert held is not None and held.answers == {"police": None}
