"""Sensitive answers stay hidden on screen (and in screenshots) until asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FormSession, load_form
from tests.ui.forms.conftest import Draft, age_form, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.field_view import FieldView
from ui.forms.renderer import FormRenderer


def _seed(draft: Draft, answers: dict[str, object]) -> None:
    """The draft as saved with `answers`, before the form is opened."""
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction("interviewer-1") as tx:
        tx.interviews.save_answers(draft.interview_id, answers, expected_version=stored.version)


def _open_on_before(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> InterviewFormEditor:
    _seed(
        draft,
        {
            "offer_outcome": "accepted",
            "push_factors": ["other"],
            "push_other": "A private reason",
            "before_story": "A private story",
        },
    )
    editor = open_editor()
    editor.renderer.show_section("before")
    return editor


def _shown_renderer(qtbot: QtBot, questions: list[Any]) -> FormRenderer:
    """A form of these questions alone, on screen."""
    definition = age_form()
    definition["sections"][0]["questions"] = questions
    renderer = FormRenderer(FormSession(load_form(definition), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    return renderer


def test_one_line_answers_are_masked_but_can_be_typed_into(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = _open_on_before(open_editor, draft)
    view = editor.renderer.field_view("push_other")
    line = view.controls()[0]
    assert isinstance(line, QLineEdit) and view.cover is not None
    assert line.echoMode() is QLineEdit.EchoMode.Password
    assert "private" not in line.displayText()
    keyboard.tab_to(line)
    keyboard.press(Qt.Key.Key_End)
    keyboard.type(" too")
    assert editor.renderer.session.answer("push_other") == "A private reason too"
    assert view.cover.button.accessibleName() == "Show answer: What else made them want to leave?"
    keyboard.tab_to(view.cover.button)
    keyboard.press(Qt.Key.Key_Space)
    assert line.echoMode() is QLineEdit.EchoMode.Normal
    assert line.displayText() == "A private reason too"
    assert view.cover.button.accessibleName().startswith("Hide answer")
    # Said as a button whose words say what it does, not also as a check box, ticked:
    # "Hide answer, checked" was read as "hidden".
    spoken = QAccessible.queryAccessibleInterface(view.cover.button)
    assert spoken is not None and spoken.role() is QAccessible.Role.Button
    assert not spoken.state().checkable and not spoken.state().checked


@pytest.mark.parametrize(
    ("key", "kept"),
    [(Qt.Key.Key_S, "A private reasons"), (Qt.Key.Key_Backspace, "A private reaso")],
    ids=["typed", "backspace"],
)
def test_tab_into_a_masked_answer_leaves_it_whole_for_the_next_key(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    key: Qt.Key,
    kept: str,
) -> None:
    """Tab selected the hidden text, as Qt selects a line's: the next letter replaced
    the young person's whole answer unseen, and one Backspace emptied it."""
    editor = _open_on_before(open_editor, draft)
    line = editor.renderer.field_view("push_other").controls()[0]
    assert isinstance(line, QLineEdit) and line.echoMode() is QLineEdit.EchoMode.Password

    keyboard.tab_to(line)
    assert not line.hasSelectedText()
    keyboard.press(key)

    editor.flush()
    assert draft.answers()["push_other"] == kept


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Z, CTRL),  # undo: empties a hidden line without telling the form
        (Qt.Key.Key_Z, CTRL_SHIFT),  # redo
        (Qt.Key.Key_Y, CTRL),
        (Qt.Key.Key_Backspace, CTRL),  # delete a word: everything before the cursor
        (Qt.Key.Key_Delete, CTRL),
        (Qt.Key.Key_X, CTRL),  # cut: deletes without copying
        (Qt.Key.Key_K, CTRL),  # delete to the end of the line
        (Qt.Key.Key_U, CTRL),  # delete the whole line
    ],
    ids=["undo", "redo", "redo-y", "delete-word-back", "delete-word", "cut", "to-end", "line"],
)
def test_keys_that_would_wipe_a_hidden_answer_unseen_do_nothing_until_it_is_shown(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
) -> None:
    editor = _open_on_before(open_editor, draft)
    view = editor.renderer.field_view("push_other")
    line = view.controls()[0]
    assert isinstance(line, QLineEdit) and view.cover is not None
    assert line.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    keyboard.tab_to(line)
    keyboard.press(Qt.Key.Key_End)
    keyboard.type("s")
    keyboard.press(Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)  # for Cut
    keyboard.press(Qt.Key.Key_End)
    keyboard.press(Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    keyboard.press(key, modifiers)
    editor.flush()
    assert line.text() == "A private reasons"
    assert draft.answers()["push_other"] == "A private reasons"

    view.cover.set_revealed(True)  # shown, the keys work as anywhere else
    assert line.contextMenuPolicy() is Qt.ContextMenuPolicy.DefaultContextMenu
    keyboard.tab_to(line)
    keyboard.press(Qt.Key.Key_End)
    keyboard.press(Qt.Key.Key_Backspace, CTRL)
    assert line.text() == "A private "
    assert editor.renderer.session.answer("push_other") == "A private "


def test_a_covered_answers_button_says_all_the_hidden_input_would(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    """Until a long answer is shown, its Show button is the only control Tab reaches, so
    a screen reader hears there that it is required and its hint."""
    _seed(
        draft,
        {"offer_outcome": "accepted", "harm_disclosed": "yes", "harm_details": "Private"},
    )
    editor = open_editor()
    view = editor.renderer.field_view("harm_details")
    assert view.cover is not None and view.cover.behind_cover and not view.cover.revealed
    button = view.cover.button
    assert button.accessibleName() == "Show answer: What did they tell you?, required"
    assert button.accessibleDescription() == "Use their words. Do not ask leading questions."


def _on_harm_details(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    details: str | None,
) -> tuple[InterviewFormEditor, FieldView]:
    """The form open on the risks section, harm disclosed, with `details` given or not."""
    given = {} if details is None else {"harm_details": details}
    _seed(draft, {"offer_outcome": "accepted", "harm_disclosed": "yes", **given})
    editor = open_editor()
    keyboard.to_section(editor.renderer, "risks")
    view = editor.renderer.field_view("harm_details")
    assert view.cover is not None
    return editor, view


def test_a_long_answer_not_given_yet_is_open_to_be_typed_into(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """A cover over nothing would only be in the way: Tab went to its Show button, where
    the first word typed was lost and the space after it pressed Show."""
    editor, view = _on_harm_details(open_editor, keyboard, draft, None)
    renderer = editor.renderer
    assert view.cover is not None and view.cover.revealed
    editor.check()
    keyboard.to_section(renderer, "risks")
    details = view.controls()[0]
    keyboard.tab_to(details)  # not to a Show button
    assert details.accessibleDescription().endswith("This question needs an answer.")

    keyboard.type("She stayed with a friend")
    assert renderer.session.answer("harm_details") == "She stayed with a friend"
    assert view.cover.revealed  # typing it does not cover it under the person's hands
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert renderer.current_section != "risks"
    assert not view.cover.revealed  # given now: covered on leaving, as any answer
    assert isinstance(details, QPlainTextEdit) and not details.toPlainText()


def test_an_answer_rubbed_out_cannot_be_brought_back_on_screen_by_undo(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Rubbed out, the answer is left open on leaving the section or locking, not
    covered: its editor kept its undo history, so Ctrl+Z put the child's words back on
    screen, unasked, and saved them again."""
    editor, view = _on_harm_details(open_editor, keyboard, draft, "Private")
    renderer = editor.renderer
    assert view.cover is not None
    view.cover.button.click()  # Show, chosen
    details = view.controls()[0]
    assert isinstance(details, QPlainTextEdit) and details.toPlainText() == "Private"
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_Delete)
    assert renderer.session.answer("harm_details") is None
    renderer.mask_sensitive()  # as locking does
    assert view.cover.revealed  # nothing to cover
    details.setFocus()
    keyboard.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not details.toPlainText()
    assert renderer.session.answer("harm_details") is None


def test_an_answer_brought_back_by_undo_comes_back_covered(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Questions coming back are left open only when they hold no answer: one brought
    back with its answer is not shown to whoever is looking at the screen."""
    editor, view = _on_harm_details(open_editor, keyboard, draft, "Private")
    renderer = editor.renderer
    disclosed = renderer.field_view("harm_disclosed").controls()
    keyboard.pick_radio(disclosed, 1)  # no: the details are no longer asked, and held
    assert not view.shown
    notice = renderer.hidden_notice
    assert notice is not None
    notice.undo_button.click()
    assert view.shown and renderer.session.answer("harm_details") == "Private"
    assert view.cover is not None and not view.cover.revealed
    details = view.controls()[0]
    assert isinstance(details, QPlainTextEdit) and not details.isVisible()
    assert not details.toPlainText()

    keyboard.pick_radio(disclosed, 1)  # no again, then yes: asked again, with its answer
    keyboard.pick_radio(disclosed, 0)
    assert view.shown and renderer.session.answer("harm_details") == "Private"
    assert not view.cover.revealed and not details.isVisible()


def test_long_answers_sit_behind_a_cover_until_shown(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = _open_on_before(open_editor, draft)
    view = editor.renderer.field_view("before_story")
    assert view.cover is not None
    story = view.controls()[0]
    page = editor.renderer.page("before")
    hidden_look = page.grab().toImage()
    assert not story.isVisible()
    keyboard.tab_to(view.cover.button)  # the editor itself is not reachable while covered
    keyboard.press(Qt.Key.Key_Space)
    assert story.isVisible() and keyboard.focus() is story
    assert page.grab().toImage() != hidden_look


def test_showing_a_covered_long_answer_puts_the_typing_on_after_it(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Locking covers the answer being typed. Going on typing after unlocking, the first
    space pressed Show, and the rest of the sentence went in before the child's words:
    "A private story" became "went on typingA private story"."""
    editor = _open_on_before(open_editor, draft)
    view = editor.renderer.field_view("before_story")
    assert view.cover is not None
    keyboard.tab_to(view.cover.button)
    keyboard.press(Qt.Key.Key_Space)  # Show
    keyboard.type(" and went on")

    assert editor.renderer.session.answer("before_story") == "A private story and went on"


def test_leaving_the_section_or_locking_covers_them_again(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    editor = _open_on_before(open_editor, draft)
    renderer = editor.renderer
    story = renderer.field_view("before_story")
    reason = renderer.field_view("push_other")
    assert story.cover is not None and reason.cover is not None
    story.cover.set_revealed(True)
    reason.cover.set_revealed(True)
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert renderer.current_section == "during"
    assert not story.cover.revealed and not reason.cover.revealed
    renderer.show_section("before")
    story.cover.set_revealed(True)
    renderer.mask_sensitive()  # what the app does when it locks
    assert not story.cover.revealed


def test_sensitive_answers_can_be_revealed_on_a_read_only_interview(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    editor = _open_on_before(open_editor, draft)
    editor.close()
    read_only = open_editor(read_only=True)
    view = read_only.renderer.field_view("before_story")
    assert view.cover is not None and view.cover.button.isEnabled()
    assert view.cover.cover is not None  # it said "to read or change", with nothing to change
    assert view.cover.cover.text() == "Hidden. Choose Show to read this answer."
    view.cover.set_revealed(True)
    story = view.controls()[0]
    assert story.property("readOnly") is True


def test_a_covered_long_answer_is_not_in_the_edit_for_anything_to_read(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """Hidden on screen is not enough: assistive technology and anything else reading the
    widgets read a hidden edit's text. While covered, the edit holds none."""
    editor = _open_on_before(open_editor, draft)
    renderer = editor.renderer
    view = renderer.field_view("before_story")
    story = view.controls()[0]
    assert isinstance(story, QPlainTextEdit) and view.cover is not None
    assert story.toPlainText() == ""
    keyboard.tab_to(view.cover.button)
    keyboard.press(Qt.Key.Key_Space)
    assert story.toPlainText() == "A private story"
    keyboard.press(Qt.Key.Key_End)
    keyboard.type(", told in school")
    renderer.mask_sensitive()
    assert story.toPlainText() == ""
    assert renderer.session.answer("before_story") == "A private story, told in school"
    view.cover.set_revealed(True)
    assert story.toPlainText() == "A private story, told in school"


def test_each_rows_show_button_names_its_row(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    for _ in range(3):
        renderer.add_row("people")
    names = [
        renderer.field_view("person_name", row).controls()[-1].accessibleName() for row in range(3)
    ]
    assert names == [f"Show answer: First name or nickname (row {n})" for n in (1, 2, 3)]
    renderer.remove_row("people", 0)
    names = [
        renderer.field_view("person_name", row).controls()[-1].accessibleName() for row in range(2)
    ]
    assert names == [f"Show answer: First name or nickname (row {n})" for n in (1, 2)]


def _read_out(root: QWidget) -> str:
    """Every text assistive technology can read under `root`, hidden objects included,
    and the names of what is checked."""
    found: list[str] = []

    def walk(node: QAccessibleInterface | None) -> None:
        if node is None or not node.isValid():
            return
        found.append(node.text(QAccessible.Text.Value) or "")
        if node.state().checked:
            found.append(f"checked: {node.text(QAccessible.Text.Name)}")
        text = node.textInterface()
        if text is not None:
            found.append(text.text(0, text.characterCount()))
        for index in range(node.childCount()):
            walk(node.child(index))

    walk(QAccessible.queryAccessibleInterface(root))
    return " ".join(found)


def test_no_covered_answer_can_be_read_by_assistive_technology(qtbot: QtBot) -> None:
    # A worked-out copy of a sensitive answer was neither masked nor kept out; a long
    # answer shown, then no longer asked, then covered, stayed in its hidden edit.
    questions = [
        {"id": "talk", "type": "yes_no", "label": "Willing to talk?"},
        {"id": "story", "type": "long_text", "label": "In their words", "sensitive": True,
         "relevant": "${talk} = 'yes'"},
        {"id": "adult", "type": "text", "label": "Name of adult", "sensitive": True},
        {"id": "copy", "type": "text", "label": "Adult", "calculation": "${adult}",
         "sensitive": True},
    ]  # fmt: skip
    renderer = _shown_renderer(qtbot, questions)
    renderer.enter("adult", "Secret Adult")
    renderer.enter("talk", "yes")
    renderer.enter("story", "Secret story")
    story = renderer.field_view("story").cover
    assert story is not None
    story.set_revealed(True)
    renderer.enter("talk", "no")  # the story is no longer asked
    renderer.mask_sensitive()  # as on leaving the section or locking

    assert "Secret" not in _read_out(renderer)
    renderer.enter("talk", "yes")
    story.set_revealed(True)
    assert "Secret story" in _read_out(renderer)


def test_no_covered_choice_can_be_read_by_assistive_technology(qtbot: QtBot) -> None:
    # Choices were never withheld: behind the cover, the drop-down's value and its
    # choice's hint, and the checked radio buttons and tick boxes, said the answer.
    definition = age_form()
    definition["choice_lists"] = {
        "harms": [
            {"value": "cse", "label": "Secret harm", "hint": "Secret hint"},
            {"value": "cce", "label": "Other harm"},
        ],
    }
    definition["sections"][0]["questions"] = [
        {"id": "told", "type": "yes_no", "label": "Told anyone?", "sensitive": True},
        {"id": "main_harm", "type": "single_choice", "label": "Main harm", "choices": "harms",
         "sensitive": True},
        {"id": "harms", "type": "multiple_choice", "label": "Harms", "choices": "harms",
         "sensitive": True},
        {"id": "fear", "type": "scale", "label": "How afraid", "sensitive": True,
         "scale": {"min": 1, "max": 5}},
    ]  # fmt: skip
    renderer = FormRenderer(FormSession(load_form(definition), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.enter("told", "yes")
    renderer.enter("main_harm", "cse")
    renderer.enter("harms", ("cse",))
    renderer.enter("fear", 4)
    renderer.mask_sensitive()

    heard = _read_out(renderer)
    combo = renderer.field_view("main_harm").controls()[0]
    assert "Secret" not in heard and "Secret" not in combo.accessibleDescription()
    assert "checked" not in heard
    for question in ("told", "main_harm", "harms", "fear"):
        cover = renderer.field_view(question).cover
        assert cover is not None
        cover.set_revealed(True)
    heard = _read_out(renderer)
    assert "Secret harm" in heard and "Secret hint" in combo.accessibleDescription()
    assert "checked: Yes" in heard and "checked: 4" in heard
    assert renderer.session.record() == {
        "told": "yes", "main_harm": "cse", "harms": ["cse"], "fear": 4,
    }  # fmt: skip


def test_a_revealed_answer_comes_back_covered_when_its_question_is_asked_again(
    qtbot: QtBot,
) -> None:
    questions = [
        {"id": "talk", "type": "yes_no", "label": "Willing to talk?"},
        {"id": "story", "type": "long_text", "label": "In their words", "sensitive": True,
         "relevant": "${talk} = 'yes'"},
    ]  # fmt: skip
    renderer = _shown_renderer(qtbot, questions)
    renderer.enter("talk", "yes")
    renderer.enter("story", "Secret story")
    story = renderer.field_view("story").cover
    assert story is not None
    story.set_revealed(True)
    renderer.enter("talk", "no")
    renderer.enter("talk", "yes")  # asked again, as after Undo on the notice

    assert not story.revealed and "Secret" not in _read_out(renderer)


def test_each_question_in_the_rows_of_a_sensitive_group_is_covered(qtbot: QtBot) -> None:
    questions = [
        {"id": "people", "type": "repeat", "label": "People", "sensitive": True,
         "questions": [{"id": "name", "type": "text", "label": "Name"}]},
    ]  # fmt: skip
    renderer = _shown_renderer(qtbot, questions)
    renderer.add_row("people")
    renderer.enter("name", "Darren", 0)

    view = renderer.field_view("name", 0)
    line = view.controls()[0]
    assert view.cover is not None and isinstance(line, QLineEdit)
    assert "Darren" not in line.displayText() and "Darren" not in _read_out(renderer)


def test_showing_a_covered_choice_puts_the_focus_on_the_chosen_option(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    """On any other, Space, the key for choosing, would change the answer unseen."""
    renderer = _shown_renderer(
        qtbot,
        [
            {"id": "name", "type": "text", "label": "Name"},
            {"id": "hurt", "type": "yes_no", "label": "Hurt?", "sensitive": True},
        ],
    )
    renderer.enter("hurt", "no")
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    view = renderer.field_view("hurt")
    assert view.cover is not None
    keyboard.tab_to(view.cover.button)
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_Space)
    assert keyboard.focus() is view.controls()[1]
    assert renderer.session.answer("hurt") == "no"


def test_undo_puts_rubbed_out_words_back_covered(qtbot: QtBot, keyboard: Keyboard) -> None:
    """Shown, rubbed out (which hid a question), left: Undo wrote the words back into the
    open answer, on screen and read out, though no one had chosen Show for them."""
    definition = age_form()
    definition["sections"] = [
        {"id": "one", "title": "Their words", "questions": [
            {"id": "story", "type": "long_text", "label": "What happened?", "sensitive": True},
            {"id": "told", "type": "text", "label": "Who did you tell?",
             "relevant": "${story} != ''"},
        ]},
        {"id": "two", "title": "Next", "questions": [{"id": "other", "type": "text",
                                                      "label": "Other"}]},
    ]  # fmt: skip
    session = FormSession(
        load_form(definition), {"story": "He hurt me", "told": "Mum"}, clock=fixed_clock
    )
    renderer = FormRenderer(session)
    qtbot.addWidget(renderer)
    renderer.resize(900, 700)
    renderer.show()
    qtbot.waitExposed(renderer)
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    view = renderer.field_view("story")
    assert view.cover is not None
    view.cover.button.click()  # Show, chosen
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_Delete)  # rubbed out: 'Who did you tell?' is hidden
    renderer.show_section("two", focus=True)
    notice = renderer.hidden_notice
    assert notice is not None

    notice.undo_button.click()

    assert renderer.session.answer("story") == "He hurt me"
    assert not view.cover.revealed
    assert "He hurt me" not in _read_out(renderer)
