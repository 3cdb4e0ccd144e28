"""Failed unlocks are kept until the audit chain inside the database holds them, even
when the unlock or passphrase change that follows them cannot write to the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import KeyChange, audit_key_change, create_profile, open_profile
from rhi_desktop.store import DatabaseMissingError
from rhi_desktop.vault import Vault, WrongPassphrase
from tests.core.vault.conftest import PASSPHRASE, SteppingClock

NEW = "harbour violin pebble thistle"


@pytest.fixture
def real_profile(paths: ProfilePaths, settings: Settings) -> ProfilePaths:
    """A profile with a real encrypted database, closed again."""
    create_profile(paths, PASSPHRASE, settings, None).close()
    return paths


def _guess_wrong(paths: ProfilePaths, settings: Settings, clock: SteppingClock) -> None:
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            open_profile(paths, "a guess", settings, None, clock=clock)
        clock.advance(60)


def _audited_failures(paths: ProfilePaths, passphrase: str, settings: Settings) -> int:
    profile = open_profile(paths, passphrase, settings, None)
    try:
        return [event.action for event in profile.store.audit.events()].count("unlock_failed")
    finally:
        profile.close()


def _database_out_of_reach(paths: ProfilePaths, tmp_path: Path) -> Path:
    """Move the database away: the unlock is right, but the database cannot be opened."""
    aside = tmp_path / "aside.db"
    paths.db.rename(aside)
    return aside


def test_failures_survive_a_right_passphrase_whose_database_cannot_be_opened(
    real_profile: ProfilePaths, settings: Settings, clock: SteppingClock, tmp_path: Path
) -> None:
    _guess_wrong(real_profile, settings, clock)
    aside = _database_out_of_reach(real_profile, tmp_path)
    with pytest.raises(DatabaseMissingError):
        open_profile(real_profile, PASSPHRASE, settings, None, clock=clock)
    aside.rename(real_profile.db)

    assert _audited_failures(real_profile, PASSPHRASE, settings) == 2
    assert _audited_failures(real_profile, PASSPHRASE, settings) == 2, "written only once"


def test_failures_survive_a_passphrase_change_whose_audit_cannot_be_written(
    real_profile: ProfilePaths, settings: Settings, clock: SteppingClock, tmp_path: Path
) -> None:
    _guess_wrong(real_profile, settings, clock)
    vault = Vault.load(real_profile)
    result = vault.change_passphrase(PASSPHRASE, NEW, clock=clock)
    aside = _database_out_of_reach(real_profile, tmp_path)
    with pytest.raises(DatabaseMissingError):
        audit_key_change(vault, result, KeyChange.PASSPHRASE_CHANGED)
    aside.rename(real_profile.db)

    assert _audited_failures(real_profile, NEW, settings) == 2
