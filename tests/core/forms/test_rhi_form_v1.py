"""The bundled RHI form covers what the statutory guidance and good practice ask for."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from rhi_desktop.forms import Form, FormSession, IssueKind, QuestionType

Clock = Callable[[], datetime]

# Topic -> the questions that record it, each checked to exist with that type.
TOPIC_QUESTIONS: dict[str, dict[str, QuestionType]] = {
    "the offer": {
        "offer_made_at": QuestionType.DATETIME,
        "offer_method": QuestionType.SINGLE_CHOICE,
        "offer_outcome": QuestionType.SINGLE_CHOICE,
        "not_offered_reason": QuestionType.LONG_TEXT,
        "offer_attempts": QuestionType.LONG_TEXT,
    },
    "the child's say in venue and time": {
        "child_consulted": QuestionType.YES_NO,
        "child_choice": QuestionType.LONG_TEXT,
    },
    "venue and who was present": {
        "venue_type": QuestionType.SINGLE_CHOICE,
        "present": QuestionType.MULTIPLE_CHOICE,
        "interview_date": QuestionType.DATE,
    },
    "interpreter and language": {
        "interpreter_used": QuestionType.YES_NO,
        "interpreter_language": QuestionType.TEXT,
    },
    "before": {
        "push_factors": QuestionType.MULTIPLE_CHOICE,
        "pull_factors": QuestionType.MULTIPLE_CHOICE,
    },
    "places": {
        "places": QuestionType.REPEAT,
        "place_description": QuestionType.TEXT,
        "place_location": QuestionType.LOCATION,
        "place_duration": QuestionType.SINGLE_CHOICE,
    },
    "people": {
        "people": QuestionType.REPEAT,
        "person_name": QuestionType.TEXT,
        "person_relationship": QuestionType.SINGLE_CHOICE,
        "person_age": QuestionType.INTEGER,
        "person_concern": QuestionType.YES_NO,
    },
    "travel, sleeping, what happened": {
        "travel": QuestionType.MULTIPLE_CHOICE,
        "where_slept": QuestionType.MULTIPLE_CHOICE,
        "what_happened": QuestionType.LONG_TEXT,
    },
    "money, gifts, phones, substances": {
        "given_items": QuestionType.MULTIPLE_CHOICE,
        "substances_used": QuestionType.YES_NO,
    },
    "harm and risk": {
        "risk_indicators": QuestionType.MULTIPLE_CHOICE,
        "harm_disclosed": QuestionType.YES_NO,
        "harm_known_to_police": QuestionType.YES_NO,
    },
    "immediate safeguarding": {
        "immediate_concern": QuestionType.YES_NO,
        "action_taken": QuestionType.LONG_TEXT,
    },
    "after": {
        "way_home": QuestionType.SINGLE_CHOICE,
        "feelings": QuestionType.SCALE,
        "support_wanted": QuestionType.MULTIPLE_CHOICE,
        "safety_information": QuestionType.MULTIPLE_CHOICE,
    },
    "referrals and police": {
        "referrals_made": QuestionType.MULTIPLE_CHOICE,
        "police_info_shared": QuestionType.YES_NO,
        "police_consent": QuestionType.SINGLE_CHOICE,
    },
    "agreed actions": {
        "agreed_actions": QuestionType.REPEAT,
        "action_what": QuestionType.LONG_TEXT,
        "action_who": QuestionType.TEXT,
        "action_by_when": QuestionType.DATE,
    },
    "feedback": {
        "feedback_helpful": QuestionType.SCALE,
        "feedback_comments": QuestionType.LONG_TEXT,
    },
    "reflection": {"reflection_notes": QuestionType.LONG_TEXT},
    "sign-off": {
        "interviewer_name": QuestionType.TEXT,
        "signed_at": QuestionType.DATETIME,
        "declaration": QuestionType.YES_NO,
    },
}

REPORT_KEYS = [
    *(
        f"push.{k}"
        for k in (
            "family_conflict",
            "domestic_abuse",
            "neglect",
            "substance_misuse_at_home",
            "school_problems",
            "bullying",
            "loneliness",
        )
    ),
    *(
        f"pull.{k}"
        for k in (
            "friends",
            "boyfriend_girlfriend",
            "family_contact",
            "peer_pressure",
            "parties",
            "drugs_alcohol",
        )
    ),
    *(
        f"risk.{k}"
        for k in (
            "cse",
            "cce",
            "trafficking",
            "county_lines",
            "substance_misuse",
            "self_harm",
            "online_grooming",
            "forced_marriage",
            "fgm",
            "violence",
        )
    ),
    *(f"given.{k}" for k in ("money", "gifts", "phone_or_sim", "alcohol", "drugs")),
    "safeguarding.immediate_concern",
    "safeguarding.action_taken",
    "safety.missing_people",
    "safety.childline",
    "intelligence.shared_with_police",
    "intelligence.consent_given",
    "intelligence.shared_without_consent",
    "offer.accepted",
    "offer.child_consulted",
    "during.place",
    "during.associate",
    "after.feelings",
    "harm.disclosed",
]

SENSITIVE = [
    "person_name", "person_concern_details", "place_description", "place_location",
    "what_happened", "before_story", "risk_details", "harm_details", "concern_details",
    "police_info_summary", "given_details", "declined_reason",
]  # fmt: skip


def all_report_keys(form: Form) -> set[str]:
    keys = {info.question.report_key for info in form.fields.values()}
    for choices in form.definition.choice_lists.values():
        keys.update(choice.report_key for choice in choices)
    return {key for key in keys if key is not None}


def test_the_bundled_form_loads_cleanly_as_rhi_version_1(rhi_form: Form) -> None:
    assert (rhi_form.form_id, rhi_form.version) == ("rhi", 1)
    assert [s for s in rhi_form.sections] == [
        "offer", "venue", "before", "during", "risks", "safeguarding", "after",
        "referrals", "actions", "feedback", "reflection", "sign_off",
    ]  # fmt: skip


@pytest.mark.parametrize("topic", list(TOPIC_QUESTIONS))
def test_every_topic_of_the_guidance_has_its_questions(rhi_form: Form, topic: str) -> None:
    for question_id, kind in TOPIC_QUESTIONS[topic].items():
        assert rhi_form.field(question_id).question.type is kind, question_id


def test_themes_and_risk_indicators_carry_report_keys(rhi_form: Form) -> None:
    missing = set(REPORT_KEYS) - all_report_keys(rhi_form)
    assert not missing


def test_names_places_and_disclosures_are_marked_sensitive(rhi_form: Form) -> None:
    assert [q for q in SENSITIVE if not rhi_form.field(q).question.sensitive] == []
    assert not rhi_form.field("offer_outcome").question.sensitive


def test_the_helplines_are_given_with_their_numbers(rhi_form: Form) -> None:
    labels = [str(c.label) for c in rhi_form.definition.choice_lists["safety_information"]]
    assert any("Missing People" in label and "116 000" in label for label in labels)
    assert any("Childline" in label and "0800 1111" in label for label in labels)


def test_hints_speak_to_the_interviewer_about_the_childs_own_words(rhi_form: Form) -> None:
    hints = [str(info.question.hint) for info in rhi_form.fields.values() if info.question.hint]
    assert sum("own words" in hint for hint in hints) >= 3


def test_a_message_quoting_an_option_quotes_one_its_question_offers(rhi_form: Form) -> None:
    """Four questions said "'None' cannot be ticked", where the option reads 'Nobody
    else', 'No referrals' and so on: the interviewer looked for an option not there."""
    quoting = 0
    for info in rhi_form.fields.values():
        message = info.question.constraint_message
        if message is None or info.question.choices is None:
            continue
        labels = {
            rhi_form.text(choice.label)
            for choice in rhi_form.definition.choice_lists[info.question.choices]
        }
        for quoted in re.findall(r"'([^']+)'", rhi_form.text(message)):
            quoting += 1
            assert quoted in labels, (info.id, quoted)
    assert quoting >= 4


