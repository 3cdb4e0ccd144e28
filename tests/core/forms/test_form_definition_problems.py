"""A form author gets every mistake in a definition at once, each located by its path."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rhi_desktop.forms import FormDefinitionError, FormSession, load_form, load_form_file
from rhi_desktop.forms.loader import BOM, LATER_RULES, SUGGESTED_NAMES
from rhi_desktop.forms.versions import FormRegistry

Build = Callable[..., dict[str, Any]]

# Each mistake is commented with the problem the loader must report for it.
DEFINITION_WITH_MANY_MISTAKES: dict[str, Any] = {
    "form_id": "Return Home",  # not a valid form id
    "version": 0,  # versions start at 1
    "title": "Return home interview",
    "choice_lists": {
        "risks": [
            {"value": "cse", "label": "Sexual exploitation"},
            {"value": "cse", "label": "Sexual exploitation again"},  # duplicate value
            {"value": "county lines", "label": "County lines"},  # space in a value
        ],
        "places": [{"value": "park", "label": "Park", "report_key": "place.park"}],
        "nothing_yet": [],  # a list with no choices: its question could not be answered
    },
    "sections": [
        {
            "id": "before",
            "title": "Before",
            "questions": [
                {"id": "went_missing", "type": "yes_no", "label": "Missing?", "relevnt": "x"},
                {
                    "id": "where",
                    "type": "text",
                    "label": "Where?",
                    "relevant": "${where_slept} = 'yes'",  # unknown field
                },
                {"id": "dob", "type": "date", "label": "Date of birth", "constraint": ". > 3"},
                {
                    "id": "checks",
                    "type": "text",
                    "label": "Checks",
                    "relevant": "selected(${where}, 'x') and string-length(${age}) > 1",
                    "required": "frobnicate(1) or not(${went_missing} = 'yes', 2)",
                },
                {"id": "age", "type": "integer", "label": "Age", "relevant": "${age} > 1"},
                {"id": "a", "type": "text", "label": "A", "relevant": "${b} != ''"},
                {"id": "b", "type": "integer", "label": "B", "calculation": "string-length(${a})"},
                {
                    "id": "risk_list",
                    "type": "multiple_choice",
                    "label": "Risks",
                    "choices": "riskz",
                },
                {"id": "where", "type": "text", "label": "Duplicate of an earlier id"},
                {"id": "7up", "type": "text", "label": "Bad id"},
                {"id": "later", "type": "text", "label": "", "required": 3},
                {
                    "id": "people",
                    "type": "repeat",
                    "label": "People",
                    "questions": [
                        {"id": "person_name", "type": "text", "label": "Name"},
                        {"id": "before", "type": "text", "label": "Clashes with a section id"},
                    ],
                },
                {
                    "id": "named_anyone",
                    "type": "yes_no",
                    "label": "Named anyone?",
                    "relevant": "${person_name} != '' and ${went_missing} = 'maybe'",
                },
                {"id": "mystery", "type": "colour", "label": "Unknown type"},
                {"id": "uses_mystery", "type": "text", "label": "x", "relevant": "${mystery} = ''"},
                {"id": "dotty", "type": "text", "label": "x", "relevant": ". = ''"},
                {"id": "broken", "type": "text", "label": "x", "relevant": "${a} = 'x' and ("},
            ],
        },
        {
            "id": "during",
            "title": "During",
            "relevant": "${inside} = 'yes'",  # a section that hides its own question
            "questions": [{"id": "inside", "type": "yes_no", "label": "Inside"}],
        },
    ],
}

EXPECTED_PROBLEMS = [
    ("form_id", "must be lower-case letters"),
    ("version", "greater than or equal to 1"),
    ("choice_lists.risks[1].value", "duplicate choice value 'cse'"),
    ("choice_lists.risks[2].value", "no spaces"),
    ("choice_lists.nothing_yet", "a choice list needs at least one choice"),
    ("sections[0].questions[0].relevnt", "unknown key"),
    ("sections[0].questions[1].relevant", "unknown field ${where_slept}"),
    ("sections[0].questions[2].constraint", "cannot compare a date with a number"),
    ("sections[0].questions[3].relevant", "selected() needs a multiple-choice answer, not text"),
    ("sections[0].questions[3].relevant", "string-length() needs text, not a number"),
    ("sections[0].questions[3].required", "unknown function frobnicate()"),
    ("sections[0].questions[3].required", "not() takes 1 argument, not 2"),
    ("sections[0].questions[4].relevant", "reference cycle: age.relevant depends on itself"),
    (
        "sections[0].questions[5].relevant",
        "reference cycle: a.relevant -> b.calculation -> a.relevant",
    ),
    ("sections[0].questions[7].choices", "unknown choice list 'riskz'"),
    (
        "sections[0].questions[8].id",
        "duplicate id 'where' (first used at sections[0].questions[1])",
    ),
    ("sections[0].questions[9].id", "must be letters, digits and '_'"),
    ("sections[0].questions[10].label", "must not be blank"),
    ("sections[0].questions[10].required", "must be true, false or a condition expression"),
    (
        "sections[0].questions[11].questions[1].id",
        "duplicate id 'before' (first used at sections[0])",
    ),
    ("sections[0].questions[12].relevant", "${person_name} is inside repeat group ${people}"),
    ("sections[0].questions[12].relevant", "'maybe' is not a choice of ${went_missing}"),
    ("sections[0].questions[13].type", "input should be 'text'"),
    ("sections[0].questions[15].relevant", "'.' (the answer being checked) is only allowed"),
    ("sections[0].questions[16].relevant", "the expression ends where a value was expected"),
    ("sections[1].relevant", "reference cycle: during.relevant -> inside.relevant"),
]


def test_a_definition_with_many_mistakes_reports_every_one_by_path() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form(DEFINITION_WITH_MANY_MISTAKES)
    problems = caught.value.problems
    for path, message in EXPECTED_PROBLEMS:
        assert any(p.startswith(f"{path}: ") and message in p for p in problems), (path, message)
    # Nothing else: the question with an unknown type is not blamed again where it is used.
    assert len(problems) == len(EXPECTED_PROBLEMS), "\n".join(problems)
    assert str(caught.value).startswith(f"{len(EXPECTED_PROBLEMS)} problems in form definition")


def test_unknown_field_message_has_the_exact_path_and_suggests_a_near_name(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [
            {"id": "where_slept", "type": "text", "label": "Where slept"},
            {"id": "night", "type": "text", "label": "x", "relevant": "${where_slep} != ''"},
        ]
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[1].relevant: unknown field ${where_slep} "
        "(did you mean ${where_slept}?)"
    ]


def test_only_the_first_unknown_names_get_a_suggestion(make_definition: Build) -> None:
    # Each suggestion compares the name with every question: with all 1,000 names in a
    # form misspelt, working them all out took over ten seconds.
    questions = [
        {"id": f"answer_{n}", "type": "text", "label": "x", "relevant": f"${{answr_{n}}} = ''"}
        for n in range(1000)
    ]
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition(questions))
    problems = caught.value.problems
    assert len(problems) == 1000
    assert all("unknown field ${answr_" in problem for problem in problems)
    assert sum("did you mean" in problem for problem in problems) == SUGGESTED_NAMES


def test_either_of_two_contacts_required_and_start_before_end_are_not_cycles(
    make_definition: Build,
) -> None:
    form = load_form(
        make_definition(
            [
                {"id": "phone", "type": "text", "label": "Phone", "required": "${email} = ''"},
                {"id": "email", "type": "text", "label": "Email", "required": "${phone} = ''"},
                {"id": "start", "type": "date", "label": "Start", "constraint": ". <= ${end}"},
                {"id": "end", "type": "date", "label": "End", "constraint": ". >= ${start}"},
            ]
        )
    )
    session = FormSession(form)
    assert session.is_required("phone") and session.is_required("email")
    session.set_answer("email", "a@example.org")
    assert not session.is_required("phone")


def test_a_longer_cycle_through_a_section_and_calculations_is_named_in_full(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [
            {"id": "total", "type": "integer", "label": "Total", "calculation": "${extra} + 1"},
        ]
    )
    definition["sections"].append(
        {
            "id": "more",
            "title": "More",
            "relevant": "${total} > 1",
            "questions": [{"id": "extra", "type": "integer", "label": "Extra"}],
        }
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[0].calculation: reference cycle: "
        "total.calculation -> more.relevant -> extra.relevant -> total.calculation"
    ]


@pytest.mark.parametrize(
    ("question", "path", "message"),
    [
        ({"type": "single_choice"}, "choices", "a single_choice question needs a choice list"),
        ({"type": "text", "choices": "yn"}, "choices", "only choice questions take a choice list"),
        (
            {"type": "yes_no", "choices": "yn"},
            "choices",
            "only choice questions take a choice list",
        ),
        ({"type": "text", "min_rows": 1}, "min_rows", "only repeat groups take this"),
        ({"type": "repeat"}, "questions", "a repeat group needs at least one question"),
        ({"type": "scale"}, "scale", "a scale question needs its min and max"),
        ({"type": "scale", "scale": {"min": 5, "max": 1}}, "scale", "min must be below its max"),
        (
            {"type": "scale", "scale": {"min": 1, "max": 5, "labels": {"9": "x"}}},
            "scale.labels",
            "labels must be for points on the scale",
        ),
        (  # "01" and "1" would both name point 1, and one label would be lost unseen
            {"type": "scale", "scale": {"min": 1, "max": 5, "labels": {"1": "x", "01": "y"}}},
            "scale.labels",
            "write each point as a whole number like 1, not '01'",
        ),
        ({"type": "text", "scale": {"min": 1, "max": 5}}, "scale", "only scale questions"),
        ({"type": "note", "required": True}, "required", "a note takes no required"),
        ({"type": "note", "required": "1 > 0"}, "required", "a note takes no required"),
        ({"type": "note", "sensitive": True}, "sensitive", "a note takes no sensitive"),
        (
            {"type": "integer", "calculation": "1", "required": "1 > 0"},
            "required",
            "a calculated question takes no required",
        ),
        (
            {
                "type": "repeat",
                "required": "1 > 0",
                "questions": [{"id": "x", "type": "text", "label": "X"}],
            },
            "required",
            "use min_rows to require rows",
        ),
        (
            {"type": "integer", "calculation": "1", "constraint": ". > 0"},
            "constraint",
            "a calculated question takes no constraint",
        ),
        ({"type": "location", "calculation": "''"}, "calculation", "cannot be calculated"),
        ({"type": "integer", "calculation": "'x'"}, "calculation", "must give a number"),
        ({"type": "text", "relevant": "1 + 1"}, "relevant", "must give a true/false condition"),
        ({"type": "text", "constraint_message": "Too long"}, "constraint_message", "no constraint"),
        ({"type": "integer", "default": "twelve"}, "default", "enter a whole number"),
        ({"type": "decimal", "default": float("nan")}, "default", "enter a number"),
        ({"type": "decimal", "default": float("inf")}, "default", "the number is too large"),
        ({"type": "date", "default": "2024-02-30"}, "default", "enter a real date"),
        ({"type": "yes_no", "default": "maybe"}, "default", "not one of the choices"),
        ({"type": "text", "report_key": "Risk CSE"}, "report_key", "lower-case words joined"),
        (
            {"type": "date", "relevant": "today() > '2024-13-01'"},
            "relevant",
            "'2024-13-01' is not a valid date",
        ),
        ({"type": "text", "relevant": "now() > 5"}, "relevant", "cannot compare a date-time"),
    ],
)
def test_fields_a_question_type_cannot_use_are_reported(
    make_definition: Build, question: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([{"id": "q", "label": "Q", **question}]))
    assert any(
        p.startswith(f"sections[0].questions[0].{path}: ") and message in p
        for p in caught.value.problems
    ), caught.value.problems


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ({"type": "note"}, "a note"),
        (
            {"type": "repeat", "questions": [{"id": "x", "type": "text", "label": "X"}]},
            "a repeat group",
        ),
    ],
)
def test_a_constraint_on_what_takes_no_answer_is_named_once(
    make_definition: Build, question: dict[str, Any], what: str
) -> None:
    """Not also told that its '.' is only allowed in a constraint, which it is in."""
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([{"id": "q", "label": "Q", "constraint": ". > 1", **question}]))
    assert caught.value.problems == [
        f"sections[0].questions[0].constraint: {what} takes no constraint"
    ]


def test_repeat_group_mistakes_are_named_once_as_what_they_are(make_definition: Build) -> None:
    # A calculation was reported as giving a number where a repeat group was wanted, and
    # as a cycle; questions not in a list also drew 'needs at least one question'.
    definition = make_definition(
        [
            {"id": "people", "type": "repeat", "label": "People", "calculation": "count(${people})",
             "questions": [{"id": "name", "type": "text", "label": "Name"}]},
            {"id": "places", "type": "repeat", "label": "Places",
             "questions": {"id": "place", "type": "text", "label": "Place"}},
        ]
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[0].calculation: a repeat group takes no calculation",
        "sections[0].questions[1].questions: input should be a valid list",
    ]


def test_a_section_that_cannot_be_read_still_counts_among_the_ids(
    make_definition: Build,
) -> None:
    # Its stand-in had no id, so a second section 'main' with no questions was told only
    # that it needs questions: fixing that left a duplicate id to be found next time.
    definition = make_definition([{"id": "a", "type": "text", "label": "A"}])
    definition["sections"].append({"id": "main", "title": "Again", "questions": []})
    definition["sections"].append({"id": "later", "title": "Later"})
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[1].id: duplicate id 'main' (first used at sections[0])",
        "sections[1].questions: list should have at least 1 item after validation, not 0",
        "sections[2].questions: is required",
    ]


def test_one_bad_name_or_code_neither_hides_nor_invents_other_problems(
    make_definition: Build,
) -> None:
    # A bad list name dropped every choice list: each question using one was then blamed
    # for an unknown list, and the lists' own problems went unseen. A bad language code
    # dropped them all, and every translated text was blamed.
    with pytest.raises(FormDefinitionError) as lists:
        load_form(
            make_definition(
                [
                    {"id": "colour", "type": "single_choice", "label": "C", "choices": "colours"},
                    {"id": "why", "type": "text", "label": "W", "relevant": "${colour} = 'gren'"},
                ],
                {
                    "colours": [{"value": "red", "label": "Red"}, {"value": "red", "label": "R"}],
                    "2nd": [{"value": "a", "label": "A"}],
                },
            )
        )
    assert lists.value.problems == [
        "choice_lists.colours[1].value: duplicate choice value 'red'",
        "choice_lists[\"2nd\"]: the name must be letters, digits and '_', "
        "not starting with a digit",
        "sections[0].questions[1].relevant: 'gren' is not a choice of ${colour}",
    ]
    too_long = make_definition(
        [{"id": "colour", "type": "single_choice", "label": "C", "choices": "colours"}],
        {"colours": [{"value": "red", "label": "Red"}], "x" * 65: [{"value": "a", "label": "A"}]},
    )
    with pytest.raises(FormDefinitionError) as long_name:
        load_form(too_long)
    assert [p.split(": ")[0] for p in long_name.value.problems] == [f"choice_lists.{'x' * 65}"]
    translated = {"en": "Colour", "cy": "Lliw"}
    with pytest.raises(FormDefinitionError) as languages:
        load_form(
            make_definition(
                [{"id": "colour", "type": "text", "label": translated}],
                languages=["en", "CY"],
                title={"en": "T", "cy": "T"},
            )
        )
    assert languages.value.problems == ["languages[1]: must be a language code like 'en' or 'cy'"]


def test_a_section_with_a_bad_id_still_has_its_questions_checked(
    make_definition: Build,
) -> None:
    definition = make_definition([{"id": "missing_before", "type": "yes_no", "label": "M"}])
    definition["sections"].append(
        {"id": "during-episode", "title": "During", "questions": [
            {"id": "slept", "type": "text", "label": "S", "relevant": "${missing_befor} = 'yes'"},
            {"id": "nights", "type": "integer", "label": "N", "default": "two"},
            {"id": "missing_before", "type": "text", "label": "Again"},
        ]}
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert [problem.split(": ")[0] for problem in caught.value.problems] == [
        "sections[1].id",
        "sections[1].questions[0].relevant",
        "sections[1].questions[1].default",
        "sections[1].questions[2].id",
    ]
    # With no id at all, a question called None is not taken for the section.
    del definition["sections"][1]["id"]
    definition["sections"][0]["questions"].extend(
        [
            {"id": "None", "type": "integer", "label": "Nights"},
            {"id": "y", "type": "text", "label": "Y", "constraint": "${None} = 'a'"},
        ]
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert "sections[0].questions[2].constraint" in [
        problem.split(": ")[0] for problem in caught.value.problems
    ]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"version": True}, "version"),
        ({"version": "2"}, "version"),
        ({"question": {"sensitive": "yes"}}, "sections[0].questions[0].sensitive"),
        ({"question": {"type": "scale", "scale": {"min": "1", "max": 5}}}, "scale.min"),
    ],
)
def test_numbers_and_true_or_false_are_not_read_from_other_types(
    make_definition: Build, change: dict[str, Any], path: str
) -> None:
    # As schema.json says: a schema checker and the app must not disagree on a definition.
    question = {"id": "q", "type": "text", "label": "Q", **change.pop("question", {})}
    with pytest.raises(FormDefinitionError) as caught:
        load_form({**make_definition([question]), **change})
    assert [p.split(": ")[0].endswith(path) for p in caught.value.problems] == [True]


def test_a_repeat_groups_rows_given_as_text_are_refused(make_definition: Build) -> None:
    repeat = {"id": "r", "type": "repeat", "label": "R", "max_rows": "30",
              "questions": [{"id": "x", "type": "text", "label": "X"}]}  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([repeat]))
    assert caught.value.problems == [
        "sections[0].questions[0].max_rows: input should be a valid integer"
    ]


def test_a_required_condition_on_what_takes_no_answer_is_listed_not_a_crash(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [
            {"id": "age", "type": "integer", "label": "Age"},
            {"id": "note", "type": "note", "label": "Note", "required": "${age} > 1"},
            {"id": "next", "type": "integer", "label": "Next", "calculation": "${age} + 1",
             "required": "${age} > 1"},
        ]
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[1].required: a note takes no required",
        "sections[0].questions[2].required: a calculated question takes no required",
    ]


def test_a_field_dropped_as_invalid_is_not_blamed_a_second_time_as_missing(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [
            {"id": "mood", "type": "scale", "label": "Mood",
             "scale": {"min": 1, "max": 5, "labels": {"one": "Low"}}},
            {"id": "venue", "type": "single_choice", "label": "Venue", "choices": "9 lives"},
        ],
        choice_lists={"bad key": [{"value": "a", "label": "A"}]},
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "choice_lists[\"bad key\"]: the name must be letters, digits and '_', "
        "not starting with a digit",
        "sections[0].questions[0].scale.labels.one: bad name: input should be a valid integer, "
        "unable to parse string as an integer",
        "sections[0].questions[1].choices: must be letters, digits and '_', "
        "not starting with a digit",
    ]


def test_a_bad_name_is_quoted_as_written_with_hidden_characters_as_codes(
    make_definition: Build,
) -> None:
    definition = make_definition(
        [{"id": "venue", "type": "text", "label": "Venue"}],
        choice_lists={"café": [{"value": "a", "label": "A"}], "ab\u202ecd": []},
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "choice_lists[\"ab\\u202ecd\"]: the name must be letters, digits and '_', "
        "not starting with a digit",
        "choice_lists[\"café\"]: the name must be letters, digits and '_', "
        "not starting with a digit",
    ]


def test_date_times_beyond_the_calendar_in_utc_are_listed_problems_not_crashes(
    make_definition: Build,
) -> None:
    # 9999-12-31T23:30-01:00 is in the year 10000 in UTC; 0001-01-01T00:00+01:00 in year 0.
    definition = make_definition(
        [
            {"id": "seen", "type": "datetime", "label": "Seen",
             "constraint": ". > '0001-01-01T00:00+01:00'", "default": "9999-12-31T23:30-01:00"},
            {"id": "other", "type": "integer", "label": "Other", "relevant": "${nope} = 1"},
        ]
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[0].constraint: '0001-01-01T00:00+01:00' is not a valid date-time",
        "sections[0].questions[0].default: "
        "enter a real date and time from 1900 to 2100 as YYYY-MM-DDTHH:MM",
        "sections[0].questions[1].relevant: unknown field ${nope}",
    ]
    form = load_form(make_definition([{"id": "seen", "type": "datetime", "label": "Seen"}]))
    session = FormSession(form, {"seen": "9999-12-31T23:30-01:00"})  # a stored draft opens
    assert [issue.kind.value for issue in session.issues("seen")] == ["type"]


@pytest.mark.parametrize(
    ("kind", "constraint", "answer"),
    [
        ("date", ". > '1899-12-31'", "2026-11-27"),
        ("date", ". <= '9999-12-31'", "2026-11-27"),
        ("datetime", ". > '0001-01-01T00:30Z'", "2026-11-27T10:00"),
        ("datetime", ". < '9999-12-31T23:59Z'", "2026-11-27T10:00"),
    ],
)
def test_a_forms_own_dates_are_not_held_to_the_years_of_answers(
    make_definition: Build, kind: str, constraint: str, answer: str
) -> None:
    # Held to them, a form installed with such a constraint stopped loading.
    question = {"id": "seen", "type": kind, "label": "Seen", "constraint": constraint}
    session = FormSession(load_form(make_definition([question])), {"seen": answer})
    assert session.validate().ok


@pytest.mark.parametrize(
    ("kind", "far_off"),
    [
        ("datetime", "0001-01-01T00:00Z"),  # London's date of it is before the year 1
        ("datetime", datetime(1, 1, 1, tzinfo=UTC)),
        ("date", "1899-12-31"),
        ("date", date(2101, 1, 1)),
    ],
)
def test_dates_outside_the_years_an_interview_can_be_about_are_not_answers(
    make_definition: Build, kind: str, far_off: object
) -> None:
    # Such a default loaded, then every new interview failed to open: the form compares
    # the date-time with today's date, and its London date is before the calendar starts.
    question = {"id": "seen", "type": kind, "label": "Seen", "constraint": ". <= today()"}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([{**question, "default": str(far_off)}]))
    assert [p.split(": ")[0] for p in caught.value.problems] == ["sections[0].questions[0].default"]
    assert "from 1900 to 2100" in caught.value.problems[0]
    session = FormSession(load_form(make_definition([question])), {"seen": far_off})
    assert [issue.kind.value for issue in session.issues("seen")] == ["type"]
    session.set_answer("seen", far_off)
    assert session.answer("seen") is None


def test_repeat_groups_inside_repeat_groups_are_rejected(make_definition: Build) -> None:
    inner = {"id": "inner", "type": "repeat", "label": "Inner", "questions": [
        {"id": "x", "type": "text", "label": "X"}
    ]}  # fmt: skip
    outer = {"id": "outer", "type": "repeat", "label": "Outer", "questions": [inner]}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([outer]))
    assert caught.value.problems == [
        "sections[0].questions[0].questions[0].type: repeat groups cannot be nested"
    ]


def test_report_keys_are_unique_across_questions_and_choices(make_definition: Build) -> None:
    definition = make_definition(
        [{"id": "q", "type": "yes_no", "label": "Q", "report_key": "risk.cse"}],
        choice_lists={"risks": [{"value": "cse", "label": "CSE", "report_key": "risk.cse"}]},
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[0].report_key: duplicate report key 'risk.cse' "
        "(first used at choice_lists.risks[0])"
    ]


def test_translated_labels_must_match_the_declared_languages(make_definition: Build) -> None:
    question = {"id": "q", "type": "text", "label": {"en": "Where?", "cy": "Ble?"}}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([question]))
    assert caught.value.problems == [
        "sections[0].questions[0].label: translated text needs the form's 'languages' list"
    ]
    with pytest.raises(FormDefinitionError) as caught:
        load_form(
            make_definition(
                [{**question, "label": {"cy": "Ble?", "fr": "Où?"}}], languages=["en", "cy"]
            )
        )
    assert caught.value.problems == [
        "sections[0].questions[0].label: missing text in the default language 'en'",
        "sections[0].questions[0].label: language 'fr' is not in the form's languages",
    ]
    form = load_form(make_definition([question], languages=["en", "cy"]))
    label = form.field("q").question.label
    assert form.text(label) == "Where?"
    assert form.text(label, "cy") == "Ble?"


def test_not_json_at_all_is_one_problem_with_line_and_column() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form('{"form_id": "rhi",\n "version": }')
    assert caught.value.problems == ["(file): not valid JSON: Expecting value at line 2 column 13"]


def test_a_key_given_twice_in_the_text_is_a_problem_not_silently_the_last(
    make_definition: Build,
) -> None:
    # JSON keeps the last: the question took the second list's choices, and its first
    # condition was dropped without a word.
    definition = make_definition(
        [{"id": "outcome", "type": "single_choice", "label": "Outcome", "choices": "outcomes",
          "relevant": "1 = 1", "hint": "Ask"}],
        {"outcomes": [{"value": "accepted", "label": "Accepted"}]},
    )  # fmt: skip
    text = json.dumps(definition)
    text = text.replace('"hint": "Ask"', '"hint": "Ask", "relevant": "2 = 2"')
    text = text.replace(
        '"choice_lists": {', '"choice_lists": {"outcomes": [{"value": "no", "label": "No"}], '
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(text)
    assert caught.value.problems == [
        "choice_lists.outcomes: given more than once; give it once",
        "sections[0].questions[0].relevant: given more than once; give it once",
    ]
    with pytest.raises(FormDefinitionError) as both:  # with the definition's own problems
        load_form(text.replace('"label": "Accepted"', '"label": ""'))
    assert len(both.value.problems) == 3


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (b'{"title": "R\xe9sum\xe9"}', "(file): not valid JSON: the text is not UTF-8"),
        ('{"version": ' + "9" * 5000 + "}", "(file): not valid JSON: "),
    ],
    ids=["latin-1 text", "a 5000-digit number"],
)
def test_text_that_cannot_be_read_is_one_problem(source: str | bytes, problem: str) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form(source)
    (found,) = caught.value.problems
    assert found.startswith(problem)


def test_a_key_of_thousands_of_digits_is_listed_not_a_crash(make_definition: Build) -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form({**make_definition([]), "x" + "9" * 5000: 1, "y1": 2})
    assert [p.rsplit(": ", 1)[1] for p in caught.value.problems][-2:] == ["unknown key"] * 2


def test_a_definition_nested_thousands_deep_is_one_problem_not_a_crash(
    make_definition: Build,
) -> None:
    """One such file among the installed forms must not stop new interviews."""
    with pytest.raises(FormDefinitionError) as caught:
        load_form("[" * 5000 + "]" * 5000)
    assert caught.value.problems == ["(file): nested too deeply to be a form definition"]
    question: dict[str, Any] = {"id": "q", "type": "text", "label": "Q"}
    for depth in range(3000):
        question = {"id": f"g{depth}", "type": "repeat", "label": "G", "questions": [question]}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([question]))
    assert caught.value.problems == ["(file): nested too deeply to be a form definition"]


def test_a_definition_that_is_not_an_object_is_reported_at_the_root() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form("[1, 2]")
    assert caught.value.problems == ["(form): must be an object: { ... }"]


def test_loading_from_a_file_reads_utf8_json(tmp_path: Path, make_definition: Build) -> None:
    path = tmp_path / "form.json"
    path.write_text(json.dumps(make_definition([{"id": "q", "type": "text", "label": "Ble?"}])))
    assert load_form_file(path).field("q").path == "sections[0].questions[0]"
    with pytest.raises(FormDefinitionError) as caught:
        load_form_file(tmp_path / "missing.json")
    assert caught.value.problems[0].startswith("(file): cannot read missing.json")
    # as some editors (older Notepad) save it: with a byte-order mark
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_form_file(path).field("q").path == "sections[0].questions[0]"


def test_a_version_too_large_to_store_is_reported(make_definition: Build) -> None:
    # It loaded, was published, and starting an interview on it raised OverflowError
    definition = make_definition([{"id": "q", "type": "text", "label": "Q"}])
    with pytest.raises(FormDefinitionError) as caught:
        load_form({**definition, "version": 2**63})
    assert [p.split(": ")[0] for p in caught.value.problems] == ["version"]
    assert load_form({**definition, "version": 2**31 - 1}).version == 2**31 - 1


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, (*prefix, index))
    return found


BUNDLED = json.loads(
    (Path(__file__).parents[3] / "resources" / "forms" / "rhi-v1.json").read_text(encoding="utf-8")
)
BUNDLED_PATHS = [path for path in _paths(BUNDLED) if path]
ODD_VALUES = [
    None,
    0,
    -1,
    1.5,
    True,
    "",
    "x",
    "${",
    "1 +",
    [],
    {},
    [1],
    {"a": 1},
    "count(${people})",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(BUNDLED_PATHS), st.sampled_from([*ODD_VALUES, "<delete>"])),
        min_size=1,
        max_size=4,
    )
)
def test_mangled_definitions_only_ever_raise_form_definition_error(
    edits: list[tuple[tuple[Any, ...], object]],
) -> None:
    definition = copy.deepcopy(BUNDLED)
    for path, value in edits:
        parent: Any = definition
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == "<delete>" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced this part already
    try:
        load_form(definition)
    except FormDefinitionError as error:
        assert error.problems
        assert all(": " in problem for problem in error.problems)


def test_selected_works_on_a_single_choice_as_xlsform_allows(make_definition: Build) -> None:
    form = load_form(
        make_definition(
            [
                {"id": "venue", "type": "single_choice", "label": "Venue", "choices": "venues"},
                {"id": "which_school", "type": "text", "label": "Which school",
                 "relevant": "selected(${venue}, 'school')"},
            ],
            choice_lists={"venues": [{"value": "school", "label": "School"},
                                     {"value": "home", "label": "Home"}]},
        )
    )  # fmt: skip
    session = FormSession(form)
    assert not session.is_relevant("which_school")
    session.set_answer("venue", "school")
    assert session.is_relevant("which_school")
    session.set_answer("venue", "home")
    assert not session.is_relevant("which_school")
    with pytest.raises(FormDefinitionError, match="'cafe' is not a choice of"):
        load_form(
            make_definition(
                [
                    {"id": "venue", "type": "single_choice", "label": "V", "choices": "venues"},
                    {"id": "q", "type": "text", "label": "Q",
                     "relevant": "selected(${venue}, 'cafe')"},
                ],
                choice_lists={"venues": [{"value": "school", "label": "School"}]},
            )
        )  # fmt: skip


def test_a_date_time_in_the_hour_that_happens_twice_needs_its_offset(
    make_definition: Build,
) -> None:
    """A default is an answer a new interview starts with, so it is held to the answers'
    rule, in words saying what to add; so is a date-time in an expression, which read as
    the first (BST) time without a word, where an interviewer typing it was asked which.
    A form published before that rule keeps the first reading: it must go on loading."""
    question = {"id": "found_at", "type": "datetime", "label": "Found at"}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(make_definition([{**question, "default": "2025-10-26T01:30"}]))
    twice = (
        "that time happened twice in London, as the clocks went back: add +01:00 for the "
        "first (BST) or +00:00 for the second (GMT)"
    )
    assert caught.value.problems == [f"sections[0].questions[0].default: {twice}"]
    literal = make_definition([{**question, "constraint": ". > '2025-10-26T01:15'"}])
    with pytest.raises(FormDefinitionError) as caught:
        load_form(literal)
    assert caught.value.problems == [
        f"sections[0].questions[0].constraint: '2025-10-26T01:15': {twice}"
    ]
    load_form(literal, published=True)
    load_form(make_definition([{**question, "constraint": ". > '2025-10-26T01:15+00:00'"}]))
    load_form(make_definition([{**question, "default": "2025-10-26T01:30+00:00"}]))


def test_a_date_can_be_held_to_the_day_of_an_earlier_date_time(make_definition: Build) -> None:
    form = load_form(
        make_definition(
            [
                {"id": "offered_at", "type": "datetime", "label": "Offered at"},
                {
                    "id": "met_on",
                    "type": "date",
                    "label": "Met on",
                    "constraint": ". >= ${offered_at}",
                    "constraint_message": "The interview cannot be before the offer.",
                },
            ]
        )
    )
    session = FormSession(form)
    session.set_answer("offered_at", "2024-03-13T09:00")
    session.set_answer("met_on", "2024-03-13")  # the same day, whatever the hour
    assert session.issues("met_on") == ()
    session.set_answer("met_on", "2024-03-12")
    assert [issue.message for issue in session.issues("met_on")] == [
        "The interview cannot be before the offer."
    ]


def test_a_number_written_for_a_choice_name_is_told_to_be_quoted() -> None:
    # XLSForms give choices numeric names and compare them as '${q} = 1': the problem
    # said only 'cannot compare text with a number'.
    definition = {
        "form_id": "codes", "version": 1, "title": "Codes",
        "choice_lists": {"often": [{"value": "1", "label": "Once"},
                                   {"value": "2", "label": "More"}]},
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "times", "type": "single_choice", "label": "How often?", "choices": "often"},
            {"id": "why", "type": "text", "label": "Why?", "relevant": "${times} = 2"},
            {"id": "how", "type": "text", "label": "How?", "relevant": "3 = ${times}"},
        ]}],
    }  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[1].relevant: a choice is compared by its name, which is "
        "text: write '2' in quotes",
        "sections[0].questions[2].relevant: cannot compare a number with text",
    ]


def test_ordering_choices_is_told_how_to_name_the_ones_meant() -> None:
    """'${q} >= 3' was told to quote the 3, and '${q} >= '3'' then that text cannot be
    ordered: no way through."""
    definition = {
        "form_id": "codes", "version": 1, "title": "Codes",
        "choice_lists": {"often": [{"value": str(n), "label": f"Level {n}"} for n in range(1, 6)]},
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "times", "type": "single_choice", "label": "How often?", "choices": "often"},
            {"id": "why", "type": "text", "label": "Why?", "relevant": "${times} >= 3"},
            {"id": "how", "type": "text", "label": "How?", "relevant": "'3' < ${times}"},
            {"id": "ok", "type": "yes_no", "label": "OK?"},
            {"id": "when", "type": "text", "label": "When?", "relevant": "${ok} > 0"},
            {"id": "levels", "type": "multiple_choice", "label": "Levels", "choices": "often"},
            {"id": "which", "type": "text", "label": "Which?", "relevant": "${levels} > '1'"},
        ]}],
    }  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    told = (
        "choices have no order for '{0}': name the ones meant, like ${{times}} = '1' or "
        "${{times}} = '2', or ask with a scale question"
    )
    assert caught.value.problems == [
        f"sections[0].questions[1].relevant: {told.format('>=')}",
        f"sections[0].questions[2].relevant: {told.format('<')}",
        "sections[0].questions[4].relevant: choices have no order for '>': name the ones "
        "meant, like ${ok} = 'yes' or ${ok} = 'no', or ask with a scale question",
        "sections[0].questions[6].relevant: choices have no order for '>': name the ones "
        "meant, like selected(${levels}, '1') or selected(${levels}, '2'), or ask with a "
        "scale question",
    ]


def test_what_refers_to_a_choice_question_of_an_unknown_list_is_not_blamed(
    make_definition: Build,
) -> None:
    """What its answer can be is not known until the list is named right: 'cannot compare
    text with a number' blamed the reference for the list's mistake."""
    definition = make_definition(
        [
            {"id": "how", "type": "single_choice", "label": "How?", "choices": "howz",
             "default": "a"},
            {"id": "why", "type": "text", "label": "Why?", "relevant": "${how} > 1"},
            {"id": "grp", "type": "repeat", "label": "G", "questions": [
                {"id": "what", "type": "single_choice", "label": "What?", "choices": "whatz"},
            ]},
            {"id": "when", "type": "text", "label": "When?", "relevant": "${what} = 'a'"},
        ]
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [  # the rest of what is wrong with it is still said
        "sections[0].questions[0].choices: unknown choice list 'howz'",
        "sections[0].questions[2].questions[0].choices: unknown choice list 'whatz'",
        "sections[0].questions[3].relevant: ${what} is inside repeat group ${grp}: from "
        "outside its rows, count them with count(${grp})",
    ]


def test_a_question_with_an_invalid_id_has_its_other_problems_listed_too(
    make_definition: Build,
) -> None:
    """Every problem at once: an author fixing the id should not find more on reloading.
    What refers to the invalid id is not blamed a second time."""
    definition = make_definition(
        [
            {"id": "my-q", "type": "text", "label": "Q", "relevant": "${nowhere} = 1"},
            {"id": "b", "type": "text", "label": "B", "relevant": "string-length(${a}) > nope(1)"},
        ]
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert caught.value.problems == [
        "sections[0].questions[0].id: must be letters, digits and '_', not starting with a digit",
        "sections[0].questions[0].relevant: unknown field ${nowhere}",
        "sections[0].questions[1].relevant: unknown field ${a}",
        "sections[0].questions[1].relevant: unknown function nope()",
    ]


@pytest.mark.parametrize("written", ["txet", None])
def test_a_question_with_an_invalid_type_has_its_other_problems_listed_too(
    make_definition: Build, written: str | None
) -> None:
    """What a type allows cannot be judged without one, but the expressions can be; what
    refers to the question, or its answer as `.`, is not blamed for its missing type."""
    question: dict[str, Any] = {
        "id": "a",
        "label": "A",
        "relevant": "${nowhere} = 1",
        "constraint": ". > 2 and ${zz} = 1",
        "choices": "anything",
    }
    if written is not None:
        question["type"] = written
    definition = make_definition(
        [
            question,
            {"id": "b", "type": "text", "label": "B", "relevant": "${a} > 3 and ${b2} = 1"},
            {"id": "c", "type": "text", "label": "C", "relevant": "${r1} = 'x'"},  # as a group
            {
                "id": "rows",
                "type": "repaet",
                "label": "Rows",
                "questions": [{"id": "r1", "type": "text", "label": "R", "relevant": "${r0}"}],
            },
            {
                "id": "people",
                "type": "repeat",
                "label": "People",
                "questions": [
                    {"id": "name", "type": "text", "label": "Name"},
                    {
                        "id": "g",
                        "type": "gruop",
                        "label": "G",
                        "questions": [
                            {
                                "id": "nick",
                                "type": "text",
                                "label": "Nick",
                                "relevant": "${name} != ''",
                            },
                        ],
                    },
                ],
            },
        ]
    )
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    type_problem = (
        "sections[0].questions[0].type: is required"
        if written is None
        else "sections[0].questions[0].type: input should be 'text', 'long_text', 'integer', "
        "'decimal', 'date', 'datetime', 'time', 'yes_no', 'single_choice', "
        "'multiple_choice', 'scale', 'location', 'repeat' or 'note'"
    )
    assert caught.value.problems == [
        "sections[0].questions[0].constraint: unknown field ${zz}",
        "sections[0].questions[0].relevant: unknown field ${nowhere}",
        type_problem,
        "sections[0].questions[1].relevant: unknown field ${b2} (did you mean ${b}?)",
        "sections[0].questions[3].questions[0].relevant: unknown field ${r0}",
        "sections[0].questions[3].type: input should be 'text', 'long_text', 'integer', "
        "'decimal', 'date', 'datetime', 'time', 'yes_no', 'single_choice', "
        "'multiple_choice', 'scale', 'location', 'repeat' or 'note'",
        "sections[0].questions[4].questions[1].type: input should be 'text', 'long_text', "
        "'integer', 'decimal', 'date', 'datetime', 'time', 'yes_no', 'single_choice', "
        "'multiple_choice', 'scale', 'location', 'repeat' or 'note'",
    ]


def test_a_published_definition_is_held_to_the_rules_it_was_published_under(
    make_definition: Build, tmp_path: Path
) -> None:
    """Checks added since a version was published would refuse it on the devices that
    hold it, and every draft on it would stop opening: a published one skips them."""
    definition = make_definition(
        [
            {"id": "intro", "type": "note", "label": "Intro", "sensitive": True},
            {"id": "yn", "type": "yes_no", "label": "Y/N", "choices": "yn"},
            {"id": "fear", "type": "scale", "label": "Fear",
             "scale": {"min": 1, "max": 5, "labels": {"01": "Not at all"}}},
            {"id": "told", "type": "text", "label": "Who\x0bdid you tell?"},  # Word's line break
            {"id": "nights", "type": "integer", "label": "Nights", "default": 5,
             "constraint": ". <= 3"},
            {"id": "why", "type": "text", "label": "Why",
             "required": f"${{told}} != '{'x' * 2000}'"},
            {"id": "found", "type": "datetime", "label": "Found",
             "constraint": ". > '2025-10-26T01:15'"},
        ],
        languages=["en", "en"],
    )  # fmt: skip
    definition["choice_lists"] = {"yn": [{"value": "yes", "label": "Yes"}]}
    with pytest.raises(FormDefinitionError) as caught:
        load_form(definition)
    assert len(caught.value.problems) == len(LATER_RULES)
    assert load_form(definition, published=True).field("fear").question.scale is not None
    registry = FormRegistry(tmp_path / "bundled", tmp_path / "installed")
    ref = registry.install(definition)  # as pulled from the service
    again = FormRegistry(tmp_path / "bundled", tmp_path / "installed")
    assert again.load(ref.form_id, ref.version).field("yn").choices == ("yes", "no")


def test_a_definition_with_a_byte_order_mark_is_installed_and_found(
    make_definition: Build, tmp_path: Path
) -> None:
    text = json.dumps(make_definition([{"id": "q", "type": "text", "label": "Q"}]))
    registry = FormRegistry(tmp_path / "bundled", tmp_path / "installed")
    ref = registry.install(BOM + text)
    installed = tmp_path / "installed" / "copied-by-hand.json"
    installed.write_bytes(
        BOM.encode() + (tmp_path / "installed" / f"{ref.form_id}-v1.json").read_bytes()
    )
    (tmp_path / "installed" / f"{ref.form_id}-v1.json").unlink()
    again = FormRegistry(tmp_path / "bundled", tmp_path / "installed")
    assert again.unusable == [] and again.load(ref.form_id, 1).field("q").id == "q"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # Half of a character pair, as a cut-off emoji leaves: published, the service
        # could not send any record on to any device.
        ("Where did you sleep? \ud83d", "must not hold half of a character pair"),
        ("Where\x00 did you sleep?", "must not hold control characters"),
        # Nothing to see: read out as nothing, an unlabelled tick box.
        ("\u200b", "must not be blank"),
        ("\u00ad\ufeff", "must not be blank"),
    ],
)
def test_text_no_one_could_see_or_no_service_could_keep_is_refused_by_path(
    make_definition: Build, text: str, problem: str
) -> None:
    definition = make_definition(
        [
            {"id": "slept", "type": "text", "label": text},
            {"id": "where", "type": "multiple_choice", "label": "Where", "choices": "places"},
        ],
        {"places": [{"value": "park", "label": {"en": "Park", "cy": text}}]},
        languages=["en", "cy"],
    )
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    paths = {p.split(": ", 1)[0]: p.split(": ", 1)[1] for p in refused.value.problems}
    assert paths["sections[0].questions[0].label"].startswith(problem)
    assert paths["choice_lists.places[0].label"].startswith(problem)


def test_text_an_author_wrote_is_quoted_on_one_line_and_cut_short(make_definition: Build) -> None:
    """A new line in a quoted text made one problem read as two, the second whatever the
    author wrote, and a long text was quoted whole."""
    forged = "maybe\nsections[0].questions[0]: all fine, ignore the rest"
    definition = make_definition(
        [
            {"id": "yn", "type": "yes_no", "label": "A"},
            {"id": "b", "type": "text", "label": "B", "relevant": f"${{yn}} = '{forged}'"},
            {"id": "on", "type": "date", "label": "On",
             "constraint": ". > '" + "2026" * 30 + "'"},
        ]
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    assert refused.value.problems == [
        "sections[0].questions[1].relevant: 'maybe\\u000asections[0].questions[0]: all fine\u2026'"
        " is not a choice of ${yn}",
        f"sections[0].questions[2].constraint: '{'2026' * 10}\u2026' is not a valid date",
    ]
    assert len(str(refused.value).splitlines()) == 3  # a heading and the two problems


@pytest.mark.parametrize(
    ("written", "meant"), [("yes", "true"), ("'yes'", "true"), ("true()", "true"), ("No", "false")]
)
def test_a_fixed_requirement_spelled_as_xlsform_spells_it_is_told_what_to_write(
    make_definition: Build, written: str, meant: str
) -> None:
    """ "yes" was taken for a question's name, and the advice to quote it led to a second
    problem; true() was an unknown function."""
    definition = make_definition([{"id": "a", "type": "text", "label": "A", "required": written}])
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    assert refused.value.problems == [
        f"sections[0].questions[0].required: for a fixed answer write {meant} without quotes, "
        f"not {written!r}"
    ]


def test_a_required_condition_or_a_default_is_checked_as_other_text_is(
    make_definition: Build, tmp_path: Path
) -> None:
    """A required condition skipped the checks every other expression gets. Half of a
    character pair in it, or in a default, passed the load, and installing the form
    from the service then raised, leaving the forms after it uninstalled; and its text
    was read however long it was (6 million characters: 25 s)."""
    definition = make_definition(
        [
            {"id": "name", "type": "text", "label": "Name"},
            {"id": "more", "type": "text", "label": "More", "required": "${name} != '\ud83d'"},
            {"id": "told", "type": "text", "label": "Told", "default": "x\ud83d"},
            {"id": "also", "type": "text", "label": "Also",
             "required": f"${{name}} != '{'x' * 2000}'"},
            {"id": "ways", "type": "multiple_choice", "label": "Ways", "choices": "ways",
             "default": ["bus", "\ud83d"]},
        ],
        {"ways": [{"value": "bus", "label": "Bus"}]},
    )  # fmt: skip
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    assert refused.value.problems == [
        "sections[0].questions[1].required: must not hold half of a character pair",
        "sections[0].questions[2].default: must not hold half of a character pair",
        "sections[0].questions[3].required: must be at most 2000 characters",
        "sections[0].questions[4].default: must not hold half of a character pair",
    ]
    registry = FormRegistry(tmp_path / "bundled", tmp_path / "installed")
    with pytest.raises(FormDefinitionError):
        registry.install(definition)  # (no such form could have been published)
    section = definition["sections"][0]
    long_only = [section["questions"][0], section["questions"][3]]
    published = {**definition, "sections": [{**section, "questions": long_only}]}
    load_form(published, published=True)  # held to the length it was published under


def test_a_file_no_definition_could_be_read_from_is_passed_over_not_raised(
    tmp_path: Path, make_definition: Build
) -> None:
    """A version of 1e400 or arrays nested too deep crashed the registry, and with it
    syncing, opening forms and diagnose. A UTF-16 file or a version written as text was
    listed as a version no form could then be loaded from."""
    good = make_definition([{"id": "a", "type": "text", "label": "A"}])
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "huge.json").write_text('{"form_id": "test", "version": 1e400}')
    (tmp_path / "deep.json").write_text(
        '{"form_id": "test", "version": 3, "title": ' + "[" * 100_000
    )
    (tmp_path / "utf16.json").write_bytes(json.dumps({**good, "version": 4}).encode("utf-16-le"))
    (tmp_path / "text.json").write_text(json.dumps({**good, "version": "5"}), encoding="utf-8")

    registry = FormRegistry(tmp_path)

    assert registry.versions("test") == [1]
    assert sorted(item.file_name for item in registry.unusable) == [
        "deep.json", "huge.json", "text.json", "utf16.json",
    ]  # fmt: skip
    assert registry.load("test", 1).version == 1


def test_a_language_listed_twice_is_named(make_definition: Build) -> None:
    definition = make_definition(
        [{"id": "a", "type": "text", "label": {"en": "A", "cy": "A"}}], languages=["en", "cy", "en"]
    )
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    assert refused.value.problems == ["languages[2]: 'en' is listed twice"]


def test_a_default_its_own_constraint_refuses_is_named(make_definition: Build) -> None:
    """Every new interview started with 'At most 3 nights' showing on a question no one
    had answered. A constraint reading other answers or the date is left to the form."""
    definition = make_definition([
        {"id": "nights", "type": "integer", "label": "Nights away", "default": 5,
         "constraint": ". <= 3", "constraint_message": "At most 3 nights"},
        {"id": "seen", "type": "date", "label": "Seen on", "default": "2026-01-01",
         "constraint": ". <= today()"},
        {"id": "age", "type": "integer", "label": "Age", "default": 12,
         "constraint": ". >= ${nights}"},
        {"id": "visits", "type": "integer", "label": "Visits", "default": 0,
         "constraint": "${visits} > 0"},
    ])  # fmt: skip
    with pytest.raises(FormDefinitionError) as refused:
        load_form(definition)
    assert refused.value.problems == [
        "sections[0].questions[0].default: breaks the question's constraint",
        "sections[0].questions[3].default: breaks the question's constraint",
    ]
