"""Read-only SQL for reports: narrow rows, aggregated in SQL where the volume is.

Reports read through the store's own connection wrapper (so failures surface as the
same StoreErrors as everywhere else) and never write through it. They select only the
columns a figure needs, never names, so no personal detail is loaded that a report does
not show. SQL text is assembled from fixed fragments; every value is a bound parameter.

Instants are compared as text: the store writes every instant in one fixed UTC
ISO-8601 spelling (`audit.utc_text`), which sorts in time order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rhi_desktop.audit import utc_text
from rhi_desktop.domain.deadlines import SUPERVISION_INTERVAL
from rhi_desktop.domain.entities import EpisodeType, InterviewState, OfferOutcome
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.offers import OFFERED
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store
from rhi_desktop.store.db import Database

_CHUNK = 500


def database(store: Store) -> Database:
    """The store's connection wrapper, for the read-only queries below."""
    return store._db


@dataclass(frozen=True, slots=True)
class Conditions:
    """SQL conditions joined by AND, with their parameters in order."""

    clauses: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()

    def __add__(self, other: Conditions) -> Conditions:
        return Conditions(self.clauses + other.clauses, self.params + other.params)

    def sql(self) -> str:
        return "".join(f" AND {clause}" for clause in self.clauses)


def _in(column: str, values: Iterable[str]) -> Conditions:
    chosen = sorted(values)
    if not chosen:
        return Conditions(("0",))
    return Conditions((f"{column} IN ({', '.join('?' * len(chosen))})",), tuple(chosen))


def _any_record(flag: str) -> str:
    """A child's flag as the figures read it: set when any record of their case reference
    says so, as `same_child` combines records for the statutory returns. For a query that
    joins `children AS c`."""
    return (
        "EXISTS (SELECT 1 FROM children AS cf"  # noqa: S608 (a column name of ours)
        f" WHERE cf.case_reference = c.case_reference AND cf.{flag} = 1)"
    )


_UASC = _any_record("uasc")
_LOOKED_AFTER = _any_record("looked_after")


def _from_care(episode: str) -> Conditions:
    """An episode from care: the child was looked after when it began (as recorded with
    the episode; the child's current flag where it was not), and an A episode always is.
    `episode` is the episode table's alias in a query that also joins `children AS c`."""
    return Conditions(
        (f"({episode}.type = ? OR coalesce({episode}.looked_after, {_LOOKED_AFTER}) = 1)",),
        (EpisodeType.AWAY.value,),
    )


def _uasc_conditions(filters: Filters) -> Conditions:
    if filters.uasc is None:
        return Conditions()
    return Conditions((f"{_UASC} = ?",), (int(filters.uasc),))


def episode_conditions(filters: Filters) -> Conditions:
    """For a query over `episodes AS e JOIN children AS c`."""
    found = _uasc_conditions(filters)
    if filters.looked_after is not None:
        in_care = _from_care("e")
        found += Conditions(
            (f"{in_care.clauses[0]} = ?",), (*in_care.params, int(filters.looked_after))
        )
    if filters.episode_type is not None:
        found += Conditions(("e.type = ?",), (EpisodeType(filters.episode_type).value,))
    interviewers = filters.interviewers
    if interviewers is not None:
        inner = _in("ii.interviewer_id", interviewers)
        found += Conditions(
            (
                "EXISTS (SELECT 1 FROM interview_episodes AS ie JOIN interviews AS ii"  # noqa: S608
                f" ON ii.id = ie.interview_id WHERE ie.episode_id = e.id{inner.sql()})",
            ),
            inner.params,
        )
    return found


def interview_conditions(filters: Filters) -> Conditions:
    """For a query over `interviews AS i JOIN children AS c`. An interview is of a child
    in care when an episode it covers is from care."""
    found = _uasc_conditions(filters)
    if filters.looked_after is not None:
        in_care = _from_care("ee")
        found += Conditions(
            (
                "EXISTS (SELECT 1 FROM interview_episodes AS ie JOIN episodes AS ee"  # noqa: S608
                f" ON ee.id = ie.episode_id WHERE ie.interview_id = i.id AND {in_care.clauses[0]})"
                " = ?",
            ),
            (*in_care.params, int(filters.looked_after)),
        )
    interviewers = filters.interviewers
    if interviewers is not None:
        found += _in("i.interviewer_id", interviewers)
    if filters.episode_type is not None:
        found += Conditions(
            (
                "EXISTS (SELECT 1 FROM interview_episodes AS ie JOIN episodes AS ee"
                " ON ee.id = ie.episode_id WHERE ie.interview_id = i.id AND ee.type = ?)",
            ),
            (EpisodeType(filters.episode_type).value,),
        )
    return found


