"""Where IT puts the machine policy on each platform.

Machine-wide locations that only administrators can write, so a user cannot loosen
policy by editing a file in their own profile, nor (in an installed copy) by naming
another file in `RHI_DESKTOP_POLICY`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

log = logging.getLogger(__name__)

POLICY_ENV_VAR = "RHI_DESKTOP_POLICY"
POLICY_FILE_NAME = "policy.toml"
_WINDOWS_PROGRAM_DATA = r"C:\ProgramData"


def platform_policy_path(platform: str, environ: Mapping[str, str]) -> PurePath:
    """The standard policy location for `platform` (a `sys.platform` value)."""
    if platform == "win32":
        program_data = environ.get("ProgramData") or environ.get("PROGRAMDATA")
        base = program_data or _WINDOWS_PROGRAM_DATA
        return PureWindowsPath(base, "RHI Desktop", POLICY_FILE_NAME)
    if platform == "darwin":
        return PurePosixPath("/Library/Application Support/RHI Desktop", POLICY_FILE_NAME)
    return PurePosixPath("/etc/rhi-desktop", POLICY_FILE_NAME)


def policy_path(environ: Mapping[str, str] | None = None) -> Path:
    """The policy file this process reads (see `chosen_policy_path`)."""
    env = os.environ if environ is None else environ
    return chosen_policy_path(
        env.get(POLICY_ENV_VAR, ""),
        Path(platform_policy_path(sys.platform, env)),
        installed=bool(getattr(sys, "frozen", False)),
    )


def chosen_policy_path(override: str, machine: Path, *, installed: bool) -> Path:
    """`RHI_DESKTOP_POLICY` (`override`) if set, else the platform's file (`machine`).

    The variable is for testing. An installed copy (the frozen bundle) follows it only
    where IT has put no policy at the platform location: where they have, setting a
    variable must not let a user swap it for a policy of their own.
    """
    named = override.strip()
    if not named:
        return machine
    if installed and machine.exists():
        log.warning("%s is set but ignored: IT's machine policy applies", POLICY_ENV_VAR)
        return machine
    return Path(named)
