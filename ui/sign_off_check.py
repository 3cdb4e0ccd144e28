"""Whether an interview's answers are complete and valid enough to sign off.

Sign-off makes the record read-only on the device, so it runs the pinned form's own
validation (required answers, constraints, types) first. Issues are listed by section
and question label only; answers are never quoted. The form engine is imported when a
sign-off is checked, not at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from rhi_desktop.domain.entities import ReturnInterview

if TYPE_CHECKING:
    from rhi_desktop.forms import Form, QuestionType
    from rhi_desktop.forms.validation import Issue

log = logging.getLogger(__name__)


class FormSource(Protocol):
    """Where pinned form definitions come from (rhi_desktop.forms.versions.FormRegistry)."""

    def load(self, form_id: str, version: int) -> Form: ...


class Blocker(StrEnum):
    NO_FORM = "no_form"  # never started on a form, so there is nothing to sign
    # Pinned to a form this device does not have, or has in a copy whose questions do
    # not hold the interview's answers.
    UNKNOWN_FORM = "unknown_form"
    INVALID_ANSWERS = "invalid_answers"
    # Valid, but more than the central service takes in one record: signed off, it could
    # never be sent, nor changed to fit.
    TOO_LONG_TO_SEND = "too_long_to_send"


@dataclass(frozen=True, slots=True)
class OpenIssue:
    section: str
    question: str
    message: str  # English, for logs; a screen words `issue` (`ui.issue_words`)
    issue: Issue
    question_type: QuestionType
    typed_words: str | None = None
    """Why a date or time kept as typed is no answer, as its input in the form words it."""

    def words(self) -> str:
        """The problem in the interviewer's terms, as the form's own field says it."""
        from ui.issue_words import issue_words

        return self.typed_words or issue_words(self.issue, self.question_type)


@dataclass(frozen=True, slots=True)
class SignOffCheck:
    blocker: Blocker | None
    issues: tuple[OpenIssue, ...] = ()
    longest: tuple[str, ...] = ()
    """For TOO_LONG_TO_SEND: the questions whose answers take the most room, longest
    first."""

    @property
    def ok(self) -> bool:
        return self.blocker is None


def check_for_sign_off(
    interview: ReturnInterview,
    clock: Callable[[], datetime],
    forms: FormSource,
    language: str | None = None,  # the app's (BCP 47); the form's closest is used
) -> SignOffCheck:
    if interview.form_id is None or interview.form_version is None:
        return SignOffCheck(Blocker.NO_FORM)
    from rhi_desktop.forms import FormDefinitionError, FormSession
    from rhi_desktop.forms.versions import FormNotInstalledError

    try:
        form = forms.load(interview.form_id, interview.form_version)
    except (FormNotInstalledError, FormDefinitionError):
        return SignOffCheck(Blocker.UNKNOWN_FORM)
    language = form.language_for(language)  # the app's language, as the form has it
    try:
        session = FormSession(form, answers=interview.answers, clock=clock, language=language)
    except ValueError:
        # Answers to questions the pinned version, as installed here, does not have: it
        # cannot be checked on this device (the message names question ids only).
        log.warning("interview answers do not fit %s v%s", form.form_id, form.version)
        return SignOffCheck(Blocker.UNKNOWN_FORM)
    report = session.validate()
    if report.ok:
        longest = _longest_if_too_long_to_send(interview, form, language)
        return (
            SignOffCheck(None)
            if not longest
            else SignOffCheck(Blocker.TOO_LONG_TO_SEND, longest=longest)
        )
    from rhi_desktop.forms import InvalidAnswer
    from ui.forms.uk_input import typed_problem

    issues = []
    for issue in report.issues:
        info = form.field(issue.key.id)
        entry = session.entry(issue.key.id, issue.key.row)
        typed = entry.raw if isinstance(entry, InvalidAnswer) else None
        section = form.sections[info.section_id].section
        question = form.text(info.question.label, language)
        if issue.key.row is not None:  # rows' questions are named alike: say which row
            question = QCoreApplication.translate("SignOff", "{0} (row {1})").format(
                question, issue.key.row + 1
            )
        issues.append(
            OpenIssue(
                section=form.text(section.title, language),
                question=question,
                message=issue.message,
                issue=issue,
                question_type=info.question.type,
                typed_words=typed_problem(info.question.type, typed),
            )
        )
    return SignOffCheck(Blocker.INVALID_ANSWERS, tuple(issues))


SIGN_OFF_ROOM = 8_192
"""What the record is left for signing off itself (the time, a late reason), as sent."""
LONGEST_NAMED = 3


def _longest_if_too_long_to_send(
    interview: ReturnInterview, form: Form, language: str | None
) -> tuple[str, ...]:
    """The questions whose answers take the most room, if the record would be more than
    the central service takes, measured as the sync measures it (every letter beyond
    ASCII takes six characters there, so the room depends on the language written)."""
    from rhi_desktop.store.records import payload
    from sync.protocol import MAX_PAYLOAD_CHARS, canonical_json

    if len(canonical_json(payload(interview))) + SIGN_OFF_ROOM <= MAX_PAYLOAD_CHARS:
        return ()
    sizes = sorted(
        (
            (len(canonical_json(value)), question_id)
            for question_id, value in interview.answers.items()
        ),
        reverse=True,
    )
    return tuple(
        form.text(form.field(question_id).question.label, language)
        for _, question_id in sizes[:LONGEST_NAMED]
        if question_id in form.fields
    )
