"""A headless command logs at the level the person's own settings ask for."""

from __future__ import annotations

import argparse
import io
import logging
from pathlib import Path
from typing import TextIO

import pytest

from rhi_desktop.cli import run_command
from rhi_desktop.logs import stop_file_logging


def test_a_command_logs_at_the_level_its_profiles_settings_ask_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Logging started from machine policy and defaults alone: a user's DEBUG, set to
    send IT a fuller log, did nothing for the headless commands."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(tmp_path / "no-policy.toml"))
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "settings.toml").write_text('log_level = "DEBUG"\n', encoding="utf-8")
    seen: list[int] = []

    def command(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
        seen.append(logging.getLogger().level)
        return 0

    before = logging.getLogger().level
    try:
        args = argparse.Namespace(profile=str(profile))
        assert run_command(command, args, io.StringIO(), io.StringIO()) == 0
    finally:
        stop_file_logging()
        logging.getLogger().setLevel(before)
    assert seen == [logging.DEBUG]
