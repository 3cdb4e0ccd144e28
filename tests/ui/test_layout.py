"""Every main screen fits a 1366x768 laptop, at 100% and at 150% scaling, with nothing
clipped and a non-blank screenshot of each saved under test-artifacts/.

QT_SCALE_FACTOR must be set before Qt starts, so each scale runs the screens in a child
process (tests/ui/scaled_screens.py) on an offscreen screen configured to 1366x768.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rhi_desktop.config import POLICY_ENV_VAR
from rhi_desktop.profile import ProfilePaths
from tests.ui.screen_process import run_on_screen

SCREENS = ("first-run", "unlock", "caseload", "new-case", "offer", "locked")


@pytest.mark.parametrize(("scale", "suffix"), [("1", "1366x768"), ("1.5", "1366x768-150pct")])
def test_every_main_screen_fits_a_1366_by_768_laptop(
    scale: str, suffix: str, seeded: ProfilePaths, tmp_path: Path, artifacts_dir: Path
) -> None:
    result = run_on_screen(
        "tests.ui.scaled_screens",
        str(seeded.root),
        str(artifacts_dir),
        suffix,
        size=(1366, 768),
        folder=tmp_path,
        env={"QT_SCALE_FACTOR": scale, POLICY_ENV_VAR: os.environ[POLICY_ENV_VAR]},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in SCREENS:
        assert (artifacts_dir / f"{name}-{suffix}.png").stat().st_size > 1000
