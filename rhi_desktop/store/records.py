"""How each entity maps to a table row and to the JSON payload the outbox carries.

Instants are stored as one fixed UTC ISO-8601 spelling (so they sort as text), dates as
ISO dates, enums by value, and free-form structures (answers, comments) as JSON.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from rhi_desktop.audit import utc_text
from rhi_desktop.domain.deadlines import due_by
from rhi_desktop.domain.entities import (
    AgreedAction,
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
    SupervisionQualityReview,
    SupervisionSession,
)
from rhi_desktop.plain_text import kept_text, needs_keeping

T = TypeVar("T")
Row = Mapping[str, Any]


def instant_text(instant: datetime | None) -> str | None:
    return None if instant is None else utc_text(instant)


def instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def required_instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _optional_flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:  # exact types: a StrEnum must become its value below
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _kept(value: Any) -> Any:
    if type(value) is str:
        return kept_text(value) if needs_keeping(value) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _field_names(type(value)):
            item = getattr(value, name)
            kept = _kept(item)
            if kept is not item:
                changes[name] = kept
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, dict):
        pairs = [(_kept(key), _kept(item)) for key, item in value.items()]
        same = all(
            k is key and i is item for (k, i), (key, item) in zip(pairs, value.items(), strict=True)
        )
        return value if same else dict(pairs)
    if isinstance(value, list | tuple):
        items = [_kept(item) for item in value]
        same = all(k is item for k, item in zip(items, value, strict=True))
        return value if same else type(value)(items)
    return value


def kept(entity: T) -> T:
    """`entity` with its text as it can be kept and sent (`kept_text`), itself when no
    text needs it: a control character pasted into a comment or a name would make the
    central service refuse the whole record."""
    return _kept(entity)  # type: ignore[no-any-return]


def payload(entity: object) -> dict[str, Any]:
    """The entity as plain JSON-ready data: what the central service receives."""
    plain = _plain(entity)
    assert isinstance(plain, dict)
    return plain


@dataclass(frozen=True, slots=True)
class TableSpec(Generic[T]):
    """One entity's table: its columns (besides the shared version columns) and mapping."""

    table: str
    entity: str  # the name used in outbox entries and audit events
    columns: tuple[str, ...]
    to_row: Callable[[T], tuple[Any, ...]]
    from_row: Callable[[Row], T]


def _child_row(c: Child) -> tuple[Any, ...]:
    p = c.placement
    return (
        c.id,
        c.case_reference,
        c.name,
        c.preferred_name,
        c.date_of_birth.isoformat(),
        c.gender,
        c.ethnicity,
        c.first_language,
        int(c.interpreter_needed),
        int(c.looked_after),
        int(c.uasc),
        p.type,
        p.local_authority,
        None if p.area is None else p.area.value,
        p.distance_miles,
        c.school,
        c.social_worker,
    )


def _child(r: Row) -> Child:
    return Child(
        id=r["id"],
        case_reference=r["case_reference"],
        name=r["name"],
        preferred_name=r["preferred_name"],
        date_of_birth=date.fromisoformat(r["date_of_birth"]),
        gender=r["gender"],
        ethnicity=r["ethnicity"],
        first_language=r["first_language"],
        interpreter_needed=bool(r["interpreter_needed"]),
        looked_after=bool(r["looked_after"]),
        uasc=bool(r["uasc"]),
        placement=Placement(
            type=r["placement_type"],
            local_authority=r["placement_local_authority"],
            area=None if r["placement_area"] is None else PlacementArea(r["placement_area"]),
            distance_miles=r["placement_distance_miles"],
        ),
        school=r["school"],
        social_worker=r["social_worker"],
        version=r["version"],
    )


CHILDREN: TableSpec[Child] = TableSpec(
    table="children",
    entity="child",
    columns=(
        "id",
        "case_reference",
        "name",
        "preferred_name",
        "date_of_birth",
        "gender",
        "ethnicity",
        "first_language",
        "interpreter_needed",
        "looked_after",
        "uasc",
        "placement_type",
        "placement_local_authority",
        "placement_area",
        "placement_distance_miles",
        "school",
        "social_worker",
    ),
    to_row=_child_row,
    from_row=_child,
)


def _episode_row(e: MissingEpisode) -> tuple[Any, ...]:
    return (
        e.id,
        e.child_id,
        EpisodeType(e.type).value,
        utc_text(e.start),
        instant_text(e.end),
        e.where_found,
        e.police_reference,
        None if e.risk_grade is None else e.risk_grade.value,
        None if e.looked_after is None else int(e.looked_after),
    )


def _episode(r: Row) -> MissingEpisode:
    return MissingEpisode(
        id=r["id"],
        child_id=r["child_id"],
        type=EpisodeType(r["type"]),
        start=required_instant(r["start_at"]),
        end=instant(r["end_at"]),
        where_found=r["where_found"],
        police_reference=r["police_reference"],
        risk_grade=None if r["risk_grade"] is None else RiskGrade(r["risk_grade"]),
        looked_after=None if r["looked_after"] is None else bool(r["looked_after"]),
        version=r["version"],
    )


EPISODES: TableSpec[MissingEpisode] = TableSpec(
    table="episodes",
    entity="episode",
    columns=(
        "id",
        "child_id",
        "type",
        "start_at",
        "end_at",
        "where_found",
        "police_reference",
        "risk_grade",
        "looked_after",
    ),
    to_row=_episode_row,
    from_row=_episode,
)


def _interview_row(i: ReturnInterview) -> tuple[Any, ...]:
    return (
        i.id,
        i.child_id,
        i.interviewer_id,
        utc_text(i.returned_at),
        utc_text(due_by(i.returned_at)),
        InterviewState(i.state).value,
        i.form_id,
        i.form_version,
        json_text(i.answers),
        i.revision,
        instant_text(i.started_at),
        instant_text(i.completed_at),
        i.late_reason,
    )


