from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["XDG_STATE_HOME"] = str(tmp_path / "state")  # log files stay in the test's tree
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture
def rhi(cli_env: dict[str, str]) -> Run:
    """Run `rhi-desktop ARGS` as a separate process, as IT automation would."""

    def run(
        *args: str, stdin: str = "", env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "rhi_desktop.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env or cli_env,
            timeout=120,
        )

    return run
