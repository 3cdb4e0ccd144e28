"""Supervision: who is due it, recording a session, acknowledging it, rating its quality.

Interviewers are supervised by their coordinator every 28 days, and coordinators by their
service manager the same way. A session is next due 28 days after the date it was held;
it is overdue from the day after that, and someone never supervised is overdue from the
start. Dates are London dates: "today" is the date on a London wall clock at the instant
the caller's clock gives. The people come from the team roster the central service
sends (`store.team`), so someone new with no interviews yet is listed too.

Each write is one store transaction (row, outbox entry and audit event together).
Problems a person can fix are `SupervisionError`s carrying a `SupervisionProblem`, which
the screens word for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum

from rhi_desktop.domain.deadlines import london_date, require_aware
from rhi_desktop.domain.entities import (
    AgreedAction,
    InterviewState,
    SupervisionQualityReview,
    SupervisionSession,
    new_id,
)
from rhi_desktop.store import Store
from rhi_desktop.store.team import TeamMember


class TeamRole(StrEnum):
    """The roles the team roster names (the sync protocol's values)."""

    INTERVIEWER = "interviewer"
    COORDINATOR = "coordinator"
    SERVICE_MANAGER = "service_manager"


# Whom each role supervises.
SUPERVISES: Mapping[str, TeamRole] = {
    TeamRole.COORDINATOR: TeamRole.INTERVIEWER,
    TeamRole.SERVICE_MANAGER: TeamRole.COORDINATOR,
}


class QualityRating(IntEnum):
    INADEQUATE = 1
    REQUIRES_IMPROVEMENT = 2
    GOOD = 3
    OUTSTANDING = 4


class SupervisionProblem(StrEnum):
    NOT_ON_TEAM = "not_on_team"
    HELD_IN_FUTURE = "held_in_future"
    MISSING_WELLBEING = "missing_wellbeing"
    ACTION_MISSING_WHAT = "action_missing_what"
    ACTION_MISSING_OWNER = "action_missing_owner"
    ACTION_DUE_BEFORE_SESSION = "action_due_before_session"
    NOT_YOUR_SESSION = "not_your_session"
    ALREADY_ACKNOWLEDGED = "already_acknowledged"
    OWN_SESSION = "own_session"
    ALREADY_REVIEWED = "already_reviewed"


class SupervisionError(ValueError):
    """`action` is the position of the agreed action at fault, when one is."""

    def __init__(self, problem: SupervisionProblem, action: int | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.action = action


@dataclass(frozen=True, slots=True)
class SuperviseeStatus:
    """One person's supervision as of `today`."""

    member: TeamMember
    last_session: SupervisionSession | None
    today: date

    @property
    def never_supervised(self) -> bool:
        return self.last_session is None

    @property
    def next_due(self) -> date | None:
        return None if self.last_session is None else self.last_session.next_due

    @property
    def overdue(self) -> bool:
        return self.next_due is None or self.today > self.next_due

    @property
    def days_overdue(self) -> int | None:
        """Whole days past the due date (0 when not overdue); None if never supervised."""
        if self.next_due is None:
            return None
        return max(0, (self.today - self.next_due).days)

    @property
    def days_until_due(self) -> int | None:
        return None if self.next_due is None else (self.next_due - self.today).days


def supervisee_status(
    member: TeamMember, sessions: Iterable[SupervisionSession], today: date
) -> SuperviseeStatus:
    """`member`'s status from their sessions (any order; others' sessions are ignored)."""
    theirs = [s for s in sessions if s.supervisee_id == member.user_id]
    last = max(theirs, key=lambda s: s.held_on, default=None)
    return SuperviseeStatus(member=member, last_session=last, today=today)


def _urgency(status: SuperviseeStatus) -> tuple[int, int, str]:
    if status.next_due is None:
        return (0, 0, status.member.name.casefold())
    return (1, status.next_due.toordinal(), status.member.name.casefold())


def team_status(store: Store, supervisor_role: str, today: date) -> list[SuperviseeStatus]:
    """Everyone a person in `supervisor_role` supervises: never supervised first, then by
    due date (most overdue first)."""
    role = SUPERVISES.get(supervisor_role)
    if role is None:
        return []
    sessions = store.supervision_sessions.newest_first()  # one read, not one per person
    found = [supervisee_status(m, sessions, today) for m in store.team.members(role)]
    return sorted(found, key=_urgency)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session with what happened to it afterwards."""

    session: SupervisionSession
    acknowledged_at: datetime | None
    reviews: tuple[SupervisionQualityReview, ...]

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def reviewed(self) -> bool:
        return bool(self.reviews)


def summaries(store: Store, sessions: Sequence[SupervisionSession]) -> list[SessionSummary]:
    acknowledged = store.acknowledgements.by_session()
    reviews = store.quality_reviews.by_session()
    return [
        SessionSummary(
            session=s,
            acknowledged_at=acknowledged.get(s.id),
            reviews=reviews.get(s.id, ()),
        )
        for s in sessions
    ]


def sessions_of(store: Store, supervisee_id: str) -> list[SessionSummary]:
    """One person's sessions, newest first."""
    return summaries(store, store.supervision_sessions.for_supervisee(supervisee_id))


def awaiting_review(store: Store, reviewer_id: str) -> list[SessionSummary]:
    """The team's sessions nobody has rated yet, newest first; not ones `reviewer_id` held."""
    sessions = [
        s for s in store.supervision_sessions.newest_first() if s.supervisor_id != reviewer_id
    ]
    return [item for item in summaries(store, sessions) if not item.reviewed]


@dataclass(frozen=True, slots=True)
class CaseOption:
    """An interview that can be named as discussed: by case reference, never by name."""

    interview_id: str
    case_reference: str
    state: InterviewState


def cases_for(store: Store, interviewer_id: str) -> list[CaseOption]:
    """The interviews of `interviewer_id` held on this device, by case reference."""
    rows = store.interviews.list_by_state(*InterviewState)
    options = [
        CaseOption(r.interview_id, r.case_reference, r.state)
        for r in rows
        if r.interviewer_id == interviewer_id
    ]
    return sorted(options, key=lambda o: o.case_reference.casefold())


def case_references(store: Store, interview_ids: Iterable[str]) -> dict[str, str]:
    """Case references of those interviews that are on this device."""
    found: dict[str, str] = {}
    for interview_id in interview_ids:
        interview = store.interviews.find(interview_id)
        if interview is None:
            continue
        child = store.children.find(interview.child_id)
        if child is not None:
            found[interview_id] = child.case_reference
    return found


@dataclass(frozen=True, slots=True)
class SessionDraft:
    """A session as the supervisor typed it."""

    supervisee_id: str
    held_on: date
    cases_discussed: tuple[str, ...]
    reflections: str
    wellbeing: str
    actions: tuple[AgreedAction, ...]


def check_session(draft: SessionDraft, today: date) -> None:
    """Raise SupervisionError for the first thing the supervisor needs to change."""
    if draft.held_on > today:
        raise SupervisionError(SupervisionProblem.HELD_IN_FUTURE)
    if not draft.wellbeing.strip():
        raise SupervisionError(SupervisionProblem.MISSING_WELLBEING)
    for position, action in enumerate(draft.actions):
        if not action.what.strip():
            raise SupervisionError(SupervisionProblem.ACTION_MISSING_WHAT, position)
        if not action.owner.strip():
            raise SupervisionError(SupervisionProblem.ACTION_MISSING_OWNER, position)
        if action.due < draft.held_on:
            raise SupervisionError(SupervisionProblem.ACTION_DUE_BEFORE_SESSION, position)


def _text(value: str) -> str | None:
    stripped = value.strip()
    return stripped or None


def record_session(
    store: Store, actor: str, draft: SessionDraft, now: datetime
) -> SupervisionSession:
    """Save a session `actor` held with someone they supervise on the team."""
    check_session(draft, london_date(now))
    supervisee = store.team.member(draft.supervisee_id)
    if supervisee is None or draft.supervisee_id == actor:
        raise SupervisionError(SupervisionProblem.NOT_ON_TEAM)
    session = SupervisionSession(
        id=new_id(),
        supervisor_id=actor,
        supervisee_id=draft.supervisee_id,
        held_on=draft.held_on,
        cases_discussed=tuple(dict.fromkeys(draft.cases_discussed)),
        reflections=_text(draft.reflections),
        wellbeing=_text(draft.wellbeing),
        actions=tuple(
            AgreedAction(what=a.what.strip(), owner=a.owner.strip(), due=a.due)
            for a in draft.actions
        ),
    )
    with store.transaction(actor) as tx:
        return tx.supervision_sessions.add(session)


def acknowledge(store: Store, actor: str, session_id: str, now: datetime) -> None:
    """The supervisee confirms they have read the record of their session."""
    session = store.supervision_sessions.get(session_id)
    if session.supervisee_id != actor:
        raise SupervisionError(SupervisionProblem.NOT_YOUR_SESSION)
    if session_id in store.acknowledgements.by_session():
        raise SupervisionError(SupervisionProblem.ALREADY_ACKNOWLEDGED)
    with store.transaction(actor) as tx:
        tx.acknowledgements.record(session_id, require_aware(now))


def record_quality_review(
    store: Store,
    actor: str,
    session_id: str,
    rating: QualityRating,
    comments: str,
    now: datetime,
) -> SupervisionQualityReview:
    """A service manager's rating of a session someone else held."""
    session = store.supervision_sessions.get(session_id)
    if session.supervisor_id == actor:
        raise SupervisionError(SupervisionProblem.OWN_SESSION)
    if store.quality_reviews.for_session(session_id):
        raise SupervisionError(SupervisionProblem.ALREADY_REVIEWED)
    review = SupervisionQualityReview(
        id=new_id(),
        session_id=session_id,
        reviewer_id=actor,
        reviewed_at=require_aware(now),
        rating=int(QualityRating(rating)),
        comments=_text(comments),
    )
    with store.transaction(actor) as tx:
        return tx.quality_reviews.add(review)
