"""A profile that will not open says why, in words a person can act on, and is left as it was."""

from __future__ import annotations

import os
import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import (
    DatabaseCorruptedError,
    DatabaseEmptyError,
    DatabaseExistsError,
    DatabaseMissingError,
    DatabaseTruncatedError,
    Store,
    StoreError,
    WriteAheadLogUnavailableError,
    WrongKeyError,
)
from rhi_desktop.store.connection import _configure
from tests.core.store.conftest import SeededStore, file_hash

PAGE = 4096


def assert_person_readable(error: StoreError, secrets: list[bytes]) -> None:
    message = str(error)
    assert message and message[0].isupper() and message.endswith(".")
    for marker in ("Traceback", "sqlcipher", 'File "', "0x", "Error:"):
        assert marker not in message
    for secret in secrets:
        assert secret.decode() not in message


def closed_seeded_profile(
    make_seeded_store: Callable[..., SeededStore], children: int = 5
) -> list[bytes]:
    seeded = make_seeded_store(children=children)
    seeded.store.close()
    return seeded.seeded.secrets()


def flip_bit(path: Path, offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([byte ^ 0x04]))


def open_and_expect(
    error_type: type[StoreError], profile: ProfilePaths, dek: bytes, *, key_verified: bool = False
) -> StoreError:
    """Open must fail with `error_type` and leave the directory byte-for-byte as it was."""
    before = {p.name: file_hash(p) for p in profile.root.iterdir()}
    with pytest.raises(StoreError) as caught:
        Store.open(profile.db, dek, key_verified=key_verified)
    after = {p.name: file_hash(p) for p in profile.root.iterdir()}
    assert type(caught.value) is error_type, str(caught.value)
    assert after == before
    return caught.value


def test_missing_database_is_reported_and_never_created(profile: ProfilePaths, dek: bytes) -> None:
    error = open_and_expect(DatabaseMissingError, profile, dek)
    assert "rhi.db" in str(error)
    assert_person_readable(error, [])
    assert not profile.db.exists()


def test_zero_length_database_is_not_mistaken_for_a_new_one(
    profile: ProfilePaths, dek: bytes
) -> None:
    profile.db.write_bytes(b"")
    error = open_and_expect(DatabaseEmptyError, profile, dek)
    assert "empty" in str(error)
    assert_person_readable(error, [])
    assert profile.db.stat().st_size == 0


def test_wrong_key_gives_a_clear_message_without_traceback_text(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths
) -> None:
    secrets = closed_seeded_profile(make_seeded_store)
    error = open_and_expect(WrongKeyError, profile, os.urandom(32))
    assert "key" in str(error)
    assert_person_readable(error, secrets)
    assert "Traceback" not in "".join(traceback.format_exception_only(error))


def test_wrong_key_with_a_vault_verified_key_is_reported_as_damage(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths
) -> None:
    # A key the vault authenticated cannot be wrong: no page decrypting means damage
    # (e.g. the salt at the start of the file was overwritten).
    closed_seeded_profile(make_seeded_store)
    open_and_expect(DatabaseCorruptedError, profile, os.urandom(32), key_verified=True)


@pytest.mark.parametrize(
    "cut",
    [100, PAGE, 3 * PAGE + 1, 10 * PAGE],
    ids=["partial-page", "1-page", "3-pages+", "10-pages"],
)
def test_truncated_database_is_reported_as_incomplete(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes, cut: int
) -> None:
    secrets = closed_seeded_profile(make_seeded_store)
    os.truncate(profile.db, profile.db.stat().st_size - cut)
    error = open_and_expect(DatabaseTruncatedError, profile, dek)
    assert "incomplete" in str(error)
    assert_person_readable(error, secrets)


def test_database_cut_inside_its_first_page_is_reported_as_incomplete(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes
) -> None:
    closed_seeded_profile(make_seeded_store)
    os.truncate(profile.db, 2000)
    open_and_expect(DatabaseTruncatedError, profile, dek)


@pytest.mark.parametrize(
    "where",
    ["page-1-body", "middle-page", "last-page"],
)
def test_bit_flipped_database_is_reported_as_damaged_not_as_a_wrong_key(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes, where: str
) -> None:
    secrets = closed_seeded_profile(make_seeded_store)
    size = profile.db.stat().st_size
    offset = {
        "page-1-body": 700,
        "middle-page": (size // PAGE // 2) * PAGE + 99,
        "last-page": size - 30,
    }
    flip_bit(profile.db, offset[where])
    error = open_and_expect(DatabaseCorruptedError, profile, dek)
    assert "damaged" in str(error)
    assert_person_readable(error, secrets)


def test_plain_unencrypted_sqlite_file_is_refused(profile: ProfilePaths, dek: bytes) -> None:
    plain = sqlite3.connect(profile.db)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    error = open_and_expect(DatabaseCorruptedError, profile, dek)
    assert "not an encrypted" in str(error)


def test_each_failure_has_its_own_exception_type_under_store_error() -> None:
    kinds = {
        DatabaseMissingError,
        DatabaseEmptyError,
        WrongKeyError,
        DatabaseTruncatedError,
        DatabaseCorruptedError,
    }
    assert len(kinds) == 5
    assert all(issubclass(kind, StoreError) for kind in kinds)
    assert not any(issubclass(a, b) for a in kinds for b in kinds if a is not b)


def test_a_database_that_cannot_use_a_write_ahead_log_is_refused_with_its_own_error() -> None:
    # An in-memory database is one SQLite will not put in WAL mode, as with some network
    # drives; the store needs WAL for a sync beside the interviewer's edits.
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(WriteAheadLogUnavailableError, match="network drives"):
            _configure(conn)
    finally:
        conn.close()


def test_create_refuses_to_replace_an_existing_database(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes
) -> None:
    closed_seeded_profile(make_seeded_store)
    before = file_hash(profile.db)
    with pytest.raises(DatabaseExistsError):
        Store.create(profile.db, os.urandom(32))
    assert file_hash(profile.db) == before
    with Store.open(profile.db, dek) as reopened:
        assert reopened.children.count() == 5


def test_create_refuses_even_an_empty_file(profile: ProfilePaths, dek: bytes) -> None:
    profile.db.write_bytes(b"")
    with pytest.raises(DatabaseExistsError):
        Store.create(profile.db, dek)
    assert profile.db.read_bytes() == b""