def _bounds(period: Period) -> tuple[str, str]:
    return utc_text(period.start), utc_text(period.end)


# -- KPI rows ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoundEpisodeRow:
    id: str
    child_id: str  # the child as figures count children (`_CHILD`)
    type: str
    uasc: bool


@dataclass(frozen=True, slots=True)
class DueInterviewRow:
    """An interview whose child returned in the period, with its first start and sign-off.

    After a coordinator returns an interview for amendment, the reopened revision starts
    afresh; the first revision (kept in `interview_revisions`) holds when the interview
    really took place and was first signed off.
    """

    id: str
    child_id: str
    returned_at: datetime
    started_at: datetime | None
    completed_at: datetime | None


@dataclass(frozen=True, slots=True)
class OfferRow:
    interview_id: str
    offered_at: datetime
    outcome: OfferOutcome


@dataclass(frozen=True, slots=True)
class DueSupervisionRow:
    """A supervision that fell due on `due_on`, some whole cycles of 28 days after the
    supervisee's session `after_id`; with when the next session was held (None: not yet).
    A due of a later cycle has an id of its own: the session's, `LAPSE_MARK` and the day
    (`session_of` gives the session back)."""

    after_id: str
    supervisee_id: str
    due_on: date
    next_held_on: date | None


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _outcome(text: str | None) -> OfferOutcome | None:
    return None if text is None else OfferOutcome(text)


_EPISODES = "FROM episodes AS e JOIN children AS c ON c.id = e.child_id"
_INTERVIEWS = "FROM interviews AS i JOIN children AS c ON c.id = i.child_id"
# A child as the figures count children: one per case reference (two interviewers may
# each have recorded the same child offline, making two records of it), named by the
# first of its records' ids. For a query that joins `children AS c`.
_CHILD = "(SELECT min(cc.id) FROM children AS cc WHERE cc.case_reference = c.case_reference)"


def found_episodes(db: Database, period: Period, filters: Filters) -> list[FoundEpisodeRow]:
    """Episodes whose end (found or returned) falls in the period."""
    where = episode_conditions(filters)
    rows = db.fetchall(
        f"SELECT e.id, {_CHILD}, e.type, {_UASC} {_EPISODES}"
        f" WHERE e.end_at >= ? AND e.end_at < ?{where.sql()}",
        (*_bounds(period), *where.params),
    )
    return [FoundEpisodeRow(r[0], r[1], r[2], bool(r[3])) for r in rows]


def repeat_children(db: Database, window: Period, found_in: Period, filters: Filters) -> list[str]:
    """Children found in `found_in` who have two or more episodes ending in `window`."""
    where = episode_conditions(filters)
    rows = db.fetchall(
        f"SELECT {_CHILD} AS child {_EPISODES}"
        f" WHERE e.end_at >= ? AND e.end_at < ?{where.sql()}"
        f" AND {_CHILD} IN (SELECT {_CHILD} {_EPISODES}"
        f" WHERE e.end_at >= ? AND e.end_at < ?{where.sql()})"
        " GROUP BY child HAVING count(*) >= 2",
        (*_bounds(window), *where.params, *_bounds(found_in), *where.params),
    )
    return [r[0] for r in rows]


def due_interviews(db: Database, period: Period, filters: Filters) -> list[DueInterviewRow]:
    """Interviews whose child returned (the 72-hour clock started) in the period."""
    where = interview_conditions(filters)
    rows = db.fetchall(
        "SELECT i.id, i.child_id, i.returned_at, coalesce(r.started_at, i.started_at),"
        f" coalesce(r.completed_at, i.completed_at) {_INTERVIEWS}"
        " LEFT JOIN interview_revisions AS r ON r.interview_id = i.id AND r.revision = 1"
        f" WHERE i.returned_at >= ? AND i.returned_at < ?{where.sql()}",
        (*_bounds(period), *where.params),
    )
    return [
        DueInterviewRow(r[0], r[1], datetime.fromisoformat(r[2]), _instant(r[3]), _instant(r[4]))
        for r in rows
    ]


