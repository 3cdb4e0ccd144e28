"""Interviews recorded the way an interviewer records them (`ui.casework`), then sent."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from rhi_desktop.domain.entities import EpisodeType, InterviewState, OfferMethod, OfferOutcome
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import Store
from tests.ui.answers import complete_answers
from ui.casework import (
    FoundChild,
    OfferAttempt,
    record_found_child,
    record_offer,
    sign_off,
    start_interview,
)

BUNDLED_RHI = FormRegistry(BUNDLED_FORMS_DIR).load("rhi", 1)


def interviewed(store: Store, actor: str, now: datetime, reference: str) -> str:
    """A found child offered, interviewed with complete answers and left in progress."""
    found = FoundChild(
        case_reference=reference,
        name="Fictional Example",
        date_of_birth=date(2011, 3, 7),
        looked_after=False,
        uasc=False,
        episode_type=EpisodeType.MISSING,
        episode_start=now - timedelta(days=1),
        returned_at=now - timedelta(hours=20),
    )
    interview_id = record_found_child(store, actor, found, now)
    missed = OfferAttempt(
        now - timedelta(hours=19),
        OfferMethod.PHONE,
        "Sam",
        OfferOutcome.NO_CONTACT,
        None,
        "No answer",
    )
    record_offer(store, actor, interview_id, missed, now)
    accepted = OfferAttempt(
        now - timedelta(hours=18), OfferMethod.IN_PERSON, "Sam", OfferOutcome.ACCEPTED, True
    )
    record_offer(store, actor, interview_id, accepted, now)
    started = start_interview(store, actor, interview_id, now, BUNDLED_RHI)
    with store.transaction(actor) as tx:
        tx.interviews.save_answers(
            interview_id, complete_answers(now), expected_version=started.version
        )
    return interview_id


def send_for_review(store: Store, actor: str, interview_id: str, now: datetime) -> None:
    """Sign off (in progress -> completed) and submit."""
    sign_off(store, actor, interview_id, now)
    with store.transaction(actor) as tx:
        tx.interviews.transition(interview_id, InterviewState.SUBMITTED, at=now)


def submitted(store: Store, actor: str, now: datetime, reference: str) -> str:
    interview_id = interviewed(store, actor, now, reference)
    send_for_review(store, actor, interview_id, now)
    return interview_id


def change_answer(store: Store, actor: str, interview_id: str, question: str, value: Any) -> None:
    current = store.interviews.get(interview_id)
    answers = {**current.answers, question: value}
    with store.transaction(actor) as tx:
        tx.interviews.save_answers(interview_id, answers, expected_version=current.version)