def answer_accepted_interview(session: FormSession) -> None:
    answers: dict[str, object] = {
        "offer_made_at": "2024-03-11T16:00", "offer_method": "phone",
        "offer_outcome": "accepted", "child_consulted": "yes",
        "interview_date": "2024-03-12", "interview_start": "12:15", "interview_end": "13:20",
        "venue_type": "school", "present": ["teaching_assistant"], "interpreter_used": "no",
        "push_factors": ["family_conflict", "school_problems"], "pull_factors": ["friends"],
        "travel": ["bus"], "where_slept": ["friend_home"], "given_items": ["none"],
        "risk_indicators": ["cce"], "risk_details": "Asked to carry a bag for an older boy",
        "harm_disclosed": "no", "immediate_concern": "no", "way_home": "found_by_police",
        "feelings": 3, "support_wanted": ["someone_to_talk_to"],
        "safety_information": ["missing_people", "childline"],
        "referrals_made": ["exploitation_team"], "police_info_shared": "yes",
        "police_consent": "consent_given", "police_info_summary": "Older boy, nickname and area",
        "interviewer_name": "A. Interviewer", "signed_at": "2024-03-12T15:00", "declaration": "yes",
    }  # fmt: skip
    for question_id, value in answers.items():
        session.set_answer(question_id, value)
    session.add_row("people")
    session.set_answer("person_name", "K", row=0)
    session.set_answer("person_concern", "yes", row=0)
    session.set_answer("person_concern_details", "Gives lifts and money", row=0)
    session.add_row("agreed_actions")
    session.set_answer("action_what", "Referral to the exploitation team", row=0)
    session.set_answer("action_who", "RHI coordinator", row=0)
    session.set_answer("action_by_when", "2024-03-15", row=0)


