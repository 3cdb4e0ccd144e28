"""The caller's team as their device needs it: the people they supervise, review or are
supervised by.

A coordinator's device lists every interviewer due supervision, including one with no
interviews yet, and a service manager's device the coordinators; an interviewer's device
learns only who supervises them. Each member is a user id, a username and a role: no
other personal data leaves the service this way.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from sqlalchemy import Connection, or_, select

from sync.protocol import Role, TeamMember
from sync.server import schema
from sync.server.auth import Principal

_STAFF = frozenset({Role.INTERVIEWER, Role.COORDINATOR, Role.SERVICE_MANAGER})

# Besides themselves, the roles of the team members each caller sees.
SEES: Mapping[Role, frozenset[Role]] = {
    Role.INTERVIEWER: frozenset({Role.COORDINATOR, Role.SERVICE_MANAGER}),
    Role.COORDINATOR: _STAFF,
    Role.SERVICE_MANAGER: _STAFF,
    Role.ADMINISTRATOR: frozenset(),
}


def team_roster(conn: Connection, principal: Principal) -> list[TeamMember]:
    """The caller's team members they may see, by username, leavers left out; empty
    without a team."""
    if principal.team_id is None:
        return []
    u = schema.users
    roles = sorted(role.value for role in SEES[principal.role])
    rows = conn.execute(
        select(u.c.id, u.c.username, u.c.role)
        .where(u.c.team_id == principal.team_id, u.c.left_at.is_(None))
        .where(or_(u.c.id == principal.user_id, u.c.role.in_(roles)))
        .order_by(u.c.username)
    ).all()
    members: list[TeamMember] = []
    for row in rows:
        try:
            members.append(TeamMember(user_id=str(row.id), name=row.username, role=row.role))
        except ValidationError:
            continue  # a username no device could show (e.g. a control character)
    return members
