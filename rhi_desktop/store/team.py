"""The team roster: the colleagues the central service says this user works with.

The service sends the roster with every pull and the sync engine replaces the stored
list with it in the pull's transaction, so someone who joins the team shows up (as not
yet supervised, say) even before they have any interviews, and someone who left drops
off. A roster is not a local edit: it queues no outbox entry, and the sync is audited
as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import TransactionError


@dataclass(frozen=True, slots=True)
class TeamMember:
    user_id: str
    name: str  # the username the service knows them by
    role: str  # a sync role value: interviewer, coordinator, service_manager


SHORT_ID = 12
"""Ids longer than this (the service's) are shown by their first 8 characters."""


class TeamRoster:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    def members(self, *roles: str) -> list[TeamMember]:
        """Everyone on the roster (or those with one of `roles`), by name."""
        rows = self._db.fetchall("SELECT user_id, name, role FROM team_members ORDER BY name")
        found = [TeamMember(user_id=r[0], name=r[1], role=r[2]) for r in rows]
        return [m for m in found if not roles or m.role in roles]

    def member(self, user_id: str) -> TeamMember | None:
        row = self._db.fetchone(
            "SELECT user_id, name, role FROM team_members WHERE user_id = ?", (user_id,)
        )
        return None if row is None else TeamMember(user_id=row[0], name=row[1], role=row[2])

    def name_of(self, user_id: str) -> str:
        """How to show a person: their roster name, or (someone not on this team's roster)
        the start of their id, which the service's administrator can look up."""
        member = self.member(user_id)
        if member is not None:
            return member.name
        return user_id[:8] if len(user_id) > SHORT_ID else user_id

    def replace(self, members: Sequence[TeamMember]) -> None:
        """The service's roster as it is now, replacing the stored one entirely."""
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "The roster is replaced inside `with store.transaction(actor=...) as tx:`."
            )
        self._db.execute("DELETE FROM team_members")
        self._db.executemany(
            "INSERT INTO team_members (user_id, name, role) VALUES (?, ?, ?)",
            [(m.user_id, m.name, m.role) for m in members],
        )
