"""Who may write and who may read what: the service's authorisation rules in one place.

- An interviewer writes and sees only their own cases: the assignments given to them, the
  interviews, offers and acknowledgements they record, reviews of their interviews and
  the supervision sessions held with them.
- A coordinator sees their team's interviews before the interview (assigned, offered,
  declined, and only while they hold no answers) and once sent for review, never a
  draft being written; the child, episode and offer records of the team's assignments
  (the 72-hour figures need them all, declined and not offered included), and the
  team's supervision. They write reviews and supervision sessions, approve or return a
  submitted interview, and acknowledge their own supervision records (held by their
  service manager).
- A review is written by its coordinator, as themselves, and is final once made: the
  interviewer's device shows it as the decision on their interview. An interview is
  approved or returned only as a review of that revision by the same coordinator says.
- A service manager sees their team's supervision sessions and rates their quality.
- A supervision session or quality review is changed only by whoever wrote it: it is
  their account of the meeting, or their rating of it. The person supervised sees the
  session but never rewrites it.
- Everyone sees what the service publishes to all devices (form definitions, policy).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_

from rhi_desktop.domain.entities import InterviewState
from sync.protocol import EntityKind as K
from sync.protocol import Role
from sync.server import schema
from sync.server.auth import Principal

PUBLISHED = frozenset({K.FORM_DEFINITION, K.POLICY})

CREATES: Mapping[Role, frozenset[K]] = {
    Role.INTERVIEWER: frozenset({K.CHILD, K.EPISODE, K.INTERVIEW, K.OFFER, K.ACKNOWLEDGEMENT}),
    Role.COORDINATOR: frozenset({K.REVIEW, K.SUPERVISION_SESSION, K.ACKNOWLEDGEMENT}),
    Role.SERVICE_MANAGER: frozenset({K.SUPERVISION_SESSION, K.SUPERVISION_QUALITY_REVIEW}),
    Role.ADMINISTRATOR: frozenset(),
}

UPDATES: Mapping[Role, frozenset[K]] = {
    Role.INTERVIEWER: CREATES[Role.INTERVIEWER],
    Role.COORDINATOR: frozenset({K.INTERVIEW, K.SUPERVISION_SESSION}),  # a review is final
    Role.SERVICE_MANAGER: CREATES[Role.SERVICE_MANAGER],
    Role.ADMINISTRATOR: frozenset(),
}

TEAM_READS: Mapping[Role, frozenset[K]] = {
    Role.INTERVIEWER: frozenset(),
    Role.COORDINATOR: frozenset(K) - PUBLISHED,
    Role.SERVICE_MANAGER: frozenset(
        {K.SUPERVISION_SESSION, K.SUPERVISION_QUALITY_REVIEW, K.ACKNOWLEDGEMENT}
    ),
    Role.ADMINISTRATOR: frozenset(),
}

# Records only their author may change, and never the person they are about; with the
# fields that say who wrote them and what they are about, which were checked when the
# record was made and so stay as they were.
AUTHORED: dict[K, tuple[str, ...]] = {
    K.SUPERVISION_SESSION: ("supervisor_id", "supervisee_id"),
    K.SUPERVISION_QUALITY_REVIEW: ("reviewer_id", "session_id"),
}

# Interview states a coordinator sees. Before the interview, the record holds no answers
# (offer answers are filled in when it starts), and the team's figures must count every
# child due one: offered, accepted, declined or not offered. From submission on, the
# interview is theirs to review. A draft being written (in progress, completed but not
# yet sent) stays with the interviewer.
BEFORE_THE_INTERVIEW = frozenset(
    {InterviewState.ASSIGNED, InterviewState.OFFERED, InterviewState.DECLINED}
)
SENT_FOR_REVIEW = frozenset(
    {InterviewState.SUBMITTED, InterviewState.RETURNED, InterviewState.APPROVED}
)
# Only a coordinator moves an interview into these states.
COORDINATOR_DECISIONS = frozenset({InterviewState.APPROVED, InterviewState.RETURNED})
# All a coordinator's decision changes in an interview's payload: its state, and the
# deciding device's own edit counter (each device keeps its own; no receiver reads it).
# The answers and the rest are the interviewer's record, not the coordinator's to alter.
DECISION_FIELDS = frozenset({"state", "version"})
# An interviewer may not change an interview while it is with the coordinator or closed.
INTERVIEWER_LOCKED = frozenset({InterviewState.SUBMITTED, InterviewState.APPROVED})


def team_visible(kind: K, state: InterviewState | None, payload: Any = None) -> bool:
    """Whether the team (their coordinator) may read this version of a record. An
    interview before it is held is shared only while it holds no answers: whatever a
    device sends, what the child said reaches the coordinator only when sent for review."""
    if kind is not K.INTERVIEW:
        return True
    if state in BEFORE_THE_INTERVIEW:
        return not (isinstance(payload, dict) and payload.get("answers"))
    return state in SENT_FOR_REVIEW


def may_update(
    principal: Principal,
    kind: K,
    *,
    interviewer_id: str | None,
    team_id: str | None,
    visible_to_team: bool,
    created_by: str | None,
) -> bool:
    """`interviewer_id` is whose case the record is (for a supervision session, the
    supervisee); `created_by` is the user who created it."""
    if kind not in UPDATES[principal.role]:
        return False
    if kind in AUTHORED and (
        created_by != principal.user_id or interviewer_id == principal.user_id
    ):
        return False
    if principal.role is Role.INTERVIEWER:
        return interviewer_id == principal.user_id
    return principal.team_id is not None and team_id == principal.team_id and visible_to_team


def keeps_authorship(kind: K, stored: Any, new: dict[str, Any]) -> bool:
    """An update of an authored record leaves who wrote it, and about what, as they were."""
    fields = AUTHORED.get(kind)
    if fields is None:
        return True
    return isinstance(stored, dict) and all(stored.get(f) == new.get(f) for f in fields)


def readable(principal: Principal) -> ColumnElement[bool]:
    """The rows of the change feed this caller may pull."""
    c = schema.changes.c
    own: ColumnElement[bool] = false()
    if principal.role is Role.INTERVIEWER:
        own = c.interviewer_id == principal.user_id
    kinds = TEAM_READS[principal.role]
    team: ColumnElement[bool] = false()
    if kinds and principal.team_id is not None:
        team = and_(
            c.team_id == principal.team_id,
            c.team_visible.is_(True),
            c.entity.in_(sorted(kinds)),
        )
    return or_(c.is_global.is_(True), own, team)
