"""The app's state and its moves: first run, unlock, lock, and quitting.

    first run (no profile) -> wizard -> main window
    profile exists         -> unlock window -> main window
    main window --lock (idle, Ctrl+L, OS lock/sleep)--> cover --unlock--> main window

Slow work (Argon2id, opening the database, enrolling) runs on the serial background
worker. Locking closes the database through the ProfileHolder (the only reference to
the store and so to the key), covers the main window, hides every other window and
dialog (they keep their unsaved input, hidden and unreachable, and come back exactly
as they were after unlocking, except that sensitive answers shown are covered again),
and stops the idle timer. The database closes once the open forms' answers are in it:
a save that finds the store busy keeps it open, covered, until the save gets in. An
unlock window stands in
when the main window does not exist yet (locked during first-run enrolment).

Syncing runs on its own thread (ui/sync_runner.py): it starts once the main window is
unlocked and stops, closing its own database handle, when the app locks.

A computer that skipped enrolment enrols later from the main window through the first
run's enrolment page (`EnrolWizard`); success then starts syncing as a fresh enrolment
does. Enrolling uses its own handle on the database, so the open window's handle is
never used from two threads at once.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import OpenProfile, adopt_enrolled_user, create_profile, open_profile
from rhi_desktop.store.exports_under_way import clear_interrupted_exports
from rhi_desktop.vault import (
    Keystore,
    KeystoreSearch,
    ProfileWiped,
    Protection,
    UnlockDelayed,
    Vault,
    VaultError,
    WrongPassphrase,
)
from ui.clipboard_guard import ClipboardGuard
from ui.enrolment import Enroller, EnrolmentOutcome
from ui.first_run import EnrolPage, EnrolWizard, FirstRunWizard
from ui.idle import IdleMonitor, since_boot
from ui.lock_shortcut import LockShortcutFilter
from ui.main_window import MainWindow
from ui.messages import error_text
from ui.os_lock import OsLockWatcher
from ui.profile_holder import ProfileHolder
from ui.quarantine_view import QuarantineView
from ui.sync_runner import SyncRunner
from ui.sync_status import ConnectionStatusSource
from ui.unlock import UnlockPanel, UnlockWindow
from ui.window_hiding import SAVE_AFTER_HIDING
from ui.workers import SerialWorker

if TYPE_CHECKING:
    from ui.forms.editor import InterviewFormEditor

LOCK_SAVE_GRACE_SECONDS = 30.0
"""How long locking keeps the store open for a form's save to get in (the sync, told to
stop, lets go of the store within seconds); after that it closes regardless."""
LOCK_SAVE_POLL_MS = 200
SLEEP = "sleep"
"""The lock's reason when the computer is going to sleep (`ui.os_lock`)."""

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
KeystoreFinder = Callable[[], Keystore | None]


