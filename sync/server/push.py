"""Applying a device's pushed changes: idempotent, version-checked, authorised.

A batch is applied in one transaction: each change is checked and written to `entities`
on its own (a refused change writes nothing, so it never blocks the rest), and the
accepted ones join the feed together at the end, so the feed counter's lock is taken
once per batch and held only for that final append and the commit. If the transaction
fails because it raced another request (the same change or entity written first, or a
deadlock), nothing of it was kept and the batch is applied again change by change, each
in its own transaction. `changes.change_id` is UNIQUE: of two concurrent requests
carrying the same change, one commits and the other fails on that constraint (or on the
version check) and is then answered from the recorded change, as a duplicate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError, OperationalError

from rhi_desktop.domain.entities import InterviewState, ReviewDecision
from rhi_desktop.domain.lifecycle import can_transition
from rhi_desktop.store.payloads import PayloadError, check_fields
from sync.protocol import (
    MAX_COUNTER,
    Applied,
    AuditHead,
    Change,
    Conflict,
    Duplicate,
    EntityKind,
    ErrorCode,
    PushRequest,
    PushResponse,
    PushResult,
    Rejected,
    RejectReason,
    Role,
    canonical_json,
    payload_too_deep,
    payload_too_long,
)
from sync.server import access, schema
from sync.server.auth import Principal
from sync.server.db import Clock, reading, writing
from sync.server.errors import ApiError
from sync.server.feed import (
    Audience,
    FeedEntry,
    Origin,
    append_to_feed,
    fingerprint,
    insert_entity,
    update_entity_row,
)

# Whole numbers in a payload: exact in a JSON double and in every device's 64-bit column.
MAX_PAYLOAD_INTEGER = MAX_COUNTER

_MESSAGES: dict[RejectReason, str] = {
    RejectReason.NOT_PERMITTED: "This account may not make this change.",
    RejectReason.INVALID_PAYLOAD: "The payload is not valid for this entity.",
    RejectReason.UNKNOWN_REFERENCE: "The payload refers to a record this account cannot see.",
    RejectReason.CHANGE_ID_REUSED: "This change_id was already used for a different change.",
    RejectReason.PAYLOAD_TOO_LARGE: "The payload is too large.",
    RejectReason.NOT_AWAITING_REVIEW: "The interview is no longer waiting for this review.",
}


@dataclass(frozen=True, slots=True)
class _Recorded:
    fingerprint: str
    applied_by: str | None
    version: int


@dataclass(frozen=True, slots=True)
class _Stored:
    """What authorisation and the version check read from an entity's row."""

    version: int
    payload: Any
    interviewer_id: str | None
    team_id: str | None
    team_visible: bool
    created_by: str | None


def push(engine: Engine, principal: Principal, request: PushRequest, clock: Clock) -> PushResponse:
    try:
        results = apply_batch(engine, principal, request, clock)
    except (IntegrityError, OperationalError):
        record_audit_head(engine, principal, request.audit_head, clock)
        results = [apply_change(engine, principal, change, clock) for change in request.changes]
    return PushResponse(results=results, server_time=clock())


def apply_batch(
    engine: Engine, principal: Principal, request: PushRequest, clock: Clock
) -> list[PushResult]:
    """Record the audit head and apply the batch in one transaction; raises
    IntegrityError/OperationalError (keeping nothing) when it races another request."""
    changes = request.changes
    now = clock()
    results: list[PushResult | None] = []
    accepted: list[tuple[int, FeedEntry]] = []
    made: dict[tuple[EntityKind, str, int], str] = {}  # versions made by this batch so far
    with writing(engine) as conn:
        _record_audit_head(conn, principal, request.audit_head, now)
        recorded = _recorded(conn, [str(c.change_id) for c in changes])
        stored = _stored(conn, {(c.entity, c.entity_id) for c in changes})
        for change in changes:
            problem = _payload_problem(change.payload)
            if problem is not None:
                results.append(_reject(change, problem))
                continue
            content_hash = fingerprint(
                change.entity, change.entity_id, change.base_version, change.payload
            )
            earlier = recorded.get(str(change.change_id))
            if earlier is not None:
                results.append(_answer_recorded(principal, change, content_hash, earlier))
                continue
            key = (change.entity, change.entity_id)
            row = stored.get(key)
            outcome = _apply(conn, principal, change, content_hash, now, row, made)
            if isinstance(outcome, FeedEntry):
                made[(change.entity, change.entity_id, outcome.version)] = str(change.change_id)
                recorded[str(change.change_id)] = _Recorded(
                    content_hash, principal.user_id, outcome.version
                )
                stored[key] = _Stored(
                    outcome.version,
                    outcome.payload,
                    outcome.audience.interviewer_id,
                    outcome.audience.team_id,
                    outcome.audience.team_visible,
                    principal.user_id if row is None else row.created_by,
                )
                accepted.append((len(results), outcome))
                results.append(None)
            else:
                results.append(outcome)
        seqs = append_to_feed(conn, [entry for _, entry in accepted], now)
    for (index, entry), seq in zip(accepted, seqs, strict=True):
        results[index] = Applied(change_id=changes[index].change_id, version=entry.version, seq=seq)
    return [result for result in results if result is not None]