def offers_for_due_interviews(db: Database, period: Period, filters: Filters) -> list[OfferRow]:
    """Every offer of the interviews `due_interviews` returns, oldest first per interview."""
    where = interview_conditions(filters)
    rows = db.fetchall(
        "SELECT o.interview_id, o.offered_at, o.outcome FROM offers AS o"  # noqa: S608
        " JOIN interviews AS i ON i.id = o.interview_id JOIN children AS c ON c.id = i.child_id"
        f" WHERE i.returned_at >= ? AND i.returned_at < ?{where.sql()}"
        " ORDER BY o.interview_id, o.offered_at",
        (*_bounds(period), *where.params),
    )
    return [OfferRow(r[0], datetime.fromisoformat(r[1]), OfferOutcome(r[2])) for r in rows]


def due_supervisions(db: Database, period: Period, filters: Filters) -> list[DueSupervisionRow]:
    """Supervisions due on a day of the period, each supervisee's sessions taken in turn.

    A session makes the next one due 28 days on. If none is held by then, another falls
    due each 28 days after that until one is (a lapse of months is a missed supervision
    each cycle, not just the first); the one held then starts the cycle again. Two
    sessions recorded for one person on one day are one supervision.
    """
    where = Conditions()
    interviewers = filters.interviewers
    if interviewers is not None:
        where = _in("s.supervisee_id", interviewers)
    # Every session, later ones too: the first after the period says whether its last
    # due was met. (A session after the period makes no due within it.)
    rows = db.fetchall(
        "SELECT s.supervisee_id, s.held_on, min(s.id) FROM supervision_sessions AS s"  # noqa: S608
        f" WHERE 1 = 1{where.sql()}"
        " GROUP BY s.supervisee_id, s.held_on ORDER BY s.supervisee_id, s.held_on",
        where.params,
    )
    # Someone no longer on the team roster (they left, or moved team) is owed no more
    # supervisions here: their lapse counts only until the day they dropped off it (or,
    # for those who left before that day was kept, not past the first one missed), so
    # the months they were on the team keep their figures. Without a roster (a computer
    # never enrolled) everyone counts.
    roster = {r[0] for r in db.fetchall("SELECT user_id FROM team_members")}
    left = {
        r[0]: date.fromisoformat(r[1])
        for r in db.fetchall("SELECT user_id, left_on FROM roster_departures")
    }
    held: dict[str, list[tuple[date, str]]] = {}
    for supervisee, held_on, session_id in rows:
        held.setdefault(supervisee, []).append((date.fromisoformat(held_on), session_id))
    found: list[DueSupervisionRow] = []
    for supervisee, sessions in held.items():
        lapses_before: date | None = None  # the first due only
        if not roster or supervisee in roster:
            lapses_before = date.max
        elif supervisee in left:
            lapses_before = left[supervisee]
        following = [day for day, _ in sessions[1:]] + [None]
        for (held_on, session_id), after in zip(sessions, following, strict=True):
            found.extend(_dues_after(session_id, supervisee, held_on, after, period, lapses_before))
    return found


def _dues_after(
    session_id: str,
    supervisee: str,
    held_on: date,
    following: date | None,
    period: Period,
    lapses_before: date | None,
) -> list[DueSupervisionRow]:
    """The dues a session starts: the next, then one each cycle until a session is held,
    falling due before `lapses_before`, the day the supervisee left (None: left on a day
    not known, so the next only; `date.max`: still on the team)."""
    dues: list[DueSupervisionRow] = []
    due_on = held_on + SUPERVISION_INTERVAL
    cycle = 1
    while due_on <= period.last_day and (
        (cycle == 1 and due_on < (lapses_before or date.max))
        or (
            lapses_before is not None
            and due_on < lapses_before
            and (following is None or following > due_on)
        )
    ):
        if due_on >= period.first_day:
            key = session_id if cycle == 1 else f"{session_id}{LAPSE_MARK}{due_on.isoformat()}"
            dues.append(DueSupervisionRow(key, supervisee, due_on, following))
        due_on += SUPERVISION_INTERVAL
        cycle += 1
    return dues


LAPSE_MARK = "@"


def session_of(due_id: str) -> str:
    """The supervision session a due supervision's id counts from."""
    return due_id.split(LAPSE_MARK, 1)[0]


def staff_ids(db: Database) -> list[str]:
    """The user ids of interviewers and supervisees the records name, for report filters."""
    rows = db.fetchall(
        "SELECT interviewer_id FROM interviews"
        " UNION SELECT supervisee_id FROM supervision_sessions ORDER BY 1"
    )
    return [r[0] for r in rows]


# -- monthly trend: one query over many periods --------------------------------------------


@dataclass(frozen=True, slots=True)
class EpisodeCountRow:
    """How many episodes were found in one of the periods asked about, and of how many children."""

    period: int
    """The period's position in the sequence given."""
    episodes: int
    children: int


