"""Synthetic, clearly fictional demo data: children, episodes, offers and interviews.

Names are invented (every surname is an obvious placeholder), dates are generated, and
nothing here describes a real person. The same seed always gives the same data, so demo
profiles and benchmarks are reproducible.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    Placement,
    PlacementArea,
    ReturnInterview,
    Review,
    ReviewDecision,
    RiskGrade,
)
from rhi_desktop.forms.loader import INTERVIEW_FORM_ID
from rhi_desktop.store import Transaction

GIVEN_NAMES = (
    "Amara",
    "Kai",
    "Siân",
    "Łukasz",
    "Zoë",
    "Nia",
    "Tomasz",
    "Aisha",
    "Callum",
    "Ffion",
    "Dawit",
    "Mehmet",
    "Orla",
    "Priya",
    "Rhys",
    "Saoirse",
    "Yusuf",
    "Elif",
    "Jayden",
    "Bethan",
)
SURNAMES = (
    "Example",
    "Sample",
    "Placeholder",
    "Fictional",
    "Madeup",
    "Notreal",
    "Democase",
    "Testwell",
    "Mockford",
    "Pretendly",
)
ETHNICITIES = ("WBRI", "WIRI", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "OOTH", "WOTH")
GENDERS = ("female", "male", "non_binary")
PLACEMENTS = ("foster_care", "residential_home", "semi_independent", "with_parents")
SCHOOLS = ("Demo Academy", "Sample High School", "Placeholder College")
WHERE_FOUND = ("friend's house", "town centre", "railway station", "park", "returned alone")

# Cycle through every lifecycle state so a demo profile shows each screen.
STATE_PATH: dict[InterviewState, tuple[InterviewState, ...]] = {
    InterviewState.ASSIGNED: (),
    InterviewState.OFFERED: (InterviewState.OFFERED,),
    InterviewState.DECLINED: (InterviewState.OFFERED, InterviewState.DECLINED),
    InterviewState.IN_PROGRESS: (InterviewState.OFFERED, InterviewState.IN_PROGRESS),
    InterviewState.COMPLETED: (
        InterviewState.OFFERED,
        InterviewState.IN_PROGRESS,
        InterviewState.COMPLETED,
    ),
    InterviewState.SUBMITTED: (
        InterviewState.OFFERED,
        InterviewState.IN_PROGRESS,
        InterviewState.COMPLETED,
        InterviewState.SUBMITTED,
    ),
    InterviewState.RETURNED: (
        InterviewState.OFFERED,
        InterviewState.IN_PROGRESS,
        InterviewState.COMPLETED,
        InterviewState.SUBMITTED,
        InterviewState.RETURNED,
    ),
    InterviewState.APPROVED: (
        InterviewState.OFFERED,
        InterviewState.IN_PROGRESS,
        InterviewState.COMPLETED,
        InterviewState.SUBMITTED,
        InterviewState.APPROVED,
    ),
}
STATES = tuple(STATE_PATH)

AnswerMaker = Callable[[random.Random], dict[str, Any]]


@dataclass(slots=True)
class DemoCase:
    """One child with their episodes, and an interview per found episode group."""

    child: Child
    episodes: list[MissingEpisode] = field(default_factory=list)
    interviews: list[ReturnInterview] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(
    children: int,
    *,
    interviewer_id: str,
    reviewer_id: str = "demo-coordinator",
    now: datetime | None = None,
    seed: int = 2018,
    answers: AnswerMaker | None = None,
) -> Iterator[DemoCase]:
    """Yield `children` fictional cases; about a third are repeat missing, some UASC."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fiction, not secrets
    now = now or datetime.now(UTC)
    for n in range(children):
        child = _child(rng, n, now.date())
        case = DemoCase(child)
        episode_count = rng.choices((1, 2, 3, 4), weights=(60, 20, 12, 8))[0]
        start = now - timedelta(days=rng.randint(2, 330), hours=rng.randint(0, 23))
        for _ in range(episode_count):
            episode, start = _episode(rng, child, start)
            case.episodes.append(episode)
        # The latest episode is the one the interview is for; it returned recently enough
        # that the 72-hour countdown is live for the open ones.
        latest = case.episodes[-1]
        state = STATES[n % len(STATES)]
        returned_at = latest.end or now
        if state in (InterviewState.ASSIGNED, InterviewState.OFFERED):
            returned_at = now - timedelta(hours=rng.randint(1, 80))
            case.episodes[-1] = latest = _replace_end(latest, returned_at)
        interview = _interview(rng, child, latest, state, interviewer_id, returned_at, answers)
        case.interviews.append(interview)
        case.offers.extend(_offers(rng, interview, state, interviewer_id))
        if state in (InterviewState.RETURNED, InterviewState.APPROVED):
            case.reviews.append(_review(rng, interview, state, reviewer_id))
        yield case


def _child(rng: random.Random, n: int, today: date) -> Child:
    dob = today - timedelta(days=rng.randint(11 * 365, 17 * 365 + 300))
    uasc = rng.random() < 0.18
    looked_after = uasc or rng.random() < 0.55
    out_of_area = looked_after and rng.random() < 0.35
    return Child(
        id=_uuid(rng),
        case_reference=f"DEMO-{n + 1:05d}",
        name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAMES)}",
        date_of_birth=dob,
        gender=rng.choice(GENDERS),
        ethnicity=rng.choice(ETHNICITIES),
        first_language="English" if not uasc else rng.choice(("Tigrinya", "Pashto", "Kurdish")),
        interpreter_needed=uasc and rng.random() < 0.7,
        looked_after=looked_after,
        uasc=uasc,
        placement=Placement(
            type=rng.choice(PLACEMENTS) if looked_after else None,
            local_authority="Demo County Council" if looked_after else None,
            area=(PlacementArea.OUT_OF_AREA if out_of_area else PlacementArea.IN_AREA)
            if looked_after
            else None,
            distance_miles=round(rng.uniform(20, 180), 1) if out_of_area else None,
        ),
        school=rng.choice(SCHOOLS),
        social_worker=f"Worker {rng.choice(SURNAMES)}",
    )


