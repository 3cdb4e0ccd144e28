"""Opening and creating the SQLCipher file, and saying plainly why one will not open.

An existing profile is opened with a `mode=rw` URI after its file is checked, so a
missing or empty file is never mistaken for a new database. A new file is made only on
an explicit create, exclusively and with 0600 permissions.

Telling a wrong key from a damaged file: SQLCipher authenticates every page with an
HMAC, and `PRAGMA cipher_integrity_check` reports, page by page, which fail, even when
page 1 does not decrypt. If only some pages fail, the key is right and the file is
damaged. If every page fails, the file alone cannot tell a wrong key from a destroyed
header (the salt in the first 16 bytes feeds every page's HMAC key). There we believe
the caller: when it says the key was verified (the vault's AES-GCM unwrap of the DEK
authenticated it), the file is reported damaged; otherwise the key is reported wrong,
and the message says it may also be damage.

A file is truncated when its size is not a whole number of pages, when SQLCipher says a
page has the wrong size, or when every page present is authentic but SQLite refuses the
file at the first read because its header counts more pages than the file holds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import sqlcipher3

from rhi_desktop.database_salt import DATABASE_SALT_BYTES, PLAIN_SQLITE_HEADER
from rhi_desktop.store.errors import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    DatabaseCorruptedError,
    DatabaseEmptyError,
    DatabaseExistsError,
    DatabaseMissingError,
    DatabaseTruncatedError,
    DiskError,
    EncryptionUnavailableError,
    StoreError,
    WriteAheadLogUnavailableError,
    WrongKeyError,
    sqlite_error_code,
    translate,
    translated_errors,
)
from rhi_desktop.store.keys import StoreKeys

PAGE_SIZE = 4096  # SQLCipher 4's default; every file this app writes uses it
BUSY_TIMEOUT_MS = 5000
_HMAC_FAILED = re.compile(r"HMAC verification failed for page (\d+)")
_BAD_SIZE = re.compile(r"page \d+ has an invalid size")
_BAD_STRUCTURE = "its structure failed the integrity check"


def open_existing(path: Path, keys: StoreKeys, *, key_verified: bool, full_check: bool) -> Any:
    """A keyed, configured connection to an existing file, or a StoreError saying why not.

    Nothing is written before every check has passed.
    """
    size = _checked_size(path)
    conn = _connect(path, "rw")
    try:
        _key(conn, keys)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if sqlite_error_code(exc) not in (SQLITE_NOTADB, SQLITE_CORRUPT):
                raise (translate(exc) or DiskError()) from exc  # busy, I/O: not the file's fault
            raise _diagnose(conn, path, size, exc, key_verified=key_verified) from None
        if full_check:
            _check_pages(conn, path, size, key_verified=key_verified)
        with translated_errors():
            _configure(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_new(path: Path, keys: StoreKeys) -> Any:
    """A keyed, configured connection to a brand-new file (0600); never touches an old one.

    If creating fails part-way, the file this call made (which never held anything) is
    removed again, so a retry can succeed.
    """
    if path.exists() or _sidecar(path, "-wal").exists():
        raise DatabaseExistsError(path.name)
    try:
        with translated_errors():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise DatabaseExistsError(path.name) from None
    os.close(fd)
    try:
        conn = _connect(path, "rwc")
        try:
            _key(conn, keys)
            with translated_errors():
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                _configure(conn)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        discard_new_file(path)
        raise
    return conn


def discard_new_file(path: Path) -> None:
    """Remove a database file (and its WAL files) that a failed create has just made."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        _sidecar(path, suffix).unlink(missing_ok=True)


def configure_plain(conn: Any) -> None:
    """The same connection settings on a plain SQLite connection (benchmark baseline)."""
    _configure(conn, require_wal=False)