def _interview(r: Row) -> ReturnInterview:
    return ReturnInterview(
        id=r["id"],
        child_id=r["child_id"],
        episode_ids=tuple(r.get("episode_ids", ())),
        interviewer_id=r["interviewer_id"],
        returned_at=required_instant(r["returned_at"]),
        state=InterviewState(r["state"]),
        form_id=r["form_id"],
        form_version=r["form_version"],
        answers=json.loads(r["answers"]),
        revision=r["revision"],
        started_at=instant(r["started_at"]),
        completed_at=instant(r["completed_at"]),
        late_reason=r["late_reason"],
        version=r["version"],
    )


INTERVIEWS: TableSpec[ReturnInterview] = TableSpec(
    table="interviews",
    entity="interview",
    columns=(
        "id",
        "child_id",
        "interviewer_id",
        "returned_at",
        "due_by",
        "state",
        "form_id",
        "form_version",
        "answers",
        "revision",
        "started_at",
        "completed_at",
        "late_reason",
    ),
    to_row=_interview_row,
    from_row=_interview,
)


def _offer_row(o: Offer) -> tuple[Any, ...]:
    return (
        o.id,
        o.interview_id,
        utc_text(o.offered_at),
        OfferMethod(o.method).value,
        o.offered_by,
        OfferOutcome(o.outcome).value,
        _flag(o.child_chose_venue_and_time),
        o.reason,
    )


def _offer(r: Row) -> Offer:
    return Offer(
        id=r["id"],
        interview_id=r["interview_id"],
        offered_at=required_instant(r["offered_at"]),
        method=OfferMethod(r["method"]),
        offered_by=r["offered_by"],
        outcome=OfferOutcome(r["outcome"]),
        child_chose_venue_and_time=_optional_flag(r["child_chose_venue_and_time"]),
        reason=r["reason"],
        version=r["version"],
    )


OFFERS: TableSpec[Offer] = TableSpec(
    table="offers",
    entity="offer",
    columns=(
        "id",
        "interview_id",
        "offered_at",
        "method",
        "offered_by",
        "outcome",
        "child_chose_venue_and_time",
        "reason",
    ),
    to_row=_offer_row,
    from_row=_offer,
)


def _review_row(v: Review) -> tuple[Any, ...]:
    return (
        v.id,
        v.interview_id,
        v.revision,
        v.reviewer_id,
        utc_text(v.decided_at),
        ReviewDecision(v.decision).value,
        v.overall_comment,
        json_text(v.question_comments),
    )


def _review(r: Row) -> Review:
    return Review(
        id=r["id"],
        interview_id=r["interview_id"],
        revision=r["revision"],
        reviewer_id=r["reviewer_id"],
        decided_at=required_instant(r["decided_at"]),
        decision=ReviewDecision(r["decision"]),
        overall_comment=r["overall_comment"],
        question_comments=json.loads(r["question_comments"]),
        version=r["version"],
    )


REVIEWS: TableSpec[Review] = TableSpec(
    table="reviews",
    entity="review",
    columns=(
        "id",
        "interview_id",
        "revision",
        "reviewer_id",
        "decided_at",
        "decision",
        "overall_comment",
        "question_comments",
    ),
    to_row=_review_row,
    from_row=_review,
)


def _session_row(s: SupervisionSession) -> tuple[Any, ...]:
    return (
        s.id,
        s.supervisor_id,
        s.supervisee_id,
        s.held_on.isoformat(),
        json_text(list(s.cases_discussed)),
        s.reflections,
        s.wellbeing,
        json_text(_plain(s.actions)),
        instant_text(s.acknowledged_at),
    )


def _session(r: Row) -> SupervisionSession:
    return SupervisionSession(
        id=r["id"],
        supervisor_id=r["supervisor_id"],
        supervisee_id=r["supervisee_id"],
        held_on=date.fromisoformat(r["held_on"]),
        cases_discussed=tuple(json.loads(r["cases_discussed"])),
        reflections=r["reflections"],
        wellbeing=r["wellbeing"],
        actions=tuple(
            AgreedAction(what=a["what"], owner=a["owner"], due=date.fromisoformat(a["due"]))
            for a in json.loads(r["actions"])
        ),
        acknowledged_at=instant(r["acknowledged_at"]),
        version=r["version"],
    )


SUPERVISION_SESSIONS: TableSpec[SupervisionSession] = TableSpec(
    table="supervision_sessions",
    entity="supervision_session",
    columns=(
        "id",
        "supervisor_id",
        "supervisee_id",
        "held_on",
        "cases_discussed",
        "reflections",
        "wellbeing",
        "actions",
        "acknowledged_at",
    ),
    to_row=_session_row,
    from_row=_session,
)


def _quality_row(q: SupervisionQualityReview) -> tuple[Any, ...]:
    return (q.id, q.session_id, q.reviewer_id, utc_text(q.reviewed_at), q.rating, q.comments)


def _quality(r: Row) -> SupervisionQualityReview:
    return SupervisionQualityReview(
        id=r["id"],
        session_id=r["session_id"],
        reviewer_id=r["reviewer_id"],
        reviewed_at=required_instant(r["reviewed_at"]),
        rating=r["rating"],
        comments=r["comments"],
        version=r["version"],
    )


QUALITY_REVIEWS: TableSpec[SupervisionQualityReview] = TableSpec(
    table="supervision_quality_reviews",
    entity="supervision_quality_review",
    columns=("id", "session_id", "reviewer_id", "reviewed_at", "rating", "comments"),
    to_row=_quality_row,
    from_row=_quality,
)
