"""Which answers carry a question's own report key."""

from __future__ import annotations

from typing import Any

from rhi_desktop.forms import load_form
from rhi_desktop.reports.report_keys import AnswerReader
from tests.rhi_definition import rhi_definition

CONCERN = "safeguarding.immediate_concern"


def _with_concern_asked_as(kind: str, choices: list[dict[str, Any]] | None) -> AnswerReader:
    """The RHI form with 'Is there an immediate safeguarding concern?' asked as `kind`."""
    definition = rhi_definition(2)
    if choices is not None:
        definition["choice_lists"]["concern_answers"] = choices
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == "immediate_concern":
                question["type"] = kind
                if choices is not None:
                    question["choices"] = "concern_answers"
    return AnswerReader(load_form(definition))


def test_a_key_on_a_yes_no_question_counts_when_answered_yes() -> None:
    reader = _with_concern_asked_as("yes_no", None)

    assert CONCERN in reader.keys({"immediate_concern": "yes"})
    assert CONCERN not in reader.keys({"immediate_concern": "no"})


def test_a_key_on_a_single_choice_offering_yes_counts_when_answered_yes() -> None:
    """An XLSForm's yes/no list labelled in Welsh too imports as a single choice: its key
    still counts, so the panel's immediate-concern rule reaches those children."""
    reader = _with_concern_asked_as(
        "single_choice",
        [
            {"value": "yes", "label": "Yes (Ie)"},
            {"value": "no", "label": "No (Na)"},
            {"value": "not_sure", "label": "Not sure (Ddim yn siŵr)"},
        ],
    )

    assert CONCERN in reader.keys({"immediate_concern": "yes"})
    assert not reader.keys({"immediate_concern": "not_sure"}) & {CONCERN}


def test_a_key_on_a_single_choice_with_no_yes_is_not_counted_by_any_answer() -> None:
    reader = AnswerReader(load_form(rhi_definition(2)))

    for venue in ("school", "home", "other"):
        assert "interview.venue" not in reader.keys({"venue_type": venue})


def _with_relationship_keyed_as_people() -> AnswerReader:
    """The RHI form with the person's name unkeyed and their relationship (a choice)
    keyed as the people they were with."""
    definition = rhi_definition(2)
    for section in definition["sections"]:
        for question in section["questions"]:
            for field in question.get("questions") or ():
                if field["id"] == "person_name":
                    field.pop("report_key", None)
                if field["id"] == "person_relationship":
                    field["report_key"] = "during.associate"
    return AnswerReader(load_form(definition))


def test_a_choice_keyed_as_people_is_not_read_as_their_names() -> None:
    """Read as names, 'friend' was an associate linking every child who had one."""
    reader = _with_relationship_keyed_as_people()

    people = [{"person_name": "Jay", "person_relationship": "friend"}]
    assert reader.associates({"people": people}) == []


def test_a_place_keyed_on_its_location_is_read_from_that_location() -> None:
    """With another location asked first in each row (where they travelled from), the
    place was read from that one: a child's home shown as a place they went."""
    definition = rhi_definition(2)
    for section in definition["sections"]:
        for question in section["questions"]:
            if question["id"] == "places":
                fields = question["questions"]
                for field in fields:
                    if field["id"] == "place_description":
                        field.pop("report_key", None)
                    if field["id"] == "place_location":
                        field["report_key"] = "during.place"
                fields.insert(
                    0, {"id": "travelled_from", "type": "location", "label": "From where?"}
                )
    reader = AnswerReader(load_form(definition))

    row = {
        "travelled_from": {"description": "Home", "postcode": "NP20 1AA"},
        "place_description": "A flat",
        "place_location": {"description": "A flat", "postcode": "CF10 1AA"},
    }
    (place,) = reader.places({"places": [row]})
    assert place.postcode == "CF10 1AA"
