"""The rules of Undo for a change that hid answers, kept without any widgets.

The renderer feeds the tracker exactly as here: `editing` before each edit reaches the
session, `recount` when the edit moved relevance, `edited` after it, and `end_round`
once the interviewer has finished with the question.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rhi_desktop.forms import FieldKey, FormSession, load_form, with_held
from tests.ui.forms.conftest import age_form, fixed_clock
from ui.forms.hiding import Hiding, HidingTracker

AGE = FieldKey("age")
SCHOOL = FieldKey("school")
COLLEGE = FieldKey("college")
PETS = FieldKey("pets")
PET_NAMES = FieldKey("pet_names")
IN_ROWS = {"people", "worry", "why"}


def _form() -> dict[str, Any]:
    """The ages form; pets, whose names go when there are none; a day last seen, whose
    place goes when it is rubbed out; and rows of people with their worries."""
    definition = age_form()
    definition["sections"][0]["questions"] += [
        {"id": "pets", "type": "yes_no", "label": "Any pets?"},
        {"id": "pet_names", "type": "text", "label": "Their names",
         "relevant": "${pets} = 'yes'"},
        {"id": "seen_on", "type": "date", "label": "Last seen on"},
        {"id": "seen_at", "type": "text", "label": "Last seen at",
         "relevant": "${seen_on} != ''"},
        {"id": "people", "type": "repeat", "label": "People", "questions": [
            {"id": "worry", "type": "yes_no", "label": "Any worry?"},
            {"id": "why", "type": "text", "label": "Why", "relevant": "${worry} = 'yes'"},
        ]},
    ]  # fmt: skip
    return definition


class _Form:
    """A session and its tracker, edited as the renderer edits them."""

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
        """`answers` as a record holds them."""
        self.session = FormSession(load_form(_form()), answers, clock=fixed_clock)
        self.told = 0
        self.tracker = HidingTracker(self.session, self._changed)
        self.replaced = False

    def _changed(self) -> None:
        self.told += 1

    def edit(self, key: FieldKey, value: object) -> None:
        self.tracker.editing(key)
        changes = self.session.set_answer(key.id, value, key.row)
        if changes.relevance:
            self.tracker.recount()
        self.replaced = self.tracker.edited(changes)

    def remove_row(self, index: int) -> None:
        self.session.remove_row("people", index)
        self.tracker.row_removed(index, IN_ROWS)
        self.tracker.recount()

    def type(self, key: FieldKey, text: str) -> None:
        """Rub out what the question holds, type `text` a key at a time, and move on."""
        for end in range(len(text) + 1):
            self.edit(key, text[:end])
        self.tracker.end_round()


def _answered() -> _Form:
    return _Form({"age": 12, "school": "Oak Lane", "college": "Elm", "pets": "yes",
                  "pet_names": "Rex"})  # fmt: skip


def test_undo_goes_back_to_the_answer_before_the_typing_not_a_keystroke_ago() -> None:
    form = _answered()
    form.type(AGE, "17")  # "1" hides nothing; "17" hides the school
    assert form.tracker.hiding == Hiding(AGE, 12, frozenset({SCHOOL}))


def test_further_keystrokes_add_to_what_undo_brings_back() -> None:
    form = _answered()
    form.type(AGE, "178")  # 17 hides the school, 178 the college as well
    assert form.tracker.hiding == Hiding(AGE, 12, frozenset({SCHOOL, COLLEGE}))


def test_answers_typed_back_into_view_are_no_longer_offered() -> None:
    form = _answered()
    form.type(AGE, "17")
    form.type(AGE, "12")
    assert form.tracker.hiding is None
    assert form.tracker.held() is None


def test_typed_back_and_out_of_view_again_undo_goes_back_to_the_first_answer() -> None:
    form = _answered()
    form.type(AGE, "17")
    form.type(AGE, "17")  # "1" brings the school back, "17" hides it again
    assert form.tracker.hiding == Hiding(AGE, 12, frozenset({SCHOOL}))


def test_retyped_out_of_view_offers_only_what_its_undo_can_bring_back() -> None:
    form = _answered()
    form.type(AGE, "17")
    form.tracker.forget()  # dismissed: the school stays hidden, with no Undo
    form.type(AGE, "19")  # hides the college; Undo to 17 would bring back only that
    assert form.tracker.hiding == Hiding(AGE, 17, frozenset({COLLEGE}))
    form.type(AGE, "19")  # both back into view and out again: still only the college
    assert form.tracker.hiding == Hiding(AGE, 17, frozenset({COLLEGE}))


def test_answers_let_go_of_get_no_new_undo_when_hidden_again() -> None:
    form = _answered()
    form.type(AGE, "17")
    form.tracker.forget()  # dismissed: the school stays hidden, with no Undo
    form.type(AGE, "17")
    assert form.tracker.hiding is None
    holding = form.tracker.held()
    assert holding is not None and holding.key is None
    assert holding.answers == {"school": "Oak Lane"}


def test_a_change_to_another_question_takes_over_the_undo() -> None:
    form = _answered()
    form.type(AGE, "17")
    assert not form.replaced
    form.edit(PETS, "no")
    assert form.replaced  # the notice for the age goes
    assert form.tracker.hiding == Hiding(PETS, "yes", frozenset({PET_NAMES}))


def test_what_is_held_names_the_change_and_reopens_to_the_same_undo() -> None:
    form = _answered()
    form.type(AGE, "17")
    holding = form.tracker.held()
    assert holding is not None
    assert (holding.key, holding.before, holding.hidden) == (AGE, 12, (SCHOOL,))
    assert holding.answers == {"school": "Oak Lane"}

    reopened = _Form(with_held(form.session.record(), holding))
    assert reopened.tracker.resume(holding)
    assert reopened.tracker.hiding == form.tracker.hiding
    assert not reopened.tracker.resume(holding)  # Undo is already offered


def test_nothing_to_resume_when_the_answers_are_on_show() -> None:
    form = _answered()
    form.type(AGE, "17")
    holding = form.tracker.held()
    assert holding is not None
    on_show = _Form(form.session.record() | {"age": 12, "school": "Oak Lane"})
    assert not on_show.tracker.resume(holding)
    assert on_show.tracker.hiding is None


def test_letting_go_holds_nothing_and_says_so() -> None:
    form = _answered()
    form.type(AGE, "17")
    told = form.told
    form.tracker.let_go()
    assert form.told == told + 1
    assert form.tracker.hiding is None
    assert form.tracker.held() is None


def test_changed_is_called_only_when_the_undo_changes() -> None:
    form = _answered()
    form.edit(AGE, "13")
    assert form.told == 0
    form.edit(AGE, "17")
    form.edit(AGE, "17")
    assert form.told == 1
    form.tracker.recount()  # nothing came back
    assert form.told == 1
    form.tracker.forget()
    form.tracker.forget()
    assert form.told == 2


def test_undo_after_a_restart_puts_back_the_answer_as_the_question_holds_it() -> None:
    form = _Form({"seen_on": "2026-01-02", "seen_at": "The park"})
    form.type(FieldKey("seen_on"), "")
    hiding = form.tracker.hiding
    assert hiding is not None and hiding.before == date(2026, 1, 2)
    holding = form.tracker.held()
    assert holding is not None and holding.before == "2026-01-02"  # as a record keeps it

    reopened = _Form(with_held(form.session.record(), holding))
    assert reopened.tracker.resume(holding)
    assert reopened.tracker.hiding == hiding


def _people() -> _Form:
    """Three rows: worried (with why), not worried, worried (with why)."""
    return _Form(
        {
            "people": [
                {"worry": "yes", "why": "Reason 0"},
                {"worry": "no"},
                {"worry": "yes", "why": "Reason 2"},
            ]
        }
    )


def test_a_removed_row_moves_what_undo_brings_back_up() -> None:
    form = _people()
    form.type(FieldKey("worry", 2), "no")
    form.remove_row(0)
    moved = Hiding(FieldKey("worry", 1), "yes", frozenset({FieldKey("why", 1)}))
    assert form.tracker.hiding == moved
    form.remove_row(1)  # the row of the change
    assert form.tracker.hiding is None


def test_a_removed_row_ends_the_round_of_typing() -> None:
    form = _people()
    form.tracker.editing(FieldKey("worry", 1))  # not worried, being changed...
    form.remove_row(0)  # ...when the row above goes
    form.edit(FieldKey("worry", 1), "no")  # the row that was third: worried until now
    assert form.tracker.hiding == Hiding(
        FieldKey("worry", 1), "yes", frozenset({FieldKey("why", 1)})
    )


def test_a_second_change_to_the_same_question_is_undone_one_change_back() -> None:
    # Going back to the first answer would not bring back what the second change hid:
    # each follow-up is asked only for its own answer.
    definition = age_form()
    definition["sections"][0]["questions"] = [
        {"id": "stayed", "type": "single_choice", "label": "Stayed with", "choices": "who"},
        {"id": "friend", "type": "text", "label": "Friend", "relevant": "${stayed} = 'friend'"},
        {"id": "relative", "type": "text", "label": "Relative",
         "relevant": "${stayed} = 'relative'"},
    ]  # fmt: skip
    definition["choice_lists"] = {
        "who": [{"value": v, "label": v} for v in ("friend", "relative", "not_said")]
    }
    session = FormSession(load_form(definition), clock=fixed_clock)
    tracker = HidingTracker(session, lambda: None)
    stayed = FieldKey("stayed")
    for key, value in (
        (stayed, "friend"), (FieldKey("friend"), "Jay"),
        (stayed, "relative"), (FieldKey("relative"), "Aunt Sue"), (stayed, "not_said"),
    ):  # fmt: skip
        tracker.editing(key)
        tracker.edited(session.set_answer(key.id, value))
        tracker.end_round()

    assert tracker.hiding == Hiding(stayed, "relative", frozenset({FieldKey("relative")}))


def test_an_edit_that_moves_the_focus_on_is_still_noted() -> None:
    # Showing or hiding questions can move the focus, ending the round of typing before
    # the edit that did it is noted.
    form = _answered()
    form.tracker.editing(AGE)
    changes = form.session.set_answer("age", 17)
    form.tracker.end_round()  # the focus left the age as the school went
    form.tracker.edited(changes)
    assert form.tracker.hiding == Hiding(AGE, 12, frozenset({SCHOOL}))
