"""`make run`: a demo profile of fictional cases, made once with a printed passphrase,
and a one-line explanation (with the xvfb-run way) when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rhi_desktop.config import Settings
from rhi_desktop.demo import SURNAMES
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import open_profile
from tests.ui.conftest import START
from ui.demo import DEMO_PASSPHRASE, prepare

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_display_it_says_so_in_one_line_and_how_to_use_xvfb(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "ui.demo", "--dir", str(tmp_path / "demo")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "xvfb-run -a make run" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "demo").exists()


def test_the_demo_profile_is_made_once_and_opens_with_the_printed_passphrase(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "demo"
    assert prepare(folder, children=12, now=START) is True
    paths = ProfilePaths(folder)
    profile = open_profile(paths, DEMO_PASSPHRASE, Settings.load(paths), None)
    with profile.store as store:
        children = store.children.all()
        assert len(children) == 12
        assert all(child.name.split()[-1] in SURNAMES for child in children)
        assert store.interviews.count() == 12
    assert prepare(folder, children=12, now=START) is False  # reused, not remade
