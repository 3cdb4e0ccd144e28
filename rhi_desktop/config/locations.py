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


def platform_policy_path(platform: str, program_data: str | None = None) -> PurePath:
    """The standard policy location for `platform` (a `sys.platform` value); on Windows
    in `program_data`, by default the machine's ProgramData folder."""
    if platform == "win32":
        base = program_data or windows_program_data()
        return PureWindowsPath(base, "RHI Desktop", POLICY_FILE_NAME)
    if platform == "darwin":
        return PurePosixPath("/Library/Application Support/RHI Desktop", POLICY_FILE_NAME)
    return PurePosixPath("/etc/rhi-desktop", POLICY_FILE_NAME)


def windows_program_data() -> str:
    """The machine's ProgramData folder, as Windows itself knows it. Never from the
    environment variable of that name: a user may set it for their own programs, and so
    name a policy of their own in place of IT's."""
    if sys.platform == "win32":
        found = _known_folder(_FOLDERID_PROGRAM_DATA)
        if found:
            return found
        log.warning("Windows did not give the ProgramData folder; using the usual one")
    return _WINDOWS_PROGRAM_DATA


_FOLDERID_PROGRAM_DATA = "{62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}"


def _known_folder(folder_id: str) -> str | None:
    """SHGetKnownFolderPath, which reads the folder from the system, not the user."""
    if sys.platform != "win32":
        return None
    import ctypes
    import uuid
    from ctypes import wintypes

    class _Guid(ctypes.Structure):
        _fields_ = [
            ("data1", wintypes.DWORD),
            ("data2", wintypes.WORD),
            ("data3", wintypes.WORD),
            ("data4", ctypes.c_ubyte * 8),
        ]

    parts = uuid.UUID(folder_id)
    guid = _Guid(parts.time_low, parts.time_mid, parts.time_hi_version)
    guid.data4[:] = list(parts.bytes[8:])
    found = ctypes.c_wchar_p()
    shell = ctypes.windll.shell32
    if shell.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(found)) != 0:
        return None
    try:
        return found.value
    finally:
        ctypes.windll.ole32.CoTaskMemFree(found)


def policy_path(environ: Mapping[str, str] | None = None) -> Path:
    """The policy file this process reads (see `chosen_policy_path`)."""
    env = os.environ if environ is None else environ
    return chosen_policy_path(
        env.get(POLICY_ENV_VAR, ""),
        Path(platform_policy_path(sys.platform)),
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
