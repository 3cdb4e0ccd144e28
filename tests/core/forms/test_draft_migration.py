"""Moving a draft to a newer form version says what the new version will not keep: answers
its skip logic leaves out are named (never carried and lost at the next save), a value
both versions work out is not called lost, and input not valid yet comes along as typed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from rhi_desktop.forms import FieldKey, Form, FormSession, Holding, load_form, with_held
from rhi_desktop.forms.versions import Migration, NotCarried, Reason, plan_migration

V1: dict[str, Any] = {
    "form_id": "visit",
    "version": 1,
    "title": "Visit",
    "sections": [
        {
            "id": "main",
            "title": "Main",
            "questions": [
                {"id": "harm_disclosed", "type": "yes_no", "label": "Harm told?"},
                {"id": "harm_details", "type": "long_text", "label": "What happened",
                 "relevant": "${harm_disclosed} = 'yes'"},
                {"id": "places", "type": "integer", "label": "Places"},
                {"id": "many_places", "type": "text", "label": "Many places",
                 "calculation": "if(${places} > 3, 'yes', 'no')"},
                {"id": "age", "type": "integer", "label": "Age"},
                {"id": "friends", "type": "repeat", "label": "Friends", "questions": [
                    {"id": "friend", "type": "text", "label": "Name"},
                    {"id": "met_often", "type": "yes_no", "label": "Met often"},
                    {"id": "where_met", "type": "text", "label": "Where",
                     "relevant": "${met_often} = 'yes'"},
                ]},
            ],
        }
    ],
}  # fmt: skip


def _v2() -> Form:
    """Version 2 renames two questions that others depend on: the one that shows "what
    happened", and, inside the repeat group, the one that shows "where"."""
    definition = copy.deepcopy(V1)
    definition["version"] = 2
    questions = definition["sections"][0]["questions"]
    questions[0]["id"] = "harm_told"
    questions[1]["relevant"] = "${harm_told} = 'yes'"
    friends = questions[5]["questions"]
    friends[1]["id"] = "seen_often"
    friends[2]["relevant"] = "${seen_often} = 'yes'"
    return load_form(definition)


def _draft(v1: Form) -> dict[str, Any]:
    session = FormSession(v1)
    session.set_answer("harm_disclosed", "yes")
    session.set_answer("harm_details", "Pushed at the flat")
    session.set_answer("places", 5)
    session.set_answer("age", "about 16")  # not valid yet: kept as typed
    session.add_row("friends")
    session.set_answer("friend", "Jay", row=0)
    session.set_answer("met_often", "yes", row=0)
    session.set_answer("where_met", "The park", row=0)
    return session.record()


def test_answers_the_new_skip_logic_leaves_out_are_named_not_lost_unseen() -> None:
    v1, v2 = load_form(V1), _v2()
    migration = plan_migration(_draft(v1), v1, v2)
    assert migration.not_carried == (
        NotCarried("harm_disclosed", Reason.REMOVED),
        NotCarried("harm_details", Reason.NOT_ASKED),
        NotCarried("met_often", Reason.REMOVED, rows=(0,)),
        NotCarried("where_met", Reason.NOT_ASKED, rows=(0,)),
    )
    # What is carried is what the new version keeps, so the next save changes nothing.
    assert migration.answers == {
        "places": 5,
        "many_places": "yes",
        "age": "about 16",
        "friends": [{"friend": "Jay"}],
    }
    again = FormSession(v2, migration.answers)
    assert again.record() == migration.answers
    assert [issue.message for issue in again.issues("age")] == ["Enter a whole number."]


def test_a_value_both_versions_work_out_is_not_called_lost() -> None:
    v1 = load_form(V1)
    same = copy.deepcopy(V1)
    same["version"] = 2
    migration = plan_migration({"places": 5, "many_places": "yes"}, v1, load_form(same))
    assert migration.complete
    assert migration.answers == {"places": 5, "many_places": "yes"}


def test_a_value_the_old_version_worked_out_is_not_carried_as_an_answer() -> None:
    """Carried, it would stand as if typed, and no longer follow the answers it came from."""
    v1 = load_form(V1)
    asked = copy.deepcopy(V1)
    asked["version"] = 2
    del asked["sections"][0]["questions"][3]["calculation"]  # many places: now asked
    migration = plan_migration({"places": 5, "many_places": "yes"}, v1, load_form(asked))
    assert migration.not_carried == (NotCarried("many_places", Reason.NOW_ASKED),)
    assert migration.answers == {"places": 5}


