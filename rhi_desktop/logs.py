"""Where the app's log goes and how records are written.

Log calls carry ids, counts, states and file names only: never names, dates of birth,
answers, keys or tokens, and never an exception's message formatted into the text. That
rule is kept at the call site, because no filter can recognise personal data reliably.
One defence is added here: exceptions from pydantic validation quote the input they
rejected, so when a traceback is logged their messages are withheld and only the
exception type and the stack are written.

The log lives in the per-user log directory, readable by the user only, rotated at about
1 MB with five old files kept, with UTC timestamps so entries line up with the server's.
"""

from __future__ import annotations

import io
import logging
import os
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from rhi_desktop.profile import APP_AUTHOR, APP_NAME

LOG_FILE_NAME = "rhi-desktop.log"
HANDLER_NAME = "rhi-desktop-file"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
WITHHELD = "<message withheld: it may quote rejected input>"
# Top-level packages whose exception messages quote the input they rejected.
_INPUT_QUOTING_PACKAGES = frozenset({"pydantic", "pydantic_core"})
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def configure_logging(
    level: str | int = "INFO",
    log_dir: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path:
    """Send the app's log records at `level` and above to a rotating file; return its path.

    Calling it again (e.g. after the log level setting changes) replaces the previous
    file handler rather than adding a second one.
    """
    numeric = _level_number(level)
    directory = default_log_dir() if log_dir is None else log_dir
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / LOG_FILE_NAME
    handler = _PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.set_name(HANDLER_NAME)
    handler.setLevel(numeric)
    handler.setFormatter(LogFormatter())
    stop_file_logging()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(numeric)
    return path


def stop_file_logging() -> None:
    """Detach and close the file handler `configure_logging` installed, if any."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()


def _level_number(level: str | int) -> int:
    if isinstance(level, int) and not isinstance(level, bool):
        return level
    if isinstance(level, str) and level.upper() in LEVELS:
        return logging.getLevelNamesMapping()[level.upper()]
    raise ValueError(f"unknown log level {level!r}; expected one of {', '.join(LEVELS)}")


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Each log file, including every rotated one, is readable by its owner only."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


class LogFormatter(logging.Formatter):
    """Standard fields, UTC ISO-8601 times, and tracebacks without input-quoting messages."""

    def __init__(self) -> None:
        super().__init__(
            fmt="%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s: %(message)s",
            datefmt="%Y-%m-%dT%H:%M:%S",
        )
        self.converter = time.gmtime

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may already have cached its own traceback text on the record,
        # messages and all; always render ours, and leave theirs as it was.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        exc = ei[1]
        if exc is None:
            return ""
        return "".join(_format_chain(exc)).rstrip("\n")


def _format_chain(exc: BaseException) -> list[str]:
    """Like the interpreter's traceback, innermost cause first, with messages screened."""
    chain = [exc]
    links: list[str] = []  # links[i] joins chain[i + 1] (earlier) to chain[i] (later)
    current = exc
    while True:
        if current.__cause__ is not None:
            earlier, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            earlier, link = current.__context__, _CONTEXT
        else:
            break
        if any(earlier is seen for seen in chain):
            break
        chain.append(earlier)
        links.append(link)
        current = earlier
    lines: list[str] = []
    for index in range(len(chain) - 1, -1, -1):
        item = chain[index]
        if item.__traceback__ is not None:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(item.__traceback__))
        lines.append(_describe(item) + "\n")
        if index > 0:
            lines.append(links[index - 1])
    return lines


def _describe(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    name = kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"
    if module.split(".")[0] in _INPUT_QUOTING_PACKAGES:
        return f"{name}: {WITHHELD}"
    try:
        message = str(exc)
    except Exception:
        message = "<message could not be shown>"
    return f"{name}: {message}" if message else name
