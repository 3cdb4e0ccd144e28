"""Writing a draft's answers to the encrypted store, as the interviewer types.

The form keeps the answers on screen; this keeps the last saved copy and the interview
version it was saved against, so each write is `save_answers(..., expected_version=v)`:
a change made elsewhere since the draft was opened (a sync, a second window) is never
overwritten silently but raises StaleEditError. The store is asked for at the moment of
each write (never kept), so a locked app cannot be written through. Qt-free: the debounce
timer lives in the UI.

Answers a change hid (`rhi_desktop.forms.held`) are written in the same transaction as
the record that leaves them out, beside it on this device only: there is no moment at
which the store holds neither.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rhi_desktop.store import Store


@dataclass(frozen=True, slots=True)
class WriteResult:
    written: bool
    """False when the answers were already saved exactly as they are."""
    seconds: float
    """How long the write took, including any wait for the store while another connection
    (the sync's) held it: what the person waited, not the debounce before it."""
    version: int


class DraftWriter:
    """Saves one interview's answers, refusing to overwrite a newer version."""

    def __init__(
        self,
        interview_id: str,
        *,
        version: int,
        saved_answers: Mapping[str, Any],
        saved_held: Mapping[str, Any] | None = None,
        store: Callable[[], Store],
        actor: Callable[[], str],
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.interview_id = interview_id
        self._version = version
        self._saved: dict[str, Any] = copy.deepcopy(dict(saved_answers))
        self._held = _copy(saved_held)
        self._store = store
        self._actor = actor
        self._timer = timer

    @property
    def version(self) -> int:
        """The interview version the last write produced (or the draft was opened at)."""
        return self._version

    def is_saved(self, answers: Mapping[str, Any], held: Mapping[str, Any] | None = None) -> bool:
        return dict(answers) == self._saved and (None if held is None else dict(held)) == self._held

    def write(
        self,
        answers: Mapping[str, Any],
        held: Mapping[str, Any] | None = None,
        *,
        wait_ms: int | None = None,
    ) -> WriteResult:
        """Save `answers`, and hold `held` beside them (None: hold nothing), in one
        transaction; StoreError (e.g. StaleEditError) propagates. `wait_ms`: how long to
        wait for a store another connection is writing to (else its busy timeout)."""
        if self.is_saved(answers, held):
            return WriteResult(False, 0.0, self._version)
        snapshot = copy.deepcopy(dict(answers))
        held_snapshot = _copy(held)
        store = self._store()
        actor = self._actor()
        start = self._timer()
        with store.transaction(actor, wait_ms=wait_ms) as tx:
            version = self._version
            if snapshot != self._saved:
                saved = tx.interviews.save_answers(
                    self.interview_id, snapshot, expected_version=version
                )
                version = saved.version
            if held_snapshot is None:
                if self._held is not None:
                    tx.held_answers.drop(self.interview_id)
            elif held_snapshot != self._held or version != self._version:
                tx.held_answers.put(self.interview_id, version, held_snapshot)
        elapsed = self._timer() - start
        self._version = version
        self._saved = snapshot
        self._held = held_snapshot
        return WriteResult(True, elapsed, version)

    def rebase(
        self,
        version: int,
        saved_answers: Mapping[str, Any],
        saved_held: Mapping[str, Any] | None = None,
    ) -> None:
        """Carry on from a version written by another action (e.g. a form migration),
        which holds `saved_held` beside it."""
        self._version = version
        self._saved = copy.deepcopy(dict(saved_answers))
        self._held = _copy(saved_held)


def _copy(held: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if held is None else copy.deepcopy(dict(held))
