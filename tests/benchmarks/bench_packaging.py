"""packaging.frozen_start: the frozen app against the same code in the virtual environment.

Workload: `rhi-desktop --self-test` (start, create and unlock an encrypted profile, a
store round trip, draw the whole RHI form offscreen, load the TLS trust) run by the
frozen bundle and by `python -m ui.app --self-test`, best of N each, in fresh processes.
The ratio's goal is 1.0: freezing must not make the app slower to start. The same ratio
in CPU time (user + system, the self-test's own threads included) is reported beside
it, as it is steadier than wall time on a busy machine. Also reports the bundle's size on
disk (goal: under 200 MB uncompressed).

The bundle is built with `packaging/build.sh --bundle-only` when it is missing or older
than its inputs (a minute or two; reused otherwise).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import BenchResult

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "build" / "package" / "dist" / "rhi-desktop"
BUILD_TIMEOUT_SECONDS = 900
RUN_TIMEOUT_SECONDS = 120
SIZE_GOAL_MB = 200.0


def _ensure_bundle() -> Path:
    env = dict(os.environ, PYTHON=sys.executable, RHI_PACKAGE_OUT=str(BUNDLE.parents[1]))
    subprocess.run(
        ["bash", "packaging/build.sh", "--bundle-only"],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    return BUNDLE


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        RHI_DESKTOP_POLICY=str(home / "no-policy.toml"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, env=env, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} --self-test failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    return total / 1e6


def run(scale: float) -> list[BenchResult]:
    bundle = _ensure_bundle()
    repeats = max(1, round(5 * scale))
    with tempfile.TemporaryDirectory(prefix="bench-packaging-") as temp:
        home = Path(temp)
        frozen_env = _env(home)
        venv_env = _env(home)
        venv_env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(REPO), os.environ.get("PYTHONPATH")])
        )
        frozen = [str(bundle / "rhi-desktop"), "--self-test"]
        venv = [sys.executable, "-m", "ui.app", "--self-test"]
        # One untimed run each fills the font and bytecode caches both will use.
        _timed(frozen, frozen_env)
        _timed(venv, venv_env)
        frozen_runs, venv_runs = [], []
        for _ in range(repeats):  # interleaved, so background load hits both alike
            frozen_runs.append(_timed(frozen, frozen_env))
            venv_runs.append(_timed(venv, venv_env))
    return [
        BenchResult.compare(
            "packaging.frozen_start",
            min(wall for wall, _ in frozen_runs),
            min(wall for wall, _ in venv_runs),
            "s",
            goal=1.0,
        ),
        BenchResult.compare(
            "packaging.frozen_start_cpu",
            min(cpu for _, cpu in frozen_runs),
            min(cpu for _, cpu in venv_runs),
            "s",
            goal=1.0,
        ),
        BenchResult.report("packaging.bundle_size", _size_mb(bundle), "MB", goal=SIZE_GOAL_MB),
    ]
