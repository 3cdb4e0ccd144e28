"""Operations an administrator runs through `rhi-central`: users, enrolment codes, devices,
assignments, published documents, demo data and counts.

Errors raised here (`AdminError`) carry text safe to print: usernames and ids, never a
child's details.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from rhi_desktop.domain.deadlines import due_by
from rhi_desktop.domain.entities import EpisodeType, InterviewState, RiskGrade
from rhi_desktop.domain.found_child import EpisodeProblem, case_reference_is_plain, episode_problem
from rhi_desktop.forms import FormDefinitionError, load_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRef, FormRegistry
from rhi_desktop.plain_text import plain_text
from sync.protocol import EntityKind, Role
from sync.server import access, schema
from sync.server.auth import CODE_TTL, enrolment_code_hash, new_enrolment_code
from sync.server.db import Clock, reading, writing
from sync.server.feed import (
    PUBLIC,
    Audience,
    FeedEntry,
    admin_origin,
    append_to_feed,
    create_entity,
    update_entity,
)

DEMO_TEAM = "Demo team"
DEMO_INTERVIEWER = "demo-interviewer"
DEMO_COORDINATOR = "demo-coordinator"
DEMO_MANAGER = "demo-manager"


class AdminError(Exception):
    """A command that cannot be carried out; the message says why and is safe to print."""


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    username: str
    name: str
    app_version: str
    enrolled_at: datetime
    last_seen_at: datetime
    revoked_at: datetime | None
    audit_seq: int | None


@dataclass(frozen=True, slots=True)
class AssignmentSpec:
    interviewer: str  # username
    child_ref: str
    child_name: str
    date_of_birth: date
    episode_type: EpisodeType
    missing_since: datetime
    returned_at: datetime
    risk_grade: RiskGrade | None = None
    where_found: str | None = None
    police_reference: str | None = None
    # Whether the child is looked after (in care); None when the assignment does not say.
    # An A episode (away from placement) is by definition of a child in care.
    looked_after: bool | None = None
    # Whether a child already on another team's caseload may move to this interviewer's.
    move_child: bool = False

    def in_care(self) -> bool | None:
        if self.episode_type is EpisodeType.AWAY:
            return True
        return self.looked_after


@dataclass(frozen=True, slots=True)
class Assignment:
    child_id: str
    episode_id: str
    interview_id: str
    due_by: datetime


def _clean(value: str, what: str) -> str:
    """A name as typed, its spaces tidied; refused if it holds control characters (a line
    end from a spreadsheet, say), which would make it a different name unseen."""
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise AdminError(
            f"The {what} holds a control character (a line end from a spreadsheet?); "
            "remove it and try again."
        )
    return " ".join(value.split())


def add_user(engine: Engine, username: str, role: Role, team: str | None, clock: Clock) -> str:
    """Create a user (and their team if new: a team name matches whatever its case and
    spacing); return the user's id."""
    team = _clean(team, "team name") if team else None
    if role is not Role.ADMINISTRATOR and not team:
        raise AdminError(f"Every {role.value} must belong to a team: pass --team.")
    username = _clean(username, "username")
    if not username:
        raise AdminError("The username must not be empty.")
    now = clock()
    user_id = str(uuid.uuid4())
    try:
        with writing(engine) as conn:
            team_id = _team_id(conn, team, now) if team else None
            conn.execute(
                insert(schema.users).values(
                    id=user_id, username=username, role=role.value, team_id=team_id, created_at=now
                )
            )
    except IntegrityError:
        raise AdminError(f"A user called {username!r} already exists.") from None
    return user_id


def issue_enrolment_code(
    engine: Engine, username: str, clock: Clock, ttl: timedelta = CODE_TTL
) -> str:
    """A new one-time code for the user; any code issued earlier and not yet used stops working."""
    codes = schema.enrolment_codes
    now = clock()
    code = new_enrolment_code()
    with writing(engine) as conn:
        user_id = user_id_of(conn, username)
        if left_at(conn, user_id) is not None:
            raise AdminError(f"{username!r} has left; no enrolment code can be issued to them.")
        conn.execute(delete(codes).where(codes.c.user_id == user_id, codes.c.used_at.is_(None)))
        conn.execute(
            insert(codes).values(
                code_hash=enrolment_code_hash(code),
                user_id=user_id,
                created_at=now,
                expires_at=now + ttl,
            )
        )
    return code


