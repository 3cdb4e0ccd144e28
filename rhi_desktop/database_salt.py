"""The database file's salt: what ties a key file to the one database it opens.

SQLCipher starts every database file with a random 16-byte salt, in the clear. It stays
the same for the life of the file, a copy of the file keeps it, and the store gives its
pre-migration backups the same one. vault.json records it, so a key file that belongs to
another profile is recognised before its passphrase is tried, rather than unlocking the
other profile's key and reporting this profile's intact database as damaged.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

DATABASE_SALT_BYTES = 16
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def read_database_salt(path: Path) -> bytes | None:
    """The salt `path` starts with; None when there is none to read (no file, a file
    shorter than a salt, an unencrypted file), which the store explains when it opens."""
    try:
        with open(path, "rb") as handle:
            salt = handle.read(DATABASE_SALT_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.info("could not read the database salt (%s)", type(exc).__name__)
        return None
    if len(salt) != DATABASE_SALT_BYTES or salt == PLAIN_SQLITE_HEADER:
        return None
    return salt
