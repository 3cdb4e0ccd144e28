"""Engines and transactions: one code path for embedded SQLite and PostgreSQL.

SQLite runs in WAL mode with a busy timeout, and a write transaction starts with
`BEGIN IMMEDIATE` so that two writers queue for the lock instead of one failing on a
stale snapshot. PostgreSQL gets a connection pool; row locks do the queueing there.

A SQLite file holds every child's record in plain text, so it is the service account's
alone: created owner-only (SQLite gives its -wal and -shm files the same mode), and one
that other accounts could read is refused. PostgreSQL's access is its administrator's.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

Clock = Callable[[], datetime]

SQLITE_BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "rhi_write"


class DatabaseUrlError(ValueError):
    """The database URL names a backend this service does not run on."""


class DatabaseFileExposed(RuntimeError):
    """The SQLite database file (or its -wal/-shm file) is open to other accounts, or
    closed to this one."""


def open_engine(url: str) -> Engine:
    """An engine for a SQLAlchemy URL: `sqlite:///path` or `postgresql+psycopg://...`."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError("The database URL is not a valid SQLAlchemy URL.") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        in_memory = parsed.database in (None, "", ":memory:")
        if not in_memory:
            _make_private(Path(str(parsed.database)))
        extra: dict[str, Any] = {"poolclass": StaticPool} if in_memory else {}
        engine = create_engine(
            parsed,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **extra,
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    if backend == "postgresql":
        return create_engine(
            parsed, pool_size=5, max_overflow=10, pool_pre_ping=True, pool_recycle=1800
        )
    raise DatabaseUrlError("Only sqlite:/// and postgresql+psycopg:// URLs are supported.")


def _make_private(path: Path) -> None:
    """Create the file owner-only before SQLite would create it with the umask. A file
    that group or others may use is refused rather than quietly tightened: whoever
    opened it up needs to know, and what was read meanwhile is theirs to judge."""
    if os.name != "posix":
        return  # Windows files take their folder's access list; there are no mode bits
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError:
        return  # no such folder, or not ours to write: connecting fails and says so
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except OSError:
            continue  # not there (the usual case for -wal and -shm), or out of reach
        if mode & 0o077:
            raise DatabaseFileExposed(
                f"{candidate} is open to other accounts on this machine (mode {mode:04o}) "
                f"and holds children's records; run `chmod 600 {candidate}` as its owner, "
                "then start again"
            )
        if not os.access(candidate, os.R_OK | os.W_OK, effective_ids=True):
            raise DatabaseFileExposed(_not_ours(candidate))


def _not_ours(path: Path) -> str:
    """Why this account cannot use a file another made (often `init` run as root)."""
    owner = str(path.stat().st_uid)
    try:
        import pwd

        owner = pwd.getpwuid(path.stat().st_uid).pw_name
    except (ImportError, KeyError):
        pass
    return (
        f"{path} belongs to {owner}, and this account cannot read and write it; run "
        f"rhi-central as {owner}, or give the file to the service's account "
        f"(chown it, keeping mode 600)"
    )


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: commits on success, rolls back on any exception."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun explicitly by `_begin_sqlite`, not by the driver.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS:d}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """WAL mode, once per file. Two connections making a new file switch at once can
    deadlock on the exclusive lock the switch needs; SQLite then answers "locked" at once
    instead of waiting, so the loser tries again (by then it is already WAL: a no-op)."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _begin_sqlite(conn: Connection) -> None:
    if conn.get_execution_options().get(_WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")
