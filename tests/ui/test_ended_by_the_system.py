"""Logging out or shutting down with an interview open: a Linux desktop sends SIGTERM
(a closing terminal, SIGHUP) and waits before it kills. The app ended at once, and the
typing not yet autosaved was lost, though quitting saves it: it now quits as it does
when the interviewer quits, saving first, and asks nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import open_profile
from tests.ui.conftest import PASSPHRASE, START, seed_profile
from tests.ui.ended_child import FIELD, SAVED, TYPED

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_app_ended_by_the_system_saves_what_was_typed_first(
    tmp_path: Path, number: signal.Signals
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    seed_profile(paths, Settings.load(paths), 6, START)
    errors = tmp_path / "child-stderr.txt"
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.ended_child", str(paths.root)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=ROOT,
        )
    try:
        assert child.stdout is not None
        said = child.stdout.readline().split()
        assert said[:1] == ["typed"], errors.read_text()
        child.send_signal(number)
        assert child.wait(TIMEOUT_S) == 0  # quit, not killed by the signal
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    profile = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    try:
        answers = profile.store.interviews.get(said[1]).answers
    finally:
        profile.close()
    assert answers[FIELD] == SAVED + TYPED


EARLY = """
import os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.termination import TerminationWatch
app = QApplication([])
watch = TerminationWatch(app)
os.kill(os.getpid(), signal.SIGTERM)  # while the app is still starting
sum(range(10))  # (Python runs its handler here, before the event loop)
QTimer.singleShot(5000, lambda: app.exit(7))
code = app.exec()
watch.stop()
sys.exit(code)
"""

IGNORED = """
import os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.termination import TerminationWatch
signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as `nohup` starts it
app = QApplication([])
watch = TerminationWatch(app)
QTimer.singleShot(100, lambda: os.kill(os.getpid(), signal.SIGHUP))
QTimer.singleShot(1500, lambda: app.exit(5))
code = app.exec()
watch.stop()
sys.exit(code)
"""


@pytest.mark.parametrize(
    ("script", "code"),
    [(EARLY, 0), (IGNORED, 5)],
    ids=["asked-while-starting", "started-to-ignore-hangups"],
)
def test_a_signal_while_starting_ends_the_app_and_an_ignored_one_does_not(
    script: str, code: int
) -> None:
    """Asked to end before the event loop ran, the app started as if not asked; started
    with hangups ignored (`nohup`), closing its terminal ended it all the same."""
    child = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, timeout=TIMEOUT_S, capture_output=True
    )
    assert child.returncode == code, child.stderr.decode()
