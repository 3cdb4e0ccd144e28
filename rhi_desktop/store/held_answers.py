"""Answers a change hid, held beside their interview on this device only.

Hidden answers are not kept with the interview (its record leaves them out), but while
the form is open they are still the interviewer's work. Autosave writes them here in
the same transaction as the record that left them out, so a crash or power cut never
loses them between the two. They are never queued for the central service, and a
holding counts only beside the interview version it was written with: the schema drops
it as soon as the interview changes any other way.
"""

from __future__ import annotations

import json
from typing import Any

from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import StaleEditError, TransactionError


class HeldAnswers:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    def get(self, interview_id: str) -> dict[str, Any] | None:
        """What is held for the interview as it stands now (None: nothing)."""
        content = self._db.scalar(
            "SELECT held.content FROM held_answers AS held JOIN interviews AS interview"
            " ON interview.id = held.interview_id"
            " WHERE held.interview_id = ? AND held.interview_version = interview.version",
            (interview_id,),
        )
        if content is None:
            return None
        found = json.loads(str(content))
        return found if isinstance(found, dict) else None

    def put(self, interview_id: str, interview_version: int, content: dict[str, Any]) -> None:
        """Hold `content` beside the interview at `interview_version`: StaleEditError if
        the interview is not at that version now (it changed elsewhere)."""
        self._writer()
        written = self._db.execute(
            "INSERT INTO held_answers (interview_id, interview_version, content)"
            " SELECT id, version, ? FROM interviews WHERE id = ? AND version = ?"
            " ON CONFLICT (interview_id) DO UPDATE SET"
            " interview_version = excluded.interview_version, content = excluded.content",
            (json.dumps(content, ensure_ascii=False), interview_id, interview_version),
        )
        if written.rowcount != 1:
            raise StaleEditError("interview", interview_id)

    def drop(self, interview_id: str) -> None:
        self._writer()
        self._db.execute("DELETE FROM held_answers WHERE interview_id = ?", (interview_id,))

    def _writer(self) -> None:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Held answers change inside `with store.transaction(actor=...) as tx:`."
            )