@dataclass(frozen=True, slots=True)
class UserInfo:
    username: str
    role: str
    team: str | None
    left_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Departure:
    """What `user_leaves` did, and what is left for someone to pick up."""

    devices_revoked: int
    codes_cancelled: int
    open_interviews: int  # assigned to them and not yet approved
    last_contacts: tuple[tuple[str, datetime], ...] = ()
    """Each revoked device's id and when it last reached the service: whatever is on it
    that the service has not accepted is erased when it wipes."""


def user_leaves(engine: Engine, username: str, clock: Clock) -> Departure:
    """Someone leaves: every device of theirs is revoked (each wipes at its next contact),
    any enrolment code not yet used stops working, and no new one can be issued to them.

    Their records stay (the service keeps the team's history); the interviews still open
    on their caseload are counted, for IT to tell their coordinator. Their row is locked
    first, as an enrolment locks it, so a device enrolled meanwhile is committed before
    the devices are revoked, or its enrolment waits and is then refused.
    """
    d, codes, e = schema.devices, schema.enrolment_codes, schema.entities
    now = clock()
    with writing(engine) as conn:
        user_id = user_id_of(conn, username)
        if left_at(conn, user_id, lock=True) is not None:
            raise AdminError(f"{username!r} has already left.")
        conn.execute(update(schema.users).where(schema.users.c.id == user_id).values(left_at=now))
        active = d.c.user_id == user_id, d.c.revoked_at.is_(None)
        contacts = conn.execute(
            select(d.c.id, d.c.last_seen_at).where(*active).order_by(d.c.last_seen_at)
        ).all()
        revoked = conn.execute(update(d).where(*active).values(revoked_at=now)).rowcount
        cancelled = conn.execute(
            delete(codes).where(codes.c.user_id == user_id, codes.c.used_at.is_(None))
        ).rowcount
        states = conn.execute(
            select(e.c.payload["state"].as_string()).where(
                e.c.entity == EntityKind.INTERVIEW.value, e.c.interviewer_id == user_id
            )
        ).scalars()
        still_open = sum(1 for state in states if state not in CLOSED_STATES)
    return Departure(
        revoked, cancelled, still_open, tuple((row.id, row.last_seen_at) for row in contacts)
    )


CLOSED_STATES = frozenset({InterviewState.APPROVED.value})


def left_at(conn: Connection, user_id: str, *, lock: bool = False) -> datetime | None:
    """When the user left, if they have; with `lock`, their row is held until the
    transaction ends (on PostgreSQL; SQLite's write transactions already run one at a time)."""
    u = schema.users
    query = select(u.c.left_at).where(u.c.id == user_id)
    found: datetime | None = conn.execute(
        query.with_for_update() if lock else query
    ).scalar_one_or_none()
    return found


def list_users(engine: Engine) -> list[UserInfo]:
    """Every user with their role and team, by team then username."""
    u, t = schema.users, schema.teams
    with reading(engine) as conn:
        rows = conn.execute(
            select(u.c.username, u.c.role, t.c.name, u.c.left_at)
            .select_from(u.outerjoin(t, t.c.id == u.c.team_id))
            .order_by(t.c.name, u.c.username)
        ).all()
    return [UserInfo(*row) for row in rows]


def list_devices(engine: Engine) -> list[DeviceInfo]:
    d, u = schema.devices, schema.users
    with reading(engine) as conn:
        rows = conn.execute(
            select(
                d.c.id,
                u.c.username,
                d.c.name,
                d.c.app_version,
                d.c.enrolled_at,
                d.c.last_seen_at,
                d.c.revoked_at,
                d.c.audit_seq,
            )
            .join(u, u.c.id == d.c.user_id)
            .order_by(d.c.enrolled_at, d.c.id)
        ).all()
    return [DeviceInfo(*row) for row in rows]


