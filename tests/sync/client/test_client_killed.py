"""The sync client process is SIGKILLed at steps spread across the exchange (before a
push is sent, after its answer arrived, with its answer half-recorded, mid-pull), run
after run, with new work added in between. A final sync then leaves the service holding
every completed interview exactly once and the laptop's outbox empty."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from rhi_desktop import audit
from tests.sync.client.devices import PASSPHRASE, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral

ROOT = Path(__file__).resolve().parents[3]

# (step, occurrence): where each run is killed. Every run adds three completed cases
# (18 changes), pushed five at a time and pulled back seven a page.
KILL_POINTS = [
    ("push.before_send", 1),
    ("push.after_send", 1),
    ("push.before_commit", 1),
    ("push.after_commit", 1),
    ("push.before_send", 2),
    ("push.after_send", 2),
    ("push.before_commit", 2),
    ("push.after_commit", 2),
    ("push.after_send", 3),
    ("push.before_commit", 3),
    ("push.before_send", 4),
    ("push.after_send", 4),
    ("push.before_commit", 4),
    ("pull.before_fetch", 1),
    ("pull.apply", 1),
    ("pull.apply", 4),
    ("pull.before_commit", 1),
    ("pull.after_commit", 1),
    ("pull.apply", 9),
    ("pull.before_commit", 2),
    ("pull.apply", 16),
    ("pull.after_commit", 2),
    ("sync.audited", 1),
    ("push.after_send", 1),
    ("submit.after_commit", 1),
]


def run_client(profile: Path, step: str, occurrence: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.sync.client.kill_client",
            str(profile),
            step,
            str(occurrence),
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def test_client_killed_at_any_step_of_a_sync_loses_nothing_and_duplicates_nothing(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    interviews: list[str] = []
    killed_at: Counter[str] = Counter()
    for run, (step, occurrence) in enumerate(KILL_POINTS):
        interviews += [record_completed_case(laptop, 3 * run + n) for n in range(3)]
        laptop.profile.close()
        done = run_client(laptop.paths.root, step, occurrence)
        assert "Traceback" not in done.stderr, done.stderr
        reached = done.stdout.split()
        if done.returncode == -signal.SIGKILL:
            assert reached[-1] == step
            killed_at[step] += 1
        else:
            assert done.returncode == 0, done.stdout + done.stderr
        laptop.reopen()
        assert laptop.store.integrity_check() == ["ok"]

    assert sum(killed_at.values()) >= 20, killed_at
    assert set(killed_at) >= {
        "push.before_send",
        "push.after_send",
        "push.before_commit",
        "pull.apply",
        "pull.before_commit",
    }

    final = laptop.sync()
    assert final.exit_code == 0, final.summary()
    assert laptop.store.outbox.counts() == (0, 0)
    assert audit.verify(laptop.store).ok
    changes = 7 * len(interviews)  # child, episode, four moves to completed, submitted
    assert central.changes_by_device(laptop.enrolment.device_id) == changes
    for interview_id in interviews:
        rows = central.feed_rows("interview", interview_id)
        assert [r.version for r in rows] == [1, 2, 3, 4, 5], interview_id
        assert central.entity("interview", interview_id).payload["state"] == "submitted"
        assert laptop.store.interviews.get(interview_id).state.value == "submitted"
        assert laptop.store.remote.server_version("interview", interview_id) == 5
    laptop.profile.close()
