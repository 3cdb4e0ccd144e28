"""Retrying what failed for a passing reason: exponential back-off with jitter.

Only failures marked `transient` (connection errors, timeouts, 5xx, malformed answers)
are retried; anything else is raised at once. The delay doubles each time up to a cap,
and half of it is random, so devices knocked offline together do not all come back at
the same instant. Sleep and randomness are injected so tests never wait.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sync.errors import SyncError

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Backoff:
    attempts: int = 4  # tries in all, the first included
    base_seconds: float = 1.0
    factor: float = 2.0
    cap_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.base_seconds < 0 or self.factor < 1 or self.cap_seconds < 0:
            raise ValueError("Back-off needs at least one attempt and non-negative delays.")

    def delay(self, retry: int, rng: random.Random) -> float:
        """Seconds to wait before retry number `retry` (1 for the first retry)."""
        ceiling = min(self.cap_seconds, self.base_seconds * self.factor ** (retry - 1))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


def with_retries(
    operation: Callable[[], T],
    backoff: Backoff,
    *,
    sleep: Sleep = time.sleep,
    rng: random.Random | None = None,
    what: str = "request",
) -> T:
    """Run `operation`, retrying transient SyncErrors; the last one is raised."""
    jitter = rng or random.Random()  # noqa: S311  (jitter, not a secret)
    for attempt in range(1, backoff.attempts + 1):
        try:
            return operation()
        except SyncError as exc:
            if not exc.transient or attempt == backoff.attempts:
                raise
            wait = backoff.delay(attempt, jitter)
            log.info("%s failed (%s), retry %d in %.1fs", what, type(exc).__name__, attempt, wait)
            sleep(wait)
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover
