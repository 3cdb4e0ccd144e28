"""A lost laptop gives away nothing: the database and its WAL files hold no plaintext."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from rhi_desktop.domain.entities import EpisodeType, MissingEpisode, new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import ConflictingRecordError, Store
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST
from tests.core.store.conftest import START, SeededStore

STRUCTURE_MARKERS = (b"CREATE TABLE", b"SQLite format 3", b"case_reference", b"answers")


def assert_no_plaintext(path: Path, secrets: list[bytes]) -> None:
    data = path.read_bytes().lower()
    for needle in (*secrets, *STRUCTURE_MARKERS):
        assert needle.lower() not in data, f"{needle!r} found in plaintext in {path.name}"


def assert_stdlib_sqlite_cannot_read(db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_seeded_caseload_leaves_no_plaintext_in_db_wal_or_shm_while_open_and_after_close(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, tmp_path: Path
) -> None:
    seeded = make_seeded_store(children=20)
    secrets = seeded.seeded.secrets()
    assert b"Zephyrine Quackenbush" in secrets
    # While open, the latest transactions live only in the WAL: it must have content.
    assert profile.wal.stat().st_size > 0
    assert profile.shm.exists()
    for path in (profile.db, profile.wal, profile.shm):
        assert_no_plaintext(path, secrets)

    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    for path in (profile.db, profile.wal):
        shutil.copy(path, snapshot / path.name)
    assert_stdlib_sqlite_cannot_read(snapshot / profile.db.name)

    seeded.store.close()
    leftovers = [p for p in (profile.db, profile.wal, profile.shm) if p.exists()]
    assert profile.db in leftovers
    for path in leftovers:
        assert_no_plaintext(path, secrets)
    assert_stdlib_sqlite_cannot_read(profile.db)


def test_the_seeded_data_is_really_there_for_the_right_key(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes
) -> None:
    seeded = make_seeded_store(children=20)
    seeded.store.close()
    with Store.open(profile.db, dek) as reopened:
        names = {c.name for c in reopened.children.all()}
        assert "Zephyrine Quackenbush" in names
        assert len(names) == 20
        assert reopened.interviews.count() == 20


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_store_files_are_readable_by_their_owner_only(store: Store, profile: ProfilePaths) -> None:
    for path in (profile.db, profile.wal, profile.shm):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_connection_runs_encrypted_in_wal_with_foreign_keys_and_secure_delete(
    store: Store,
) -> None:
    settings = store.settings()
    assert settings.cipher_version
    assert settings.journal_mode == "wal"
    assert settings.foreign_keys
    assert settings.secure_delete
    assert settings.synchronous_full  # a commit outlasts a power cut, on macOS too
    assert settings.page_size == 4096
    assert settings.schema_version == LATEST


def test_pages_are_keyed_by_a_derived_key_not_the_raw_dek(
    store: Store, profile: ProfilePaths, dek: bytes
) -> None:
    keys = derive_keys(dek)
    assert len({keys.page_key, keys.audit_key, dek}) == 3
    assert derive_keys(dek).page_key == keys.page_key  # deterministic
    assert "redacted" in repr(keys) and keys.page_key.hex() not in repr(keys)
    store.close()

    def can_read(raw_key: bytes) -> bool:
        conn = sqlcipher3.connect(f"file:{profile.db}?mode=rw", uri=True)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(b"x'" + raw_key.hex().encode() + b"'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        except sqlcipher3.DatabaseError:
            return False
        finally:
            conn.close()

    assert can_read(keys.page_key)
    assert not can_read(dek)
    assert not can_read(keys.audit_key)


def test_an_episode_for_an_unknown_child_is_refused_by_foreign_keys(store: Store) -> None:
    episode = MissingEpisode(id=new_id(), child_id=new_id(), type=EpisodeType.MISSING, start=START)
    head = store.audit.head()
    with pytest.raises(ConflictingRecordError), store.transaction("user-1") as tx:
        tx.episodes.add(episode)
    assert store.episodes.find(episode.id) is None
    assert store.outbox.counts() == (0, 0)
    assert store.audit.head() == head
