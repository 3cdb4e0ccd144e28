"""What the review screen is given for one interview: answers, offers, timings, changes."""

from __future__ import annotations

from datetime import timedelta

from rhi_desktop.domain.entities import Offer, OfferMethod, OfferOutcome, new_id
from rhi_desktop.forms import Form
from rhi_desktop.review import ChangeKind, return_for_amendment, review_subject
from rhi_desktop.review.timings import hours_between
from rhi_desktop.store import Store
from rhi_desktop.store.team import TeamMember
from tests.core.reports.casebook import ACTOR, Casebook, utc
from tests.core.review.conftest import COORDINATOR, Clock, resubmit, submitted

RETURNED = utc(2026, 2, 5, 18, 0)


def test_a_first_submission_has_its_offers_and_timings_and_no_changes(
    store: Store, book: Casebook, form: Form
) -> None:
    interview = submitted(
        book,
        RETURNED,
        reference="S-1",
        started_after=timedelta(hours=26),
        signed_off_after=timedelta(hours=75),
    )
    for hours, outcome, reason in (
        (2, OfferOutcome.NO_CONTACT, "No answer"),
        (24, OfferOutcome.ACCEPTED, None),
    ):
        offer = Offer(
            new_id(),
            interview.id,
            RETURNED + timedelta(hours=hours),
            OfferMethod.PHONE,
            "Sam",
            outcome,
            reason=reason,
        )
        with store.transaction(ACTOR) as tx:
            tx.offers.add(offer)

    subject = review_subject(store, interview.id, lambda _id, _version: form)

    assert subject.case_reference == "S-1" and subject.interviewer == "Sam Interviewer"
    assert subject.revision == 1 and subject.previous_revision is None
    assert subject.changes is None and subject.previous_feedback is None
    timings = subject.timings
    assert timings.returned_at == RETURNED
    assert timings.due_by == RETURNED + timedelta(hours=72)
    assert [(o.hours_from_return, o.outcome, o.reason) for o in timings.offers] == [
        (2.0, OfferOutcome.NO_CONTACT, "No answer"),
        (24.0, OfferOutcome.ACCEPTED, None),
    ]
    assert timings.hours_to_interview == 26.0
    assert timings.within_72_hours is False
    assert subject.questions["venue_type"] == "Where did you meet?"
    assert subject.sections[0].title == "The offer"


def test_a_resubmission_shows_what_changed_and_what_was_asked(
    store: Store, book: Casebook, clock: Clock, form: Form
) -> None:
    interview = submitted(book, RETURNED)
    asked = return_for_amendment(
        store,
        COORDINATOR,
        interview.id,
        1,
        clock.now,
        question_comments={"interviewer_name": "Your full name, please."},
    )
    resubmit(
        store,
        interview.id,
        {**interview.answers, "interviewer_name": "Sam Fullname"},
        RETURNED + timedelta(days=2),
    )

    subject = review_subject(store, interview.id, lambda _id, _version: form)

    assert subject.revision == 2 and subject.previous_revision == 1
    assert subject.previous_feedback == asked
    assert subject.changes is not None
    (change,) = subject.changes
    assert (change.label, change.kind, change.before, change.after) == (
        "Interviewer name",
        ChangeKind.CHANGED,
        "Sam Interviewer",
        "Sam Fullname",
    )
    assert subject.interviewer == "Sam Fullname"


def test_an_interview_with_no_signed_name_shows_the_interviewer_by_the_roster(
    store: Store, book: Casebook, form: Form
) -> None:
    unsigned = {"venue_type": "school"}
    on_roster = submitted(book, RETURNED, answers=unsigned, interviewer="0f9a8b7c-1111")
    elsewhere = submitted(book, RETURNED, answers=unsigned, interviewer="5e6d7c8b-2222")
    with store.transaction(ACTOR) as tx:
        tx.team.replace([TeamMember("0f9a8b7c-1111", "sam.interviewer", "interviewer")])

    def shown(interview_id: str) -> str:
        return review_subject(store, interview_id, lambda _id, _version: form).interviewer

    assert shown(on_roster.id) == "sam.interviewer"  # as the review queue shows them
    assert shown(elsewhere.id) == "5e6d7c8b"  # not on the roster: the start of the id


def test_hours_past_72_never_read_as_72() -> None:
    """Offered 72 hours and 2 minutes after the return read "72.0 h" beside a KPI that
    counts the offer late: a part of a tenth past is a tenth more."""
    returned = utc(2026, 10, 23, 0, 30)  # 72 hours on, the clocks have gone back
    assert hours_between(returned, returned + timedelta(hours=72, minutes=2)) == 72.1
    assert hours_between(returned, returned + timedelta(hours=72)) == 72.0
    assert hours_between(returned, returned + timedelta(hours=30, minutes=30)) == 30.5