def revoke_device(engine: Engine, device_id: str, clock: Clock) -> bool:
    """Revoke a device: its next contact is answered with the wipe directive.

    Returns False if it was already revoked.
    """
    d = schema.devices
    with writing(engine) as conn:
        revoked_at = conn.execute(select(d.c.revoked_at).where(d.c.id == device_id)).one_or_none()
        if revoked_at is None:
            raise AdminError(f"No device has the id {device_id!r}.")
        if revoked_at[0] is not None:
            return False
        conn.execute(update(d).where(d.c.id == device_id).values(revoked_at=clock()))
    return True


def assign(engine: Engine, spec: AssignmentSpec, clock: Clock) -> Assignment:
    """Give an interviewer a found child to interview: child, episode and interview
    (state assigned), which that interviewer's devices then pull.

    A child already known by the same case reference is reused (see `_assign_child`),
    moves to this interviewer's caseload and is sent again. The reference is kept as the
    app keeps one typed there: pasted no-break spaces made plain, ends trimmed.
    """
    now = clock()
    spec = replace(spec, child_ref=plain_text(spec.child_ref))
    if not spec.child_ref:
        raise AdminError("Give the child's case reference.")
    if not case_reference_is_plain(spec.child_ref):
        raise AdminError(
            "A case reference cannot start with =, +, - or @, or hold tabs or line breaks: "
            "spreadsheets opening the returns would run it as a formula."
        )
    if not spec.child_name.strip():
        raise AdminError("Give the child's name.")
    wrong = episode_problem(
        date_of_birth=spec.date_of_birth,
        episode_type=spec.episode_type,
        looked_after=spec.looked_after,
        start=spec.missing_since,
        returned=spec.returned_at,
        now=now,
    )
    if wrong is not None:
        raise AdminError(_EPISODE_PROBLEMS[wrong])
    with writing(engine) as conn:
        interviewer_id, team_id = active_interviewer(conn, spec.interviewer)
        audience = Audience(interviewer_id=interviewer_id, team_id=team_id, team_visible=True)
        child_id = _assign_child(conn, spec, audience, now)
        episode_id, interview_id = str(uuid.uuid4()), str(uuid.uuid4())
        episode: dict[str, Any] = {
            "id": episode_id,
            "child_id": child_id,
            "type": spec.episode_type.value,
            "start": spec.missing_since.isoformat(),
            "end": spec.returned_at.isoformat(),
            "where_found": spec.where_found,
            "police_reference": spec.police_reference,
            "risk_grade": spec.risk_grade.value if spec.risk_grade else None,
            "looked_after": spec.in_care(),
        }
        _create(conn, EntityKind.EPISODE, episode_id, episode, audience, now)
        interview: dict[str, Any] = {
            "id": interview_id,
            "child_id": child_id,
            "episode_ids": [episode_id],
            "interviewer_id": interviewer_id,
            "returned_at": spec.returned_at.isoformat(),
            "state": InterviewState.ASSIGNED.value,
        }
        hidden = Audience(
            interviewer_id=interviewer_id,
            team_id=team_id,
            team_visible=access.team_visible(EntityKind.INTERVIEW, InterviewState.ASSIGNED),
        )
        _create(conn, EntityKind.INTERVIEW, interview_id, interview, hidden, now)
    return Assignment(child_id, episode_id, interview_id, due_by(spec.returned_at))


# Worded without the child's details, which are personal data (see the module docstring).
_EPISODE_PROBLEMS = {
    EpisodeProblem.BORN_IN_FUTURE: "The child's date of birth is in the future.",
    EpisodeProblem.NOT_A_CHILD: "The young person was 18 or over when they went missing: "
    "return interviews are for children.",
    EpisodeProblem.START_BEFORE_BIRTH: "The child went missing before their date of birth: "
    "check both dates.",
    EpisodeProblem.AWAY_NOT_LOOKED_AFTER: "Away from placement (A) applies only to a child "
    "who is looked after.",
    EpisodeProblem.START_AFTER_RETURN: "The child cannot have returned before going missing.",
    EpisodeProblem.RETURN_IN_FUTURE: "The return time is in the future: give when the child "
    "was found or came back.",
}


