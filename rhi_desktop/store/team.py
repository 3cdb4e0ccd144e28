"""The team roster: the colleagues the central service says this user works with.

The service sends the roster with every pull and the sync engine replaces the stored
list with it in the pull's transaction, so someone who joins the team shows up (as not
yet supervised, say) even before they have any interviews, and someone who left drops
off. The day someone drops off is kept (`departures`), so the months they were on the
team keep counting the supervisions they missed then. A roster is not a local edit: it
queues no outbox entry, and the sync is audited as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rhi_desktop.domain.deadlines import london_date
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

    def departures(self) -> dict[str, date]:
        """Who has dropped off the roster (and not come back), with the day they did."""
        rows = self._db.fetchall("SELECT user_id, left_on FROM roster_departures")
        return {row[0]: date.fromisoformat(row[1]) for row in rows}

    def replace(self, members: Sequence[TeamMember], *, as_of: date | None = None) -> None:
        """The service's roster as it is now, replacing the stored one entirely; anyone
        it no longer lists left on `as_of` (the London date of the service's clock, as
        best known; this computer's by default)."""
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "The roster is replaced inside `with store.transaction(actor=...) as tx:`."
            )
        day = (as_of or london_date(self._db.clock())).isoformat()
        listed = {m.user_id for m in members}
        held = [row[0] for row in self._db.fetchall("SELECT user_id FROM team_members")]
        self._db.executemany(
            "INSERT OR REPLACE INTO roster_departures (user_id, left_on) VALUES (?, ?)",
            [(user_id, day) for user_id in held if user_id not in listed],
        )
        self._db.executemany(
            "DELETE FROM roster_departures WHERE user_id = ?", [(user_id,) for user_id in listed]
        )
        self._db.execute("DELETE FROM team_members")
        self._db.executemany(
            "INSERT INTO team_members (user_id, name, role) VALUES (?, ?, ?)",
            [(m.user_id, m.name, m.role) for m in members],
        )
