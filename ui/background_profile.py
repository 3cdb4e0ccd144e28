"""The unlocked profile as background work sees it: its own store handle, its own thread.

Report screens work out figures over the whole store, which can take seconds. They do
it on one serial worker of their own, so the window keeps painting; and that worker
reads through a second connection to the open database (`Store.second_handle`), never
the GUI thread's, so an autosave or a status refresh on the GUI thread can never land
inside a report's transaction. The handle is opened when first asked for and closed on
the same worker when the app locks, after whatever report work was already queued.

It answers the same questions as `ProfileHolder` (`is_open`, `store`, `actor`,
`profile`), so a page takes either.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from rhi_desktop.session import OpenProfile
from rhi_desktop.store import Store
from ui.profile_holder import ProfileHolder, ProfileLocked
from ui.workers import SerialWorker

log = logging.getLogger(__name__)


class BackgroundProfile(QObject):
    def __init__(self, holder: ProfileHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._holder = holder
        self.worker = SerialWorker(self)
        self._store: Store | None = None

    @property
    def is_open(self) -> bool:
        return self._holder.is_open

    @property
    def store(self) -> Store:
        """The background handle: hand it only to jobs on `worker`."""
        if not self._holder.is_open:
            raise ProfileLocked()
        if self._store is None:
            self._store = self._holder.store.second_handle()
        return self._store

    @property
    def actor(self) -> str:
        return self._holder.actor

    @property
    def profile(self) -> OpenProfile:
        return self._holder.profile

    def release(self) -> None:
        """Close the handle once the work already queued on the worker has run."""
        store, self._store = self._store, None
        if store is not None:
            self.worker.submit(store.close, _ignore, _closing_failed, on_abandoned=_ignore)

    def shutdown(self) -> None:
        """Stop the worker (waiting for a running job) and close the handle now."""
        self.worker.shutdown()
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # the reference is gone either way
                _closing_failed(exc)


def _ignore(_result: object) -> None:
    return None


def _closing_failed(exc: BaseException) -> None:
    log.warning("closing the report store handle failed (%s)", type(exc).__name__)