def test_a_completed_interview_validates_and_records_its_themes(
    rhi_form: Form, clock: Clock
) -> None:
    session = FormSession(rhi_form, clock=clock)
    answer_accepted_interview(session)
    assert session.validate().ok, session.validate().issues
    record = session.record()
    assert record["push_factors"] == ["family_conflict", "school_problems"]
    assert record["people"] == [
        {
            "person_name": "K",
            "person_concern": "yes",
            "person_concern_details": "Gives lifts and money",
        }
    ]
    assert "declined_reason" not in record


def test_an_immediate_concern_needs_the_action_taken(rhi_form: Form, clock: Clock) -> None:
    session = FormSession(rhi_form, clock=clock)
    answer_accepted_interview(session)
    session.set_answer("immediate_concern", "yes")
    report = session.validate()
    assert set(report.by_section) == {"safeguarding"}
    assert {str(i.key) for i in report.by_section["safeguarding"]} == {
        "concern_details", "action_taken", "concern_reported_to", "concern_reported_at"
    }  # fmt: skip
    session.set_answer("action_taken", "Phoned the MASH and the allocated social worker")
    assert not session.issues("action_taken")


def test_an_agreed_action_cannot_fall_due_before_the_interview(
    rhi_form: Form, clock: Clock
) -> None:
    session = FormSession(rhi_form, clock=clock)
    answer_accepted_interview(session)
    session.set_answer("action_by_when", "2024-03-10", row=0)
    (issue,) = session.issues("action_by_when", row=0)
    assert (issue.kind, issue.message) == (
        IssueKind.CONSTRAINT, "The date cannot be before the interview."
    )  # fmt: skip
    session.set_answer("interview_date", "2024-03-09")
    assert not session.issues("action_by_when", row=0)


def test_sign_off_needs_the_declaration_and_no_future_times(rhi_form: Form, clock: Clock) -> None:
    session = FormSession(rhi_form, clock=clock)
    answer_accepted_interview(session)
    session.set_answer("declaration", "no")
    session.set_answer("signed_at", "2024-03-15T09:00")  # the clock says 14 March
    assert (
        session.issues("declaration")[0].message
        == "Sign-off needs this declaration to be confirmed."
    )
    assert session.issues("signed_at")[0].message == "The sign-off time cannot be in the future."


def test_a_declined_offer_records_why_and_skips_the_interview_sections(
    rhi_form: Form, clock: Clock
) -> None:
    session = FormSession(rhi_form, clock=clock)
    for question_id, value in {
        "offer_made_at": "2024-03-11T16:00", "offer_method": "via_carer",
        "offer_outcome": "declined_by_child", "declined_reason": "Does not want to talk yet",
        "offer_again": "yes", "immediate_concern": "no", "referrals_made": ["none"],
        "police_info_shared": "no", "interviewer_name": "A. Interviewer",
        "signed_at": "2024-03-12T15:00", "declaration": "yes",
    }.items():  # fmt: skip
        session.set_answer(question_id, value)
    assert session.validate().ok, session.validate().issues
    for section in ("venue", "before", "during", "risks", "after", "feedback"):
        assert not session.is_relevant(section)
    assert session.is_relevant("offer_attempts") and session.is_relevant(
        "carer_information_offered"
    )