def record_audit_head(engine: Engine, principal: Principal, head: AuditHead, clock: Clock) -> None:
    """Accept the device's audit chain head only if it did not move backwards.

    A lower seq than last time, or the same seq with another MAC, means the device's
    chain was truncated or replaced: ApiError 409 `audit_rollback`, nothing applied.
    """
    with writing(engine) as conn:
        _record_audit_head(conn, principal, head, clock())


def _record_audit_head(
    conn: Connection, principal: Principal, head: AuditHead, now: datetime
) -> None:
    d = schema.devices
    moved_forward = conn.execute(
        update(d)
        .where(
            d.c.id == principal.device_id,
            or_(
                d.c.audit_seq.is_(None),
                d.c.audit_seq < head.seq,
                and_(d.c.audit_seq == head.seq, d.c.audit_mac == head.mac),
            ),
        )
        .values(audit_seq=head.seq, audit_mac=head.mac, last_seen_at=now)
    )
    if moved_forward.rowcount != 1:
        raise ApiError(409, ErrorCode.AUDIT_ROLLBACK)


def _stored(
    conn: Connection, keys: set[tuple[EntityKind, str]]
) -> dict[tuple[EntityKind, str], _Stored]:
    """The rows a batch touches, read at once; the batch keeps them current as it writes."""
    if not keys:
        return {}
    e = schema.entities
    wanted = [(kind.value, entity_id) for kind, entity_id in keys]
    rows = conn.execute(
        select(
            e.c.entity, e.c.entity_id, e.c.version, e.c.payload, e.c.interviewer_id,
            e.c.team_id, e.c.team_visible, e.c.created_by,
        ).where(tuple_(e.c.entity, e.c.entity_id).in_(wanted))
    ).all()  # fmt: skip
    return {
        (EntityKind(r.entity), r.entity_id): _Stored(
            int(r.version),
            r.payload,
            r.interviewer_id,
            r.team_id,
            bool(r.team_visible),
            r.created_by,
        )
        for r in rows
    }


def _read_stored(conn: Connection, kind: EntityKind, entity_id: str) -> _Stored | None:
    return _stored(conn, {(kind, entity_id)}).get((kind, entity_id))


def apply_change(engine: Engine, principal: Principal, change: Change, clock: Clock) -> PushResult:
    problem = _payload_problem(change.payload)
    if problem is not None:
        return _reject(change, problem)
    content_hash = fingerprint(change.entity, change.entity_id, change.base_version, change.payload)
    earlier = _answer_if_recorded(engine, principal, change, content_hash)
    if earlier is not None:
        return earlier
    result: PushResult | None
    try:
        with writing(engine) as conn:
            now = clock()
            row = _read_stored(conn, change.entity, change.entity_id)
            outcome = _apply(conn, principal, change, content_hash, now, row)
            if isinstance(outcome, FeedEntry):
                seq = append_to_feed(conn, [outcome], now)[0]
                result = Applied(change_id=change.change_id, version=outcome.version, seq=seq)
            else:
                result = outcome
    except IntegrityError:
        result = None  # a concurrent request wrote the same change or entity first
    if result is None or isinstance(result, Conflict):
        earlier = _answer_if_recorded(engine, principal, change, content_hash)
        if earlier is not None:
            return earlier
    if result is None:
        with reading(engine) as conn:
            result = Conflict(
                change_id=change.change_id,
                current_version=_entity_version(conn, change.entity, change.entity_id),
            )
    return result


