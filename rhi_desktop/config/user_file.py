"""The user's own settings file in their profile, below machine policy."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rhi_desktop.config.errors import SettingsError
from rhi_desktop.config.keys import parse_table
from rhi_desktop.config.toml_file import read_table, write_table_atomically

_HEADER = (
    "RHI Desktop user settings, written by the app.\n"
    "Machine policy (policy.toml, set by IT) overrides anything here."
)


def load_user_values(path: Path) -> dict[str, object]:
    """Validated user values; empty when the file does not exist yet.

    Raises SettingsError naming the file and every problem in it.
    """
    table = read_table(path, SettingsError)
    if table is None:
        return {}
    values, problems = parse_table(table, path.parent, user_file=True)
    if problems:
        raise SettingsError(path, problems)
    return values


def save_user_values(path: Path, values: Mapping[str, str | int]) -> None:
    """Write the whole file atomically, keys in a stable order."""
    write_table_atomically(path, dict(sorted(values.items())), _HEADER)