def publish(
    engine: Engine, kind: EntityKind, entity_id: str, payload: dict[str, Any], clock: Clock
) -> int:
    """Publish a document every device pulls (a form definition); return its version.

    A form definition is checked as a device will check it before installing it, so a
    definition no device could use is refused here, with every problem by path."""
    if kind not in access.PUBLISHED:
        raise AdminError(f"Only {', '.join(sorted(access.PUBLISHED))} can be published.")
    if kind is EntityKind.FORM_DEFINITION:
        try:
            load_form(payload)
        except FormDefinitionError as exc:
            raise AdminError(f"The form definition cannot be used: {exc}") from None
    e = schema.entities
    now = clock()
    with writing(engine) as conn:
        if kind is EntityKind.FORM_DEFINITION:
            _refuse_a_form_version_change(conn, entity_id, payload)
        version = conn.execute(
            select(e.c.version).where(e.c.entity == kind.value, e.c.entity_id == entity_id)
        ).scalar_one_or_none()
        if version is None:
            _create(conn, kind, entity_id, payload, PUBLIC, now)
            return 1
        origin = admin_origin(kind, entity_id, version, payload)
        update_entity(conn, kind, entity_id, version, payload, PUBLIC, origin, now)
        return int(version) + 1


def _refuse_a_form_version_change(
    conn: Connection, entity_id: str, payload: dict[str, Any]
) -> None:
    """Every form version an interview may be pinned to stays published, with the same
    content on every device: a new version is published under its own entity id, and a
    changed form needs a new version number (devices keep the first copy they install)."""
    ref = FormRef(str(payload["form_id"]), int(payload["version"]))
    published = _published_forms(conn)
    bundled = FormRegistry(BUNDLED_FORMS_DIR)  # read once: the versions the app comes with
    carried = published.get(entity_id)
    if carried is not None and _ref_of(carried) != ref:
        held = _ref_of(carried)
        raise AdminError(
            f"form_definition {entity_id} already carries form {held.form_id} version "
            f"{held.version}, which devices still need for the interviews started on it. "
            f"Publish form {ref.form_id} version {ref.version} under its own entity id "
            f"(for example {ref.form_id}-v{ref.version})."
        )
    same_version = [d for d in published.values() if _ref_of(d) == ref]
    if any(definition != payload for definition in same_version):
        raise AdminError(
            f"form {ref.form_id} version {ref.version} is already published with different "
            f"content. A changed form needs a new version number: publish it as version "
            f"{_next_version(ref.form_id, published, bundled)}."
        )
    shipped = bundled.contents(ref)
    if shipped is not None and shipped != payload:
        raise AdminError(
            f"form {ref.form_id} version {ref.version} comes with the app with different "
            f"content. A changed form needs a new version number: publish it as version "
            f"{_next_version(ref.form_id, published, bundled)}."
        )


def _published_forms(conn: Connection) -> dict[str, dict[str, Any]]:
    """Every published form definition by its entity id."""
    e = schema.entities
    rows = conn.execute(
        select(e.c.entity_id, e.c.payload).where(e.c.entity == EntityKind.FORM_DEFINITION.value)
    )
    return {row.entity_id: row.payload for row in rows}


def _ref_of(definition: dict[str, Any]) -> FormRef:
    return FormRef(str(definition.get("form_id")), int(definition.get("version", 0)))


def _next_version(form_id: str, published: dict[str, dict[str, Any]], bundled: FormRegistry) -> int:
    """The lowest version number above every one published or bundled for `form_id`."""
    taken = [_ref_of(d).version for d in published.values() if _ref_of(d).form_id == form_id]
    taken.extend(bundled.versions(form_id))
    return max(taken, default=0) + 1


