"""Suite-wide settings. Qt-specific fixtures live in tests/ui/conftest.py so that the core
and sync suites run in an environment without PySide6."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The passphrase-only path is the default under test: never touch a real keystore, and
# never let keyring pick a plaintext file backend on its own. Tests of the keystore
# path hand the vault a file-backed keyring they control.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# Machine policy for tests comes only from files the tests write.
os.environ["RHI_DESKTOP_POLICY"] = str(Path(__file__).parent / "no-such-policy.toml")

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
