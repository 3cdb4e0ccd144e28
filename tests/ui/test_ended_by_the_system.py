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
