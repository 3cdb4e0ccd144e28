"""Direct access to a store's file with the right key, as an insider (or a migration
test building an older schema) would have it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from rhi_desktop.store.keys import derive_keys


def keyed_connection(db: Path, dek: bytes) -> Any:
    conn = sqlcipher3.connect(f"file:{db}?mode=rw", uri=True, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(derive_keys(dek).sqlcipher_key())
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn
