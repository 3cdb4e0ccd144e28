"""Starting the desktop app: arguments, the first window, settings, and the controller.

`ui.app.main` calls `run_gui(args)` when no headless command is given. An existing
profile's unlock window goes on screen first, straight after Qt starts, and the rest of
the app (store, vault, policy) loads behind it; the window accepts the passphrase once
that is done. Settings are loaded before anything can be unlocked or created: a bad
machine policy stops the app with a message naming the file, key and problem, rather
than starting half-configured. The sync layer plugs in through the keyword arguments
(see ui/enrolment.py and ui/sync_status.py); by default the app syncs through
ui/sync_runner.py, which also listens to the operating system's network reports.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from rhi_desktop.file_lock import hold_alone
from rhi_desktop.profile import APP_NAME, ProfilePaths, default_profile_dir
from ui.appearance import apply_look, apply_window_icon
from ui.termination import TerminationWatch
from ui.unlock import UnlockWindow

if TYPE_CHECKING:
    from rhi_desktop.config import Settings
    from ui.controller import AppController
    from ui.enrolment import Enroller
    from ui.sync_status import ConnectionStatusSource

log = logging.getLogger(__name__)


def profile_paths(args: list[str]) -> ProfilePaths:
    parser = argparse.ArgumentParser(prog="rhi-desktop", description=APP_NAME)
    parser.add_argument("--profile", metavar="DIR", help="profile directory (default: per-user)")
    options = parser.parse_args(args)
    return ProfilePaths(Path(options.profile) if options.profile else default_profile_dir())


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the app's name and look, not quitting on its last window
    closing (windows come and go as the app locks and unlocks; the controller decides)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    apply_look(app)
    return app


def early_unlock_window(paths: ProfilePaths) -> UnlockWindow | None:
    """For an existing profile, its unlock window on screen now, waiting for the app."""
    if not paths.is_complete():
        return None
    window = UnlockWindow(lambda: datetime.now(UTC), locked=False)
    window.panel.set_ready(False)
    window.show()
    return window


def build(
    paths: ProfilePaths,
    app: QApplication,
    *,
    unlock_window: UnlockWindow | None = None,
    enroller: Enroller | None = None,
    status_source: ConnectionStatusSource | None = None,
    watch_os_lock: bool = True,
    watch_network: bool = True,
) -> AppController | str:
    """The controller, ready to `start()`; or why the app cannot run (bad policy)."""
    from rhi_desktop.config import ConfigError, Settings
    from ui.appearance import install_translations
    from ui.controller import AppController
    from ui.os_lock import OsLockWatcher
    from ui.sync_runner import SyncRunner

    try:
        settings = Settings.load(paths)
    except ConfigError as exc:
        _start_logging(None)
        log.error("settings are invalid; not starting")
        return str(exc)
    _start_logging(settings)
    install_translations(app, settings.language)
    apply_window_icon(app)
    return AppController(
        app,
        paths,
        settings,
        enroller=enroller,
        status_source=status_source,
        os_lock=OsLockWatcher() if watch_os_lock else None,
        unlock_window=unlock_window,
        sync_runner=SyncRunner(settings, watch_network=watch_network),
    )


def run_gui(
    args: list[str],
    *,
    enroller: Enroller | None = None,
    status_source: ConnectionStatusSource | None = None,
) -> int:
    paths = profile_paths(args)
    app = application()
    # A profile there already is held before its unlock window shows; a new one's folder
    # is made only once the policy has been read and found good, as nothing else is.
    if paths.root.is_dir() and _open_elsewhere(paths):
        _say_open_elsewhere(app, paths)
        return 1
    first = early_unlock_window(paths)
    app.processEvents()  # paint it before the rest loads
    built = build(paths, app, unlock_window=first, enroller=enroller, status_source=status_source)
    if isinstance(built, str):
        if first is not None:
            first.close_quietly()
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, built)
        box.exec()  # nothing else is open, and no case data is involved
        return 1
    if _open_elsewhere(paths):  # one started at the same moment, on a new profile
        if first is not None:
            first.close_quietly()
        built.shutdown()
        _say_open_elsewhere(app, paths)
        return 1
    built.finished.connect(app.quit)
    ended = False

    def end() -> None:
        """Save and close everything, once: as the event loop ends, or as Qt ends the
        session (a Windows logout, which may end the process before `exec` returns)."""
        nonlocal ended
        if not ended:
            ended = True
            try:
                built.shutdown()
            except Exception:  # raised in Qt's aboutToQuit, it would reach no one
                log.exception("shutting down failed")
                raise

    app.aboutToQuit.connect(end)
    termination = TerminationWatch(app)  # logout, shutdown or kill: as quitting
    built.start()
    try:
        return int(app.exec())
    finally:
        termination.stop()
        app.aboutToQuit.disconnect(end)
        end()


_HELD: list[int] = []
"""The open lock file that says this app has its profile open, kept until it exits."""


def _open_elsewhere(paths: ProfilePaths) -> bool:
    """Whether another RHI Desktop has the profile open. If not, this one holds it from now
    until it exits: each would otherwise save over the other (one's quit would delete the
    answers the other holds hidden, and its drafts would stop as 'changed elsewhere')."""
    if _HELD:
        return False  # held already, by this one
    try:
        paths.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        held = hold_alone(paths.open_lock)
    except OSError as error:  # a read-only folder, say: opening the profile says what is wrong
        log.warning("could not lock the profile as open (%s)", type(error).__name__)
        return False
    if held is None:
        return True
    _HELD.append(held)
    return False


def _say_open_elsewhere(app: QApplication, paths: ProfilePaths) -> None:
    """Say, in the profile's language, that another RHI Desktop has it open."""
    from rhi_desktop.config import ConfigError, Settings
    from ui.appearance import install_translations

    # bad settings are told by the app that has the profile open; this says it in English
    with contextlib.suppress(ConfigError):
        install_translations(app, Settings.load(paths).language)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        APP_NAME,
        QCoreApplication.translate(
            "RunGui",
            "RHI Desktop is already open with this profile. Use the window that is "
            "open: two at once would each save over what the other saves.",
        ),
    )
    box.exec()  # nothing else is open here


def _start_logging(settings: Settings | None) -> None:
    from rhi_desktop.logs import configure_logging

    try:
        configure_logging(settings.log_level if settings is not None else "INFO")
    except (OSError, ValueError):
        logging.basicConfig(level=logging.INFO)