def _apply(
    conn: Connection,
    principal: Principal,
    change: Change,
    content_hash: str,
    now: datetime,
    row: _Stored | None,
    made: Mapping[tuple[EntityKind, str, int], str] | None = None,
) -> PushResult | FeedEntry:
    """Check one change against its entity's `row` and write the entity; the accepted
    version is returned as a FeedEntry for the caller to append to the feed. A refusal
    writes nothing."""
    kind, payload = change.entity, change.payload
    if not _utc_can_hold(change.made_at) or not _describes_its_record(change):
        return _reject(change, RejectReason.INVALID_PAYLOAD)
    state: InterviewState | None = None
    if kind is EntityKind.INTERVIEW:
        state = _state_of(payload)
        if state is None:
            return _reject(change, RejectReason.INVALID_PAYLOAD)
    origin = Origin(
        change_id=str(change.change_id),
        fingerprint=content_hash,
        applied_by=principal.user_id,
        device_id=principal.device_id,
        made_at=change.made_at,
    )
    if row is None:
        if kind not in access.CREATES[principal.role] or principal.team_id is None:
            return _reject(change, RejectReason.NOT_PERMITTED)
        if change.base_version != 0:
            return Conflict(change_id=change.change_id, current_version=0)
        new_case = principal.role is Role.INTERVIEWER and kind is EntityKind.INTERVIEW
        if new_case and state is not InterviewState.ASSIGNED:  # as every case starts
            return _reject(change, RejectReason.NOT_PERMITTED)
        audience = _audience_for_new(conn, principal, kind, payload, state)
        if isinstance(audience, RejectReason):
            return _reject(change, audience)
        return insert_entity(conn, kind, change.entity_id, payload, audience, origin, now)
    if not access.may_update(
        principal,
        kind,
        interviewer_id=row.interviewer_id,
        team_id=row.team_id,
        visible_to_team=row.team_visible,
        created_by=row.created_by,
    ):
        return _reject(change, RejectReason.NOT_PERMITTED)
    if row.version != change.base_version:
        return Conflict(change_id=change.change_id, current_version=row.version)
    if change.follows is not None and _made_by(conn, change, made) != str(change.follows):
        # The same version number, made by another device: this change was not made on it.
        return Conflict(change_id=change.change_id, current_version=row.version)
    if kind is EntityKind.INTERVIEW and not _interview_update_allowed(
        principal.role, row.payload, payload
    ):
        return _reject(change, RejectReason.NOT_PERMITTED)
    if (
        kind is EntityKind.INTERVIEW
        and principal.role is Role.COORDINATOR
        and not _reviewed_as(conn, principal, change.entity_id, row.payload, state)
    ):
        return _reject(change, RejectReason.NOT_PERMITTED)
    if not access.keeps_authorship(kind, row.payload, payload):
        return _reject(change, RejectReason.NOT_PERMITTED)
    audience = Audience(
        interviewer_id=row.interviewer_id,
        team_id=row.team_id,
        team_visible=access.team_visible(kind, state, payload),
    )
    entry = update_entity_row(
        conn, kind, change.entity_id, change.base_version, payload, audience, origin, now
    )
    if entry is None:
        return Conflict(
            change_id=change.change_id,
            current_version=_entity_version(conn, kind, change.entity_id),
        )
    return entry


def _made_by(
    conn: Connection, change: Change, made: Mapping[tuple[EntityKind, str, int], str] | None
) -> str | None:
    """The change that made the entity's version `change.base_version`: one earlier in
    this batch (`made`, not yet in the feed), else the first one fed at that version (an
    administrator may send a version again, unchanged)."""
    earlier = (made or {}).get((change.entity, change.entity_id, change.base_version))
    if earlier is not None:
        return earlier
    c = schema.changes
    found = conn.execute(
        select(c.c.change_id)
        .where(
            c.c.entity == change.entity.value,
            c.c.entity_id == change.entity_id,
            c.c.version == change.base_version,
        )
        .order_by(c.c.seq)
        .limit(1)
    ).scalar_one_or_none()
    return None if found is None else str(found)


def _interview_update_allowed(role: Role, stored: Any, new: dict[str, Any]) -> bool:
    """A coordinator only decides a submitted interview: the interviewer's device applies
    what comes back, so a decision that also changed the answers would rewrite their
    record of what the child said."""
    current, moved_to = _state_of(stored), _state_of(new)
    if role is Role.COORDINATOR:
        return (
            current is InterviewState.SUBMITTED
            and moved_to in access.COORDINATOR_DECISIONS
            and _same_apart_from(access.DECISION_FIELDS, stored, new)
        )
    if current in access.INTERVIEWER_LOCKED:
        return False
    if moved_to == current:
        return True
    # One step of the lifecycle at a time, as the device records them (each move is its
    # own change): an interview never offered or signed off cannot arrive submitted.
    return (
        current is not None
        and moved_to is not None
        and moved_to not in access.COORDINATOR_DECISIONS
        and can_transition(current, moved_to)
    )


