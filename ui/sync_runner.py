"""Syncing inside the desktop app: on its own background thread, one sync at a time.

A sync starts on "Sync now", straight after unlocking, and every few minutes while the
central service answers. After a failure the app looks for the service with a light
check (its health endpoint; the store is not touched, so nothing is audited) at growing
intervals, and at once when the operating system reports the network is back (where a
QNetworkInformation backend loads); when the service answers, it syncs.

The sync never uses the GUI thread's database connection: each sync opens a second handle
on the unlocked profile (same file, same keys; write-ahead logging lets both work and the
busy timeout makes two writers wait for each other) and closes it when it ends. Locking
stops the schedule and asks a running sync to stop at its next step (what it finished
is kept; the next sync does the rest), cutting a request that is waiting on the service,
so the handle closes and the key leaves memory without waiting for a slow server;
nothing syncs while locked.

The runner is the status bar's `ConnectionStatusSource`: `current()` reads cached fields.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from rhi_desktop.config import Settings
from rhi_desktop.session import OpenProfile
from rhi_desktop.store import Enrolment
from rhi_desktop.vault import Keystore
from sync.client import CentralClient
from sync.device import sync_engine
from sync.endpoint import transport_for
from sync.engine import SyncOutcome, SyncReport
from sync.errors import NotEnrolled, ServiceFault, SyncError, TlsRejected, Unauthorised
from sync.retry import Backoff
from sync.transport import Timeouts, Transport
from ui.messages import error_text
from ui.profile_holder import ProfileHolder
from ui.sync_errors import revoked_text
from ui.sync_status import ConnectionStatus, SyncActivity, SyncPhase
from ui.workers import SerialWorker

log = logging.getLogger(__name__)


class SyncAbandoned(Exception):
    """The app locked or closed during a sync: it stops at its next step, losing nothing."""

    def __init__(self) -> None:
        super().__init__("The sync stopped because the app was locked or closed.")


@dataclass(frozen=True, slots=True)
class SyncTiming:
    """How often the app syncs by itself, in seconds."""

    periodic: float = 300.0  # between syncs while the service answers
    check: float = 60.0  # the first look for the service after a failure
    check_cap: float = 900.0  # looks grow with back-off up to this

    def check_delay(self, failures: int, rng: random.Random) -> float:
        backoff = Backoff(base_seconds=self.check, cap_seconds=max(self.check, self.check_cap))
        return backoff.delay(max(failures, 1), rng)


class _StopSwitch(threading.Event):
    """A running sync's stop switch: once thrown, the sync stops at its next step, and a
    request it is waiting on is cut at once."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._transport: Transport | None = None

    def watch(self, transport: Transport) -> None:
        """The sync's transport (worker thread), before anything is sent on it."""
        with self._lock:
            self._transport = transport
            thrown = self.is_set()
        if thrown:
            transport.abort()

    def set(self) -> None:
        with self._lock:
            super().set()
            transport = self._transport
        if transport is not None:
            transport.abort()


@dataclass(frozen=True, slots=True)
class _Job:
    """One sync's inputs, handed to the worker thread, which closes the handle."""

    profile: OpenProfile  # over a second handle on the database
    keystore: Keystore | None
    settings: Settings
    cancel: _StopSwitch


def service_answers(settings: Settings, enrolment: Enrolment, timeouts: Timeouts | None) -> bool:
    """Whether the enrolled central service answers its health check (worker thread)."""
    try:
        transport = transport_for(settings, enrolment, timeouts)
    except (SyncError, ValueError) as exc:
        log.info("the central service cannot be checked (%s)", type(exc).__name__)
        return False
    try:
        CentralClient(transport).health()
    except SyncError as exc:
        log.info("the central service is not answering (%s)", type(exc).__name__)
        return False
    finally:
        transport.close()
    return True


