"""A crash or power cut while typing loses at most the last two seconds of typing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rhi_desktop.store import Store
from tests.ui.forms.conftest import add_draft
from tests.ui.forms.typing_child import FIELD, SCRIPT

REPO = Path(__file__).resolve().parents[3]
TYPE_FOR_SECONDS = 3.5
AT_MOST_LOST_SECONDS = 2.0


def test_interview_survives_kill_during_typing(tmp_path: Path) -> None:
    dek = os.urandom(32)
    db = tmp_path / "rhi.db"
    with Store.create(db, dek) as store:
        interview_id = add_draft(store)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.forms.typing_child", str(db), interview_id],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    typed_at: dict[int, float] = {}
    try:
        child.stdin.write(dek.hex() + "\n")
        child.stdin.close()
        assert child.stdout.readline().strip() == "ready"
        started: float | None = None
        while True:
            line = child.stdout.readline()
            assert line.startswith("typed "), f"the child stopped early: {line!r}"
            _, count, at = line.split()
            typed_at[int(count)] = float(at)
            started = started or float(at)
            if float(at) - started >= TYPE_FOR_SECONDS:
                break
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    safe = max(n for n, at in typed_at.items() if at <= killed_at - AT_MOST_LOST_SECONDS)
    with Store.open(db, dek) as reopened:
        assert reopened.integrity_check() == ["ok"]
        kept = reopened.interviews.get(interview_id).answers.get(FIELD, "")
    assert SCRIPT.startswith(kept), "what was saved is not what was typed"
    assert len(kept) >= safe, f"typed {safe} keys 2 s before the kill, only {len(kept)} kept"
    assert len(kept) <= max(typed_at)
