"""The app syncs by itself as often as policy (or the person's settings) say."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from ui.sync_runner import SyncRunner


def test_the_interval_between_syncs_is_the_one_policy_sets(
    qtbot: QtBot, tmp_path: Path, paths: ProfilePaths
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("sync_interval_minutes = 60\n", encoding="utf-8")
    runner = SyncRunner(Settings.load(paths, policy_path=policy))
    assert runner.timing.periodic == 3600.0
    default = SyncRunner(Settings.load(paths, policy_path=tmp_path / "none.toml"))
    assert default.timing.periodic == Settings.load(paths).sync_interval_minutes * 60.0
