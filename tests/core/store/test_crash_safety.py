"""Killing the app at any moment loses no committed work and never corrupts the store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from rhi_desktop import audit
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Store

ROOT = Path(__file__).resolve().parents[3]


def start_writer(db: Path, dek: bytes, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.core.store.crash_writer", str(db), *extra],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(dek.hex() + "\n")
    proc.stdin.flush()
    return proc


def kill_after(proc: subprocess.Popen[str], marker: str, count: int) -> tuple[list[str], list[str]]:
    """Read reports until `count` lines start with `marker`, SIGKILL, then drain the pipe."""
    assert proc.stdout is not None and proc.stderr is not None
    seen: list[str] = []
    for line in proc.stdout:
        seen.append(line.strip())
        if sum(s.startswith(marker) for s in seen) >= count:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    seen += [line.strip() for line in proc.stdout.read().splitlines()]
    errors = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.returncode == -signal.SIGKILL, errors
    committed = [s.split()[1] for s in seen if s.startswith("committed ")]
    mid = [s.split()[1] for s in seen if s.startswith("mid ")]
    return committed, mid


def assert_recovered(db: Path, dek: bytes, committed: list[str], absent: list[str]) -> int:
    with Store.open(db, dek, key_verified=True) as store:
        assert store.integrity_check() == ["ok"]
        report = audit.verify(store)
        assert report.ok, report.problem
        for child_id in committed:
            assert store.children.find(child_id) is not None, "a reported commit was lost"
        for child_id in absent:
            assert store.children.find(child_id) is None
        # Every child came with its outbox entries and audit events, or not at all.
        children = store.children.count()
        assert store.interviews.count() == children
        assert store.outbox.counts()[0] == 4 * children
        return children


def test_store_survives_sigkill_after_any_number_of_commits(
    profile: ProfilePaths, dek: bytes
) -> None:
    Store.create(profile.db, dek).close()
    all_committed: list[str] = []
    for run, k in enumerate((1, 7, 40, 150), start=1):
        committed, _ = kill_after(start_writer(profile.db, dek), "committed ", k)
        assert len(committed) >= k
        all_committed += committed
        children = assert_recovered(profile.db, dek, all_committed, [])
        # Per run, at most one transaction can have committed without being reported.
        assert len(all_committed) <= children <= len(all_committed) + run


def test_store_survives_sigkill_in_the_middle_of_a_transaction(
    profile: ProfilePaths, dek: bytes
) -> None:
    Store.create(profile.db, dek).close()
    proc = start_writer(profile.db, dek, "--hang-after", "5")
    committed, mid = kill_after(proc, "mid ", 1)
    assert len(committed) == 5 and len(mid) == 1
    assert assert_recovered(profile.db, dek, committed, mid) == 5
