"""Qt fixtures: one QApplication for the session (pytest-qt's `qapp`), an injected clock,
profiles on disk, and a guard that fails any test leaving a QThread running, thread-pool
work active, a QTimer running or a top-level window alive (as napari's suite does).

The guard runs for every test here, after pytest-qt has closed the widgets registered
with `qtbot.addWidget`; the controller fixtures shut their app down before it looks.
"""

from __future__ import annotations

import shutil
import sys
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QThread, QThreadPool, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.demo import generate
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import LOCAL_ACTOR, create_profile
from tests.ui.driving import unlock_with
from ui.appearance import apply_look
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.window import application

PASSPHRASE = "lantern oyster gravel kettle"
START = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)  # a Monday morning, GMT


@dataclass
class FakeClock:
    """Time that moves only when a test says so."""

    now: datetime = START
    calls: int = field(default=0)

    def __call__(self) -> datetime:
        self.calls += 1
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _where() -> str:
    frame = sys._getframe(2)
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


@pytest.fixture(scope="session")
def styled_app(qapp: QApplication) -> QApplication:
    """The one QApplication, named and styled as in production."""
    return application()


@pytest.fixture(autouse=True)
def _nothing_left_running(
    styled_app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    timers: weakref.WeakKeyDictionary[QTimer, str] = weakref.WeakKeyDictionary()
    threads: weakref.WeakKeyDictionary[QThread, str] = weakref.WeakKeyDictionary()
    pools: weakref.WeakKeyDictionary[QThreadPool, str] = weakref.WeakKeyDictionary()
    timer_start, thread_start, pool_start = QTimer.start, QThread.start, QThreadPool.start

    def start_timer(self: QTimer, *args: Any) -> None:
        timers[self] = _where()
        timer_start(self, *args)

    def start_thread(self: QThread, *args: Any) -> None:
        threads[self] = _where()
        thread_start(self, *args)

    def start_pool(self: QThreadPool, *args: Any) -> None:
        pools[self] = _where()
        pool_start(self, *args)

    monkeypatch.setattr(QTimer, "start", start_timer)
    monkeypatch.setattr(QThread, "start", start_thread)
    monkeypatch.setattr(QThreadPool, "start", start_pool)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()
    problems: list[str] = []
    for timer, where in list(timers.items()):
        if shiboken6.isValid(timer) and timer.isActive():
            timer.stop()
            problems.append(f"a QTimer is still running (started at {where})")
    for thread, where in list(threads.items()):
        if shiboken6.isValid(thread) and thread.isRunning():
            thread.quit()
            thread.wait(2000)
            problems.append(f"a QThread is still running (started at {where})")
    for pool, where in list(pools.items()):
        if shiboken6.isValid(pool) and not pool.waitForDone(0):
            pool.waitForDone(5000)
            problems.append(f"thread-pool work is still active (started at {where})")
    leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    for widget in leaked:
        problems.append(f"a window was left open: {type(widget).__name__}")
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def paths(tmp_path: Path) -> ProfilePaths:
    return ProfilePaths(tmp_path / "profile")


@pytest.fixture
def settings(paths: ProfilePaths) -> Settings:
    return Settings.load(paths)


def seed_profile(paths: ProfilePaths, settings: Settings, children: int, now: datetime) -> None:
    """A profile on disk holding `children` fictional cases (as `demo-seed` makes)."""
    profile = create_profile(paths, PASSPHRASE, settings, None)
    with profile.store as store:
        cases = list(generate(children, interviewer_id=LOCAL_ACTOR, now=now))
        if cases:
            with store.transaction(LOCAL_ACTOR) as tx:
                tx.children.add_many([c.child for c in cases])
                tx.episodes.add_many([e for c in cases for e in c.episodes])
                tx.interviews.add_many([i for c in cases for i in c.interviews])
                tx.offers.add_many([o for c in cases for o in c.offers])
                tx.reviews.add_many([r for c in cases for r in c.reviews])


ControllerFactory = Callable[..., AppController]


@pytest.fixture
def make_controller(
    qapp: QApplication, paths: ProfilePaths, settings: Settings, clock: FakeClock
) -> Iterator[ControllerFactory]:
    made: list[AppController] = []

    def make(**overrides: Any) -> AppController:
        chosen = overrides.pop("settings", settings)
        options: dict[str, Any] = {"clock": clock, "find_keystore": lambda: None}
        options.update(overrides)
        controller = AppController(qapp, paths, chosen, **options)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> ProfilePaths:
    """One seeded profile made per session (Argon2 and seeding once); tests get copies."""
    template = ProfilePaths(tmp_path_factory.mktemp("template") / "profile")
    seed_profile(template, Settings.load(template), 24, START)
    return template


@pytest.fixture
def seeded(paths: ProfilePaths, seeded_template: ProfilePaths) -> ProfilePaths:
    """A fresh copy of a profile holding 24 fictional children (passphrase PASSPHRASE)."""
    shutil.copytree(seeded_template.root, paths.root)
    return paths


@pytest.fixture
def unlocked(
    qtbot: QtBot, seeded: ProfilePaths, make_controller: ControllerFactory
) -> tuple[AppController, MainWindow]:
    """The app started on a seeded profile and unlocked by typing the passphrase."""
    controller = make_controller()
    controller.start()
    unlock_with(qtbot, controller)
    window = controller.main_window
    assert window is not None
    return controller, window


Heard = list[tuple[str, QAccessible.AnnouncementPoliteness]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    """What a screen reader is told (announcements), and how urgently, in order."""
    said: Heard = []

    def listen(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", listen)
    return said


@pytest.fixture
def system_font(styled_app: QApplication) -> Iterator[Callable[[float], None]]:
    """Starts the app's look as on a system whose font is `points` in size."""
    kept = QFont(styled_app.font())

    def use(points: float) -> None:
        font = QFont(kept)
        font.setPointSizeF(points)
        styled_app.setFont(font)
        apply_look(styled_app)

    yield use
    styled_app.setFont(kept)
    apply_look(styled_app)