def keyed_copy_target(path: Path, keys: StoreKeys, source: Path) -> Any:
    """A keyed connection to a new file (0600) for the backup API to fill.

    The copy starts with the same salt as `source`, so a copy put back in place of the
    database still matches the salt its profile's vault.json records.
    """
    with open(source, "rb") as handle:
        salt = handle.read(DATABASE_SALT_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    conn = _connect(path, "rw")
    try:
        conn.set_key(keys.sqlcipher_key(salt if len(salt) == DATABASE_SALT_BYTES else None))
    except BaseException:
        conn.close()
        raise
    return conn


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _checked_size(path: Path) -> int:
    if not path.is_file():
        raise DatabaseMissingError(path.name)
    size = path.stat().st_size
    if size == 0:
        raise DatabaseEmptyError(path.name)
    if size % PAGE_SIZE:
        raise DatabaseTruncatedError(path.name)
    with open(path, "rb") as handle:
        if handle.read(len(PLAIN_SQLITE_HEADER)) == PLAIN_SQLITE_HEADER:
            raise DatabaseCorruptedError(path.name, "it is not an encrypted RHI Desktop database")
    return size


def _connect(path: Path, mode: str) -> Any:
    with translated_errors():
        conn = sqlcipher3.connect(
            f"{path.resolve().as_uri()}?mode={mode}",
            uri=True,
            isolation_level=None,  # the store issues BEGIN IMMEDIATE / COMMIT itself
            check_same_thread=False,  # the app hands it to one serial DB worker thread
        )
    try:
        # First, before anything else: otherwise SQLCipher prints its errors to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise EncryptionUnavailableError()
    except BaseException:
        conn.close()
        raise
    return conn


def _key(conn: Any, keys: StoreKeys) -> None:
    conn.set_key(keys.sqlcipher_key())


CACHE_KIB = 64 * 1024


def _configure(conn: Any, *, require_wal: bool = True) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Freed pages are overwritten, so purged records do not linger in free space.
    conn.execute("PRAGMA secure_delete = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if require_wal and str(mode).lower() != "wal":
        raise WriteAheadLogUnavailableError()
    conn.execute("PRAGMA synchronous = FULL")  # a committed interview survives power loss
    # On macOS a plain fsync leaves the write in the drive's cache, which a power cut
    # loses: F_FULLFSYNC flushes it. (Elsewhere SQLite ignores these.)
    conn.execute("PRAGMA fullfsync = ON")
    conn.execute("PRAGMA checkpoint_fullfsync = ON")
    # A caseload's working set stays in the page cache: with SQLCipher every cache miss
    # is a page decryption and HMAC check, not just a copy from the OS cache.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _cipher_problems(conn: Any) -> list[str]:
    return [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


def _classify(
    problems: list[str], path: Path, size: int, *, page_one_ok: bool, key_verified: bool
) -> StoreError:
    if any(_BAD_SIZE.search(p) for p in problems):
        return DatabaseTruncatedError(path.name)
    failed = {int(m.group(1)) for p in problems if (m := _HMAC_FAILED.search(p))}
    if not page_one_ok and len(failed) >= size // PAGE_SIZE:
        if key_verified:
            return DatabaseCorruptedError(path.name, "its header cannot be read with this key")
        return WrongKeyError()
    if failed:
        return DatabaseCorruptedError(path.name, "some of its pages failed their integrity check")
    return DatabaseCorruptedError(path.name)


def _diagnose(
    conn: Any, path: Path, size: int, exc: Exception, *, key_verified: bool
) -> StoreError:
    """Why the first read after keying failed."""
    code = sqlite_error_code(exc)
    try:
        problems = _cipher_problems(conn)
    except sqlcipher3.DatabaseError:
        return DatabaseCorruptedError(path.name)
    if code == SQLITE_NOTADB:
        return _classify(problems, path, size, page_one_ok=False, key_verified=key_verified)
    if code == SQLITE_CORRUPT and not problems:
        # Every page present is authentic, and SQLite refused the file at its first read:
        # the header counts more pages than the file holds, so pages were cut off the end.
        return DatabaseTruncatedError(path.name)
    return _classify(problems, path, size, page_one_ok=True, key_verified=key_verified)


def _check_pages(conn: Any, path: Path, size: int, *, key_verified: bool) -> None:
    """Authenticate every page and walk the b-trees, so damage is found at open time."""
    try:
        problems = _cipher_problems(conn)
        if problems:
            raise _classify(problems, path, size, page_one_ok=True, key_verified=key_verified)
        quick = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher3.DatabaseError:
        raise DatabaseCorruptedError(path.name, _BAD_STRUCTURE) from None
    if [tuple(row) for row in quick] != [("ok",)]:
        raise DatabaseCorruptedError(path.name, _BAD_STRUCTURE)