class SyncRunner(QObject):
    finished = Signal(object)  # the SyncReport; None when the sync could not run
    records_arrived = Signal()  # the store holds new or changed records from the service
    status_changed = Signal()  # what `current()` answers has changed
    wiped = Signal(str)  # the service revoked this device and the profile was wiped
    _step = Signal(str)  # from the worker thread: the phase the sync reached

    def __init__(
        self,
        settings: Settings,
        *,
        timing: SyncTiming | None = None,
        timeouts: Timeouts | None = None,
        backoff: Backoff | None = None,
        watch_network: bool = False,
        rng: random.Random | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`watch_network`: listen to the operating system's reachability reports."""
        super().__init__(parent)
        self._settings = settings
        # Between syncs: as policy or settings say (sync_interval_minutes).
        self._timing = timing or SyncTiming(periodic=settings.sync_interval_minutes * 60.0)
        self._timeouts = timeouts
        self._backoff = backoff
        self._rng = rng or random.Random()  # noqa: S311  (jitter, not a secret)
        self._worker = SerialWorker(self)
        self._holder: ProfileHolder | None = None
        self._keystore: Keystore | None = None
        self._enrolment: Enrolment | None = None
        self._online = False
        self._last_success: datetime | None = None
        self._clock_offset: timedelta | None = None
        self._activity: SyncActivity | None = None
        self._asked = False
        """Sync now was pressed since the last sync ended."""
        self._cancel: _StopSwitch | None = None  # the running sync's stop switch
        self._checking = False
        self._failures = 0
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.timeout.connect(self._due)
        self._step.connect(self._stepped)
        if watch_network:
            self._watch_network()

    # -- what the status bar reads ---------------------------------------------------------

    def current(self) -> ConnectionStatus:
        return ConnectionStatus(
            self._online, self._last_success, self._activity, self._clock_offset
        )

    @property
    def running(self) -> bool:
        return self._cancel is not None

    @property
    def timing(self) -> SyncTiming:
        return self._timing

    @property
    def scheduled(self) -> bool:
        """A sync or a check of the service is due later."""
        return self._next.isActive()

    # -- unlocking and locking -------------------------------------------------------------

    def attach(self, holder: ProfileHolder, keystore: Keystore | None) -> None:
        """The profile is unlocked: sync now if it is enrolled."""
        self._holder, self._keystore = holder, keystore
        self._failures = 0
        self.refresh()
        if self._enrolment is not None:
            self._start()

    def detach(self) -> None:
        """Locking or closing: nothing more is scheduled, and a running sync stops at its
        next step (cutting a request it is waiting on), closing its handle on the database."""
        self._next.stop()
        if self._cancel is not None:
            self._cancel.set()
        self._holder = self._keystore = self._enrolment = None
        self._activity = None
        self._asked = False

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Stop, and wait for a running sync to end (it closes its own handle)."""
        self.detach()
        self._worker.shutdown(timeout_ms)

    def refresh(self) -> None:
        """Re-read the enrolment and the last good sync from the store (GUI thread)."""
        holder = self._holder
        if holder is None or not holder.is_open:
            return
        state = holder.store.sync_state
        self._enrolment = state.enrolment()
        contact = state.last_contact()
        self._last_success = contact.at if contact is not None else None
        self._clock_offset = contact.clock_offset if contact is not None else None

    # -- starting a sync ------------------------------------------------------------------

    def sync_now(self) -> bool:
        """ "Sync now": False, and nothing happens, when locked or not enrolled."""
        if self._holder is None or not self._holder.is_open:
            return False
        self.refresh()  # enrolled since unlocking, perhaps
        if self._enrolment is None:
            return False
        self._failures = 0
        self._asked = True  # the sync under way, if one is, is the one asked for
        self._start()
        return True

    def _start(self) -> None:
        holder = self._holder
        if self.running or holder is None or not holder.is_open:
            return
        self._next.stop()
        try:
            handle = holder.store.second_handle()
        except Exception as exc:  # worded for the person; a bug gets a reference
            self._ended(SyncActivity(SyncPhase.FAILED, problem=error_text(exc)), online=False)
            return
        profile = OpenProfile(holder.profile.paths, holder.profile.vault, handle, holder.actor)
        cancel = _StopSwitch()
        self._cancel = cancel
        self._activity = SyncActivity(SyncPhase.SYNCING)
        job = _Job(profile, self._keystore, self._settings, cancel)
        self._worker.submit(
            partial(self._run, job), partial(self._synced, cancel), partial(self._failed, cancel)
        )
        self.status_changed.emit()

    def _run(self, job: _Job) -> SyncReport:
        """Runs on the worker thread."""

        def observe(step: str) -> None:
            if step in ("push.before_send", "pull.before_fetch"):
                if job.cancel.is_set():
                    raise SyncAbandoned()
                phase = SyncPhase.SENDING if step.startswith("push") else SyncPhase.RECEIVING
                self._step.emit(phase.value)

        def sleep(seconds: float) -> None:
            if job.cancel.wait(seconds):
                raise SyncAbandoned()

        options: dict[str, Any] = {
            "observer": observe,
            "sleep": sleep,
            "timeouts": self._timeouts,
            "on_transport": job.cancel.watch,
        }
        if self._backoff is not None:
            options["backoff"] = self._backoff
        try:
            if job.cancel.is_set():
                raise SyncAbandoned()
            with sync_engine(job.profile, job.keystore, job.settings, **options) as engine:
                report = engine.run()
            if job.cancel.is_set() and report.outcome is SyncOutcome.FAILED:
                raise SyncAbandoned()  # a request cut short by locking, not a failure
            return report
        finally:
            job.profile.close()

    @Slot(str)
    def _stepped(self, phase: str) -> None:
        if self.running:
            self._activity = SyncActivity(SyncPhase(phase))
            self.status_changed.emit()

    # -- a sync ended ---------------------------------------------------------------------

    def _synced(self, cancel: _StopSwitch, report: SyncReport) -> None:
        if self._cancel is cancel:
            self._cancel = None
        if report.outcome is SyncOutcome.WIPED:
            self.detach()
            self.wiped.emit(revoked_text())
            return
        if self._holder is None:
            return  # locked meanwhile; the next unlock syncs again
        self.refresh()
        failed = report.outcome is SyncOutcome.FAILED
        if failed and report.retry_later:
            phase = _retry_phase(report.error)
        else:
            phase = SyncPhase.FAILED if failed else SyncPhase.DONE
        # Changes needing attention are counted live beside it (`show_status`), not here:
        # a count frozen at the end of the sync would go stale as they are dealt with.
        activity = SyncActivity(
            phase,
            sent=report.push.sent,
            received=report.pull.applied + report.pull.stored,
            problem=None if report.error is None else error_text(report.error),
            unrecognised=isinstance(report.error, _UNRECOGNISED),
            forms_refused=len(report.forms.refused),
        )
        purged = report.purged is not None and bool(report.purged.interviews)
        # (a form version installed with no record yet: a retry once IT freed the folder)
        if report.pull.received or purged or report.forms.installed:
            self.records_arrived.emit()
        self._ended(activity, online=_connected(phase, report.error), report=report)

    def _failed(self, cancel: _StopSwitch, exc: BaseException) -> None:
        if self._cancel is cancel:
            self._cancel = None
        if isinstance(exc, SyncAbandoned):
            log.info("sync abandoned (locked or closing)")
            if self._holder is not None and self._enrolment is not None:
                self._start()  # unlocked again before it stopped: finish the work now
            return
        if self._holder is None:
            return
        transient = isinstance(exc, SyncError) and exc.transient
        phase = _retry_phase(exc) if transient else SyncPhase.FAILED
        activity = SyncActivity(
            phase, problem=error_text(exc), unrecognised=isinstance(exc, _UNRECOGNISED)
        )
        self._ended(activity, online=_connected(phase, exc))

    def _ended(
        self, activity: SyncActivity, *, online: bool, report: SyncReport | None = None
    ) -> None:
        self._activity = replace(activity, asked=self._asked)
        self._asked = False
        self._online = online
        success = activity.phase is SyncPhase.DONE
        self._schedule(success)
        self.status_changed.emit()
        self.finished.emit(report)

    # -- the schedule ---------------------------------------------------------------------

    def _schedule(self, success: bool) -> None:
        if self._holder is None or self._enrolment is None:
            return
        if success:
            self._failures = 0
            delay = self._timing.periodic
        else:
            self._failures += 1
            delay = self._timing.check_delay(self._failures, self._rng)
        self._next.start(max(1, round(delay * 1000)))

    def _due(self) -> None:
        if self._holder is None or self.running or self._checking:
            return
        if self._failures == 0:
            self._start()
        else:
            self._check()

    def _check(self) -> None:
        """Look for the service without touching the store; sync if it answers."""
        enrolment = self._enrolment
        if enrolment is None or self._checking:
            return
        self._checking = True
        self._worker.submit(
            partial(service_answers, self._settings, enrolment, self._timeouts),
            self._checked,
            self._check_failed,
        )

    def _checked(self, answers: bool) -> None:
        self._checking = False
        if self._holder is None or self.running:
            return
        if answers:
            self._start()
        else:
            self._schedule(False)

    def _check_failed(self, exc: BaseException) -> None:
        self._checking = False
        log.warning("checking for the central service failed (%s)", type(exc).__name__)
        self._schedule(False)

    # -- the operating system's view of the network ---------------------------------------

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        feature = QNetworkInformation.Feature.Reachability
        if not QNetworkInformation.loadBackendByFeatures(feature):
            log.info("no network reachability reports here; checking the service on a timer")
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability != QNetworkInformation.Reachability.Online:
            return
        if self._holder is not None and self._failures and not self.running:
            self._next.stop()
            self._check()


_UNRECOGNISED = (Unauthorised, NotEnrolled)
_NOT_CONNECTED = (TlsRejected, *_UNRECOGNISED)
"""Failures after which this computer is not connected to the service, though it may
have answered: it could not be trusted, or it does not know this computer."""


def _connected(phase: SyncPhase, error: BaseException | None) -> bool:
    return phase is not SyncPhase.UNREACHABLE and not isinstance(error, _NOT_CONNECTED)


def _retry_phase(error: BaseException | None) -> SyncPhase:
    """A failure tried again later: the service not answering, or answering with a fault
    of its own (an HTTP 500, an answer not in the protocol): a fault is not the network,
    and the person and IT should not go looking there."""
    return SyncPhase.SERVICE_FAULT if isinstance(error, ServiceFault) else SyncPhase.UNREACHABLE
