"""Removing records the device no longer needs (the retention rule in `rhi_desktop.retention`).

A purge deletes rows; it queues nothing for the central service, which keeps its copy.
Nothing that still has unsent work (a pending or parked outbox entry) is ever purged, so
a purge can never lose a change the service has not received. The store runs with
`PRAGMA secure_delete` on, so the freed pages are overwritten, not left in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rhi_desktop.audit import utc_text
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import TransactionError


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
            self._db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))

    def purge_child(self, child_id: str) -> int:
        """Delete a child and their episodes; returns how many episodes went with them."""
        self._writer()
        with self._db.savepoint():
            self._db.execute(
                "DELETE FROM interview_episodes WHERE episode_id IN"
                " (SELECT id FROM episodes WHERE child_id = ?)",
                (child_id,),
            )
            removed = self._db.execute("DELETE FROM episodes WHERE child_id = ?", (child_id,))
            self._db.execute("DELETE FROM children WHERE id = ?", (child_id,))
            return int(removed.rowcount)

    def purge_parked_before(self, cutoff: datetime) -> int:
        """Drop pulled records parked since before `cutoff`: whatever they waited for is
        not coming (e.g. it was purged here); the service still has them."""
        self._writer()
        removed = self._db.execute(
            "DELETE FROM remote_records WHERE parked_reason IS NOT NULL AND recorded_at < ?",
            (utc_text(cutoff),),
        )
        return int(removed.rowcount)
