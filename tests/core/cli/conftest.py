from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.core.vault.conftest import rsa_pair

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


@dataclass(frozen=True)
class RecoveryKeyFiles:
    public: Path
    private: Path


@pytest.fixture(scope="session")
def recovery_key_files(tmp_path_factory: pytest.TempPathFactory) -> RecoveryKeyFiles:
    """An organisation recovery key pair as IT keeps it: two PEM files."""
    folder = tmp_path_factory.mktemp("recovery-key")
    pair = rsa_pair(3072)
    public = folder / "recovery-public.pem"
    public.write_bytes(pair.public_pem)
    private = folder / "recovery-private.pem"
    private.write_bytes(pair.private_pem)
    return RecoveryKeyFiles(public, private)
