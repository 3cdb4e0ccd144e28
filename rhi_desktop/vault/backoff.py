"""Failed-unlock back-off that survives restarts (unlock-state.json).

After FREE_ATTEMPTS wrong passphrases in a row, each further failure imposes a wait that
doubles (2 s, 4 s, 8 s ...) up to 15 minutes. An attempt is written down, atomically,
before its key derivation starts, so neither quitting, killing the process nor a second
attempt made at the same time escapes the count. `failures` counts the wrong passphrases
since the last success and drives the back-off and the wipe policy. The instants of
failures stay recorded, even past a success, until the audit chain inside the database
holds them: a success whose audit step fails must not lose them.

A missing, unreadable or inconsistent state file is treated conservatively but never
crashes unlock: the count is assumed to be FREE_ATTEMPTS (the free tries are used up, so
the next failure starts the back-off), the earlier failures are marked unknown so the
audit can say so, and the file is rewritten at the next attempt. Deleting the file can
therefore shorten a running wait to the first step; anyone able to do that can also copy
vault.json and guess offline, which Argon2id, not this back-off, is there to slow down.
Failure instants later than the current time (a clock set back, or an edited file) are
pulled back to "now" when noticed, so the wait restarts in full rather than lasting until
the clock catches up."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from rhi_desktop.atomic_file import write_atomically
from rhi_desktop.domain.deadlines import require_aware
from rhi_desktop.store.errors import translated_errors

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 15 * 60.0
STATE_VERSION = 1
# Enough for any audit; the count keeps rising beyond it.
MAX_RECORDED_INSTANTS = 1000


def utc_now() -> datetime:
    return datetime.now(UTC)


def delay_after(failures: int) -> float:
    """The wait imposed after `failures` consecutive wrong passphrases."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    doublings = min(failures - FREE_ATTEMPTS - 1, 32)
    return min(FIRST_DELAY_SECONDS * (1 << doublings), MAX_DELAY_SECONDS)


@dataclass(frozen=True, slots=True)
class BackoffStatus:
    """What an unlock window shows: how many failures, and how long until the next try."""

    failures: int
    retry_after_seconds: float


@dataclass(frozen=True, slots=True)
class UnlockState:
    # Wrong passphrases (and attempts still running) since the last success.
    failures: int = 0
    # Failures not yet in the audit chain, oldest first; may reach back past a success.
    failure_instants: tuple[datetime, ...] = ()
    earlier_failures_unknown: bool = False

    def retry_after(self, now: datetime) -> float:
        delay = delay_after(self.failures)
        if delay == 0 or not self.failure_instants:
            return 0.0
        elapsed = (require_aware(now) - self.failure_instants[-1]).total_seconds()
        if elapsed < 0:
            return delay
        return max(0.0, delay - elapsed)

    def has_future_instants(self, now: datetime) -> bool:
        return bool(self.failure_instants) and self.failure_instants[-1] > require_aware(now)

    def clamped_to(self, now: datetime) -> UnlockState:
        moment = require_aware(now)
        return replace(self, failure_instants=tuple(min(t, moment) for t in self.failure_instants))

    def after_failure(self, now: datetime) -> UnlockState:
        instants = (*self.failure_instants, require_aware(now))[-MAX_RECORDED_INSTANTS:]
        return replace(self, failures=self.failures + 1, failure_instants=instants)

    @property
    def some_failures_unknown(self) -> bool:
        """Whether failures happened that are not individually recorded."""
        return self.earlier_failures_unknown or self.failures > len(self.failure_instants)

    def after_success(self) -> UnlockState:
        """The back-off ends; the failures stay recorded until the audit chain holds them."""
        return replace(self, failures=0, earlier_failures_unknown=self.some_failures_unknown)

    def after_audit(self, audited: tuple[datetime, ...], unknown_reported: bool) -> UnlockState:
        """This state without the failures the audit chain now holds.

        Failures recorded since (another attempt meanwhile) are kept. If the recorded
        ones no longer start with what was audited, nothing is dropped: the next audit
        repeats some rather than losing any.
        """
        if self.failure_instants[: len(audited)] != audited:
            return self
        return replace(
            self,
            failure_instants=self.failure_instants[len(audited) :],
            earlier_failures_unknown=self.earlier_failures_unknown and not unknown_reported,
        )


def assumed_after_damage() -> UnlockState:
    return UnlockState(failures=FREE_ATTEMPTS, earlier_failures_unknown=True)


def load_unlock_state(path: Path) -> UnlockState:
    """The recorded state; a missing or damaged file gives the conservative assumption."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        log.warning("unlock state file is missing; assuming the free attempts are used up")
        return assumed_after_damage()
    state = _parse(data)
    if state is None:
        log.warning("unlock state file is damaged; assuming the free attempts are used up")
        return assumed_after_damage()
    return state


def save_unlock_state(path: Path, state: UnlockState) -> None:
    """Write the state down; a full disk is named as one (`DiskFullError`), since an
    attempt that cannot be counted is not made."""
    document = {
        "version": STATE_VERSION,
        "failures": state.failures,
        "failure_instants": [t.astimezone(UTC).isoformat() for t in state.failure_instants],
        "earlier_failures_unknown": state.earlier_failures_unknown,
    }
    with translated_errors():
        write_atomically(path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))


def _parse(data: bytes) -> UnlockState | None:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(document, dict) or document.get("version") != STATE_VERSION:
        return None
    failures = document.get("failures")
    raw_instants = document.get("failure_instants")
    unknown = document.get("earlier_failures_unknown")
    if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
        return None
    if not isinstance(raw_instants, list) or len(raw_instants) > MAX_RECORDED_INSTANTS:
        return None
    if not isinstance(unknown, bool):
        return None
    instants: list[datetime] = []
    for raw in raw_instants:
        if not isinstance(raw, str):
            return None
        try:
            instants.append(require_aware(datetime.fromisoformat(raw)))
        except ValueError:
            return None
    if instants != sorted(instants):
        return None
    return UnlockState(failures, tuple(instants), unknown)
