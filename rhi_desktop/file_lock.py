"""An exclusive lock on a file, shared by every process and thread that opens the profile.

Unlock attempts read the failure count, run the slow key derivation and write the count
back; without one lock around all of that, guesses made at the same time would each
start from the same count and slip past the back-off and the wipe policy. Opens of an
older database take the same kind of lock from the version check through the backup and
the migration, so two of them never upgrade it at once. The operating
system releases the lock when its holder exits, even when it is killed, so a crash never
leaves a profile locked. The lock file itself holds nothing and is never removed: a
waiter must end up holding the same file as the process it waited for.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing), waiting for any holder."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def hold_alone(path: Path) -> int | None:
    """Take an exclusive lock on `path` (created if missing) without waiting, and keep it
    for as long as this process runs: the system lets go when it exits, killed or not.
    The open file that holds it; None if another process holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    if _try_lock(fd):
        return fd
    os.close(fd)
    return None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):  # held by another
                return False
            raise  # locks that cannot be taken at all are no sign of another holder
        return True

    def _lock(fd: int) -> None:
        # msvcrt locks a byte range from the current position; LK_LOCK gives up with
        # OSError after about ten seconds, so keep waiting as flock does elsewhere.
        while True:
            os.lseek(fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError as exc:
                if exc.errno != errno.EDEADLOCK:
                    raise

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
