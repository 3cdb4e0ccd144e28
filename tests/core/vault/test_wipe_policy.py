from __future__ import annotations

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import SERVICE, ProfileWiped, Vault, VaultMissing, WrongPassphrase
from tests.core.vault.conftest import PASSPHRASE, Profile, SteppingClock, write_dummy_database


def test_profile_is_wiped_on_the_nth_consecutive_wrong_passphrase(
    paths: ProfilePaths, file_keystore: PlaintextKeyring, clock: SteppingClock
) -> None:
    vault, _ = Vault.create(paths, PASSPHRASE, keystore=file_keystore)
    write_dummy_database(paths)
    db_id = vault.db_id

    for remaining in (2, 1):
        with pytest.raises(WrongPassphrase) as refused:
            vault.unlock("guess", clock=clock, max_failed_unlocks=3)
        assert refused.value.attempts_before_wipe == remaining
        assert "will be erased" in str(refused.value)
    assert paths.vault.exists()

    with pytest.raises(ProfileWiped) as wiped:
        vault.unlock("guess", clock=clock, max_failed_unlocks=3)

    assert "erased" in str(wiped.value)
    for path in (paths.vault, paths.db, paths.wal, paths.unlock_state):
        assert not path.exists(), path.name
    assert file_keystore.get_password(SERVICE, db_id) is None
    with pytest.raises(VaultMissing):
        Vault.load(paths)


def test_a_success_before_the_limit_starts_the_count_again(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock("guess", clock=clock, max_failed_unlocks=3)
    vault.unlock(profile.passphrase, clock=clock, max_failed_unlocks=3)
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock("guess", clock=clock, max_failed_unlocks=3)
    assert profile.paths.vault.exists() and profile.paths.db.exists()


@pytest.mark.parametrize("never", [None, 0])
def test_without_a_wipe_policy_failures_only_slow_down(
    profile: Profile, clock: SteppingClock, never: int | None
) -> None:
    vault = profile.load()
    for _ in range(5):
        with pytest.raises(WrongPassphrase) as refused:
            vault.unlock("guess", clock=clock, max_failed_unlocks=never)
        assert refused.value.attempts_before_wipe is None
        clock.advance(refused.value.retry_after_seconds)
    assert profile.paths.vault.exists() and profile.paths.db.exists()


def _leave_an_unfinished_passphrase_change(profile: Profile) -> tuple[str, ...]:
    """What a passphrase change killed between flushing and renaming its new vault.json
    leaves: a complete wrapped key in a temporary file (plus one of unlock-state.json)."""
    leftovers = (".vault.json.k1ll3d.tmp", ".unlock-state.json.k1ll3d.tmp")
    (profile.paths.root / leftovers[0]).write_bytes(profile.paths.vault.read_bytes())
    (profile.paths.root / leftovers[1]).write_bytes(profile.paths.unlock_state.read_bytes())
    return leftovers


def test_a_wipe_also_erases_the_key_left_by_an_unfinished_passphrase_change(
    profile: Profile,
) -> None:
    leftovers = _leave_an_unfinished_passphrase_change(profile)

    profile.load().wipe()

    for name in leftovers:
        assert not (profile.paths.root / name).exists(), name
    assert not any(path.exists() for path in profile.paths.data_files())


def test_unlocking_clears_what_an_unfinished_passphrase_change_left(
    profile: Profile, clock: SteppingClock
) -> None:
    leftovers = _leave_an_unfinished_passphrase_change(profile)

    assert profile.load().unlock(profile.passphrase, clock=clock).dek == profile.dek

    for name in leftovers:
        assert not (profile.paths.root / name).exists(), name
