"""The catalogue of every setting: its type, default, and who may set it.

This is the only list of settings in the app. Policy files, user settings, the settings
accessor, the diagnose command and the example policy all follow it, so a key is added
in one place.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from rhi_desktop.config import parsers
from rhi_desktop.config.errors import Problem
from rhi_desktop.config.parsers import InvalidValue, LogLevel

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """One setting. `user_settable` keys may be changed by the user unless policy fixes them."""

    name: str
    default: T
    parse: Callable[[object, Path], T]
    user_settable: bool
    summary: str


SERVER_URL: Key[str | None] = Key(
    "server_url", None, parsers.server_url, False, "Base URL of the central service"
)
CA_BUNDLE: Key[Path | None] = Key(
    "ca_bundle",
    None,
    parsers.ca_bundle,
    False,
    "PEM file of CA certificates to trust instead of the OS trust store",
)
SPKI_PIN: Key[str | None] = Key(
    "spki_pin", None, parsers.spki_pin, False, "Base64 SHA-256 of the server's public key"
)
IDLE_LOCK_MINUTES: Key[int] = Key(
    "idle_lock_minutes",
    5,
    parsers.integer(1, 240, "an integer from 1 to 240"),
    True,
    "Minutes without input before the app locks",
)
RETENTION_DAYS: Key[int] = Key(
    "retention_days",
    30,
    parsers.integer(1, 365, "an integer from 1 to 365"),
    False,
    "Days an approved interview stays on the device",
)
MAX_FAILED_UNLOCKS: Key[int] = Key(
    "max_failed_unlocks",
    0,
    parsers.integer(0, None, "an integer of 0 or more (0 = never wipe)"),
    False,
    "Failed unlocks before the device wipes its data (0 = never)",
)
RECOVERY_PUBLIC_KEY: Key[Path | None] = Key(
    "recovery_public_key",
    None,
    parsers.rsa_public_key,
    False,
    "PEM RSA public key the data key is also wrapped to, for IT recovery",
)
POSTCODE_LOOKUP: Key[Path | None] = Key(
    "postcode_lookup",
    None,
    parsers.postcode_lookup,
    False,
    "CSV file of postcode,lat,lon that places exported for the GIS map are placed by",
)
LOG_LEVEL: Key[LogLevel] = Key(
    "log_level", "INFO", parsers.log_level, True, "Least severe log messages written"
)
SYNC_INTERVAL_MINUTES: Key[int] = Key(
    "sync_interval_minutes",
    15,
    parsers.integer(1, 1440, "an integer from 1 to 1440"),
    True,
    "Minutes between background syncs",
)
LANGUAGE: Key[str] = Key(
    "language", "en-GB", parsers.language, True, "Language of the user interface"
)

CATALOGUE: Mapping[str, Key[Any]] = {
    key.name: key
    for key in (
        SERVER_URL,
        CA_BUNDLE,
        SPKI_PIN,
        IDLE_LOCK_MINUTES,
        RETENTION_DAYS,
        MAX_FAILED_UNLOCKS,
        RECOVERY_PUBLIC_KEY,
        POSTCODE_LOOKUP,
        LOG_LEVEL,
        SYNC_INTERVAL_MINUTES,
        LANGUAGE,
    )
}
USER_SETTABLE: frozenset[str] = frozenset(n for n, k in CATALOGUE.items() if k.user_settable)


def unknown_key_problem(name: str) -> Problem:
    """An unknown key, with the likeliest intended key when the spelling is close."""
    close = difflib.get_close_matches(name, list(CATALOGUE), n=1, cutoff=0.6)
    hint = f'; did you mean "{close[0]}"?' if close else f"; known keys: {', '.join(CATALOGUE)}"
    return Problem(name, "unknown key" + hint)


def parse_table(
    table: Mapping[str, object], base_dir: Path, *, user_file: bool
) -> tuple[dict[str, object], list[Problem]]:
    """Check every entry of a decoded file; return the typed values and all problems found.

    A user file may only hold keys users may set: anything else there was not written by
    the app and would silently do nothing, so it is reported instead.
    """
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for name, raw in table.items():
        key = CATALOGUE.get(name)
        if key is None:
            problems.append(unknown_key_problem(name))
            continue
        if user_file and not key.user_settable:
            problems.append(Problem(name, "can only be set by machine policy"))
            continue
        try:
            values[name] = key.parse(raw, base_dir)
        except InvalidValue as exc:
            problems.append(Problem(name, str(exc)))
    return values, problems
