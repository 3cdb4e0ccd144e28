"""Return interviews: lifecycle moves, kept revisions and the caseload list queries."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rhi_desktop.audit import AuditAction, utc_text
from rhi_desktop.domain.entities import InterviewState, ReturnInterview
from rhi_desktop.domain.lifecycle import READ_ONLY, check_transition
from rhi_desktop.store.errors import NotFoundError, ReadOnlyRecordError, StaleEditError
from rhi_desktop.store.records import INTERVIEWS, instant, json_text, required_instant
from rhi_desktop.store.repository import Repository

S = InterviewState

# Interviews still racing the 72-hour clock: not offered yet, or accepted and not signed
# off yet. A declined offer ends the race; the child may still be offered again.
RACING_STATES = (S.ASSIGNED, S.OFFERED, S.IN_PROGRESS)
# Interviews the interviewer still has to act on: those racing, and declined ones.
OPEN_STATES = (S.ASSIGNED, S.OFFERED, S.DECLINED, S.IN_PROGRESS)
_LOCKED = READ_ONLY | {S.RETURNED}  # returned: amendments begin by moving to in_progress
_CHUNK = 500
_PREFIX_END = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class InterviewRevision:
    """One revision of an interview's answers; `closed_at` is None for the current one."""

    interview_id: str
    revision: int
    state: InterviewState
    form_id: str | None
    form_version: int | None
    answers: dict[str, Any]
    started_at: datetime | None
    completed_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """What a caseload list shows for one interview, without loading its answers."""

    interview_id: str
    child_id: str
    case_reference: str
    child_name: str  # the preferred name where there is one
    state: InterviewState
    revision: int
    returned_at: datetime
    due_by: datetime
    interviewer_id: str
    completed_at: datetime | None = None
    """When the interviewer first signed it off (None until then)."""
    unsent: bool = False
    """A change to it is still in the outbox: not yet accepted by the central service."""


_LINKS = "SELECT interview_id, episode_id FROM interview_episodes"
# completed_at: the first sign-off (an amendment's revision starts afresh; the first
# revision, kept in interview_revisions, says when the interview was really done).
_CASELOAD = (
    "SELECT i.id, i.child_id, c.case_reference, coalesce(c.preferred_name, c.name), i.state,"
    " i.revision, i.returned_at, i.due_by, i.interviewer_id,"
    " coalesce((SELECT r.completed_at FROM interview_revisions AS r"
    " WHERE r.interview_id = i.id AND r.revision = 1), i.completed_at),"
    " EXISTS (SELECT 1 FROM outbox AS o WHERE o.entity = 'interview' AND o.entity_id = i.id)"
    " FROM interviews AS i JOIN children AS c ON c.id = i.child_id"
)


def _caseload_row(row: Sequence[Any]) -> CaseloadRow:
    return CaseloadRow(
        interview_id=row[0],
        child_id=row[1],
        case_reference=row[2],
        child_name=row[3],
        state=InterviewState(row[4]),
        revision=row[5],
        returned_at=required_instant(row[6]),
        due_by=required_instant(row[7]),
        interviewer_id=row[8],
        completed_at=instant(row[9]),
        unsent=bool(row[10]),
    )