def _same_apart_from(fields: frozenset[str], stored: Any, new: dict[str, Any]) -> bool:
    """Compared as canonical JSON, so that `true` for `1` or `1.0` for `1` is a change."""
    if not isinstance(stored, dict):
        return False
    kept_stored = {key: value for key, value in stored.items() if key not in fields}
    kept_new = {key: value for key, value in new.items() if key not in fields}
    return canonical_json(kept_stored) == canonical_json(kept_new)


def _audience_for_new(
    conn: Connection,
    principal: Principal,
    kind: EntityKind,
    payload: dict[str, Any],
    state: InterviewState | None,
) -> Audience | RejectReason:
    """Route a new entity to the interviewer whose case it is and to the team."""
    team = principal.team_id
    if kind is EntityKind.REVIEW:
        # Written by the coordinator, as themselves, deciding one way or the other.
        if payload.get("reviewer_id") != principal.user_id:
            return RejectReason.NOT_PERMITTED
        if _decision_of(payload) is None:
            return RejectReason.INVALID_PAYLOAD
        interview = _visible_row(conn, EntityKind.INTERVIEW, payload.get("interview_id"), team)
        if interview is None:
            return RejectReason.UNKNOWN_REFERENCE
        # A device queues its review before the decision it makes, so the interview is
        # still submitted, at the revision reviewed, unless another decision came first:
        # then this review must not stand beside that decision.
        if not _awaiting_review(interview.payload, payload.get("revision")):
            return RejectReason.NOT_AWAITING_REVIEW
        return Audience(interviewer_id=interview.interviewer_id, team_id=team, team_visible=True)
    if kind is EntityKind.SUPERVISION_SESSION:
        # Written by the supervisor, as themselves, about someone else.
        if payload.get("supervisor_id") != principal.user_id:
            return RejectReason.NOT_PERMITTED
        supervisee = _team_member(conn, payload.get("supervisee_id"), team)
        if supervisee is None:
            return RejectReason.UNKNOWN_REFERENCE
        if supervisee == principal.user_id:
            return RejectReason.NOT_PERMITTED
        return Audience(interviewer_id=supervisee, team_id=team, team_visible=True)
    if kind is EntityKind.SUPERVISION_QUALITY_REVIEW:
        if payload.get("reviewer_id") != principal.user_id:
            return RejectReason.NOT_PERMITTED
        session = _visible_row(
            conn, EntityKind.SUPERVISION_SESSION, payload.get("session_id"), team
        )
        if session is None:
            return RejectReason.UNKNOWN_REFERENCE
        if session.interviewer_id == principal.user_id:  # a rating of one's own supervision
            return RejectReason.NOT_PERMITTED
        return Audience(interviewer_id=None, team_id=team, team_visible=True)
    if kind is EntityKind.ACKNOWLEDGEMENT:
        session = _visible_row(
            conn, EntityKind.SUPERVISION_SESSION, payload.get("session_id"), team
        )
        if session is None or session.interviewer_id != principal.user_id:
            return RejectReason.UNKNOWN_REFERENCE
    return Audience(
        interviewer_id=principal.user_id,
        team_id=team,
        team_visible=access.team_visible(kind, state, payload),
    )


def _visible_row(conn: Connection, kind: EntityKind, entity_id: object, team: str | None) -> Any:
    if not isinstance(entity_id, str) or team is None:
        return None
    e = schema.entities
    return conn.execute(
        select(e.c.interviewer_id, e.c.payload).where(
            e.c.entity == kind.value,
            e.c.entity_id == entity_id,
            e.c.team_id == team,
            e.c.team_visible.is_(True),
        )
    ).one_or_none()


def _awaiting_review(interview: Any, revision: object) -> bool:
    """Whether the stored interview is submitted, at `revision`, waiting for a decision."""
    if not isinstance(interview, dict) or isinstance(revision, bool):
        return False
    return (
        _state_of(interview) is InterviewState.SUBMITTED and interview.get("revision") == revision
    )


def _reviewed_as(
    conn: Connection,
    principal: Principal,
    interview_id: str,
    stored: Any,
    moved_to: InterviewState | None,
) -> bool:
    """Whether the coordinator recorded a review of the interview's current revision
    deciding what this change does. The device sends its review first (in this batch or
    an earlier one), so a decision never reaches the interviewer without its review."""
    if not isinstance(stored, dict) or isinstance(stored.get("revision"), bool):
        return False
    e = schema.entities
    reviews = conn.execute(
        select(e.c.payload).where(
            e.c.entity == EntityKind.REVIEW.value,
            e.c.created_by == principal.user_id,
            e.c.payload["interview_id"].as_string() == interview_id,
        )
    ).scalars()
    return any(
        isinstance(review, dict)
        and review.get("revision") == stored.get("revision")
        and _decision_of(review) is not None
        and InterviewState(review["decision"]) is moved_to
        for review in reviews
    )