def test_a_group_with_more_rows_than_the_new_version_allows_is_named_and_kept_whole() -> None:
    v1 = load_form(V1)
    fewer = copy.deepcopy(V1)
    fewer["version"] = 2
    fewer["sections"][0]["questions"][5]["max_rows"] = 2
    friends = [{"friend": name} for name in ("Jay", "Sam", "Ali")]
    migration = plan_migration({"friends": friends}, v1, load_form(fewer))
    assert migration.complete  # every answer is carried: no row is dropped unasked
    assert migration.too_many_rows == (("friends", 3, 2),)
    assert migration.answers["friends"] == friends


def _gated(default: str | None) -> Form:
    """Version 2 asks first whether harm was told, in a new question, before what happened."""
    definition = copy.deepcopy(V1)
    definition["version"] = 2
    questions = definition["sections"][0]["questions"]
    gate: dict[str, Any] = {"id": "disclosed", "type": "yes_no", "label": "Anything told?"}
    if default is not None:
        gate["default"] = default
    questions.insert(0, gate)
    questions[2]["relevant"] = "${disclosed} = 'yes' and ${harm_disclosed} = 'yes'"
    return load_form(definition)


def test_a_new_question_starts_with_its_default_when_a_draft_moves() -> None:
    # Empty, it hid what its default would ask, and that answer was lost with the move.
    v1 = load_form(V1)
    migration = plan_migration(_draft(v1), v1, _gated(default="yes"))
    assert migration.answers["disclosed"] == "yes"
    assert migration.answers["harm_details"] == "Pushed at the flat"
    assert migration.held is None


def test_a_new_questions_default_the_new_version_does_not_ask_is_no_answer_kept_aside() -> None:
    """It was listed as an answer moving with the draft, by its id (the old version has
    no label for it), though the interviewer never gave it; and the move was never
    'every answer carried'."""
    definition = copy.deepcopy(V1)
    definition["version"] = 2
    definition["sections"][0]["questions"].append(
        {"id": "follow_up", "type": "yes_no", "label": "Follow-up booked?", "default": "no",
         "relevant": "${age} > 100"}
    )  # fmt: skip
    v1 = load_form(V1)
    migration = plan_migration(_draft(v1), v1, load_form(definition))
    assert migration.kept_aside == () and migration.left_behind == ()
    assert migration.complete


def test_answers_the_new_version_does_not_ask_are_held_and_come_back_when_asked() -> None:
    v1 = load_form(V1)
    v2 = _gated(default=None)
    migration = plan_migration(_draft(v1), v1, v2)
    assert NotCarried("harm_details", Reason.NOT_ASKED) in migration.kept_aside
    assert NotCarried("harm_details", Reason.NOT_ASKED) not in migration.left_behind
    assert "harm_details" not in migration.answers
    assert migration.held is not None
    held = Holding.from_content(migration.held)
    assert held is not None
    session = FormSession(v2, with_held(migration.answers, held))
    session.set_answer("disclosed", "yes")
    assert session.record()["harm_details"] == "Pushed at the flat"


def test_answers_a_move_keeps_aside_are_held_marked_as_such() -> None:
    """So that closing the form, even after a restart, asks before letting go of them;
    what was held before there were such marks reads as marking none."""
    v1 = load_form(V1)
    migration = plan_migration(_draft(v1), v1, _gated(default=None))
    assert migration.held is not None
    held = Holding.from_content(migration.held)
    assert held is not None and held.kept == (FieldKey("harm_details"),)
    earlier = {key: value for key, value in migration.held.items() if key != "kept"}
    read = Holding.from_content(earlier)
    assert read is not None and read.kept == () and read.answers == held.answers


def test_answers_a_change_hid_move_with_the_draft() -> None:
    v1 = load_form(V1)
    session = FormSession(v1, _draft(v1))
    session.set_answer("harm_disclosed", "no")  # hides what happened
    holding = session.holding()
    migration = plan_migration(session.record(), v1, _gated(default="yes"), holding)
    assert migration.held is not None
    held = Holding.from_content(migration.held)
    assert held is not None and held.answers == {"harm_details": "Pushed at the flat"}


