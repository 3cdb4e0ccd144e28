"""A designer's XLSForm becomes a working RHI form: loaded by our loader, run by a session."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

from rhi_desktop.forms import FormSession, IssueKind, QuestionType, load_form, load_form_file
from rhi_desktop.forms.xlsform import Severity, convert_workbook, render_definition
from rhi_desktop.forms.xlsform.command import run_import
from tests.core.forms.xlsform import xlsforms

NOW = datetime(2024, 3, 14, 10, 30, tzinfo=UTC)

Write = Callable[..., Path]


def _clock() -> datetime:
    return NOW


def test_translated_interview_keeps_sections_repeat_and_both_languages(
    workbook: Write, tmp_path: Path
) -> None:
    out = tmp_path / "rhi-pilot.json"
    result = run_import(workbook(xlsforms.INTERVIEW), out)

    assert result.ok, result.report.render()
    assert result.form is not None
    assert not result.report.warnings
    form = load_form_file(out)
    assert form.definition == result.form.definition
    definition = form.definition
    assert (definition.form_id, definition.version) == ("rhi", 2024031501)
    assert definition.languages == ["en", "cy"]
    assert [s.id for s in definition.sections] == ["offer", "episode", "after"]
    assert definition.sections[1].title == {
        "en": "While they were missing",
        "cy": "Tra oeddent ar goll",
    }
    assert definition.sections[1].relevant == "${offer_outcome} = 'accepted'"

    offered = form.field("offer_made_at").question
    assert offered.type is QuestionType.DATETIME
    assert offered.label == {
        "en": "When was the interview offered?",
        "cy": "Pryd cynigiwyd y cyfweliad?",
    }
    assert offered.required is True
    assert offered.constraint == ". <= now()"
    assert offered.constraint_message == {
        "en": "The offer cannot be in the future.",
        "cy": "Ni all y cynnig fod yn y dyfodol.",
    }
    declined = form.field("decline_reason").question
    assert declined.type is QuestionType.LONG_TEXT  # appearance multiline
    assert declined.required == "${offer_outcome} = 'declined'"
    assert declined.relevant == "${offer_outcome} != 'accepted'"
    assert declined.hint == {
        "en": "In the young person's words.",
        "cy": "Yng ngeiriau'r person ifanc.",
    }

    # The nested group is flattened: a note with its label, its relevance on each question.
    assert form.field("cse_details").question.type is QuestionType.NOTE
    assert form.field("cse_details").section_id == "episode"
    assert form.field("cse_notes").question.relevant == (
        "(selected(${risks}, 'cse')) and (${nights_away} > 0)"
    )
    assert form.repeat_children("people") == (
        "person_name",
        "person_relationship",
        "person_age",
    )
    assert form.field("people").section_id == "episode"
    assert form.field("person_relationship").question.choices == "relationship"
    risks = definition.choice_lists["risks"]
    assert [c.value for c in risks] == ["cse", "cce", "county_lines"]
    assert risks[2].label == {"en": "County lines", "cy": "Llinellau sirol"}
    flattened = [f for f in result.report.infos if f.where == ("survey", 10, "A")]
    assert len(flattened) == 1 and "cse_details" in flattened[0].message


def test_translated_interview_runs_its_skip_logic_and_welsh_messages(workbook: Write) -> None:
    form = convert_workbook(workbook(xlsforms.INTERVIEW)).form
    assert form is not None
    session = FormSession(form, clock=_clock, language="cy")

    assert not session.is_relevant("episode")
    session.set_answer("offer_outcome", "accepted")
    assert session.is_relevant("episode")
    assert not session.is_relevant("decline_reason")

    session.set_answer("risks", ["cse"])
    session.set_answer("nights_away", 0)
    assert session.is_relevant("cse_details")
    assert not session.is_relevant("cse_notes")
    session.set_answer("nights_away", 2)
    assert session.is_relevant("cse_notes")

    assert not session.is_required("safety_plan")
    session.add_row("people")
    session.set_answer("person_age", 150, row=0)
    (issue,) = session.issues("person_age", row=0)
    assert (issue.kind, issue.message) == (IssueKind.CONSTRAINT, "Rhowch oedran rhwng 1 a 119.")
    assert session.is_required("safety_plan")

    session.set_answer("offer_outcome", "declined")
    assert session.is_required("decline_reason")


def test_flat_check_in_goes_into_one_section_with_its_defaults(workbook: Write) -> None:
    conversion = convert_workbook(workbook(xlsforms.CHECK_IN))
    form = conversion.form

    assert form is not None, conversion.report.render()
    (section,) = form.definition.sections
    assert (section.id, section.title) == ("main", "Supervision check-in")
    assert [q.id for q in section.questions] == [
        "intro",
        "session_date",
        "session_start",
        "cases_discussed",
        "hours",
        "wellbeing",
        "actions",
        "next_due",
    ]
    assert form.field("intro").question.type is QuestionType.NOTE
    assert form.field("next_due").question.label == "The next supervision is due within 28 days."
    assert form.field("cases_discussed").question.hint == "Count each child once."
    assert form.defaults == {
        "session_date": date(2024, 3, 14),
        "session_start": time(9, 30),
        "cases_discussed": 0,
        "hours": 1.5,
        "wellbeing": "ok",
    }
    session = FormSession(form, clock=_clock)
    assert session.answer("session_date") == date(2024, 3, 14)
    assert session.answer("wellbeing") == "ok"
    (placed,) = conversion.report.infos
    assert placed.severity is Severity.INFO
    assert placed.where == ("survey", 2, None)
    assert "'main'" in placed.message


def test_episode_log_types_each_calculation_and_checks_dates_against_today(
    workbook: Write,
) -> None:
    conversion = convert_workbook(workbook(xlsforms.EPISODE_LOG))
    form = conversion.form
    assert form is not None, conversion.report.render()

    kinds = {name: form.field(name).question.type for name in form.fields}
    assert kinds["places_count"] is QuestionType.INTEGER
    assert kinds["risk_level"] is QuestionType.TEXT
    assert kinds["review_by"] is QuestionType.DATE
    assert kinds["where_stayed"] is QuestionType.MULTIPLE_CHOICE
    assert kinds["reported_at"] is QuestionType.DATETIME
    assert form.field("places_count").question.label == "places_count"
    assert form.field("risk_level").calculated

    session = FormSession(form, clock=_clock)
    assert session.answer("review_by") == date(2024, 3, 14)
    session.set_answer("last_seen", "2024-03-20")
    (future,) = session.issues("last_seen")
    assert future.message == "The date cannot be in the future."
    session.set_answer("last_seen", "2024-03-10")
    session.set_answer("found_on", "2024-03-09")
    (before,) = session.issues("found_on")
    assert before.message == "Between the date last seen and today."
    session.set_answer("found_on", "2024-03-12")
    assert session.issues("found_on") == ()
    assert session.answer("review_by") == date(2024, 3, 12)

    assert not session.is_relevant("street_details")
    session.set_answer("where_stayed", ["friend", "relative"])
    assert session.answer("places_count") == 2
    assert session.answer("risk_level") == "standard"
    assert not session.is_relevant("follow_up_days")
    session.set_answer("where_stayed", ["friend", "street"])
    assert session.is_relevant("street_details")
    assert session.answer("risk_level") == "high"
    assert session.is_relevant("follow_up_days")
    session.set_answer("where_stayed", ["friend", "relative", "street", "unknown_address"])
    (too_many,) = session.issues("where_stayed")
    assert too_many.message == "Choose up to three places."


def test_every_imported_form_round_trips_through_its_json(workbook: Write) -> None:
    for name in ("INTERVIEW", "CHECK_IN", "EPISODE_LOG"):
        form = convert_workbook(workbook(getattr(xlsforms, name), f"{name}.xlsx")).form
        assert form is not None, name
        text = render_definition(form)
        again = load_form(text)
        assert again.definition == form.definition
        assert render_definition(again) == text
        assert json.loads(text)["form_id"] == form.form_id
