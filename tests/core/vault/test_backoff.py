from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2.low_level import hash_secret_raw

from rhi_desktop.vault import (
    FREE_ATTEMPTS,
    UnlockDelayed,
    Vault,
    WrongPassphrase,
    delay_after,
)
from rhi_desktop.vault import kdf as kdf_module
from tests.core.vault.conftest import Profile, SteppingClock

REPO = Path(__file__).resolve().parents[3]
WRONG = "not the passphrase"


@pytest.fixture
def kdf_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts real Argon2id runs (the real function still does the work)."""
    runs: list[int] = []

    def counted(*args: object, **kwargs: object) -> bytes:
        runs.append(1)
        return hash_secret_raw(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kdf_module, "hash_secret_raw", counted)
    return runs


def fail(vault: Vault, clock: SteppingClock) -> WrongPassphrase:
    with pytest.raises(WrongPassphrase) as refused:
        vault.unlock(WRONG, clock=clock)
    return refused.value


def use_free_attempts(vault: Vault, clock: SteppingClock) -> None:
    for attempt in range(1, FREE_ATTEMPTS + 1):
        assert fail(vault, clock).retry_after_seconds == 0, attempt


def test_wait_doubles_from_two_seconds_after_the_free_attempts_and_caps_at_fifteen_minutes() -> (
    None
):
    assert [delay_after(n) for n in range(8)] == [0, 0, 0, 0, 2, 4, 8, 16]
    assert delay_after(13) == 900
    assert delay_after(10_000) == 900


def test_wrong_passphrases_after_the_free_attempts_impose_a_growing_wait(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    use_free_attempts(vault, clock)

    waits = []
    for _ in range(3):
        refused = fail(vault, clock)
        waits.append(refused.retry_after_seconds)
        assert f"try again in {int(refused.retry_after_seconds)} seconds" in str(refused)
        clock.advance(refused.retry_after_seconds)
    assert waits == [2, 4, 8]
    assert vault.backoff_status(clock.now).failures == FREE_ATTEMPTS + 3


def test_attempt_during_the_wait_is_refused_without_running_the_key_derivation(
    profile: Profile, clock: SteppingClock, kdf_runs: list[int]
) -> None:
    vault = profile.load()
    use_free_attempts(vault, clock)
    fail(vault, clock)  # 2 s wait
    runs_before = len(kdf_runs)

    clock.advance(1.5)
    with pytest.raises(UnlockDelayed) as delayed:
        vault.unlock(profile.passphrase, clock=clock)  # even the right passphrase waits

    assert delayed.value.retry_after_seconds == pytest.approx(0.5)
    assert "wait 1 second" in str(delayed.value)
    assert len(kdf_runs) == runs_before
    assert vault.backoff_status(clock.now).failures == FREE_ATTEMPTS + 1  # not counted

    clock.advance(0.5)
    assert vault.unlock(profile.passphrase, clock=clock).dek == profile.dek
    assert len(kdf_runs) == runs_before + 1


def test_success_resets_the_counter_and_hands_back_the_failures_for_the_audit(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    instants = []
    for _ in range(FREE_ATTEMPTS + 1):
        instants.append(clock.now)
        fail(vault, clock)
        clock.advance(60)

    result = vault.unlock(profile.passphrase, clock=clock)

    assert result.failures_since_last_success == instants
    assert not result.earlier_failures_unknown
    assert vault.backoff_status(clock.now).failures == 0
    vault.forget_audited_failures(result)  # the caller has written them to the audit chain
    assert fail(vault, clock).retry_after_seconds == 0  # the free attempts are back
    assert vault.unlock(profile.passphrase, clock=clock).failures_since_last_success == [clock.now]


def test_failures_stay_recorded_until_the_audit_chain_holds_them(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    first = clock.now
    fail(vault, clock)
    clock.advance(60)

    unaudited = vault.unlock(profile.passphrase, clock=clock)  # the audit step never ran
    clock.advance(60)
    second = clock.now
    fail(vault, clock)
    clock.advance(60)

    assert unaudited.failures_since_last_success == [first]
    assert vault.backoff_status(clock.now).failures == 1, "the success ended the run"
    result = vault.unlock(profile.passphrase, clock=clock)
    assert result.failures_since_last_success == [first, second]
    vault.forget_audited_failures(result)
    assert vault.unlock(profile.passphrase, clock=clock).failures_since_last_success == []


def test_back_off_survives_reopening_the_profile(profile: Profile, clock: SteppingClock) -> None:
    vault = profile.load()
    use_free_attempts(vault, clock)
    fail(vault, clock)
    clock.advance(2)
    fail(vault, clock)  # 4 s wait, written before the error was raised

    reopened = profile.load()
    clock.advance(1)
    status = reopened.backoff_status(clock.now)
    assert (status.failures, status.retry_after_seconds) == (FREE_ATTEMPTS + 2, 3)
    with pytest.raises(UnlockDelayed):
        reopened.unlock(profile.passphrase, clock=clock)


def test_back_off_survives_an_app_restart_in_another_process(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    use_free_attempts(vault, clock)
    fail(vault, clock)  # the fourth failure: 2 s wait

    def attempt_in_new_process(seconds_later: float, passphrase: str) -> str:
        instant = (clock.now + timedelta(seconds=seconds_later)).isoformat()
        done = subprocess.run(
            [sys.executable, "-c", RESTARTED_APP, str(profile.paths.root), instant, passphrase],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout.strip()

    assert attempt_in_new_process(1, profile.passphrase) == "delayed 1.0"
    assert attempt_in_new_process(2, WRONG) == "wrong 5 4.0"
    clock.advance(2)
    assert profile.load().backoff_status(clock.now + timedelta(seconds=1)).retry_after_seconds == 3
    assert attempt_in_new_process(6, profile.passphrase) == "unlocked 5"


RESTARTED_APP = """
import sys
from datetime import datetime
from pathlib import Path

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import UnlockDelayed, Vault, WrongPassphrase

