"""One RHI Desktop at a time opens a profile: a second, started while the first runs, says
so and stops before touching it; once the first has gone, killed or not, the next opens."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rhi_desktop.file_lock import hold_alone
from rhi_desktop.profile import ProfilePaths
from ui import window

HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from rhi_desktop.file_lock import hold_alone\n"
    "assert hold_alone(Path(sys.argv[1])) is not None\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"  # holds until killed, or told to stop by its input closing
)


def _another_app(lock: Path) -> subprocess.Popen[str]:
    """A process holding the profile open, as a running RHI Desktop does."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None and child.stdout.readline() == "holding\n"
    return child


def test_a_second_app_on_one_profile_says_so_and_stops(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # Nothing stopped a second app opening the profile: its quit deleted the answers the
    # first held hidden, and the first's drafts stopped as 'changed elsewhere'.
    profile = ProfilePaths(tmp_path / "profile")
    profile.root.mkdir()
    first = _another_app(profile.open_lock)
    told: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        told.append(box.text())
        box.accept()

    try:
        QTimer.singleShot(0, read_and_close)
        assert window.run_gui(["--profile", str(profile.root)]) == 1
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert told == [
        "RHI Desktop is already open with this profile. Use the window that is open: two "
        "at once would each save over what the other saves."
    ]
    assert sorted(p.name for p in profile.root.iterdir()) == ["open.lock"]  # untouched

    held = hold_alone(profile.open_lock)  # the first was killed: the system let go
    assert held is not None
    os.close(held)
