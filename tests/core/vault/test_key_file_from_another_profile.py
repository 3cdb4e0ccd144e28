"""A key file and a database that do not belong together (either one replaced, or the
start of the database damaged) are named as such, before the passphrase is tried: the
person is told to keep both and restore them together, never to replace one half on a
guess about which is wrong, and no guess counts towards erasing them."""

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

    _says_the_pair_does_not_belong_together(str(raised.value))
    assert _digest(mine.db) == database
    assert load_unlock_state(mine.unlock_state).failures == 0


def _says_the_pair_does_not_belong_together(message: str) -> None:
    assert "do not belong together" in message
    assert "replaced" in message and "damaged" in message
    assert "belongs to another profile" not in message  # neither half is blamed
    assert "Do not delete either" in message
    assert "restore both from the same backup" in message


@pytest.mark.parametrize("change", ["another database", "damaged start"])
def test_a_replaced_or_damaged_database_does_not_blame_the_key_file(
    two_profiles: tuple[ProfilePaths, ProfilePaths], settings: Settings, change: str
) -> None:
    mine, other = two_profiles
    if change == "another database":
        shutil.copy(other.db, mine.db)
    else:
        with mine.db.open("r+b") as database:
            database.write(bytes(16))  # the salt the database starts with
    key_file = _digest(mine.vault)

    with pytest.raises(VaultFromAnotherProfile) as raised:
        open_profile(mine, PASSPHRASE, settings, None)

    _says_the_pair_does_not_belong_together(str(raised.value))
    assert _digest(mine.vault) == key_file
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