root, instant, passphrase = sys.argv[1:4]
vault = Vault.load(ProfilePaths(Path(root)))
try:
    result = vault.unlock(passphrase, clock=lambda: datetime.fromisoformat(instant))
except UnlockDelayed as delayed:
    print("delayed", delayed.retry_after_seconds)
except WrongPassphrase as wrong:
    print("wrong", wrong.failures, wrong.retry_after_seconds)
else:
    print("unlocked", len(result.failures_since_last_success))
"""


def _state(profile: Profile) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(profile.paths.unlock_state.read_text())
    return loaded


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.unlink(), id="deleted"),
        pytest.param(lambda path: path.write_text("{not json"), id="garbled"),
        pytest.param(
            lambda path: path.write_text(
                '{"version": 1, "failures": -5, "failure_instants": [], '
                '"earlier_failures_unknown": false}'
            ),
            id="negative-count",
        ),
        pytest.param(
            lambda path: path.write_text(
                '{"version": 1, "failures": 2, "failure_instants": ["2026-03-02T09:00:00+00:00",'
                ' "2026-03-01T09:00:00+00:00"], "earlier_failures_unknown": false}'
            ),
            id="instants-out-of-order",
        ),
    ],
)
def test_deleted_or_tampered_unlock_state_costs_the_free_attempts_but_never_crashes(
    profile: Profile, clock: SteppingClock, damage: Callable[[Path], object]
) -> None:
    vault = profile.load()
    damage(profile.paths.unlock_state)

    assert vault.backoff_status(clock.now).failures == FREE_ATTEMPTS
    refused = fail(vault, clock)
    assert (refused.failures, refused.retry_after_seconds) == (FREE_ATTEMPTS + 1, 2)
    assert _state(profile)["earlier_failures_unknown"] is True

    clock.advance(2)
    result = vault.unlock(profile.passphrase, clock=clock)
    assert result.earlier_failures_unknown
    assert result.failures_since_last_success == [clock.now - timedelta(seconds=2)]
    vault.forget_audited_failures(result)
    assert _state(profile) == {
        "version": 1,
        "failures": 0,
        "failure_instants": [],
        "earlier_failures_unknown": False,
    }


def test_clock_set_back_restarts_the_wait_in_full_instead_of_locking_out_for_hours(
    profile: Profile, clock: SteppingClock
) -> None:
    vault = profile.load()
    use_free_attempts(vault, clock)
    clock.advance(3 * 3600)
    fail(vault, clock)  # 2 s wait starting three hours "later"
    clock.advance(-3 * 3600)

    with pytest.raises(UnlockDelayed) as delayed:
        vault.unlock(profile.passphrase, clock=clock)
    assert delayed.value.retry_after_seconds == 2
    clock.advance(2)
    assert vault.unlock(profile.passphrase, clock=clock).dek == profile.dek


def test_naive_clock_readings_are_refused(profile: Profile) -> None:
    with pytest.raises(ValueError, match="time zone"):
        profile.load().unlock(profile.passphrase, clock=lambda: datetime(2026, 3, 2, 9, 0))
