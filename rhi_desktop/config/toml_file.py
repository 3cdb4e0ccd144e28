"""Reading configuration TOML strictly, and writing the user's file atomically.

A missing file is normal (defaults apply); a file that exists but cannot be read or
decoded is an error, because silently ignoring it would run the app on settings IT did
not choose.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path

from rhi_desktop.atomic_file import write_atomically
from rhi_desktop.config.errors import ConfigError, Problem


def read_table(path: Path, error: type[ConfigError]) -> dict[str, object] | None:
    """The decoded top-level table, or None when there is no file at `path`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise error(path, [Problem(None, "is a link to a file that does not exist")]) from None
        return None
    except IsADirectoryError:
        raise error(path, [Problem(None, "is a directory, not a file")]) from None
    except PermissionError:
        raise error(path, [Problem(None, "cannot be read: permission denied")]) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise error(path, [Problem(None, f"cannot be read: {reason}")]) from None
    try:
        # utf-8-sig: older Windows Notepad saves UTF-8 with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(path, [Problem(None, "is not UTF-8 text; save it as UTF-8")]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(path, [Problem(None, f"malformed TOML: {exc}")]) from None


def toml_value(value: str | int) -> str:
    """A TOML literal for a plain string or integer (JSON string escapes are valid TOML)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"only strings and integers are written, not {type(value).__name__}")
    return json.dumps(value, ensure_ascii=False)


def write_table_atomically(path: Path, entries: Mapping[str, str | int], header: str) -> None:
    """Replace `path` in one step, so a crash leaves either the old file or the new one."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"{name} = {toml_value(value)}" for name, value in entries.items()]
    content = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomically(path, content)
