"""Running the app's commands as their own processes, as IT would, in a throw-away home.

Each run gets its own home, data, state and cache folders, so nothing is read from or
written to the real user's profile, log or keystore.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
TIMEOUT_SECONDS = 180


def app_env(home: Path, policy: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["HOME"] = str(home)
    for name, folder in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_CONFIG_HOME", ".config"),
    ):
        env[name] = str(home / folder)
    env["RHI_DESKTOP_POLICY"] = str(policy if policy is not None else home / "no-policy.toml")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("RHI_CENTRAL_DB", None)
    env.update(extra)
    return env


def run(
    command: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        cwd=REPO,
        env=env,
    )


def python_module(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]