def test_a_rating_is_not_carried_onto_a_scale_with_other_ends() -> None:
    # 5 of 1 to 5 (the top) was carried as 5 of 0 to 10 (the middle), unreported.
    def rated(version: int, low: int, high: int, kind: str = "scale") -> Form:
        question: dict[str, Any] = {"id": "safe", "type": kind, "label": "How safe?"}
        if kind == "scale":
            question["scale"] = {"min": low, "max": high, "labels": {str(high): "Very"}}
        return load_form(
            {"form_id": "f", "version": version, "title": "F",
             "sections": [{"id": "s", "title": "S", "questions": [question]}]}
        )  # fmt: skip

    one_to_five = rated(1, 1, 5)
    assert plan_migration({"safe": 5}, one_to_five, rated(2, 0, 10)).not_carried == (
        NotCarried("safe", Reason.SCALE_CHANGED),
    )
    assert plan_migration({"safe": 5}, rated(1, 1, 5, "integer"), rated(2, 1, 5)).not_carried == (
        NotCarried("safe", Reason.TYPE_CHANGED),
    )
    relabelled = plan_migration({"safe": 5}, one_to_five, rated(2, 1, 5))
    assert relabelled.complete and relabelled.answers == {"safe": 5}


@pytest.mark.parametrize(
    ("friends", "rows"),
    [(["Jay"], (0,)), ([{"friend": "Jay"}, None], (1,)), ("Jay", ()), ({"friend": "Jay"}, ())],
    ids=["row-not-an-object", "one-row-of-two", "group-is-text", "group-is-one-object"],
)
def test_a_group_or_row_that_cannot_be_read_is_named_not_dropped_unsaid(
    friends: object, rows: tuple[int, ...]
) -> None:
    # A row that was not an object raised AttributeError; a group that was not a list of
    # rows was planned as empty, and its rows lost without a word.
    migration = plan_migration({"friends": friends, "age": 15}, load_form(V1), _v2())
    assert migration.left_behind == (NotCarried("friends", Reason.NOT_VALID, rows),)
    assert migration.answers["age"] == 15


def test_a_removed_group_that_cannot_be_read_is_named_once() -> None:
    definition = copy.deepcopy(V1)
    definition["version"] = 2
    definition["sections"][0]["questions"].pop()  # no more friends
    migration = plan_migration({"friends": "Jay"}, load_form(V1), load_form(definition))
    assert migration.left_behind == (NotCarried("friends", Reason.REMOVED),)


def _one_section(
    version: int, questions: list[dict[str, Any]], choices: dict[str, Any] | None = None
) -> Form:
    return load_form(
        {"form_id": "f", "version": version, "title": "F",
         "sections": [{"id": "s", "title": "S", "questions": questions}],
         "choice_lists": choices or {}}
    )  # fmt: skip


def _each_answer_accounted_for(answers: dict[str, Any], migration: Migration) -> None:
    """Every answer given is carried or named: none goes without a word."""
    named = {item.question_id for item in migration.not_carried}
    for question_id, value in answers.items():
        if value not in (None, "", []):
            assert question_id in migration.answers or question_id in named, question_id


def test_an_answer_whose_question_moved_into_or_out_of_a_group_is_named() -> None:
    """Dropped unsaid, the move still called itself complete."""
    where = {"id": "where", "type": "text", "label": "Where"}
    outside = _one_section(1, [where, {"id": "friends", "type": "repeat", "label": "Friends",
                                       "questions": [{"id": "name", "type": "text",
                                                      "label": "Name"}]}])  # fmt: skip
    inside = _one_section(
        2,
        [{"id": "friends", "type": "repeat", "label": "Friends",
          "questions": [{"id": "name", "type": "text", "label": "Name"}, where]}],
    )  # fmt: skip
    answers: dict[str, Any] = {"where": "The park", "friends": [{"name": "Jay"}]}
    moved_in = plan_migration(answers, outside, inside)
    assert moved_in.not_carried == (NotCarried("where", Reason.MOVED),)
    _each_answer_accounted_for(answers, moved_in)

    back_out = _one_section(3, [where, {"id": "friends", "type": "repeat", "label": "Friends",
                                        "questions": [{"id": "name", "type": "text",
                                                       "label": "Name"}]}])  # fmt: skip
    rows = {"friends": [{"name": "Jay", "where": "The park"}, {"name": "Sam"}]}
    moved_out = plan_migration(rows, inside, back_out)
    assert moved_out.not_carried == (NotCarried("where", Reason.MOVED, (0,)),)
    assert moved_out.answers["friends"] == [{"name": "Jay"}, {"name": "Sam"}]


