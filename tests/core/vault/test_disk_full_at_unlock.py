"""A full disk at unlock is named as a full disk: the failure count cannot be written
before the passphrase is tried, so nothing is tried, and freeing space lets the same
passphrase in. The disk is a real, small tmpfs (see tests/core/store/mounts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from rhi_desktop.store import DiskFullError
from tests.core.store.mounts import fill, tmpfs
from tests.core.vault.conftest import PASSPHRASE


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "small-disk", "2m") as mount_point:
        yield mount_point


def test_a_full_disk_at_unlock_says_the_disk_is_full_and_keeps_the_count(
    small_disk: Path,
) -> None:
    paths = ProfilePaths(small_disk / "profile")
    settings = Settings.load(paths)
    create_profile(paths, PASSPHRASE, settings, None).close()
    state_before = paths.unlock_state.read_bytes() if paths.unlock_state.exists() else None
    filler = fill(small_disk)

    with pytest.raises(DiskFullError) as raised:
        open_profile(paths, PASSPHRASE, settings, None)

    assert "disk is full" in str(raised.value)
    after = paths.unlock_state.read_bytes() if paths.unlock_state.exists() else None
    assert after == state_before
    assert paths.unfinished_state_writes() == []
    filler.unlink()
    open_profile(paths, PASSPHRASE, settings, None).close()
