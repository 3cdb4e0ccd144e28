"""store.sqlcipher_vs_sqlite: the same store workload on SQLCipher and on plain SQLite.

Workload: 10,000 interviews (each with its child and episode, realistic answers) written
in transactions of 100, all read back, then three typical list queries. Both runs use the
very same `Store` code; only the connection differs. Also reports the unlock time
(Argon2id key derivation, unwrap, open with full integrity check).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rhi_desktop.demo import generate
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Store
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.vault import Vault
from tests.benchmarks.answers import realistic_answers
from tests.benchmarks.harness import BenchResult, best_of

BATCH = 100
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _cases(count: int) -> list[Any]:
    return list(generate(count, interviewer_id="bench", now=NOW, answers=realistic_answers))


def workload(store: Store, cases: list[Any]) -> None:
    for start in range(0, len(cases), BATCH):
        batch = cases[start : start + BATCH]
        with store.transaction("bench") as tx:
            tx.children.add_many([c.child for c in batch])
            tx.episodes.add_many([e for c in batch for e in c.episodes])
            tx.interviews.add_many([i for c in batch for i in c.interviews])
    for case in cases:
        for interview in case.interviews:
            store.interviews.get(interview.id)
    store.interviews.list_by_state(InterviewState.IN_PROGRESS, InterviewState.RETURNED)
    store.interviews.due_within(72, NOW)
    store.interviews.search_by_case_reference("DEMO-001")


def _run_sqlcipher(directory: Path, cases: list[Any]) -> float:
    path = directory / "cipher.db"
    store = Store.create(path, os.urandom(32))
    try:
        start = time.perf_counter()
        workload(store, cases)
        return time.perf_counter() - start
    finally:
        store.close()


def _run_plain(directory: Path, cases: list[Any]) -> float:
    conn = sqlite3.connect(directory / "plain.db", isolation_level=None)
    store = Store.from_connection(conn, derive_keys(os.urandom(32)).audit_key)
    try:
        start = time.perf_counter()
        workload(store, cases)
        return time.perf_counter() - start
    finally:
        store.close()


def _unlock_time(directory: Path) -> float:
    paths = ProfilePaths(directory / "profile")
    paths.root.mkdir()
    _, dek = Vault.create(paths, "correct horse battery staple")
    Store.create(paths.db, dek).close()

    def unlock() -> None:
        result = Vault.load(paths).unlock("correct horse battery staple")
        Store.open(paths.db, result.dek, key_verified=True).close()

    return best_of(3, unlock)


def run(scale: float) -> list[BenchResult]:
    count = max(BATCH, int(10_000 * scale))
    cases = _cases(count)
    cipher: list[float] = []
    plain: list[float] = []
    for _ in range(3 if scale >= 1 else 1):
        # Alternate the two so that machine noise falls on both alike; keep the best.
        with tempfile.TemporaryDirectory() as tmp:
            cipher.append(_run_sqlcipher(Path(tmp), cases))
        with tempfile.TemporaryDirectory() as tmp:
            plain.append(_run_plain(Path(tmp), cases))
    with tempfile.TemporaryDirectory() as tmp:
        unlock = _unlock_time(Path(tmp))
    return [
        BenchResult.compare("store.sqlcipher_vs_sqlite", min(cipher), min(plain), "s", goal=1.25),
        BenchResult.report("store.unlock_time", unlock, "s"),
    ]