def test_an_answer_the_changed_question_cannot_take_is_carried_to_correct_and_named() -> None:
    """15.5 does not go onto a whole number. Dropped unsaid, the move was 'complete';
    dropped and named, it was lost: carried as typed, the interviewer corrects it."""
    answers: dict[str, Any] = {"age": 15.5, "height": 1.5}
    target = _one_section(
        2,
        [
            {"id": "age", "type": "integer", "label": "Age"},
            {"id": "height", "type": "decimal", "label": "Height"},
        ],
    )
    migration = plan_migration(
        answers,
        _one_section(1, [{"id": "age", "type": "decimal", "label": "Age"},
                         {"id": "height", "type": "decimal", "label": "Height"}]),
        target,
    )  # fmt: skip
    assert migration.not_carried == (NotCarried("age", Reason.TO_CORRECT),)
    assert migration.left_behind == ()
    assert migration.answers == {"age": "15.5", "height": 1.5}
    assert FormSession(target, migration.answers).issues("age")  # to correct: no sign-off
    _each_answer_accounted_for(answers, migration)


def test_a_long_answer_too_long_for_a_one_line_question_now_is_carried_to_correct() -> None:
    account = "They stayed with a friend's older brother. " * 150  # over 2,000 characters
    migration = plan_migration(
        {"account": account},
        _one_section(1, [{"id": "account", "type": "long_text", "label": "Account"}]),
        _one_section(2, [{"id": "account", "type": "text", "label": "Account"}]),
    )
    assert migration.not_carried == (NotCarried("account", Reason.TO_CORRECT),)
    assert migration.answers == {"account": account}


def test_a_single_choice_now_multiple_is_ticked_if_still_offered() -> None:
    choices = {"ways": [{"value": "bus", "label": "Bus"}, {"value": "car", "label": "Car"}]}
    migration = plan_migration(
        {"how": "bus"},
        _one_section(1, [{"id": "how", "type": "single_choice", "label": "How", "choices": "ways"}],
                     choices),
        _one_section(2, [{"id": "how", "type": "multiple_choice", "label": "How",
                          "choices": "ways"}], choices),
    )  # fmt: skip
    assert migration.complete
    assert migration.answers == {"how": ["bus"]}


def test_a_yes_no_answer_is_carried_onto_a_choice_that_still_offers_it() -> None:
    # An XLSForm edit of a form writes its yes/no questions as choices of yes and no: a
    # move onto such a version left every yes/no answer behind as 'type changed'.
    v2 = copy.deepcopy(V1)
    v2["version"] = 2
    v2["choice_lists"] = {"ynd": [
        {"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"},
        {"value": "dont_know", "label": "Don't know"},
    ]}  # fmt: skip
    v2["sections"][0]["questions"][0].update(type="single_choice", choices="ynd")
    migration = plan_migration({"harm_disclosed": "yes"}, load_form(V1), load_form(v2))
    assert migration.answers["harm_disclosed"] == "yes" and migration.complete

    back = copy.deepcopy(V1)
    back["version"] = 3
    moved = plan_migration({"harm_disclosed": "dont_know"}, load_form(v2), load_form(back))
    assert moved.left_behind == (
        NotCarried("harm_disclosed", Reason.CHOICES_REMOVED, (), ("dont_know",)),
    )


def test_a_default_emptied_before_it_was_hidden_moves_as_emptied() -> None:
    # The emptied question was given its default again by the move: an answer nobody
    # gave, once its question was asked.
    definition = copy.deepcopy(V1)
    questions = definition["sections"][0]["questions"]
    questions[1] = {"id": "harm_details", "type": "yes_no", "label": "Told police?",
                    "default": "no", "relevant": "${harm_disclosed} = 'yes'"}  # fmt: skip
    v1 = load_form(definition)
    definition["version"] = 2
    gone = copy.deepcopy(definition)
    gone["version"] = 3
    gone["sections"][0]["questions"].pop(1)
    session = FormSession(v1)
    session.set_answer("harm_disclosed", "yes")
    session.clear_answer("harm_details")
    session.set_answer("harm_disclosed", "no")

    migration = plan_migration(session.record(), v1, load_form(definition), session.holding())
    assert migration.complete and migration.held is not None
    assert migration.held["answers"] == {"harm_details": None}
    holding = Holding.from_content(migration.held)
    assert holding is not None
    moved = FormSession(load_form(definition), with_held(migration.answers, holding))
    moved.set_answer("harm_disclosed", "yes")
    assert moved.answer("harm_details") is None
    # Onto a version without the question, nothing is said to be left behind.
    onto_gone = plan_migration(session.record(), v1, load_form(gone), session.holding())
    assert onto_gone.complete and onto_gone.held is None


