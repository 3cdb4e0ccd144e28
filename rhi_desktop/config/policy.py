"""The machine policy IT sets: loaded whole and valid, or not at all.

Keys are written flat at the top level of the TOML file (see
resources/policy.example.toml). Relative file paths in the policy are taken relative to
the folder holding the policy file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from rhi_desktop.config.errors import PolicyError
from rhi_desktop.config.keys import parse_table
from rhi_desktop.config.locations import policy_path
from rhi_desktop.config.toml_file import read_table


@dataclass(frozen=True, slots=True)
class MachinePolicy:
    """Validated policy values; `present` is False when no policy file exists."""

    path: Path
    present: bool
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


def load_policy(path: Path | None = None) -> MachinePolicy:
    """Read the policy at `path` (default: the platform location or `RHI_DESKTOP_POLICY`).

    Raises PolicyError listing every problem in the file, one per line.
    """
    path = policy_path() if path is None else path
    table = read_table(path, PolicyError)
    if table is None:
        return MachinePolicy(path, present=False)
    values, problems = parse_table(table, path.parent, user_file=False)
    if problems:
        raise PolicyError(path, problems)
    return MachinePolicy(path, present=True, values=MappingProxyType(values))