@dataclass(frozen=True, slots=True)
class DueTimesRow:
    """An interview due in one of the periods, with the instants its 72-hour figures read."""

    period: int
    """The period's position in the sequence given."""
    returned_at: datetime
    first_offered_at: datetime | None
    """The earliest offer that reached the child or parent/carer (`offers.OFFERED`)."""
    completed_at: datetime | None
    """The first sign-off, as in `DueInterviewRow`."""


def _periods_table(periods: Sequence[Period]) -> tuple[str, tuple[Any, ...]]:
    """A `periods (n, lo, hi)` table of UTC bounds, so one query reads every period alike."""
    rows = ", ".join("(?, ?, ?)" for _ in periods)
    params = tuple(value for n, period in enumerate(periods) for value in (n, *_bounds(period)))
    return f"WITH periods (n, lo, hi) AS (VALUES {rows}) ", params


def found_episodes_per_period(
    db: Database, periods: Sequence[Period], filters: Filters
) -> list[EpisodeCountRow]:
    """`found_episodes` counted for each period at once; periods with none are left out."""
    if not periods:
        return []
    table, bounds = _periods_table(periods)
    where = episode_conditions(filters)
    rows = db.fetchall(
        f"{table}SELECT p.n, count(*), count(DISTINCT {_CHILD}) FROM periods AS p"  # noqa: S608
        " JOIN episodes AS e ON e.end_at >= p.lo AND e.end_at < p.hi"
        f" JOIN children AS c ON c.id = e.child_id WHERE 1{where.sql()} GROUP BY p.n",
        (*bounds, *where.params),
    )
    return [EpisodeCountRow(r[0], r[1], r[2]) for r in rows]


def due_interview_times(
    db: Database, periods: Sequence[Period], filters: Filters
) -> list[DueTimesRow]:
    """The interviews `due_interviews` returns for each period, in one query.

    Instants compare as text, so the earliest offer is found in SQL, as `offers.summarise`
    would find it among the interview's attempts.
    """
    if not periods:
        return []
    table, bounds = _periods_table(periods)
    where = interview_conditions(filters)
    outcomes = _in("o.outcome", (outcome.value for outcome in OFFERED))
    rows = db.fetchall(
        f"{table}SELECT p.n, i.returned_at,"  # noqa: S608
        f" (SELECT min(o.offered_at) FROM offers AS o WHERE o.interview_id = i.id{outcomes.sql()}),"
        " coalesce(r.completed_at, i.completed_at) FROM periods AS p"
        " JOIN interviews AS i ON i.returned_at >= p.lo AND i.returned_at < p.hi"
        " JOIN children AS c ON c.id = i.child_id"
        " LEFT JOIN interview_revisions AS r ON r.interview_id = i.id AND r.revision = 1"
        f" WHERE 1{where.sql()}",
        (*bounds, *outcomes.params, *where.params),
    )
    return [
        DueTimesRow(r[0], datetime.fromisoformat(r[1]), _instant(r[2]), _instant(r[3]))
        for r in rows
    ]


# -- answers (themes, panel, places) -------------------------------------------------------

SIGNED_OFF = (
    InterviewState.COMPLETED,
    InterviewState.SUBMITTED,
    InterviewState.RETURNED,
    InterviewState.APPROVED,
)


@dataclass(frozen=True, slots=True)
class AnsweredInterviewRow:
    id: str
    child_id: str  # the child as figures count children (`_CHILD`)
    returned_at: datetime
    form_id: str | None
    form_version: int | None
    answers: dict[str, Any]


def _answered(rows: Sequence[tuple[Any, ...]]) -> list[AnsweredInterviewRow]:
    return [
        AnsweredInterviewRow(r[0], r[1], datetime.fromisoformat(r[2]), r[3], r[4], json.loads(r[5]))
        for r in rows
    ]


_ANSWERED = f"SELECT i.id, {_CHILD}, i.returned_at, i.form_id, i.form_version, i.answers"


def signed_off_interviews(
    db: Database, period: Period, filters: Filters
) -> list[AnsweredInterviewRow]:
    """Interviews returned in the period, with the answers their interviewer signed off.

    An interview reopened for amendment (in progress on a later revision) is read as its
    last signed-off revision, kept in `interview_revisions`, until it is signed off again.
    """
    where = interview_conditions(filters)
    signed = _in("i.state", (s.value for s in SIGNED_OFF))
    rows = db.fetchall(
        f"SELECT i.id, {_CHILD}, i.returned_at, coalesce(r.form_id, i.form_id),"
        " coalesce(r.form_version, i.form_version), coalesce(r.answers, i.answers)"
        f" {_INTERVIEWS} LEFT JOIN interview_revisions AS r ON r.interview_id = i.id"
        " AND r.revision = i.revision - 1 AND i.state = ?"
        f" WHERE i.returned_at >= ? AND i.returned_at < ?"
        f" AND ({signed.clauses[0]} OR r.interview_id IS NOT NULL){where.sql()}"
        " ORDER BY i.returned_at, i.id",
        (
            InterviewState.IN_PROGRESS.value,
            *_bounds(period),
            *signed.params,
            *where.params,
        ),
    )
    return _answered(rows)


