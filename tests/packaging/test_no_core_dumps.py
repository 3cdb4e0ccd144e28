"""The `rhi-desktop` entry point turns core dumps off before it reads any passphrase: a
dump of an unlocked process would hold the passphrase and the data key in the clear."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.packaging.processes import app_env, run

# Runs the real entry point (`--version` returns before any profile is touched), then
# reports what the process it ran in allows.
PROBE = """
import ctypes, ctypes.util, json, resource
from ui.app import main
try:
    main(["--version"])
except SystemExit:
    pass
libc = ctypes.CDLL(ctypes.util.find_library("c"))
print(json.dumps({
    "core_limit": resource.getrlimit(resource.RLIMIT_CORE),
    "dumpable": libc.prctl(3, 0, 0, 0, 0),  # PR_GET_DUMPABLE
}))
"""


def test_the_app_process_can_write_no_core_file_and_is_not_dumpable(tmp_path: Path) -> None:
    done = run([sys.executable, "-c", PROBE], app_env(tmp_path / "home"))

    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"core_limit": [0, 0], "dumpable": 0}
