"""An answer that hides answered questions: the session names exactly what would be lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from rhi_desktop.forms import FieldKey, FormSession, Holding, load_form, with_held

Build = Callable[..., dict[str, Any]]


def _session(make_definition: Build) -> FormSession:
    definition = make_definition(
        [
            {"id": "accepted", "type": "yes_no", "label": "Accepted?"},
            {"id": "reason", "type": "text", "label": "Why not?", "relevant": "${accepted} = 'no'"},
        ]
    )
    definition["sections"].append(
        {
            "id": "talk",
            "title": "The talk",
            "relevant": "${accepted} = 'yes'",
            "questions": [
                {"id": "story", "type": "long_text", "label": "What happened"},
                {"id": "age", "type": "integer", "label": "Age"},
                {"id": "unanswered", "type": "text", "label": "Left empty"},
                {"id": "twice", "type": "integer", "label": "Twice", "calculation": "${age} * 2"},
                {"id": "places", "type": "repeat", "label": "Places", "questions": [
                    {"id": "place", "type": "text", "label": "Place"},
                ]},
            ],
        }
    )  # fmt: skip
    return FormSession(load_form(definition))


def test_hiding_a_section_names_its_answered_questions_and_rows(make_definition: Build) -> None:
    session = _session(make_definition)
    session.set_answer("accepted", "yes")
    session.set_answer("story", "Stayed with a friend")
    session.set_answer("age", "fourteen")  # kept as typed, to be corrected: still work
    for row, place in enumerate(("Park", "", "Station")):
        session.add_row("places")
        session.set_answer("place", place, row)

    changes = session.set_answer("accepted", "no")

    assert session.hidden_answers(changes.relevance) == {
        FieldKey("story"),
        FieldKey("age"),
        FieldKey("place", 0),
        FieldKey("place", 2),
    }
    assert "story" not in session.record()


def test_nothing_is_named_when_the_answers_come_back_or_were_never_given(
    make_definition: Build,
) -> None:
    session = _session(make_definition)
    session.set_answer("accepted", "yes")
    session.set_answer("story", "Stayed with a friend")
    session.set_answer("accepted", "no")

    back = session.set_answer("accepted", "yes")
    assert FieldKey("story") in back.relevance
    assert session.hidden_answers(back.relevance) == frozenset()
    assert session.record()["story"] == "Stayed with a friend"
    # 'Why not?' was shown and hidden again, but nothing was typed into it.
    assert FieldKey("reason") in back.relevance


def test_keys_that_are_relevant_or_not_questions_are_never_named(make_definition: Build) -> None:
    session = _session(make_definition)
    session.set_answer("accepted", "yes")
    session.set_answer("story", "Stayed with a friend")
    keys = [FieldKey("talk"), FieldKey("places"), FieldKey("story"), FieldKey("accepted")]
    assert session.hidden_answers(keys) == frozenset()
    session.set_answer("accepted", "no")
    assert session.hidden_answers(keys) == {FieldKey("story")}


def test_an_earlier_entry_of_any_kind_can_be_put_back(make_definition: Build) -> None:
    definition = make_definition(
        [
            {"id": "when", "type": "date", "label": "When"},
            {"id": "where", "type": "location", "label": "Where"},
            {"id": "who", "type": "multiple_choice", "label": "Who", "choices": "people"},
            {"id": "age", "type": "integer", "label": "Age"},
        ],
        {"people": [{"value": "friend", "label": "Friend"}, {"value": "adult", "label": "Adult"}]},
    )
    session = FormSession(load_form(definition))
    firsts = {
        "when": "2026-11-20",
        "where": {"description": "Bus station", "postcode": "ZZ99 3AA"},
        "who": ["friend", "adult"],
        "age": "fourteen",
    }
    for question_id, value in firsts.items():
        session.set_answer(question_id, value)
    earlier = {question_id: session.entry(question_id) for question_id in firsts}

    for question_id in firsts:
        session.set_answer(question_id, None)
        changes = session.restore_entry(question_id, earlier[question_id])
        assert FieldKey(question_id) in changes.values
        assert session.entry(question_id) == earlier[question_id]
    assert session.restore_entry("age", None) and session.entry("age") is None


def test_a_form_default_left_as_it_was_is_not_an_answer_given(make_definition: Build) -> None:
    definition = make_definition(
        [
            {"id": "accepted", "type": "yes_no", "label": "Accepted?"},
            {"id": "police", "type": "yes_no", "label": "Police told?", "default": "no",
             "relevant": "${accepted} = 'yes'"},
        ]
    )  # fmt: skip
    session = FormSession(load_form(definition))
    session.set_answer("accepted", "yes")
    changes = session.set_answer("accepted", "no")  # a slip corrected: nothing was entered
    assert FieldKey("police") in changes.relevance
    assert session.hidden_answers(changes.relevance) == frozenset()

    session.set_answer("accepted", "yes")
    session.set_answer("police", "yes")  # this one the interviewer chose
    assert session.hidden_answers(session.set_answer("accepted", "no").relevance) == {
        FieldKey("police")
    }


def test_a_default_emptied_before_it_was_hidden_stays_empty_when_read_back(
    make_definition: Build,
) -> None:
    # Reading a record gives a hidden question its default, as a new interview does: one
    # the interviewer had emptied came back with its default, an answer nobody gave.
    definition = make_definition(
        [
            {"id": "accepted", "type": "yes_no", "label": "Accepted?"},
            {"id": "police", "type": "yes_no", "label": "Police told?", "default": "no",
             "relevant": "${accepted} = 'yes'"},
            {"id": "trips", "type": "repeat", "label": "Trips", "questions": [
                {"id": "went", "type": "yes_no", "label": "Went?"},
                {"id": "alone", "type": "yes_no", "label": "Alone?", "default": "yes",
                 "relevant": "${went} = 'yes'"},
            ]},
        ]
    )  # fmt: skip
    form = load_form(definition)
    session = FormSession(form)
    session.set_answer("accepted", "yes")
    session.clear_answer("police")
    session.set_answer("accepted", "no")
    session.add_row("trips")
    session.set_answer("went", "yes", 0)
    session.clear_answer("alone", 0)
    session.set_answer("went", "no", 0)
    assert session.cleared_defaults() == {FieldKey("police"), FieldKey("alone", 0)}
    holding = Holding.from_content(json.loads(json.dumps(session.holding().content())))
    assert holding is not None

    reopened = FormSession(form, with_held(session.record(), holding))
    reopened.set_answer("accepted", "yes")
    reopened.set_answer("went", "yes", 0)
    assert reopened.answer("police") is None and reopened.answer("alone", 0) is None
    assert reopened.record() == {"accepted": "yes", "trips": [{"went": "yes"}]}

    untouched = FormSession(form, {"accepted": "no"})  # never emptied: its default is back
    untouched.set_answer("accepted", "yes")
    assert untouched.answer("police") == "no"


def test_hidden_answers_held_and_read_back_are_hidden_again_and_undo_brings_them_back(
    make_definition: Build,
) -> None:
    session = _session(make_definition)
    session.set_answer("accepted", "yes")
    session.set_answer("story", "Stayed with a friend in Łódź")
    session.set_answer("age", "fourteen")  # not valid yet: held as typed
    for row, place in enumerate(("Park", "", "Station")):
        session.add_row("places")
        session.set_answer("place", place, row)
    before = session.entry("accepted")
    shown = session.record()
    changes = session.set_answer("accepted", "no")
    hidden = session.hidden_answers(changes.relevance)

    holding = session.holding(FieldKey("accepted"), before, hidden)
    read = Holding.from_content(json.loads(json.dumps(holding.content())))
    assert read == holding
    assert holding.rows == {"places": [{"place": "Park"}, {}, {"place": "Station"}]}

    reopened = FormSession(session.form, with_held(session.record(), read))
    assert reopened.record() == session.record()  # still not kept with the interview
    assert reopened.hidden_answers(read.keys()) == hidden
    reopened.restore_entry("accepted", reopened.read_entry("accepted", read.before))
    assert reopened.record() == shown


def test_held_answers_go_beside_a_repeat_group_still_shown(make_definition: Build) -> None:
    definition = make_definition(
        [
            {"id": "people", "type": "repeat", "label": "People", "questions": [
                {"id": "known", "type": "yes_no", "label": "Known to you?"},
                {"id": "how", "type": "text", "label": "How", "relevant": "${known} = 'yes'"},
            ]},
        ]
    )  # fmt: skip
    session = FormSession(load_form(definition))
    for row in range(2):
        session.add_row("people")
        session.set_answer("known", "yes", row)
        session.set_answer("how", f"Cousin {row}", row)
    changes = session.set_answer("known", "no", 1)
    hidden = session.hidden_answers(changes.relevance)
    assert hidden == {FieldKey("how", 1)}

    holding = session.holding(FieldKey("known", 1), "yes", hidden)
    merged = with_held(session.record(), holding)
    assert merged["people"] == [
        {"known": "yes", "how": "Cousin 0"},
        {"known": "no", "how": "Cousin 1"},
    ]
    assert FormSession(session.form, merged).hidden_answers(holding.keys()) == hidden


def test_answers_an_earlier_change_hid_are_held_too_but_undo_brings_back_its_own(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [
            {"id": "accepted", "type": "yes_no", "label": "Accepted?"},
            {"id": "venue", "type": "text", "label": "Where", "relevant": "${accepted} = 'yes'"},
            {"id": "carers_told", "type": "yes_no", "label": "Carers told?"},
            {"id": "told_what", "type": "text", "label": "What",
             "relevant": "${carers_told} = 'yes'"},
        ]
    )  # fmt: skip
    session = FormSession(load_form(definition))
    for question_id, value in (
        ("accepted", "yes"),
        ("venue", "Library"),
        ("carers_told", "yes"),
        ("told_what", "Leaflet"),
        ("accepted", "no"),  # hides the venue
    ):
        session.set_answer(question_id, value)
    before = session.entry("carers_told")
    changes = session.set_answer("carers_told", "no")  # a second change: hides what
    hidden = session.hidden_answers(changes.relevance)

    holding = session.holding(FieldKey("carers_told"), before, hidden)
    assert holding.hidden == (FieldKey("told_what"),)
    assert holding.answers == {"told_what": "Leaflet", "venue": "Library"}

    reopened = FormSession(session.form, with_held(session.record(), holding))
    assert reopened.hidden_entries() == session.hidden_entries()
    reopened.set_answer("accepted", "yes")  # as in the open form: the venue comes back
    assert reopened.record()["venue"] == "Library"


def _held(**changed: object) -> dict[str, Any]:
    return {"question": "accepted", "row": None, "hidden": [], "answers": {}, "rows": {},
            **changed}  # fmt: skip


@pytest.mark.parametrize(
    "content",
    [
        {},
        _held(question=3),
        _held(row=-1),
        _held(row=True),
        _held(answers=[]),
        _held(rows={"places": [1]}),
        _held(rows=None),
        _held(hidden=None),
        _held(hidden=[["story"]]),
        _held(hidden=[[1, None]]),
        _held(hidden=[["place", -2]]),
        _held(question=None, row=1),  # no Undo offered: nothing for it to bring back
        _held(question=None, hidden=[["story", None]]),
    ],
)
def test_a_holding_not_in_its_shape_is_not_read(content: dict[str, Any]) -> None:
    assert Holding.from_content(content) is None


def test_a_holding_in_its_shape_is_read() -> None:
    read = Holding.from_content(_held(hidden=[["place", 2], ["story", None]]))
    assert read is not None
    assert read.hidden == (FieldKey("place", 2), FieldKey("story"))
    without_undo = Holding.from_content(_held(question=None, answers={"story": "Park"}))
    assert without_undo is not None and without_undo.key is None
    assert list(without_undo.keys()) == [FieldKey("story")]


def test_a_hidden_repeat_group_keeps_its_rows_empty_or_not(make_definition: Build) -> None:
    session = _session(make_definition)
    session.set_answer("accepted", "yes")
    for _ in range(2):
        session.add_row("places")  # nothing written in them
    session.set_answer("accepted", "no")
    assert session.hidden_entries() == frozenset()

    holding = session.holding()

    assert holding.rows == {"places": [{}, {}]}
    reopened = FormSession(session.form, with_held(session.record(), holding))
    reopened.set_answer("accepted", "yes")
    assert reopened.record()["places"] == [{}, {}]
