"""A thin wrapper over one DB-API connection that turns failures into StoreErrors.

Every statement the store runs goes through here, so a full disk or a damaged page
surfaces as the same clear error wherever it happens. It works over a sqlcipher3
connection and, for the benchmark baseline, over a stdlib sqlite3 one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol

from rhi_desktop.store.errors import translated_errors


class Connection(Protocol):
    """The DB-API surface the store uses (sqlcipher3 and sqlite3 both provide it)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...

    def close(self) -> None: ...


Clock = Callable[[], datetime]
_savepoints = itertools.count(1)


class Database:
    def __init__(self, conn: Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock

    @property
    def in_transaction(self) -> bool:
        return bool(self.conn.in_transaction)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with translated_errors():
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        with translated_errors():
            return self.conn.executemany(sql, rows)

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with translated_errors():
            row = self.conn.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with translated_errors():
            return [tuple(row) for row in self.conn.execute(sql, params).fetchall()]

    def iterate(
        self, sql: str, params: Sequence[Any] = (), batch: int = 1000
    ) -> Iterator[tuple[Any, ...]]:
        """Rows in batches, for scans too long to hold in memory at once."""
        with translated_errors():
            cursor = self.conn.execute(sql, params)
        while True:
            with translated_errors():
                rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from (tuple(row) for row in rows)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.fetchone(sql, params)
        return None if row is None else row[0]

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Make one repository call atomic inside the open transaction.

        If the call fails and the caller catches the error and carries on, none of the
        call's writes (row, outbox entry, audit event) remain in what is committed.
        """
        name = f"op_{next(_savepoints)}"
        self.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self.execute(f"RELEASE {name}")
