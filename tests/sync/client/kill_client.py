"""A sync client process that kills itself (SIGKILL) at a chosen step of the exchange.

Usage: python -m tests.sync.client.kill_client PROFILE STEP OCCURRENCE; the passphrase is
the first line of stdin. It runs the real `rhi-desktop sync` code with small batches and
pages, prints each step of the engine as it is reached, and at the OCCURRENCE-th time it
reaches STEP kills itself, as a power cut or the task manager would.
"""

from __future__ import annotations

import os
import signal
import sys

from sync.cli import build_parser, run_sync

BATCH = 5
PAGE = 7


def main() -> int:
    profile, step, occurrence = sys.argv[1], sys.argv[2], int(sys.argv[3])
    reached = 0

    def observe(name: str) -> None:
        nonlocal reached
        print(name, flush=True)
        if name == step:
            reached += 1
            if reached == occurrence:
                os.kill(os.getpid(), signal.SIGKILL)

    args = build_parser().parse_args(["sync", "--profile", profile, "--passphrase-stdin"])
    return run_sync(
        args,
        sys.stdin,
        sys.stdout,
        observer=observe,
        engine_options={"batch_size": BATCH, "pull_limit": PAGE},
    )


if __name__ == "__main__":
    sys.exit(main())
