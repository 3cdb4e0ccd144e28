"""Removing records the device no longer needs (the retention rule in `rhi_desktop.retention`).

A purge deletes rows; it queues nothing for the central service, which keeps its copy.
Nothing that still has unsent work (a pending or parked outbox entry) is ever purged, so
a purge can never lose a change the service has not received. The store runs with
`PRAGMA secure_delete` on, so the freed pages are overwritten, not left in the file.

Each purge notes how far forward in time the removed records reached
(`removed_through`): reports counting records from then or earlier can no longer count
them all on this device.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rhi_desktop.audit import utc_text
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import TransactionError
from rhi_desktop.store.records import instant

REMOVED_THROUGH = "retention.removed_through"
"""The `meta` key holding the latest instant any purged record reached."""


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


class RetentionRecords:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    # -- reads ---------------------------------------------------------------------------

    def approved_before(self, cutoff: datetime) -> list[tuple[str, str]]:
        """(interview id, child id) of interviews approved before `cutoff`, oldest first."""
        rows = self._db.fetchall(
            "SELECT id, child_id FROM interviews WHERE approved_at IS NOT NULL"
            " AND approved_at < ? ORDER BY approved_at",
            (utc_text(cutoff),),
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def removed_through(self) -> datetime | None:
        """The latest return, episode start or episode end among purged records (None
        when nothing has been purged): what reports on this device can no longer count."""
        return instant(self._db.scalar("SELECT value FROM meta WHERE key = ?", (REMOVED_THROUGH,)))

    def interview_has_unsent_work(self, interview_id: str) -> bool:
        """Whether the interview, its offers or reviews have changes not yet accepted."""
        ids = [interview_id]
        for table in ("offers", "reviews"):
            sql = f"SELECT id FROM {table} WHERE interview_id = ?"  # noqa: S608
            ids += [str(r[0]) for r in self._db.fetchall(sql, (interview_id,))]
        return self._queued(ids)

    def child_is_needed(self, child_id: str) -> bool:
        """Whether anything still needs the child: another interview, or unsent work."""
        if self._db.fetchone("SELECT 1 FROM interviews WHERE child_id = ?", (child_id,)):
            return True
        episodes = [
            str(r[0])
            for r in self._db.fetchall("SELECT id FROM episodes WHERE child_id = ?", (child_id,))
        ]
        return self._queued([child_id, *episodes])

    def _queued(self, entity_ids: Sequence[str]) -> bool:
        sql = f"SELECT 1 FROM outbox WHERE entity_id IN ({_marks(entity_ids)}) LIMIT 1"  # noqa: S608
        return self._db.fetchone(sql, tuple(entity_ids)) is not None

    # -- writes --------------------------------------------------------------------------

    def _writer(self) -> None:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Records are purged inside `with store.transaction(actor=...) as tx:`."
            )

    def purge_interview(self, interview_id: str) -> None:
        """Delete an interview with its offers, reviews, kept revisions and episode links."""
        self._writer()
        with self._db.savepoint():
            self._note_reach(
                "SELECT max(v) FROM (SELECT returned_at AS v FROM interviews WHERE id = ?"
                " UNION ALL SELECT max(e.start_at, coalesce(e.end_at, e.start_at))"
                " FROM episodes AS e"
                " JOIN interview_episodes AS ie ON ie.episode_id = e.id"
                " WHERE ie.interview_id = ?)",
                (interview_id, interview_id),
            )
            self._db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))

    def purge_child(self, child_id: str) -> int:
        """Delete a child and their episodes; returns how many episodes went with them."""
        self._writer()
        with self._db.savepoint():
            self._note_reach(
                "SELECT max(max(start_at, coalesce(end_at, start_at))) FROM episodes"
                " WHERE child_id = ?",
                (child_id,),
            )
            self._db.execute(
                "DELETE FROM interview_episodes WHERE episode_id IN"
                " (SELECT id FROM episodes WHERE child_id = ?)",
                (child_id,),
            )
            removed = self._db.execute("DELETE FROM episodes WHERE child_id = ?", (child_id,))
            self._db.execute("DELETE FROM children WHERE id = ?", (child_id,))
            return int(removed.rowcount)

    def _note_reach(self, sql: str, params: Sequence[object]) -> None:
        """Move `removed_through` on to the latest instant `sql` finds, if later."""
        reach = self._db.scalar(sql, params)
        if reach is not None:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key)"
                " DO UPDATE SET value = max(value, excluded.value)",
                (REMOVED_THROUGH, reach),
            )

    def purge_parked_before(self, cutoff: datetime) -> int:
        """Drop pulled records parked since before `cutoff`: whatever they waited for is
        not coming (e.g. it was purged here); the service still has them."""
        self._writer()
        removed = self._db.execute(
            "DELETE FROM remote_records WHERE parked_reason IS NOT NULL AND recorded_at < ?",
            (utc_text(cutoff),),
        )
        return int(removed.rowcount)