class InterviewRepository(Repository[ReturnInterview]):
    spec = INTERVIEWS

    # -- reads ---------------------------------------------------------------------------

    def _select(
        self, where: str, params: Sequence[Any] = (), order_by: str = "rowid"
    ) -> list[ReturnInterview]:
        found = super()._select(where, params, order_by)
        links = self._episode_links([i.id for i in found])
        return [dataclasses.replace(i, episode_ids=links.get(i.id, ())) for i in found]

    def _episode_links(self, interview_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        links: dict[str, list[str]] = {}
        for start in range(0, len(interview_ids), _CHUNK):
            chunk = interview_ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for interview_id, episode_id in self._db.fetchall(
                f"{_LINKS} WHERE interview_id IN ({marks}) ORDER BY interview_id, position", chunk
            ):
                links.setdefault(interview_id, []).append(episode_id)
        return {key: tuple(value) for key, value in links.items()}

    def for_child(self, child_id: str) -> list[ReturnInterview]:
        return self._select("child_id = ?", (child_id,), order_by="returned_at")

    def list_by_state(self, *states: InterviewState, limit: int | None = None) -> list[CaseloadRow]:
        """Interviews in any of `states`, soonest deadline first."""
        if not states:
            return []
        rows = self._db.fetchall(
            f"{_CASELOAD} WHERE i.state IN ({', '.join('?' * len(states))})"
            " ORDER BY i.due_by LIMIT ?",
            (*(S(s).value for s in states), -1 if limit is None else limit),
        )
        return [_caseload_row(r) for r in rows]

    def due_within(
        self, hours: float, now: datetime, *, include_overdue: bool = True
    ) -> list[CaseloadRow]:
        """Interviews racing the clock whose 72-hour deadline falls within `hours` of `now`
        (an amendment is not: the interview it amends was done the first time)."""
        conditions = [
            f"i.state IN ({', '.join('?' * len(RACING_STATES))})",
            "i.revision = 1",
            "i.due_by <= ?",
        ]
        params: list[Any] = [s.value for s in RACING_STATES]
        params.append(utc_text(now + timedelta(hours=hours)))
        if not include_overdue:
            conditions.append("i.due_by >= ?")
            params.append(utc_text(now))
        rows = self._db.fetchall(
            f"{_CASELOAD} WHERE {' AND '.join(conditions)} ORDER BY i.due_by", params
        )
        return [_caseload_row(r) for r in rows]

    def search_by_case_reference(self, prefix: str, *, limit: int = 50) -> list[CaseloadRow]:
        """Interviews of children whose case reference starts with `prefix` (any case)."""
        text = prefix.strip()
        rows = self._db.fetchall(
            f"{_CASELOAD} WHERE c.case_reference >= ? AND c.case_reference < ?"
            " ORDER BY c.case_reference, i.due_by LIMIT ?",
            (text, text + _PREFIX_END, limit),
        )
        return [_caseload_row(r) for r in rows]

    def count_by_state(self) -> dict[InterviewState, int]:
        """How many interviews are in each state (every state listed, zeros included)."""
        found = dict(self._db.fetchall("SELECT state, count(*) FROM interviews GROUP BY state"))
        return {state: int(found.get(state.value, 0)) for state in S}

    def approved_before(self, cutoff: datetime) -> list[str]:
        """Ids of interviews approved before `cutoff`: candidates for the retention purge."""
        rows = self._db.fetchall(
            "SELECT id FROM interviews WHERE approved_at IS NOT NULL AND approved_at < ?"
            " ORDER BY approved_at",
            (utc_text(cutoff),),
        )
        return [row[0] for row in rows]

    def revisions(self, interview_id: str) -> list[InterviewRevision]:
        """Every revision, oldest first; the last is the one being worked on now."""
        current = self.get(interview_id)
        kept = self._db.fetchall(
            "SELECT revision, state, form_id, form_version, answers, started_at,"
            " completed_at, closed_at FROM interview_revisions WHERE interview_id = ?"
            " ORDER BY revision",
            (interview_id,),
        )
        history = [
            InterviewRevision(
                interview_id=interview_id,
                revision=row[0],
                state=InterviewState(row[1]),
                form_id=row[2],
                form_version=row[3],
                answers=json.loads(row[4]),
                started_at=instant(row[5]),
                completed_at=instant(row[6]),
                closed_at=instant(row[7]),
            )
            for row in kept
        ]
        history.append(
            InterviewRevision(
                interview_id=interview_id,
                revision=current.revision,
                state=current.state,
                form_id=current.form_id,
                form_version=current.form_version,
                answers=current.answers,
                started_at=current.started_at,
                completed_at=current.completed_at,
                closed_at=None,
            )
        )
        return history

    def revision(self, interview_id: str, revision: int) -> InterviewRevision:
        for item in self.revisions(interview_id):
            if item.revision == revision:
                return item
        raise NotFoundError("interview revision", f"{interview_id} r{revision}")

    # -- writes --------------------------------------------------------------------------

    def _insert(
        self, items: Sequence[ReturnInterview], action: AuditAction
    ) -> list[ReturnInterview]:
        saved = super()._insert(items, action)
        self._link((i.id, i.episode_ids) for i in saved)
        approved = [(i.id,) for i in saved if i.state is S.APPROVED]
        if approved:  # arrived approved: the retention clock starts now at the latest
            self._db.executemany(
                "UPDATE interviews SET approved_at = updated_at WHERE id = ?", approved
            )
        return saved

    def note_approval(self, interview_id: str, approved_at: datetime) -> None:
        """Record when an interview that arrived approved was approved (retention clock).

        Bookkeeping on a record already queued for sync, so it queues nothing itself.
        """
        self._writer()
        self._db.execute(
            "UPDATE interviews SET approved_at = ? WHERE id = ? AND state = ?",
            (utc_text(approved_at), interview_id, S.APPROVED.value),
        )

    def claim_unsent(self, recorded_as: str, user_id: str) -> int:
        """Make interviews recorded before this device was enrolled, as `recorded_as`,
        the enrolled user's; returns how many. None of them has been sent (there was no
        service to send to), so their queued changes say the same before any leaves: the
        service and the coordinator first hear of the work as the user's, under the id
        the team roster and the reports know them by.

        Bookkeeping of the enrolment, which audits it, so it queues nothing itself.
        """
        self._writer()
        claimed = self._db.execute(
            "UPDATE interviews SET interviewer_id = ? WHERE interviewer_id = ?",
            (user_id, recorded_as),
        ).rowcount
        rows = self._db.fetchall(
            "SELECT seq, payload FROM outbox WHERE entity = ?", (self.spec.entity,)
        )
        rewritten = []
        for seq, text in rows:
            queued = json.loads(text)
            if queued.get("interviewer_id") == recorded_as:
                rewritten.append((json_text({**queued, "interviewer_id": user_id}), seq))
        self._db.executemany("UPDATE outbox SET payload = ? WHERE seq = ?", rewritten)
        return int(claimed)

    def _link(self, links: Iterable[tuple[str, Sequence[str]]]) -> None:
        self._db.executemany(
            "INSERT INTO interview_episodes (interview_id, episode_id, position) VALUES (?, ?, ?)",
            [
                (interview_id, episode_id, position)
                for interview_id, episode_ids in links
                for position, episode_id in enumerate(episode_ids)
            ],
        )

    def update(self, item: ReturnInterview) -> ReturnInterview:
        """Save edits to an open interview; state and revision change only by `transition`."""
        with self._db.savepoint():
            stored = self.get(item.id)
            self._require_editable(stored)
            if item.state != stored.state or item.revision != stored.revision:
                if item.version != stored.version:
                    raise StaleEditError(self.spec.entity, item.id)
                raise ValueError("An interview's state changes only through transition().")
            saved = self._save(item)
            if saved.episode_ids != stored.episode_ids:
                self._db.execute(
                    "DELETE FROM interview_episodes WHERE interview_id = ?", (item.id,)
                )
                self._link([(item.id, saved.episode_ids)])
            return saved

    def save_answers(
        self, interview_id: str, answers: Mapping[str, Any], *, expected_version: int
    ) -> ReturnInterview:
        """Autosave: replace the answers of the current revision."""
        with self._db.savepoint():
            stored = self.get(interview_id)
            if stored.version != expected_version:
                raise StaleEditError(self.spec.entity, interview_id)
            return self.update(dataclasses.replace(stored, answers=dict(answers)))

    def transition(
        self, interview_id: str, target: InterviewState, *, at: datetime | None = None
    ) -> ReturnInterview:
        """Move through the lifecycle; an illegal move raises IllegalTransition, saving nothing.

        Moving from `returned` back to `in_progress` keeps the returned revision as it was
        and starts the next revision from a copy of its answers.
        """
        with self._db.savepoint():
            current = self.get(interview_id)
            check_transition(current.state, target)
            when = at or self._db.clock()
            changes: dict[str, Any] = {"state": target}
            extra: dict[str, Any] = {}
            action = AuditAction.TRANSITION
            if target is S.IN_PROGRESS and current.state is S.RETURNED:
                self._keep_revision(current, closed_at=when)
                changes.update(revision=current.revision + 1, started_at=when, completed_at=None)
            elif target is S.IN_PROGRESS and current.started_at is None:
                changes["started_at"] = when
            elif target is S.COMPLETED:
                changes["completed_at"] = when
                action = AuditAction.SIGN_OFF
            elif target is S.APPROVED:
                extra["approved_at"] = utc_text(when)
            moved = dataclasses.replace(current, **changes)
            detail = {
                "from_state": current.state.value,
                "to_state": moved.state.value,
                "revision": moved.revision,
            }
            return self._save(moved, action, detail, extra)

    def _require_editable(self, stored: ReturnInterview) -> None:
        if stored.state in _LOCKED:
            raise ReadOnlyRecordError(
                self.spec.entity,
                stored.id,
                f"it is {stored.state.value}; answers can change again only after a "
                "coordinator returns it and it is reopened",
            )

    def _keep_revision(self, current: ReturnInterview, *, closed_at: datetime) -> None:
        self._db.execute(
            "INSERT INTO interview_revisions (interview_id, revision, state, form_id,"
            " form_version, answers, started_at, completed_at, closed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                current.id,
                current.revision,
                current.state.value,
                current.form_id,
                current.form_version,
                json_text(current.answers),
                None if current.started_at is None else utc_text(current.started_at),
                None if current.completed_at is None else utc_text(current.completed_at),
                utc_text(closed_at),
            ),
        )