def seed_demo(engine: Engine, clock: Clock) -> list[Assignment] | None:
    """A demo team with an interviewer, coordinator and manager, and three fictional
    assignments at different points of the 72-hour window. None if already seeded."""
    with reading(engine) as conn:
        exists = conn.execute(
            select(schema.users.c.id).where(schema.users.c.username == DEMO_INTERVIEWER)
        ).first()
    if exists is not None:
        return None
    add_user(engine, DEMO_INTERVIEWER, Role.INTERVIEWER, DEMO_TEAM, clock)
    add_user(engine, DEMO_COORDINATOR, Role.COORDINATOR, DEMO_TEAM, clock)
    add_user(engine, DEMO_MANAGER, Role.SERVICE_MANAGER, DEMO_TEAM, clock)
    now = clock().replace(microsecond=0)
    year = now.year  # ages kept as the years pass: 13 to 17, never 18
    fictional = [
        ("DEMO-0001", "Amara Example", date(year - 14, 3, 14), EpisodeType.MISSING, 5, 20),
        ("DEMO-0002", "Kai Placeholder", date(year - 17, 11, 2), EpisodeType.AWAY, 40, 48),
        ("DEMO-0003", "Zoë Sample", date(year - 16, 6, 30), EpisodeType.MISSING, 80, 96),
    ]
    return [
        assign(
            engine,
            AssignmentSpec(
                interviewer=DEMO_INTERVIEWER,
                child_ref=ref,
                child_name=name,
                date_of_birth=born,
                episode_type=kind,
                missing_since=now - timedelta(hours=gone),
                returned_at=now - timedelta(hours=back),
                risk_grade=RiskGrade.MEDIUM,
            ),
            clock,
        )
        for ref, name, born, kind, back, gone in fictional
    ]


def stats(engine: Engine) -> dict[str, int]:
    e = schema.entities
    with reading(engine) as conn:

        def count(query: Any) -> int:
            return int(conn.execute(query).scalar_one())

        return {
            "users": count(select(func.count()).select_from(schema.users)),
            "devices": count(select(func.count()).select_from(schema.devices)),
            "active_devices": count(
                select(func.count())
                .select_from(schema.devices)
                .where(schema.devices.c.revoked_at.is_(None))
            ),
            "interviews": count(
                select(func.count()).select_from(e).where(e.c.entity == EntityKind.INTERVIEW.value)
            ),
            "changes_applied": count(
                select(func.count())
                .select_from(schema.changes)
                .where(schema.changes.c.device_id.is_not(None))
            ),
            "feed_length": count(select(func.count()).select_from(schema.changes)),
        }


def _create(
    conn: Connection,
    kind: EntityKind,
    entity_id: str,
    payload: dict[str, Any],
    audience: Audience,
    now: datetime,
) -> int:
    return create_entity(
        conn, kind, entity_id, payload, audience, admin_origin(kind, entity_id, 0, payload), now
    )


def _assign_child(conn: Connection, spec: AssignmentSpec, audience: Audience, now: datetime) -> str:
    """The child's id: a new record, or the one already held under this case reference.

    A held record is reused only when it is this child (same name and date of birth)
    and on this team's caseload, unless the assignment moves it here (`move_child`):
    otherwise the interviewer would be handed another child's details, or another
    team's. It is sent again even to the interviewer who had the child (their laptop
    may have purged it under retention), at its own version when nothing about it
    changed, so an edit made meanwhile on a laptop is not overtaken by a copy of itself.
    """
    held = _held_under_reference(conn, spec.child_ref, audience.team_id)
    if not held:
        return _new_child(conn, spec, audience, now)
    existing = _the_held_child(held, spec, audience.team_id)
    _send_child_again(conn, existing, spec, audience, now)
    return str(existing.entity_id)


def _held_under_reference(conn: Connection, child_ref: str, team_id: str | None) -> list[Any]:
    """The records under a case reference that an assignment to this team considers: the
    team's own, and those the service assigned to other teams. A record another team's
    interviewer made on their laptop is theirs alone: it neither blocks this team's
    assignment nor is ever handed over."""
    e = schema.entities
    rows = conn.execute(
        select(
            e.c.entity_id, e.c.version, e.c.payload, e.c.interviewer_id, e.c.team_id,
            e.c.created_by,
        ).where(
            e.c.entity == EntityKind.CHILD.value,
            e.c.payload["case_reference"].as_string() == child_ref,
        )
    ).all()  # fmt: skip
    return [row for row in rows if row.team_id == team_id or row.created_by is None]