def _episode(rng: random.Random, child: Child, after: datetime) -> tuple[MissingEpisode, datetime]:
    start = after + timedelta(hours=rng.randint(0, 24 * 20))
    end = start + timedelta(hours=rng.choice((3, 6, 14, 26, 50, 96)))
    kind = EpisodeType.AWAY if child.looked_after and rng.random() < 0.3 else EpisodeType.MISSING
    episode = MissingEpisode(
        id=_uuid(rng),
        child_id=child.id,
        type=kind,
        start=start,
        end=end,
        where_found=rng.choice(WHERE_FOUND),
        police_reference=f"DEMO/{rng.randint(10000, 99999)}",
        risk_grade=rng.choice(list(RiskGrade)),
        looked_after=child.looked_after,
    )
    return episode, end + timedelta(days=rng.randint(1, 30))


def _replace_end(episode: MissingEpisode, end: datetime) -> MissingEpisode:
    start = min(episode.start, end - timedelta(hours=6))
    return replace(episode, start=start, end=end)


def _interview(
    rng: random.Random,
    child: Child,
    episode: MissingEpisode,
    state: InterviewState,
    interviewer_id: str,
    returned_at: datetime,
    answers: AnswerMaker | None,
) -> ReturnInterview:
    started = state not in (
        InterviewState.ASSIGNED,
        InterviewState.OFFERED,
        InterviewState.DECLINED,
    )
    started_at = returned_at + timedelta(hours=rng.randint(4, 90)) if started else None
    done = started and state is not InterviewState.IN_PROGRESS
    completed_at = started_at + timedelta(minutes=rng.randint(60, 95)) if started_at else None
    late = bool(done and completed_at and completed_at - returned_at > timedelta(hours=72))
    return ReturnInterview(
        id=_uuid(rng),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id=interviewer_id,
        returned_at=returned_at,
        state=state,
        form_id=INTERVIEW_FORM_ID if started else None,
        form_version=1 if started else None,
        answers=answers(rng) if (started and answers) else {},
        started_at=started_at,
        completed_at=completed_at if done else None,
        late_reason="Young person was not available until after the weekend" if late else None,
    )


def _offers(
    rng: random.Random, interview: ReturnInterview, state: InterviewState, interviewer_id: str
) -> list[Offer]:
    path = STATE_PATH[state]
    if not path:
        return []
    offers: list[Offer] = []
    at = interview.returned_at + timedelta(hours=rng.randint(2, 20))
    if InterviewState.DECLINED in path:
        offers.append(
            Offer(
                id=_uuid(rng),
                interview_id=interview.id,
                offered_at=at,
                method=rng.choice(list(OfferMethod)),
                offered_by=interviewer_id,
                outcome=rng.choice(
                    (OfferOutcome.DECLINED_BY_CHILD, OfferOutcome.DECLINED_BY_PARENT_CARER)
                ),
                reason="Did not want to talk about it this week",
            )
        )
        return offers
    if rng.random() < 0.3:
        offers.append(
            Offer(
                id=_uuid(rng),
                interview_id=interview.id,
                offered_at=at,
                method=OfferMethod.PHONE,
                offered_by=interviewer_id,
                outcome=OfferOutcome.NO_CONTACT,
                reason="No answer; message left with carer",
            )
        )
        at += timedelta(hours=rng.randint(3, 20))
    offers.append(
        Offer(
            id=_uuid(rng),
            interview_id=interview.id,
            offered_at=at,
            method=rng.choice((OfferMethod.IN_PERSON, OfferMethod.PHONE, OfferMethod.VIA_CARER)),
            offered_by=interviewer_id,
            outcome=OfferOutcome.ACCEPTED,
            child_chose_venue_and_time=rng.random() < 0.8,
        )
    )
    return offers


def _review(
    rng: random.Random, interview: ReturnInterview, state: InterviewState, reviewer_id: str
) -> Review:
    decided = (interview.completed_at or interview.returned_at) + timedelta(days=2)
    returned = state is InterviewState.RETURNED
    return Review(
        id=_uuid(rng),
        interview_id=interview.id,
        revision=interview.revision,
        reviewer_id=reviewer_id,
        decided_at=decided,
        decision=ReviewDecision.RETURNED if returned else ReviewDecision.APPROVED,
        overall_comment="Please add who was present and the agreed actions." if returned else None,
    )


def add_worked_through(tx: Transaction, interview: ReturnInterview) -> None:
    """Record the interview as a laptop does: assigned, then one step of the lifecycle
    at a time (the service takes each step as its own change, and no other way)."""
    tx.interviews.add(
        replace(
            interview,
            state=InterviewState.ASSIGNED,
            form_id=None,
            form_version=None,
            answers={},
            started_at=None,
            completed_at=None,
            late_reason=None,
        )
    )
    for step in STATE_PATH[interview.state]:
        at = (
            {
                InterviewState.IN_PROGRESS: interview.started_at,
                InterviewState.COMPLETED: interview.completed_at,
            }.get(step)
            or interview.completed_at
            or interview.returned_at
        )
        moved = tx.interviews.transition(interview.id, step, at=at)
        if step is InterviewState.IN_PROGRESS:
            tx.interviews.update(
                replace(
                    moved,
                    form_id=interview.form_id,
                    form_version=interview.form_version,
                    answers=interview.answers,
                    late_reason=interview.late_reason,
                )
            )
