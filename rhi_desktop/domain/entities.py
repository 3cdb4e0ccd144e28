"""The entities of the RHI service as frozen dataclasses.

Ids are client-generated UUIDv4 strings; instants are timezone-aware UTC datetimes
(stored as ISO-8601) and shown in Europe/London time by `rhi_desktop.domain.deadlines`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


def new_id() -> str:
    return str(uuid.uuid4())


class EpisodeType(StrEnum):
    MISSING = "M"  # whereabouts unknown
    AWAY = "A"  # away from placement without authorisation, whereabouts known


class RiskGrade(StrEnum):
    NO_APPARENT_RISK = "no_apparent_risk"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class InterviewState(StrEnum):
    ASSIGNED = "assigned"
    OFFERED = "offered"
    DECLINED = "declined"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class OfferMethod(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    TEXT = "text"
    LETTER = "letter"
    VIA_CARER = "via_carer"
    VIA_SOCIAL_WORKER = "via_social_worker"


class OfferOutcome(StrEnum):
    ACCEPTED = "accepted"
    DECLINED_BY_CHILD = "declined_by_child"
    DECLINED_BY_PARENT_CARER = "declined_by_parent_carer"
    NO_CONTACT = "no_contact"
    NOT_OFFERED = "not_offered"


class ReviewDecision(StrEnum):
    APPROVED = "approved"
    RETURNED = "returned"


class PlacementArea(StrEnum):
    IN_AREA = "in_area"
    OUT_OF_AREA = "out_of_area"


@dataclass(frozen=True, slots=True)
class Placement:
    type: str | None = None
    local_authority: str | None = None
    area: PlacementArea | None = None
    distance_miles: float | None = None


@dataclass(frozen=True, slots=True)
class Child:
    id: str
    case_reference: str
    name: str
    date_of_birth: date
    preferred_name: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    first_language: str | None = None
    interpreter_needed: bool = False
    looked_after: bool = False
    uasc: bool = False
    placement: Placement = field(default_factory=Placement)
    school: str | None = None
    social_worker: str | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    id: str
    child_id: str
    type: EpisodeType
    start: datetime
    end: datetime | None = None
    where_found: str | None = None
    police_reference: str | None = None
    risk_grade: RiskGrade | None = None
    # Whether the child was looked after (in care) when this episode began: the statutory
    # returns count only episodes from care. None where it was not recorded with the
    # episode (records made before it was), and reports then use the child's current flag.
    looked_after: bool | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class ReturnInterview:
    """One interview for a found child; it may cover several episodes of that child."""

    id: str
    child_id: str
    episode_ids: tuple[str, ...]
    interviewer_id: str
    returned_at: datetime  # when the child returned: the 72-hour clock starts here
    state: InterviewState = InterviewState.ASSIGNED
    form_id: str | None = None
    form_version: int | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    revision: int = 1
    started_at: datetime | None = None
    completed_at: datetime | None = None
    late_reason: str | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class Offer:
    id: str
    interview_id: str
    offered_at: datetime
    method: OfferMethod
    offered_by: str
    outcome: OfferOutcome
    child_chose_venue_and_time: bool | None = None
    reason: str | None = None  # for declined, no contact and not offered
    version: int = 0


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    interview_id: str
    revision: int
    reviewer_id: str
    decided_at: datetime
    decision: ReviewDecision
    overall_comment: str | None = None
    question_comments: dict[str, str] = field(default_factory=dict)
    version: int = 0


@dataclass(frozen=True, slots=True)
class AgreedAction:
    what: str
    owner: str
    due: date


@dataclass(frozen=True, slots=True)
class SupervisionSession:
    id: str
    supervisor_id: str
    supervisee_id: str
    held_on: date
    cases_discussed: tuple[str, ...] = ()  # interview ids
    reflections: str | None = None
    wellbeing: str | None = None  # secondary trauma check
    actions: tuple[AgreedAction, ...] = ()
    acknowledged_at: datetime | None = None
    version: int = 0

    @property
    def next_due(self) -> date:
        from rhi_desktop.domain.deadlines import SUPERVISION_INTERVAL

        return self.held_on + SUPERVISION_INTERVAL


@dataclass(frozen=True, slots=True)
class SupervisionQualityReview:
    id: str
    session_id: str
    reviewer_id: str
    reviewed_at: datetime
    rating: int  # 1 (inadequate) .. 4 (outstanding)
    comments: str | None = None
    version: int = 0
