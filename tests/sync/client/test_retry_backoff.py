"""Back-off: delays double up to a cap with half of each random, only passing failures
are retried, and the last failure is what the caller sees."""

from __future__ import annotations

import random

import pytest

from sync.errors import ServiceFault, ServiceUnreachable, SyncError, TlsRejected
from sync.retry import Backoff, with_retries


def test_delays_double_up_to_the_cap_and_half_of_each_is_jitter() -> None:
    backoff = Backoff(attempts=8, base_seconds=1.0, cap_seconds=10.0)
    rng = random.Random(3)
    for retry, ceiling in enumerate([1, 2, 4, 8, 10, 10, 10], start=1):
        delays = [backoff.delay(retry, rng) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert max(delays) - min(delays) > ceiling / 4  # really random, not a fixed wait


def test_transient_failures_are_retried_until_one_succeeds() -> None:
    naps: list[float] = []
    failures: list[SyncError] = [ServiceUnreachable("reset"), ServiceFault("HTTP 503")]

    def flaky() -> str:
        if failures:
            raise failures.pop(0)
        return "answered"

    assert with_retries(flaky, Backoff(attempts=3), sleep=naps.append) == "answered"
    assert len(naps) == 2 and naps[0] <= 1.0 < naps[1] <= 2.0


def test_the_last_transient_failure_is_raised_once_attempts_run_out() -> None:
    naps: list[float] = []
    calls: list[int] = []

    def down() -> None:
        calls.append(1)
        raise ServiceUnreachable(f"attempt {len(calls)}")

    with pytest.raises(ServiceUnreachable, match="attempt 4"):
        with_retries(down, Backoff(attempts=4), sleep=naps.append)
    assert len(calls) == 4 and len(naps) == 3


def test_a_failure_retrying_cannot_fix_is_raised_at_once() -> None:
    naps: list[float] = []

    def untrusted() -> None:
        raise TlsRejected("its certificate is not trusted")

    with pytest.raises(TlsRejected):
        with_retries(untrusted, Backoff(attempts=5), sleep=naps.append)
    assert naps == []
