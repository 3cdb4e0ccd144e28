"""A key file from another profile is named as such, before its passphrase is tried, so
no one is told to restore an intact database from a backup, and no guess counts towards
erasing it."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from rhi_desktop.vault import Vault, VaultFromAnotherProfile
from rhi_desktop.vault.backoff import load_unlock_state
from tests.core.vault.conftest import PASSPHRASE, SteppingClock

OTHER_PASSPHRASE = "lantern meadow copper kettle"


@pytest.fixture
def two_profiles(tmp_path: Path, settings: Settings) -> tuple[ProfilePaths, ProfilePaths]:
    mine, other = ProfilePaths(tmp_path / "mine"), ProfilePaths(tmp_path / "other")
    create_profile(mine, PASSPHRASE, settings, None).close()
    create_profile(other, OTHER_PASSPHRASE, settings, None).close()
    return mine, other


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_profiles_key_file_is_named_as_such_and_the_database_left_alone(
    two_profiles: tuple[ProfilePaths, ProfilePaths], settings: Settings
) -> None:
    mine, other = two_profiles
    shutil.copy(other.vault, mine.vault)
    database = _digest(mine.db)

    with pytest.raises(VaultFromAnotherProfile) as raised:
        open_profile(mine, OTHER_PASSPHRASE, settings, None)

    assert "belongs to another profile" in str(raised.value)
    assert "backup" not in str(raised.value)
    assert _digest(mine.db) == database
    assert load_unlock_state(mine.unlock_state).failures == 0


def test_typing_my_own_passphrase_into_a_wrong_key_file_never_erases_my_database(
    two_profiles: tuple[ProfilePaths, ProfilePaths], clock: SteppingClock
) -> None:
    mine, other = two_profiles
    own_key_file = mine.vault.read_bytes()
    shutil.copy(other.vault, mine.vault)

    for _ in range(3):
        with pytest.raises(VaultFromAnotherProfile):
            Vault.load(mine).unlock(PASSPHRASE, clock=clock, max_failed_unlocks=1)
        clock.advance(600)

    assert mine.db.exists()
    mine.vault.write_bytes(own_key_file)  # IT puts the right key file back
    assert Vault.load(mine).unlock(PASSPHRASE, clock=clock).dek


def test_a_key_file_from_before_the_tie_still_opens_and_is_tied_at_that_unlock(
    paths: ProfilePaths, settings: Settings
) -> None:
    create_profile(paths, PASSPHRASE, settings, None).close()
    document = json.loads(paths.vault.read_text())
    assert "database_salt" in document
    del document["database_salt"]
    paths.vault.write_text(json.dumps(document))

    open_profile(paths, PASSPHRASE, settings, None).close()

    recorded = json.loads(paths.vault.read_text())["database_salt"]
    assert base64.b64decode(recorded) == paths.db.read_bytes()[:16]
