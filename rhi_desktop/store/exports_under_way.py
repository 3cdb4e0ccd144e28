"""Exports being written, kept inside the encrypted database until they are in place.

An export is written to a hidden temporary file beside the file chosen, then renamed
over it. Cut short between the two (a crash, a power cut), the hidden file stays: a full
copy of the export, personal data nobody can see was written. Where exports were going
is noted here first, so the next export, or the next unlock, clears what was left.
The note is of this device only: never queued for the central service.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from rhi_desktop.atomic_file import remove_leftover_temporaries
from rhi_desktop.store.changes import ChangeRecorder
from rhi_desktop.store.db import Database
from rhi_desktop.store.errors import TransactionError

if TYPE_CHECKING:
    from rhi_desktop.store.store import Store

log = logging.getLogger(__name__)

_KEY = "exports_under_way"


class ExportsUnderWay:
    def __init__(self, db: Database, changes: ChangeRecorder | None) -> None:
        self._db = db
        self._changes = changes

    def paths(self) -> list[Path]:
        """Where exports were being written and have not been seen through."""
        text = self._db.scalar("SELECT value FROM meta WHERE key = ?", (_KEY,))
        found = json.loads(str(text)) if text is not None else []
        return [Path(item) for item in found if isinstance(item, str)]

    def begin(self, path: Path) -> None:
        """Note `path`, made absolute: a name typed relative to one working folder would
        be looked for in another at the next unlock."""
        path = path.absolute()
        self._save([*(p for p in self.paths() if p != path), path])

    def end(self, path: Path) -> None:
        path = path.absolute()
        self._save([p for p in self.paths() if p != path])

    def _save(self, paths: list[Path]) -> None:
        if self._changes is None or not self._changes.is_open:
            raise TransactionError(
                "Exports under way change inside `with store.transaction(actor=...) as tx:`."
            )
        if not paths:
            self._db.execute("DELETE FROM meta WHERE key = ?", (_KEY,))
            return
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (_KEY, json.dumps([str(p) for p in paths], ensure_ascii=False)),
        )


def clear_interrupted_exports(store: Store, actor: str) -> int:
    """Remove the hidden copies exports cut short left beside their files; how many.

    A folder that cannot be read now (a memory stick taken out) is looked at again next
    time."""
    removed = 0
    cleared = []
    for path in store.exports_under_way.paths():
        try:
            removed += remove_leftover_temporaries(path)
        except OSError as exc:
            log.info("an interrupted export's folder cannot be read now (%s)", type(exc).__name__)
            continue
        cleared.append(path)
    if cleared:
        with store.transaction(actor) as tx:
            for path in cleared:
                tx.exports_under_way.end(path)
    if removed:
        log.info("removed %d copies left by interrupted exports", removed)
    return removed
