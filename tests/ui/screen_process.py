"""Running a module in a child process on an offscreen screen of a given size: the
screen (and any scaling) is set before Qt starts, so it cannot change in the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_on_screen(
    module: str,
    *args: str,
    size: tuple[int, int],
    folder: Path,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m module args` on a `size` screen (its description written in `folder`),
    with `env` added to the environment."""
    screen = folder / "screen.json"
    geometry = {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    screen.write_text(json.dumps({"screens": [{**geometry, "logicalDpi": 96, "dpr": 1}]}))
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )
