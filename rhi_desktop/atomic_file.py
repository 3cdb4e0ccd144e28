"""Replacing a small file so that a crash leaves either the old or the new content.

vault.json is the only copy of the wrapped data key and settings.toml holds the user's
choices: a torn write would lose them. The new content goes to a temporary file in the
same directory, is flushed to disk, renamed over the old file, and the directory entry
is flushed too. `staged` splits the two steps for a caller that must record something
(an export's audit event) after the content is safely written but before it appears.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes) -> None:
    with staged(path, data) as put_in_place:
        put_in_place()


@contextmanager
def staged(path: Path, data: bytes) -> Iterator[Callable[[], None]]:
    """`data` written and flushed to a temporary file beside `path`; calling what this
    yields renames it over `path`. Leaving without calling it (or on an error) removes
    the temporary file, so nothing is left behind but the old content."""
    fd, tmp_name = tempfile.mkstemp(prefix=_prefix(path), suffix=_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    placed = False

    def put_in_place() -> None:
        nonlocal placed
        os.replace(tmp, path)
        placed = True
        _sync_directory(path.parent)

    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        yield put_in_place
    finally:
        if not placed:
            tmp.unlink(missing_ok=True)


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files of `path` that an interrupted write left behind (each may hold a
    full copy of what was being written)."""
    prefix = _prefix(path)
    return sorted(
        found
        for found in path.parent.iterdir()
        if found.name.startswith(prefix)
        and found.name.endswith(_SUFFIX)
        and len(found.name) > len(prefix) + len(_SUFFIX)
    )


def remove_leftover_temporaries(path: Path) -> int:
    """Remove what interrupted writes of `path` left behind; how many there were.

    Only the writer of `path` knows these hidden files are copies of its content: an
    export's may hold personal data nobody can see was written, so the next export to the
    same file clears them away."""
    leftovers = leftover_temporaries(path)
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    return len(leftovers)


def _prefix(path: Path) -> str:
    return f".{path.name}."


def _sync_directory(directory: Path) -> None:
    # Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if os.name == "nt":
        return
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError as exc:
        # The rename has happened: a caller must not be told the file was not written.
        log.debug("directory could not be opened for fsync (%s)", type(exc).__name__)
        return
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        # Some filesystems refuse fsync on directories; the rename has still happened.
        log.debug("directory fsync not supported here (%s)", type(exc).__name__)
    finally:
        os.close(dir_fd)
