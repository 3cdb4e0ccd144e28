"""Keeping the unlocked key out of crash dumps.

While a profile is unlocked the process holds the passphrase it was given and the data
key; a core dump of it (a native crash in Qt or SQLCipher, or someone asking the system
for one) would write both to disk in the clear. At start-up, before anything is
unlocked, the process asks for no core file at all and, on Linux, marks itself as not
dumpable, which also stops other processes of the same user from attaching to it.

On Windows, whether a crash is dumped is Windows Error Reporting's setting for the
machine; the deployment guide (packaging/README.md) tells IT how to keep the app out of it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """No core file from this process or anything it starts; best effort where the
    system cannot say so (a failure is logged, never fatal)."""
    if sys.platform == "win32":
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        log.warning("could not turn off core dumps (%s)", type(exc).__name__)
    if sys.platform.startswith("linux"):
        _not_dumpable()


def _not_dumpable() -> None:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        log.warning("could not mark the process as not dumpable (no C library found)")
        return
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        log.warning("could not mark the process as not dumpable (errno %d)", ctypes.get_errno())
