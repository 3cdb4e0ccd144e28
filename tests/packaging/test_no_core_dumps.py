"""The `rhi-desktop` entry point turns core dumps off before it reads any passphrase: a
dump of an unlocked process would hold the passphrase and the data key in the clear. It
also forgets, before any thread runs, where the environment says to find CAs to trust."""

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


TRUST_PROBE = """
import json, os
from ui.app import main
try:
    main(["--version"])
except SystemExit:
    pass
print(json.dumps({name: os.environ.get(name) for name in ("SSL_CERT_FILE", "SSL_CERT_DIR")}))
"""


def test_the_app_process_forgets_where_the_environment_says_to_find_cas(tmp_path: Path) -> None:
    """Before any thread runs: OpenSSL would read them at every connection, and a CA
    named there would stand in for the central service's."""
    env = {**app_env(tmp_path / "home"), "SSL_CERT_FILE": "/tmp/x.pem", "SSL_CERT_DIR": "/tmp"}
    done = run([sys.executable, "-c", TRUST_PROBE], env)

    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"SSL_CERT_FILE": None, "SSL_CERT_DIR": None}
