"""Everything the review screen shows for one submitted interview, read in one go.

Plain data: the screen keeps no store. The form is the one the interview is pinned to
(`forms(form_id, version)`; a form not on this device raises the registry's
`FormNotInstalledError`, whose message says to sync). For a resubmitted interview the
previous revision is compared with this one, each read with the form version it was
pinned to (the interviewer may have moved the returned draft to a newer one); a
coordinator who never received that revision (it was reviewed on another device) sees
that the comparison is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rhi_desktop.domain.entities import InterviewState, Review
from rhi_desktop.forms import Form
from rhi_desktop.review.answer_text import ENGLISH, Words
from rhi_desktop.review.diff import QuestionChange, revision_diff
from rhi_desktop.review.queue import SIGNED_NAME_QUESTION
from rhi_desktop.review.returned_by import returning_review
from rhi_desktop.review.summary import SectionSummary, answer_summary
from rhi_desktop.review.timings import Timings, timings_of
from rhi_desktop.store import Store

FormSource = Callable[[str, int], Form]


@dataclass(frozen=True, slots=True)
class ReviewSubject:
    interview_id: str
    case_reference: str
    interviewer: str  # the signed name, else the start of the user id
    revision: int
    state: InterviewState
    timings: Timings
    sections: tuple[SectionSummary, ...]
    questions: Mapping[str, str]  # question id -> label, for comments
    previous_revision: int | None  # the revision this one amends (None for the first)
    changes: tuple[QuestionChange, ...] | None  # None: the previous one is not here
    previous_feedback: Review | None  # the decision that returned the previous revision


def _pinned_form(form_id: str | None, version: int | None, forms: FormSource) -> Form | None:
    """The form version a revision was made on (None before it was started on one)."""
    return forms(form_id, version) if form_id is not None and version is not None else None


def review_subject(
    store: Store, interview_id: str, forms: FormSource, words: Words = ENGLISH
) -> ReviewSubject:
    interview = store.interviews.get(interview_id)
    child = store.children.get(interview.child_id)
    form = _pinned_form(interview.form_id, interview.form_version, forms)
    sections = answer_summary(form, interview.answers, words)
    questions = {
        line.question_id: line.label
        for section in sections
        for line in section.lines
        if form is not None and line.question_id in form.fields
    }
    revisions = store.interviews.revisions(interview_id)
    previous = interview.revision - 1 if interview.revision > 1 else None
    changes: tuple[QuestionChange, ...] | None = None
    feedback: Review | None = None
    if previous is not None:
        kept = {r.revision: r for r in revisions}
        if previous in kept:
            before = kept[previous]
            changes = revision_diff(
                before.answers,
                interview.answers,
                form,
                words,
                old_form=_pinned_form(before.form_id, before.form_version, forms),
            )
        feedback = returning_review(store, interview_id, previous)
    signed = interview.answers.get(SIGNED_NAME_QUESTION)
    return ReviewSubject(
        interview_id=interview.id,
        case_reference=child.case_reference,
        interviewer=signed.strip()
        if isinstance(signed, str) and signed.strip()
        else store.team.name_of(interview.interviewer_id),
        revision=interview.revision,
        state=interview.state,
        timings=timings_of(store, interview, revisions),
        sections=sections,
        questions=questions,
        previous_revision=previous,
        changes=changes,
        previous_feedback=feedback,
    )
