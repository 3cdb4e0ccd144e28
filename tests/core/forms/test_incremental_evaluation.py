"""After one answer changes, only what depends on it is re-evaluated, with the same result.

Evaluations are counted by the session, so these tests pin down exactly how much work a
keystroke causes, and check it against recomputing everything (`reevaluate_all`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rhi_desktop.forms import FieldKey, Form, FormSession, QuestionType, load_form
from rhi_desktop.forms.dependencies import Slot, SlotKind

Build = Callable[..., dict[str, Any]]
Clock = Callable[[], datetime]


def evaluations_for(session: FormSession, edit: Callable[[], object]) -> int:
    before = session.evaluations
    edit()
    return session.evaluations - before


def test_one_answer_re_evaluates_only_the_question_it_shows(make_definition: Build) -> None:
    questions: list[dict[str, Any]] = []
    for i in range(20):
        questions.append({"id": f"trigger_{i}", "type": "yes_no", "label": "Trigger"})
        questions.append({"id": f"detail_{i}", "type": "text", "label": "Detail",
                          "relevant": f"${{trigger_{i}}} = 'yes'", "required": True})  # fmt: skip
    session = FormSession(load_form(make_definition(questions)))

    assert evaluations_for(session, lambda: session.set_answer("trigger_3", "yes")) == 1
    assert session.is_relevant("detail_3") and session.is_required("detail_3")
    assert not session.is_relevant("detail_4")
    assert evaluations_for(session, session.reevaluate_all) == 20


def test_changes_flow_on_through_calculations_and_section_relevance(make_definition: Build) -> None:
    definition = make_definition(
        [
            {"id": "a", "type": "integer", "label": "A"},
            {"id": "b", "type": "integer", "label": "B", "calculation": "${a} * 2"},
            *(
                {"id": f"other_{i}", "type": "text", "label": "x", "relevant": "${a2} != ''"}
                for i in range(10)
            ),
            {"id": "a2", "type": "text", "label": "A2"},
        ]
    )
    definition["sections"].append(
        {
            "id": "later",
            "title": "Later",
            "relevant": "${b} > 10",
            "questions": [
                {"id": "c", "type": "text", "label": "C", "relevant": "${a} > 0"},
                {"id": "d", "type": "text", "label": "D", "required": "${c} = ''"},
            ],
        }
    )
    form = load_form(definition)
    session = FormSession(form)
    assert not session.is_relevant("later")

    start = session.evaluations
    changes = session.set_answer("a", 6)
    # b's calculation, the section's relevance, c's relevance and d's requirement: no more.
    assert session.evaluations - start == 4
    assert session.answer("b") == 12
    assert changes.relevance == {FieldKey("later"), FieldKey("c"), FieldKey("d")}
    assert changes.required == {FieldKey("d")}
    assert changes.values == {FieldKey("a"), FieldKey("b")}
    assert form.graph.dependents("a") == {
        Slot("b", SlotKind.CALCULATION),
        Slot("later", SlotKind.RELEVANT),
        Slot("c", SlotKind.RELEVANT),
        Slot("c", SlotKind.REQUIRED),
        Slot("d", SlotKind.RELEVANT),
        Slot("d", SlotKind.REQUIRED),
    }
    state = session.state()
    assert not session.reevaluate_all()
    assert session.state() == state


def test_editing_one_repeat_row_re_evaluates_that_row_only(make_definition: Build) -> None:
    definition = make_definition(
        [
            {"id": "oldest", "type": "integer", "label": "Oldest allowed"},
            {"id": "people", "type": "repeat", "label": "People", "questions": [
                {"id": "worry", "type": "yes_no", "label": "Worried?"},
                {"id": "why", "type": "text", "label": "Why?", "relevant": "${worry} = 'yes'"},
                {"id": "age", "type": "integer", "label": "Age", "constraint": ". <= ${oldest}"},
            ]},
            {"id": "how_many", "type": "integer", "label": "Count",
             "calculation": "count(${people})"},
        ]
    )  # fmt: skip
    session = FormSession(load_form(definition))
    for _ in range(5):
        session.add_row("people")
    for row in (0, 2, 4):
        session.set_answer("age", 30 + row, row=row)

    assert evaluations_for(session, lambda: session.set_answer("worry", "yes", row=2)) == 1
    assert session.is_relevant("why", row=2) and not session.is_relevant("why", row=1)
    # A top-level answer read in every row: only rows with an age run their constraint.
    assert evaluations_for(session, lambda: session.set_answer("oldest", 31)) == 3
    assert [bool(session.issues("age", row=r)) for r in range(5)] == [
        False,
        False,
        True,
        False,
        True,
    ]
    # Adding a row runs the new row's expressions and the count, nothing in other rows.
    assert evaluations_for(session, lambda: session.add_row("people")) == 2
    assert session.answer("how_many") == 6
    state = session.state()
    assert not session.reevaluate_all()
    assert session.state() == state


# --- random editing sessions, checked against full re-evaluation after every step -----------

DENSE: dict[str, Any] = {
    "form_id": "dense",
    "version": 1,
    "title": "Densely linked",
    "sections": [
        {"id": "first", "title": "First", "questions": [
            {"id": "a", "type": "integer", "label": "A"},
            {"id": "b", "type": "yes_no", "label": "B", "relevant": "${a} > 2"},
            {"id": "c", "type": "integer", "label": "C",
             "calculation": "if(${b} = 'yes', ${a} * 2, 0)"},
            {"id": "d", "type": "text", "label": "D", "relevant": "${c} > 4 or ${e} = 'yes'",
             "required": "${b} = 'yes'", "constraint": "string-length(.) < ${a} + 3"},
            {"id": "e", "type": "yes_no", "label": "E", "relevant": "${a} != 3"},
            {"id": "rows", "type": "repeat", "label": "Rows", "max_rows": 3,
             "relevant": "${b} = 'yes' or ${e} = 'no'", "questions": [
                {"id": "r1", "type": "integer", "label": "R1", "constraint": ". < ${a}"},
                {"id": "r2", "type": "yes_no", "label": "R2",
                 "relevant": "${r1} > 1 and ${e} = 'yes'"},
                {"id": "r3", "type": "text", "label": "R3", "relevant": "${r2} = 'yes'",
                 "required": "${c} > 2"},
                {"id": "r4", "type": "integer", "label": "R4",
                 "calculation": "${r1} + count(${rows})"},
                {"id": "r5", "type": "integer", "label": "R5", "relevant": "${r4} > 3",
                 "required": True},
            ]},
            {"id": "f", "type": "integer", "label": "F", "calculation": "count(${rows})"},
        ]},
        {"id": "second", "title": "Second", "relevant": "${f} > 1 or ${d} = 'x'", "questions": [
            {"id": "g", "type": "text", "label": "G", "relevant": "${e} = 'yes'", "required": True},
            {"id": "h", "type": "integer", "label": "H", "calculation": "coalesce(${a}, 0) + ${f}"},
        ]},
    ],
}  # fmt: skip


def candidate_values(form: Form, question_id: str) -> list[object]:
    info = form.field(question_id)
    kind = info.question.type
    choices = list(info.choices or ())
    by_type: dict[QuestionType, list[object]] = {
        QuestionType.TEXT: ["", "x", "Sam", "the flat above the shop"],
        QuestionType.LONG_TEXT: ["", "They said they felt safe there"],
        QuestionType.INTEGER: [0, 1, 2, 3, 4, 5, 150, "abc"],
        QuestionType.DECIMAL: [2.5, "x"],
        QuestionType.DATE: ["2024-03-01", "2024-03-10", "2024-03-20", "2024-02-30"],
        QuestionType.DATETIME: ["2024-03-13T10:00", "2024-03-15T10:00", "soon"],
        QuestionType.TIME: ["09:00", "10:30", "25:00"],
        QuestionType.YES_NO: ["yes", "no", "yes", "no", "maybe"],
        QuestionType.SINGLE_CHOICE: [*choices, "bogus"],
        QuestionType.MULTIPLE_CHOICE: [
            *([c] for c in choices),
            choices[:2],
            ["none", *choices[:1]],
        ],
        QuestionType.SCALE: [1, 3, 5, 9],
        QuestionType.LOCATION: [{"description": "Park", "postcode": "M1 1AE"}, {"postcode": "bad"}],
    }
    return [None, *by_type[kind]]


def differ(before: Mapping[FieldKey, object], after: Mapping[FieldKey, object]) -> set[FieldKey]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def edit_randomly_and_compare(session: FormSession, data: st.DataObject, steps: int) -> None:
    """Each step edits the form, then checks Changes and state against reevaluate_all."""
    form = session.form
    answerable = [info.id for info in form.fields.values() if info.answerable]
    # Lean towards answers that other expressions read: that is where propagation happens.
    read = [question_id for question_id in form.graph.readers if question_id in answerable]
    repeats = [i.id for i in form.fields.values() if i.question.type is QuestionType.REPEAT]
    incremental = full = 0
    for _ in range(steps):
        action = data.draw(st.sampled_from(["read", "read", "read", "any", "add", "remove"]))
        before = session.state()
        start = session.evaluations
        changes = None
        if action in ("read", "any"):
            question_id = data.draw(st.sampled_from(read if action == "read" else answerable))
            info = form.field(question_id)
            row = None
            if info.repeat_id is not None:
                if session.row_count(info.repeat_id) == 0:
                    continue
                row = data.draw(st.integers(0, session.row_count(info.repeat_id) - 1))
            value = data.draw(st.sampled_from(candidate_values(form, question_id)))
            changes = session.set_answer(question_id, value, row)
        elif action == "add":
            changes = session.add_row(data.draw(st.sampled_from(repeats)))
        else:
            repeat = data.draw(st.sampled_from(repeats))
            if session.row_count(repeat) == 0:
                continue
            session.remove_row(repeat, data.draw(st.integers(0, session.row_count(repeat) - 1)))
        incremental += session.evaluations - start
        after = session.state()
        if changes is not None:  # after a removal, rows renumber: the renderer redraws them
            assert changes.relevance == differ(before.relevant, after.relevant)
            assert changes.required == differ(before.required, after.required)
            assert changes.validity == differ(before.issues, after.issues)
            assert differ(before.calculated, after.calculated) <= changes.values

        start = session.evaluations
        assert not session.reevaluate_all(), "incremental state differs from full evaluation"
        full += session.evaluations - start
        assert session.state() == after
    assert incremental <= full


RANDOM_EDITS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@settings(RANDOM_EDITS, max_examples=150)
@given(data=st.data())
def test_random_edits_of_a_densely_linked_form_match_full_re_evaluation(
    clock: Clock, data: st.DataObject
) -> None:
    session = FormSession(load_form(DENSE), {"rows": [{}, {}]}, clock=clock)
    edit_randomly_and_compare(session, data, data.draw(st.integers(5, 40), label="steps"))


@RANDOM_EDITS
@given(data=st.data())
def test_random_edits_of_the_rhi_form_match_full_re_evaluation(
    rhi_form: Form, clock: Clock, data: st.DataObject
) -> None:
    session = FormSession(rhi_form, clock=clock)
    edit_randomly_and_compare(session, data, data.draw(st.integers(5, 40), label="steps"))


def test_a_full_interview_needs_far_fewer_evaluations_keystroke_by_keystroke(
    rhi_form: Form, clock: Clock
) -> None:
    session = FormSession(rhi_form, clock=clock)
    typed = "They stayed with a friend"
    start = session.evaluations
    for end in range(1, len(typed) + 1):
        session.set_answer("before_story", typed[:end])
    assert session.evaluations - start == 0  # nothing in the form reads the story
    start = session.evaluations
    session.set_answer("offer_outcome", "accepted")
    opening = session.evaluations - start
    full_pass = evaluations_for(session, session.reevaluate_all)
    assert 0 < opening < full_pass


@pytest.mark.parametrize("question_id", ["offer_outcome", "immediate_concern", "interview_date"])
def test_static_dependents_cover_what_a_change_can_reach(rhi_form: Form, question_id: str) -> None:
    dependents = rhi_form.graph.dependents(question_id)
    readers = set(rhi_form.graph.readers[question_id])
    assert readers <= dependents
    assert len(dependents) < len(rhi_form.graph.order)