class AppController(QObject):
    locked = Signal()
    unlocked = Signal()
    finished = Signal()  # the person quit: the event loop should end

    def __init__(
        self,
        app: QApplication,
        paths: ProfilePaths,
        settings: Settings,
        *,
        clock: Clock = utc_now,
        find_keystore: KeystoreFinder | None = None,
        enroller: Enroller | None = None,
        status_source: ConnectionStatusSource | None = None,
        os_lock: OsLockWatcher | None = None,
        unlock_window: UnlockWindow | None = None,
        sync_runner: SyncRunner | None = None,
    ) -> None:
        """`unlock_window`: one already on screen (shown before the app finished loading).
        `status_source`: what the status bar shows instead of the sync runner's report."""
        super().__init__()
        self._app = app
        self._paths = paths
        self._settings = settings
        self._clock = clock
        self._find_keystore = find_keystore or KeystoreSearch()
        self._keystore: Keystore | None = None
        self._keystore_found = False
        self._enroller = enroller
        self._os_lock = os_lock
        self.holder = ProfileHolder()
        self.worker = SerialWorker(self)
        self.sync = sync_runner or SyncRunner(settings)
        self.sync.setParent(self)
        self.sync.status_changed.connect(self._sync_status_changed)
        self.sync.records_arrived.connect(self._records_arrived)
        self.sync.finished.connect(self._sync_finished)
        self.sync.wiped.connect(self._revoked)
        self._status_source: ConnectionStatusSource = status_source or self.sync
        self.attention: QuarantineView | None = None
        # the wall clock can be set back; a clock given in its place (a test's) cannot
        ticks = since_boot if clock is utc_now else lambda: clock().timestamp()
        self.idle = IdleMonitor(
            app, timedelta(minutes=settings.idle_lock_minutes), ticks, parent=self
        )
        self.idle.idle.connect(lambda: self.lock("idle"))
        self._lock_keys = LockShortcutFilter(self)
        self._lock_keys.triggered.connect(lambda: self.lock("shortcut"))
        self.main_window: MainWindow | None = None
        self.unlock_window: UnlockWindow | None = unlock_window
        self.wizard: FirstRunWizard | None = None
        self.enrol_wizard: EnrolWizard | None = None
        self._hidden: list[QWidget] = []
        self._profile_jobs = 0
        self._lock_pending: str | None = None
        self._saves_wait = QTimer(self)
        self._saves_wait.setInterval(LOCK_SAVE_POLL_MS)
        self._saves_wait.timeout.connect(self._lock_when_saved)
        self._saves_deadline = 0.0
        self._started = False
        self._clipboard = ClipboardGuard(app, self)

    # -- starting and stopping -----------------------------------------------------------

    def start(self) -> None:
        self._started = True
        self._app.installEventFilter(self._lock_keys)
        if self._os_lock is not None:
            self._os_lock.lock_requested.connect(self.lock)
            self._os_lock.start(self._app)
        early, self.unlock_window = self.unlock_window, None
        if self._paths.is_complete():
            self._show_unlock_window(locked=False, window=early)
        else:
            if early is not None:  # the profile went away meanwhile
                early.close_quietly()
                early.deleteLater()
            self._show_wizard()

    def shutdown(self) -> None:
        """Close the database, stop every timer and worker, close every window."""
        self.idle.stop()
        self._stop_waiting_to_lock()
        self._clipboard.forget_copied()
        self.sync.shutdown()
        if self._started:
            self._app.removeEventFilter(self._lock_keys)
        if self._os_lock is not None:
            self._os_lock.stop()
        if self.main_window is not None and self.holder.is_open:
            self.main_window.close_interviews()  # while the database is still open
        self.holder.close()
        self.worker.shutdown()
        self.holder.close()  # in case a job finished after the first close
        windows: list[QWidget | None] = [
            *self._hidden,
            self.wizard,
            self.unlock_window,
            self.main_window,
        ]
        self._hidden = []
        for window in windows:
            if window is not None and shiboken6.isValid(window):
                window.blockSignals(True)  # closing here is not the person quitting
                if isinstance(window, MainWindow):
                    window.stop_timers()
                if isinstance(window, UnlockWindow):
                    window.panel.stop_timers()
                window.close()
                window.deleteLater()
        self.main_window = self.unlock_window = self.wizard = None

    def quit(self) -> None:
        self.shutdown()
        self.finished.emit()

    @property
    def is_locked(self) -> bool:
        return not self.holder.is_open

    @property
    def lock_pending(self) -> bool:
        """A lock has begun and closes the profile once a save or an enrolment is done."""
        return self._lock_pending is not None

    # -- first run -----------------------------------------------------------------------

    def _show_wizard(self) -> None:
        wizard = FirstRunWizard(
            self._settings.server_url,
            self._settings.is_locked("server_url"),
            self._enroller is not None,
        )
        wizard.passphrase_page.create_requested.connect(self._create_profile)
        page = wizard.enrol_page
        page.enrol_requested.connect(lambda server, code: self._enrol(server, code, page))
        wizard.setup_finished.connect(self._setup_finished)
        wizard.cancelled.connect(self.quit)
        self.wizard = wizard
        wizard.show()
        self.worker.submit(self._keystore_now, self._protection_known, self._keystore_failed)

    def _keystore_now(self) -> Keystore | None:
        """Runs on the worker: keystore discovery may talk to D-Bus or the OS."""
        if not self._keystore_found:
            self._keystore = self._find_keystore()
            self._keystore_found = True
        return self._keystore

    def _keystore_for_unlock(self) -> Keystore | None:
        """Runs on the worker. Until a keystore is found, each unlock looks again: at
        login the Secret Service may come up a moment after the app first looked."""
        if self._keystore is None:
            self._keystore_found = False
        return self._keystore_now()

    def _protection_known(self, keystore: Keystore | None) -> None:
        if self.wizard is not None:
            protection = (
                Protection.PASSPHRASE_ONLY
                if keystore is None
                else Protection.PASSPHRASE_AND_KEYSTORE
            )
            self.wizard.passphrase_page.set_protection(protection)

    def _keystore_failed(self, exc: BaseException) -> None:
        log.warning("keystore discovery failed (%s); using the passphrase only", type(exc).__name__)
        self._keystore, self._keystore_found = None, True
        self._protection_known(None)

    def _create_profile(self, passphrase: str) -> None:
        paths, settings = self._paths, self._settings

        def work() -> OpenProfile:
            return create_profile(paths, passphrase, settings, self._keystore_now())

        self.worker.submit(
            work, self._profile_created, self._creation_failed, on_abandoned=_close_profile
        )

    def _profile_created(self, profile: OpenProfile) -> None:
        self.holder.hold(profile)
        self.idle.start()
        self._warm_up()
        if self.wizard is not None:
            self.wizard.profile_created()

    def _creation_failed(self, exc: BaseException) -> None:
        if self.wizard is not None:
            self.wizard.creation_failed(error_text(exc))

    def _enrol(self, server_url: str, code: str, page: EnrolPage) -> None:
        enroller = self._enroller
        if enroller is None or not self.holder.is_open:
            return
        opened = self.holder.profile
        try:
            handle = opened.store.second_handle()
        except Exception as exc:  # worded for the person; a bug gets a reference
            page.enrol_finished(EnrolmentOutcome(False, error_text(exc)))
            return
        profile = OpenProfile(opened.paths, opened.vault, handle, opened.actor)
        self._profile_jobs += 1

        def work() -> EnrolmentOutcome:
            try:
                return enroller(profile, server_url, code)
            finally:
                profile.close()

        self.worker.submit(
            work,
            lambda outcome: self._enrolled(outcome, page),
            lambda exc: self._enrolled(EnrolmentOutcome(False, error_text(exc)), page),
        )

    def _enrolled(self, outcome: EnrolmentOutcome, page: EnrolPage) -> None:
        if outcome.ok and self.holder.is_open:
            adopt_enrolled_user(self.holder.profile)  # changes from now on are this person's
        if shiboken6.isValid(page):
            page.enrol_finished(outcome)
        locking = self._lock_pending is not None  # the window shows it once unlocked
        if outcome.ok and self.main_window is not None and self.holder.is_open and not locking:
            self.main_window.enrolled()
            self._start_sync()
        self._profile_job_done()

    def enrol_later(self) -> None:
        """ "Enrol this computer…" from the main window: the enrolment page on its own."""
        window = self.main_window
        if window is None or self._enroller is None or not self.holder.is_open:
            return
        wizard = self.enrol_wizard
        if wizard is None or not shiboken6.isValid(wizard):
            wizard = EnrolWizard(
                self._settings.server_url, self._settings.is_locked("server_url"), window
            )
            wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            page = wizard.enrol_page
            page.enrol_requested.connect(lambda server, code: self._enrol(server, code, page))
            self.enrol_wizard = wizard
        wizard.open()
        wizard.raise_()
        wizard.activateWindow()
        wizard.first_field().setFocus()

    def _profile_job_done(self) -> None:
        self._profile_jobs -= 1
        if self._profile_jobs == 0 and self._lock_pending is not None:
            reason, self._lock_pending = self._lock_pending, None
            self.lock(reason)

    def _setup_finished(self) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.hide()
            wizard.deleteLater()
        if self.holder.is_open:
            self._show_main()
            self._start_sync()
        else:  # locked while on the last page: unlock first, the main window follows
            self._show_unlock_window(locked=True)

    # -- unlocking -----------------------------------------------------------------------

    def _show_unlock_window(self, *, locked: bool, window: UnlockWindow | None = None) -> None:
        window = window or UnlockWindow(self._clock, locked=locked)
        window.panel.unlock_requested.connect(
            lambda passphrase: self._unlock(passphrase, window.panel)
        )
        window.closed_by_user.connect(self.quit)
        self.unlock_window = window
        self._show_backoff(window.panel)
        window.panel.set_ready(True)
        window.show()
        window.activateWindow()

    def _show_backoff(self, panel: UnlockPanel) -> None:
        try:
            status = Vault.load(self._paths).backoff_status(self._clock())
        except VaultError as exc:
            panel.show_problem(error_text(exc))
            return
        if status.retry_after_seconds > 0:
            panel.wait_before_retry(status.retry_after_seconds)

    def _unlock(self, passphrase: str, panel: UnlockPanel) -> None:
        if self.holder.is_open:
            if self._lock_pending is not None:  # saving, or enrolling, before it closes
                panel.show_problem(
                    self.tr("The app is still finishing locking. Try again in a moment.")
                )
            return
        panel.set_busy(True)
        paths, settings, clock = self._paths, self._settings, self._clock

        def work() -> OpenProfile:
            keystore = self._keystore_for_unlock()
            return open_profile(paths, passphrase, settings, keystore, clock=clock)

        self.worker.submit(
            work,
            lambda profile: self._unlock_succeeded(profile, panel),
            lambda exc: self._unlock_failed(exc, panel),
            on_abandoned=_close_profile,
        )

    def _unlock_succeeded(self, profile: OpenProfile, panel: UnlockPanel) -> None:
        if self.holder.is_open:  # a second unlock raced the first
            profile.close()
            return
        panel.set_busy(False)
        self.holder.hold(profile)
        unlock_window, self.unlock_window = self.unlock_window, None
        if unlock_window is not None:
            unlock_window.close_quietly()
            unlock_window.deleteLater()
        if self.main_window is None and not self._hidden_wizard():
            self._show_main()
        elif self.main_window is not None:
            self.main_window.uncover()
        # Windows before the dialogs over them, as they were opened: a dialog shown
        # before its window left that window on top, taking the keys its dialog blocks.
        for window in sorted(self._hidden, key=_owners):
            if shiboken6.isValid(window):
                window.show()
        self._hidden = []
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.raise_()
            modal.activateWindow()
        self.idle.start()
        self._clear_interrupted_exports()
        self._warm_up()
        self._start_sync()
        self.unlocked.emit()

    def _clear_interrupted_exports(self) -> None:
        """Remove the hidden copies of exports a crash cut short (there are seldom any)."""
        try:
            clear_interrupted_exports(self.holder.store, self.holder.actor)
        except Exception:  # never stands between the person and their work; tried again
            log.exception("could not clear what interrupted exports left")

    def _hidden_wizard(self) -> bool:
        return any(isinstance(w, FirstRunWizard) for w in self._hidden)

    def _unlock_failed(self, exc: BaseException, panel: UnlockPanel) -> None:
        panel.set_busy(False)
        if isinstance(exc, WrongPassphrase | UnlockDelayed):
            panel.show_problem(error_text(exc))
            panel.wait_before_retry(exc.retry_after_seconds)
        elif isinstance(exc, ProfileWiped):
            self._after_wipe(error_text(exc))
        else:
            panel.show_problem(error_text(exc))

    def _after_wipe(self, message: str) -> None:
        """The profile was erased (wipe policy or revocation): discard every window and
        start again."""
        self.idle.stop()
        self.sync.detach()
        self._stop_waiting_to_lock()
        for window in [*self._hidden, self.main_window, self.unlock_window]:
            if window is not None and shiboken6.isValid(window):
                window.blockSignals(True)
                if isinstance(window, MainWindow):
                    window.stop_timers()
                if isinstance(window, UnlockWindow):
                    window.panel.stop_timers()
                window.close()
                window.deleteLater()
        self._hidden = []
        self.main_window = self.unlock_window = None
        self._show_wizard()
        if self.wizard is not None:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Data erased"), message, parent=self.wizard
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
            box.button(QMessageBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
            box.open()

    # -- the main window -----------------------------------------------------------------

    def _show_main(self) -> None:
        window = MainWindow(
            self.holder, self._clock, self._status_source, can_enrol=self._enroller is not None
        )
        window.lock_requested.connect(lambda: self.lock("shortcut"))
        window.quit_requested.connect(self.quit)
        window.sync_requested.connect(self.sync_now)
        window.attention_requested.connect(self.show_attention)
        window.enrol_requested.connect(self.enrol_later)
        window.cover_panel.unlock_requested.connect(
            lambda passphrase: self._unlock(passphrase, window.cover_panel)
        )
        self.main_window = window
        window.show()
        window.uncover()
        window.activateWindow()
        if self._os_lock is not None:
            self._os_lock.watch_window(window)

    # -- locking -------------------------------------------------------------------------

    def lock(self, reason: str = "manual") -> None:
        """Hide every case at once; close the profile as soon as nothing is using it (an
        enrolment under way holds it until the service answers or the request times
        out, but its window is hidden like the rest meanwhile)."""
        if not self.holder.is_open:
            return
        self.sync.detach()  # first: a running sync stops at its next step, freeing the store
        self._hide_cases()
        if self._profile_jobs:
            self._lock_pending = reason  # enrolment is using the profile; close right after
            return
        if reason != SLEEP and _forms_saving():
            # A save found the store busy (a sync's last write outlasting the busy
            # timeout): closing now would leave the typing in memory only, lost to a
            # crash while locked. The form tries again by itself; close once it is in,
            # or once the grace is over, which another lock meanwhile does not put off.
            # (Going to sleep, nothing runs meanwhile: the key is not kept through it.)
            self._lock_pending = self._lock_pending or reason
            if not self._saves_wait.isActive():
                self._saves_deadline = time.monotonic() + LOCK_SAVE_GRACE_SECONDS
                self._saves_wait.start()
            return
        self._close_profile(reason)

    def _close_profile(self, reason: str) -> None:
        self._stop_waiting_to_lock()
        log.info("locking (%s)", reason)
        self.holder.close()
        self.locked.emit()

    def _lock_when_saved(self) -> None:
        reason = self._lock_pending
        if reason is None or not self.holder.is_open:
            self._stop_waiting_to_lock()
            return
        in_time = time.monotonic() < self._saves_deadline
        if (_forms_saving() and in_time) or self._profile_jobs:
            return  # an enrolment under way closes it as it ends
        self._stop_waiting_to_lock()
        if in_time:
            self.lock(reason)  # saved: anything shown since is covered again first
        else:
            log.warning("locking with a form's latest answers not saved")
            self._close_profile(reason)

    def _stop_waiting_to_lock(self) -> None:
        self._saves_wait.stop()
        self._lock_pending = None

    def _hide_cases(self) -> None:
        """Every case off the screen first, then the open forms saved: a save can wait
        seconds for a sync to let go of the store, and nothing may be in view meanwhile."""
        self.idle.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        keep = {self.main_window, self.unlock_window}
        windows = [
            window
            for window in QApplication.topLevelWidgets()
            if window not in keep and window.isVisible() and not _transient(window)
        ]
        _cover_sensitive_answers()
        if self.main_window is not None:
            self.main_window.cover()
        elif self.unlock_window is None:
            self._show_unlock_window(locked=True)
        for window in windows:
            window.setProperty(SAVE_AFTER_HIDING, True)
            window.hide()
            # Hidden, a window stays in the accessibility tree with all it holds (case
            # references, typed answers) for any screen reader or inspector to read
            # while locked. Without its native window it is out of the tree; showing
            # it again after unlocking makes a new one.
            window.destroy()
            self._hidden.append(window)
        if self.main_window is not None:
            self.main_window.repaint()  # covered on screen now, not after the saves' wait
        for window in windows:
            window.setProperty(SAVE_AFTER_HIDING, False)
            _save_forms_in(window)
        self._clipboard.forget_copied()

    # -- syncing -------------------------------------------------------------------------

    def _start_sync(self) -> None:
        if self.main_window is not None and self.holder.is_open:
            self.sync.attach(self.holder, self._keystore)

    def sync_now(self) -> None:
        """ "Sync now"; a plain sentence, and nothing else, when not enrolled."""
        if self.sync.sync_now() or self.main_window is None or not self.holder.is_open:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Sync now"),
            self.tr(
                "This computer is not enrolled with the central service, so there is "
                "nothing to sync with: your work stays on this computer. To connect it, "
                "choose Enrol this computer in the File menu and type the one-time code "
                "from IT."
            )
            if self._enroller is not None
            else self.tr(
                "This computer is not enrolled with the central service, so there is "
                "nothing to sync with: your work stays on this computer. IT can enrol it "
                "with a one-time code."
            ),
            parent=self.main_window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        box.button(QMessageBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        box.open()

    def show_attention(self) -> None:
        """The changes the central service did not accept, with Send again and Discard."""
        if self.main_window is None or not self.holder.is_open:
            return
        view = self.attention
        if view is None or not shiboken6.isValid(view):
            view = QuarantineView(self.holder, self.main_window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.changed.connect(self._sync_status_changed)
            self.attention = view
        else:
            view.reload()
        view.show()
        view.raise_()
        view.activateWindow()
        view.table.setFocus()

    def _sync_status_changed(self) -> None:
        if self.main_window is not None:
            self.main_window.refresh_status()

    def _records_arrived(self) -> None:
        if self.main_window is not None:
            self.main_window.records_arrived()

    def _sync_finished(self, _report: object) -> None:
        view = self.attention
        if view is not None and shiboken6.isValid(view) and self.holder.is_open:
            view.reload()

    def _revoked(self, message: str) -> None:
        """The central service revoked this device; the sync wiped the profile."""
        if self.main_window is not None:
            self.main_window.stop_timers()
        self.holder.close()
        self._after_wipe(message)

    def _warm_up(self) -> None:
        """Import the form engine in the background so the first sign-off does not wait."""
        self.worker.submit(lambda: importlib.import_module("rhi_desktop.forms"), _ignore, _ignore)


_Shown = TypeVar("_Shown", bound=QWidget)

# Widgets that can show sensitive answers, each with a `mask_sensitive()` that covers them.
_SHOWING_SENSITIVE = (
    ("ui.forms.renderer", "FormRenderer"),
    ("ui.review.review_dialog", "ReviewDialog"),
)


def _cover_sensitive_answers() -> None:
    """Cover every shown sensitive answer in every open form (interview windows and
    forms shown inside the main window) and every open review, so unlocking brings none
    back on screen. Those widgets load with the first form or review opened: until then
    there is nothing to cover."""
    for module_name, class_name in _SHOWING_SENSITIVE:
        module = sys.modules.get(module_name)
        if module is not None:
            for widget in _open_widgets(getattr(module, class_name)):
                widget.mask_sensitive()


def _open_widgets(kind: type[_Shown]) -> list[_Shown]:
    """Every widget of `kind` in any window, windows themselves included, once each."""
    found: list[_Shown] = []
    for window in QApplication.topLevelWidgets():
        for widget in [window, *window.findChildren(kind)]:
            if isinstance(widget, kind) and widget not in found:
                found.append(widget)
    return found


def _save_forms_in(window: QWidget) -> None:
    """Save the forms in `window` now."""
    for editor in _forms_in(window):
        editor.flush()


def _forms_saving() -> bool:
    """Whether any form has answers not yet in the store that it is still trying to save
    (one whose saving stopped for good never will)."""
    return any(
        editor.saver.pending and not editor.saver.stopped
        for window in QApplication.topLevelWidgets()
        for editor in _forms_in(window)
    )


def _forms_in(window: QWidget) -> list[InterviewFormEditor]:
    """The forms in `window` (they load with the first form opened)."""
    module = sys.modules.get("ui.forms.editor")
    if module is None:
        return []
    kind = module.InterviewFormEditor
    return [e for e in [window, *window.findChildren(kind)] if isinstance(e, kind)]


def _owners(window: QWidget) -> int:
    """How many windows `window` sits over (a dialog over a dialog over a window: 2)."""
    count, parent = 0, window.parentWidget()
    while parent is not None:
        count, parent = count + 1, parent.parentWidget()
    return count


def _transient(window: QWidget) -> bool:
    return window.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)


def _close_profile(profile: object) -> None:
    if isinstance(profile, OpenProfile):
        profile.close()


def _ignore(_: object) -> None:
    return None
