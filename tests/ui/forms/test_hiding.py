"""The rules of Undo for a change that hid answers, kept without any widgets.

The renderer feeds the tracker exactly as here: `editing` before each edit reaches the
session, `recount` when the edit moved relevance, `edited` after it, and `end_round`
once the interviewer has finished with the question.
"""

from __future__ import annotations

from typing import Any

from rhi_desktop.forms import FieldKey, FormSession, load_form, with_held
from tests.ui.forms.conftest import age_form, fixed_clock
from ui.forms.hiding import Hiding, HidingTracker

AGE = FieldKey("age")
SCHOOL = FieldKey("school")
COLLEGE = FieldKey("college")
PETS = FieldKey("pets")
PET_NAMES = FieldKey("pet_names")


def _form() -> dict[str, Any]:
    """The ages form, and pets whose names go when there are none."""
    definition = age_form()
    definition["sections"][0]["questions"] += [
        {"id": "pets", "type": "yes_no", "label": "Any pets?"},
        {"id": "pet_names", "type": "text", "label": "Their names",
         "relevant": "${pets} = 'yes'"},
    ]  # fmt: skip
    return definition


class _Form:
    """A session and its tracker, edited as the renderer edits them."""

    def __init__(self, answers: dict[str, Any] | None = None) -> None:
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
    form.type(AGE, "187")  # 18 hides the college as well; 187 keeps both hidden
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
    form.type(AGE, "17")  # Undo to 12 would bring back the school
    form.type(AGE, "18")  # the college is hidden now too, but only from 17
    hiding = form.tracker.hiding
    assert hiding is not None
    assert hiding.before == 12
    assert hiding.hidden == {SCHOOL, COLLEGE}


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