def _utc_can_hold(instant: datetime) -> bool:
    """Whether a device's time converts to UTC, as it is stored: the last moment of year
    9999 at -01:00 is already in year 10000 there. Such a change is refused on its own,
    so the rest of its batch still lands."""
    try:
        instant.astimezone(UTC)
    except OverflowError:
        return False
    return True


def _decision_of(review: dict[str, Any]) -> ReviewDecision | None:
    decision = review.get("decision")
    if not isinstance(decision, str):
        return None
    try:
        return ReviewDecision(decision)
    except ValueError:
        return None


def _team_member(conn: Connection, user_id: object, team: str | None) -> str | None:
    if not isinstance(user_id, str) or team is None:
        return None
    u = schema.users
    found = conn.execute(
        select(u.c.id).where(u.c.id == user_id, u.c.team_id == team)
    ).scalar_one_or_none()
    return str(found) if found is not None else None


def _entity_version(conn: Connection, kind: EntityKind, entity_id: str) -> int:
    e = schema.entities
    found = conn.execute(
        select(e.c.version).where(e.c.entity == kind.value, e.c.entity_id == entity_id)
    ).scalar_one_or_none()
    return int(found or 0)


def _answer_if_recorded(
    engine: Engine, principal: Principal, change: Change, content_hash: str
) -> PushResult | None:
    with reading(engine) as conn:
        earlier = _recorded(conn, [str(change.change_id)]).get(str(change.change_id))
    if earlier is None:
        return None
    return _answer_recorded(principal, change, content_hash, earlier)


def _recorded(conn: Connection, change_ids: list[str]) -> dict[str, _Recorded]:
    c = schema.changes
    rows = conn.execute(
        select(c.c.change_id, c.c.fingerprint, c.c.applied_by, c.c.version).where(
            c.c.change_id.in_(change_ids)
        )
    ).all()
    return {str(r.change_id): _Recorded(r.fingerprint, r.applied_by, int(r.version)) for r in rows}


def _answer_recorded(
    principal: Principal, change: Change, content_hash: str, earlier: _Recorded
) -> PushResult:
    if earlier.applied_by != principal.user_id or earlier.fingerprint != content_hash:
        return _reject(change, RejectReason.CHANGE_ID_REUSED)
    return Duplicate(change_id=change.change_id, version=earlier.version)


def _describes_its_record(change: Change) -> bool:
    """Whether each field the payload gives is of the kind devices read there, and its
    id, if given, names the record the change is for. Kept, a record with a date of
    birth that is no date would be handed to every device in the team, and each would
    set it aside as one it cannot read. (A record leaving out a field devices need is
    not refused yet: see `check_fields`.)"""
    try:
        check_fields(change.entity.value, change.payload)
    except PayloadError:
        return False
    return change.payload.get("id", change.entity_id) == change.entity_id


def _state_of(payload: Any) -> InterviewState | None:
    state = payload.get("state") if isinstance(payload, dict) else None
    if not isinstance(state, str):
        return None
    try:
        return InterviewState(state)
    except ValueError:
        return None


def _reject(change: Change, reason: RejectReason) -> Rejected:
    return Rejected(change_id=change.change_id, reason=reason, message=_MESSAGES[reason])


def _payload_problem(payload: dict[str, Any]) -> RejectReason | None:
    """What no database column would store faithfully (NUL, lone surrogates), and numbers
    not every device can hold: NaN, infinity, and whole numbers beyond what a JSON double
    keeps exactly (a device stores a number field as a double or a 64-bit integer)."""
    if payload_too_deep(payload) or not _storable(payload):
        return RejectReason.INVALID_PAYLOAD
    try:
        too_long = payload_too_long(payload)
    except ValueError:
        return RejectReason.INVALID_PAYLOAD
    return RejectReason.PAYLOAD_TOO_LARGE if too_long else None


def _storable(value: Any) -> bool:
    """Within a payload no deeper than `MAX_PAYLOAD_DEPTH` (checked first)."""
    if isinstance(value, str):
        return _storable_text(value)
    if isinstance(value, dict):
        return all(_storable_text(key) and _storable(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_storable(item) for item in value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -MAX_PAYLOAD_INTEGER <= value <= MAX_PAYLOAD_INTEGER
    if isinstance(value, float):
        return math.isfinite(value)
    return True


def _storable_text(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
