"""The service process dies in the middle of a push (SIGKILL, before or after applying it);
the device retries once it is back, and every change is held exactly once."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rhi_desktop.domain.deadlines import utc_now
from sync.engine import SyncOutcome
from sync.server.db import open_engine
from sync.server.migrations import migrate
from tests.sync.client.certificates import Authority, ServerFiles, issue_server_files
from tests.sync.client.devices import new_laptop, record_completed_case
from tests.sync.client.live_central import Faults, LiveCentral, free_port

ROOT = Path(__file__).resolve().parents[3]
READY = "Uvicorn running on"


class ServiceProcess:
    def __init__(self, db: str, port: int, files: ServerFiles, *extra: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "tests.sync.client.dying_central",
                db, str(port), str(files.cert), str(files.key), *extra,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self._wait_until_ready()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)
        self.lines.put(None)

    def _wait_until_ready(self) -> None:
        while True:
            line = self.lines.get(timeout=60)
            if line is None:
                raise AssertionError("the service process exited before it was ready")
            if READY in line:
                return

    @property
    def killed(self) -> bool:
        return self.process.poll() == -9

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.mark.parametrize("phase", ["before", "after"])
def test_service_killed_during_a_push_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, authority: Authority, phase: str
) -> None:
    files = issue_server_files(authority, tmp_path / "tls", "localhost")
    db = f"sqlite:///{tmp_path / 'central.db'}"
    engine = open_engine(db)
    migrate(engine, utc_now)
    port = free_port()
    processes = [ServiceProcess(db, port, files, "--die-on-push", "2", "--phase", phase)]
    try:
        central = LiveCentral(engine, authority, files, port, Faults())
        laptop = new_laptop(central, tmp_path / "laptop")
        interviews = [record_completed_case(laptop, n) for n in range(4)]

        def restart_while_backing_off(seconds: float) -> None:
            """The only failure here is the kill: wait for the process to be gone (the
            client can notice before the kernel has finished it) and start it again."""
            laptop.naps(seconds)
            if len(processes) == 1:
                processes[0].process.wait(timeout=30)
                processes.append(ServiceProcess(db, port, files))

        report = laptop.sync(sleep=restart_while_backing_off, batch_size=6)

        assert processes[0].killed and len(processes) == 2
        assert report.outcome is SyncOutcome.SENT, report.summary()
        # The second batch of six was applied before the kill, or not at all.
        assert report.push.duplicates == (6 if phase == "after" else 0)
        assert report.push.sent == 28  # 4 cases of 6 changes, then 4 submissions
        assert laptop.store.outbox.counts() == (0, 0)
        assert central.changes_by_device(laptop.enrolment.device_id) == 28
        for interview_id in interviews:
            versions = [r.version for r in central.feed_rows("interview", interview_id)]
            assert versions == [1, 2, 3, 4, 5]
        laptop.profile.close()
    finally:
        for process in processes:
            process.stop()
        engine.dispose()
