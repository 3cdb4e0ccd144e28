"""Wrong passphrases tried at the same time, from threads or processes, are counted one
after another: none of them slips past the back-off or the wipe policy."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from rhi_desktop.vault import (
    FREE_ATTEMPTS,
    ProfileWiped,
    UnlockDelayed,
    Vault,
    VaultError,
    VaultMissing,
    WrongPassphrase,
)
from tests.core.vault.conftest import Profile, SteppingClock


def _guess_together(
    profile: Profile, clock: SteppingClock, guesses: int, max_failed_unlocks: int | None
) -> list[VaultError]:
    """Start `guesses` wrong unlocks at once, each with its own Vault, as separate windows
    or processes would; the key derivation runs outside the GIL, so they truly overlap."""
    start = threading.Barrier(guesses)
    outcomes: list[VaultError] = []

    def guess(n: int) -> None:
        vault = Vault.load(profile.paths)
        start.wait()
        try:
            vault.unlock(f"guess {n}", clock=clock, max_failed_unlocks=max_failed_unlocks)
        except VaultError as refused:
            outcomes.append(refused)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(guesses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == guesses, "every guess was refused"
    return outcomes


def test_guesses_made_together_each_count_towards_the_wipe(
    profile: Profile, clock: SteppingClock
) -> None:
    limit = FREE_ATTEMPTS + 1  # every attempt up to the limit is free of back-off
    outcomes = _guess_together(profile, clock, guesses=limit + 2, max_failed_unlocks=limit)

    kinds = Counter(type(outcome) for outcome in outcomes)
    assert kinds == {WrongPassphrase: limit - 1, ProfileWiped: 1, VaultMissing: 2}
    counts = sorted(o.failures for o in outcomes if isinstance(o, WrongPassphrase))
    assert counts == list(range(1, limit))
    assert not profile.paths.vault.exists() and not profile.paths.db.exists()


def test_a_guess_waiting_for_another_sees_its_failure_and_the_back_off(
    profile: Profile, clock: SteppingClock
) -> None:
    outcomes = _guess_together(profile, clock, guesses=FREE_ATTEMPTS + 3, max_failed_unlocks=None)

    kinds = Counter(type(outcome) for outcome in outcomes)
    assert kinds == {WrongPassphrase: FREE_ATTEMPTS + 1, UnlockDelayed: 2}
    assert profile.load().backoff_status(clock.now).failures == FREE_ATTEMPTS + 1
    with pytest.raises(UnlockDelayed):
        profile.load().unlock(profile.passphrase, clock=clock)
