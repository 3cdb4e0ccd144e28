"""Where IT puts the machine policy on each platform.

Machine-wide locations that only administrators can write, so a user cannot loosen
policy by editing a file in their own profile.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

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
    """The policy file this process reads: `RHI_DESKTOP_POLICY` if set, else the platform's."""
    env = os.environ if environ is None else environ
    override = env.get(POLICY_ENV_VAR, "").strip()
    if override:
        return Path(override)
    return Path(platform_policy_path(sys.platform, env))