def interviews_with_answers(db: Database, since: datetime | None) -> list[AnsweredInterviewRow]:
    """Every interview with answers (drafts too) whose child returned at or after `since`."""
    clause, params = ("", ()) if since is None else (" AND i.returned_at >= ?", (utc_text(since),))
    rows = db.fetchall(
        f"{_ANSWERED} {_INTERVIEWS}"
        f" WHERE i.form_id IS NOT NULL AND i.answers != '{{}}'{clause}"
        " ORDER BY i.returned_at, i.id",
        params,
    )
    return _answered(rows)


# -- children and their episodes (panel, SSDA903, Annex A) ---------------------------------


@dataclass(frozen=True, slots=True)
class ChildRow:
    """A child's identifying codes and flags; never their name."""

    id: str
    case_reference: str
    date_of_birth: date
    gender: str | None
    ethnicity: str | None
    looked_after: bool
    uasc: bool
    placement_area: str | None


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    id: str
    child_id: str
    type: str
    start: datetime
    end: datetime | None


_CHILD_COLUMNS = (
    "c.id, c.case_reference, c.date_of_birth, c.gender, c.ethnicity, c.looked_after, c.uasc,"
    " c.placement_area"
)


def children(db: Database) -> list[ChildRow]:
    rows = db.fetchall(
        f"SELECT {_CHILD_COLUMNS} FROM children AS c ORDER BY c.case_reference"  # noqa: S608
    )
    return [
        ChildRow(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], bool(r[5]), bool(r[6]), r[7])
        for r in rows
    ]


def child_keys(children: Iterable[ChildRow]) -> dict[str, str]:
    """Each child record's id, and the child it is as the figures count children: one per
    case reference, named by the first of its records' ids (as `_CHILD` in SQL)."""
    rows = list(children)
    first: dict[str, str] = {}
    for child in rows:
        known = first.get(child.case_reference)
        if known is None or child.id < known:
            first[child.case_reference] = child.id
    return {child.id: first[child.case_reference] for child in rows}


def episodes(
    db: Database, *, from_care_only: bool = False, started_from: datetime | None = None
) -> list[EpisodeRow]:
    """Episodes, oldest first per child; only episodes from care, or only those starting at
    `started_from` or later, when asked."""
    where = Conditions()
    if from_care_only:
        where += _from_care("e")
    if started_from is not None:
        where += Conditions(("e.start_at >= ?",), (utc_text(started_from),))
    rows = db.fetchall(
        f"SELECT e.id, e.child_id, e.type, e.start_at, e.end_at {_EPISODES}"
        f" WHERE 1{where.sql()} ORDER BY e.child_id, e.start_at, e.id",
        where.params,
    )
    return [
        EpisodeRow(r[0], r[1], r[2], datetime.fromisoformat(r[3]), _instant(r[4])) for r in rows
    ]


@dataclass(frozen=True, slots=True)
class EpisodeOfferRow:
    """An interview covering an episode, with one of its offers (None if none yet)."""

    episode_id: str
    interview_id: str
    offered_at: datetime | None
    outcome: OfferOutcome | None


def offers_for_episodes(db: Database, episode_ids: Sequence[str]) -> list[EpisodeOfferRow]:
    found: list[EpisodeOfferRow] = []
    for start in range(0, len(episode_ids), _CHUNK):
        chunk = episode_ids[start : start + _CHUNK]
        rows = db.fetchall(
            "SELECT ie.episode_id, ie.interview_id, o.offered_at, o.outcome"  # noqa: S608
            " FROM interview_episodes AS ie"
            " LEFT JOIN offers AS o ON o.interview_id = ie.interview_id"
            f" WHERE ie.episode_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY ie.episode_id, o.offered_at",
            chunk,
        )
        found.extend(
            EpisodeOfferRow(
                r[0], r[1], _instant(r[2]), None if r[3] is None else OfferOutcome(r[3])
            )
            for r in rows
        )
    return found