def test_an_answer_to_correct_that_is_not_asked_either_is_listed_once_as_held() -> None:
    """Listed under both, the summary said to correct an answer the interviewer could
    not see, and which signing off lets go of."""
    migration = plan_migration(
        {"asked": "no", "age": 15.5},
        _one_section(1, [{"id": "asked", "type": "yes_no", "label": "Asked?"},
                         {"id": "age", "type": "decimal", "label": "Age"}]),
        _one_section(2, [{"id": "asked", "type": "yes_no", "label": "Asked?"},
                         {"id": "age", "type": "integer", "label": "Age",
                          "relevant": "${asked} = 'yes'"}]),
    )  # fmt: skip
    assert migration.not_carried == (NotCarried("age", Reason.NOT_ASKED),)
    assert migration.to_correct == ()


@pytest.mark.parametrize(
    ("old", "new", "answer", "carried", "reasons"),
    [
        ("text", "integer", "12345", 12345, ()),
        ("long_text", "decimal", "2.5", 2.5, ()),
        ("text", "integer", "about 16", "about 16", (Reason.TO_CORRECT,)),
        ("integer", "text", 30, "30", ()),
        ("decimal", "long_text", 0.00005, "0.00005", ()),
        ("multiple_choice", "single_choice", ["bus"], "bus", ()),
        ("multiple_choice", "single_choice", ["bus", "walked"], None, (Reason.TYPE_CHANGED,)),
        ("multiple_choice", "single_choice", ["train"], None, (Reason.CHOICES_REMOVED,)),
    ],
)
def test_an_answer_that_still_fits_a_question_of_another_type_is_carried(
    old: str, new: str, answer: Any, carried: Any, reasons: tuple[Reason, ...]
) -> None:
    """A council widening an age from a whole number to text left every age in every
    moved draft behind, as it did a text that reads as a number, and a lone tick."""
    lists = {"how": [{"value": v, "label": v.title()} for v in ("bus", "walked", "train")]}

    def form(version: int, kind: str) -> Form:
        question: dict[str, Any] = {"id": "q", "type": kind, "label": "Q"}
        if kind.endswith("choice"):
            question["choices"] = "how"
        if version == 2:
            lists["how"] = lists["how"][:2]  # version 2 no longer offers the train
        return _one_section(version, [question], dict(lists))

    migration = plan_migration({"q": answer}, form(1, old), form(2, new))
    assert migration.answers.get("q") == carried
    assert tuple(item.reason for item in migration.not_carried) == reasons
    _each_answer_accounted_for({"q": answer}, migration)


def test_a_row_question_new_in_the_version_starts_with_its_default_in_each_row() -> None:
    """A new row question's default came with rows added after the move, never with the
    rows the draft had: a required one was to be answered in the old rows only."""
    rows = {"id": "people", "type": "repeat", "label": "People", "questions": [
        {"id": "name", "type": "text", "label": "Name"},
    ]}  # fmt: skip
    known = {"id": "known_to_police", "type": "yes_no", "label": "Known?", "default": "no",
             "relevant": "${name} != 'Kit'"}  # fmt: skip
    v1 = _one_section(1, [rows])
    v2 = _one_section(2, [{**rows, "questions": [*rows["questions"], known]}])
    answers = {"people": [{"name": "Jay"}, {"name": "Kit"}]}
    migration = plan_migration(answers, v1, v2)
    assert migration.answers["people"] == [
        {"name": "Jay", "known_to_police": "no"},
        {"name": "Kit"},
    ]
    assert migration.complete  # a default hidden by its row's skip logic was no answer given
    session = FormSession(v2, migration.answers)
    session.add_row("people")
    assert session.record()["people"][2] == {"known_to_police": "no"}
