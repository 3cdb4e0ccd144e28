"""The records behind a KPI figure, for the dashboard's drill-down: plain data, Qt-free.

A figure carries the ids of what it counts (`Figure.ids`, of the kind `Figure.records`);
this reads each one back with the case reference a coordinator knows it by. Names are
never loaded: the case reference identifies the child on this screen.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.reports.kpi_definitions import RecordKind
from rhi_desktop.reports.queries import session_of
from rhi_desktop.store import Store


@dataclass(frozen=True, slots=True)
class EpisodeRecord:
    case_reference: str
    type: str
    start: datetime
    end: datetime | None


@dataclass(frozen=True, slots=True)
class ChildRecord:
    case_reference: str
    looked_after: bool
    uasc: bool


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    case_reference: str
    returned_at: datetime
    interviewer: str  # as the team roster names them
    state: InterviewState


@dataclass(frozen=True, slots=True)
class SessionRecord:
    supervisee: str  # as the team roster names them
    supervisor: str
    held_on: date


Record = EpisodeRecord | ChildRecord | InterviewRecord | SessionRecord


class _References:
    """Case references by child id, each read once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[str, str] = {}

    def __call__(self, child_id: str) -> str:
        if child_id not in self._known:
            child = self._store.children.find(child_id)
            self._known[child_id] = "" if child is None else child.case_reference
        return self._known[child_id]


def records_behind(store: Store, kind: RecordKind, ids: Sequence[str]) -> Sequence[Record]:
    """The records `ids` name, sorted for reading (by case reference, then date)."""
    if kind is RecordKind.EPISODE:
        return _episodes(store, ids)
    if kind is RecordKind.CHILD:
        return _children(store, ids)
    if kind is RecordKind.INTERVIEW:
        return _interviews(store, ids)
    return _sessions(store, ids)


def _episodes(store: Store, ids: Sequence[str]) -> list[EpisodeRecord]:
    reference = _References(store)
    found = [
        EpisodeRecord(reference(e.child_id), e.type.value, e.start, e.end)
        for e in (store.episodes.find(episode_id) for episode_id in ids)
        if e is not None
    ]
    return sorted(found, key=lambda r: (r.case_reference, r.start))


def _children(store: Store, ids: Sequence[str]) -> list[ChildRecord]:
    found = [
        ChildRecord(c.case_reference, c.looked_after, c.uasc)
        for c in (store.children.find(child_id) for child_id in ids)
        if c is not None
    ]
    return sorted(found, key=lambda r: r.case_reference)


def _interviews(store: Store, ids: Sequence[str]) -> list[InterviewRecord]:
    reference = _References(store)
    name_of = functools.cache(store.team.name_of)  # a few people behind many records
    found = [
        InterviewRecord(reference(i.child_id), i.returned_at, name_of(i.interviewer_id), i.state)
        for i in (store.interviews.find(interview_id) for interview_id in ids)
        if i is not None
    ]
    return sorted(found, key=lambda r: (r.case_reference, r.returned_at))


def _sessions(store: Store, ids: Sequence[str]) -> list[SessionRecord]:
    name_of = functools.cache(store.team.name_of)
    found = [
        SessionRecord(name_of(s.supervisee_id), name_of(s.supervisor_id), s.held_on)
        for s in (store.supervision_sessions.find(session_of(due_id)) for due_id in ids)
        if s is not None
    ]
    return sorted(found, key=lambda r: (r.supervisee, r.held_on))