def _new_child(conn: Connection, spec: AssignmentSpec, audience: Audience, now: datetime) -> str:
    child_id = str(uuid.uuid4())
    child = {
        "id": child_id,
        "case_reference": spec.child_ref,
        "name": spec.child_name,
        "date_of_birth": spec.date_of_birth.isoformat(),
        "looked_after": bool(spec.in_care()),
    }
    _create(conn, EntityKind.CHILD, child_id, child, audience, now)
    return child_id


def _the_held_child(held: list[Any], spec: AssignmentSpec, team_id: str | None) -> Any:
    """The one held record of this child: this team's first, another team's only when
    the assignment moves the child here."""
    same = [row for row in held if _same_child(dict(row.payload), spec)]
    if not same:
        raise AdminError(
            f"The child recorded under case reference {spec.child_ref!r} has a different "
            "name or date of birth. Check the case reference and the child's details."
        )
    on_team = [row for row in same if row.team_id == team_id]
    if not on_team and not spec.move_child:
        raise AdminError(
            f"The child with case reference {spec.child_ref!r} is on another team's "
            "caseload. Check the case reference; to move the child to this interviewer's "
            "team, assign again with --move-child."
        )
    candidates = on_team or same
    if len(candidates) > 1:
        raise AdminError(
            f"{len(candidates)} records of this child have the case reference "
            f"{spec.child_ref!r}; they must be merged before the child can be assigned."
        )
    return candidates[0]


def _send_child_again(
    conn: Connection, existing: Any, spec: AssignmentSpec, audience: Audience, now: datetime
) -> None:
    child_id = str(existing.entity_id)
    stored = dict(existing.payload)
    payload = dict(stored)
    if spec.in_care() is not None:
        payload["looked_after"] = spec.in_care()  # as the child is now
    origin = admin_origin(EntityKind.CHILD, child_id, existing.version, payload)
    if payload == stored and existing.interviewer_id == audience.interviewer_id:
        entry = FeedEntry(EntityKind.CHILD, child_id, existing.version, payload, audience, origin)
        append_to_feed(conn, [entry], now)
        return
    update_entity(
        conn, EntityKind.CHILD, child_id, existing.version, payload, audience, origin, now
    )


def _same_child(stored: dict[str, Any], spec: AssignmentSpec) -> bool:
    """Whether a held record is the child the assignment names (names compared as a
    person would: whatever the case and spacing)."""

    def plain(name: object) -> str:
        return " ".join(str(name).split()).casefold()

    return (
        plain(stored.get("name")) == plain(spec.child_name)
        and stored.get("date_of_birth") == spec.date_of_birth.isoformat()
    )


def _team_id(conn: Connection, name: str, now: datetime) -> str:
    t = schema.teams
    found = conn.execute(
        select(t.c.id).where(func.lower(t.c.name) == name.lower())
    ).scalar_one_or_none()
    if found is not None:
        return str(found)
    team_id = str(uuid.uuid4())
    conn.execute(insert(t).values(id=team_id, name=name, created_at=now))
    return team_id


def user_id_of(conn: Connection, username: str) -> str:
    u = schema.users
    found = conn.execute(select(u.c.id).where(u.c.username == username)).scalar_one_or_none()
    if found is None:
        raise AdminError(f"No user is called {username!r}.")
    return str(found)


def active_interviewer(conn: Connection, username: str) -> tuple[str, str]:
    u = schema.users
    row = conn.execute(
        select(u.c.id, u.c.role, u.c.team_id, u.c.left_at).where(u.c.username == username)
    ).one_or_none()
    if row is None:
        raise AdminError(f"No user is called {username!r}.")
    if row.role != Role.INTERVIEWER.value or row.team_id is None:
        raise AdminError(f"{username!r} is not an interviewer in a team.")
    if row.left_at is not None:
        raise AdminError(f"{username!r} has left; assign the child to someone else.")
    return str(row.id), str(row.team_id)
