"""`make run`: the desktop app on a demo profile of fictional cases, enrolled with a local
central service.

    python -m ui.demo --dir .demo
    python -m ui.demo --dir .demo-coordinator --role coordinator    # a second profile

The central service (`rhi-central`, SQLite, plain HTTP on loopback only) runs as a child
process from a folder (default `.demo/central`, shared by every demo profile): created
and seeded with the demo team the first time, reused later, and stopped when the app
exits (Ctrl+C included). If one is already running for that folder (another demo
profile is open), it is used and left running.

The first run creates the profile (passphrase-only, so no demo secret lands in this
computer's keystore), enrols it as the demo interviewer (or coordinator) with a one-time
code, and fills an interviewer's profile from `rhi_desktop.demo` as that user's work;
the app sends it at its first sync. The demo passphrase is fixed and printed, because
the data is fiction and the point is to let anyone try the app. Without a display it
says how to run under a virtual one.
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import FrameType

from rhi_desktop.config import Settings
from rhi_desktop.demo import DemoCase, add_worked_through, generate
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import OpenProfile, create_profile, open_profile
from rhi_desktop.store import StoreError
from rhi_desktop.vault import VaultError
from sync.client import CentralClient
from sync.device import enrol_device
from sync.errors import SyncError
from sync.transport import Timeouts, Transport
from ui.display import has_display

DEMO_PASSPHRASE = "demo lantern oyster gravel"  # noqa: S105 - fictional data, printed on purpose
DEMO_CHILDREN = 60
DEFAULT_CENTRAL = Path(".demo") / "central"
DEFAULT_PORT = 8766
DEMO_USERS = {"interviewer": "demo-interviewer", "coordinator": "demo-coordinator"}
NO_DISPLAY = (
    "No display found, so the app cannot open a window here; run it under a virtual "
    "display instead: xvfb-run -a make run"
)
START_SECONDS = 30.0
STOP_SECONDS = 15.0
# Only the coordinator decides these; the demo interviewer's own work stops at submitted.
_COORDINATOR_STATES = (InterviewState.RETURNED, InterviewState.APPROVED)


class DemoServiceError(Exception):
    """The local central service could not be prepared or started; says why."""


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _any_free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalCentral:
    """`rhi-central` for the demo: a child process serving one folder's SQLite database."""

    def __init__(self, folder: Path, *, port: int = DEFAULT_PORT) -> None:
        self.folder = folder.resolve()
        self.database = self.folder / "central.db"
        self._state = self.folder / "service.json"
        self._log = self.folder / "service.log"
        self._wanted_port = port
        self.port = port
        self.owned = False  # this process started it, so stops it
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _admin(self, *args: str) -> str:
        command = [sys.executable, "-m", "sync.server.cli", *args, "--db", self._db_url()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise DemoServiceError(
                f"`rhi-central {args[0]}` failed: {done.stderr.strip() or done.returncode}"
            )
        return done.stdout.strip()

    def _db_url(self) -> str:
        return f"sqlite:///{self.database}"

    def start(self) -> None:
        """Create and seed the database the first time; serve it unless already served."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.database.exists():
            self._admin("init")
            self._admin("seed-demo")
        recorded = self._recorded_port()
        if recorded is not None and self.answers(recorded):
            self.port, self.owned = recorded, False  # another demo profile's app serves it
            return
        port = recorded or self._wanted_port
        self.port = port if port and _port_free(port) else _any_free_port()
        self._serve()

    def _serve(self) -> None:
        command = [
            sys.executable, "-m", "sync.server.cli", "serve", "--db", self._db_url(),
            "--insecure-loopback", "--port", str(self.port), "--log-level", "WARNING",
        ]  # fmt: skip
        with open(self._log, "ab") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self.owned = True
        deadline = time.monotonic() + START_SECONDS
        while not self.answers(self.port):
            if not self.running or time.monotonic() > deadline:
                self.stop()
                raise DemoServiceError(f"the local central service did not start; see {self._log}")
            time.sleep(0.1)
        self._state.write_text(json.dumps({"port": self.port}), encoding="utf-8")

    def _recorded_port(self) -> int | None:
        try:
            port = json.loads(self._state.read_text(encoding="utf-8"))["port"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return port if isinstance(port, int) and 0 < port < 65536 else None

    @staticmethod
    def answers(port: int) -> bool:
        transport = Transport(f"http://127.0.0.1:{port}", timeouts=Timeouts(1.0, 2.0))
        try:
            CentralClient(transport).health()
        except SyncError:
            return False
        finally:
            transport.close()
        return True

    def enrol_code(self, username: str) -> str:
        return self._admin("enrol-code", "--username", username, "--ttl-hours", "1")

    def stop(self) -> None:
        """Stop the service if this process started it; safe to call more than once."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(STOP_SECONDS)
        self.owned = False


def _sendable(case: DemoCase) -> DemoCase:
    """The case as the interviewer's own work: what only a coordinator decides (returned,
    approved, reviews) is left at submitted, for the demo coordinator to review."""
    interviews = [
        replace(i, state=InterviewState.SUBMITTED) if i.state in _COORDINATOR_STATES else i
        for i in case.interviews
    ]
    return replace(case, interviews=interviews, reviews=[])


def _fill(profile: OpenProfile, children: int, now: datetime, *, enrolled: bool) -> None:
    cases = list(generate(children, interviewer_id=profile.actor, now=now))
    if enrolled:
        cases = [_sendable(c) for c in cases]
    with profile.store.transaction(profile.actor) as tx:
        tx.children.add_many([c.child for c in cases])
        tx.episodes.add_many([e for c in cases for e in c.episodes])
        interviews = [i for c in cases for i in c.interviews]
        if enrolled:
            for interview in interviews:
                add_worked_through(tx, interview)
        else:
            tx.interviews.add_many(interviews)
        tx.offers.add_many([o for c in cases for o in c.offers])
        tx.reviews.add_many([r for c in cases for r in c.reviews])


def prepare(
    directory: Path,
    *,
    children: int = DEMO_CHILDREN,
    now: datetime | None = None,
    service: LocalCentral | None = None,
    role: str = "interviewer",
) -> bool:
    """Make the demo profile in `directory` unless it is already there; True if made.

    With `service`, the profile is enrolled with it (again, if it moved to another
    port) as the demo user for `role`, and an interviewer's demo cases are that user's.
    """
    paths = ProfilePaths(directory)
    made = not paths.vault.exists()
    if not made and service is None:
        return False
    settings = Settings.load(paths)
    if made:
        profile = create_profile(paths, DEMO_PASSPHRASE, settings, None)
    else:
        profile = open_profile(paths, DEMO_PASSPHRASE, settings, None)
    with profile.store as store:
        if service is not None:
            enrolment = store.sync_state.enrolment()
            if enrolment is None or enrolment.server_url != service.url:
                enrol_device(
                    profile,
                    None,
                    settings,
                    server_url=service.url,
                    code=service.enrol_code(DEMO_USERS[role]),
                    device_name=f"Demo {role} laptop",
                )
        if made and role == "interviewer":
            _fill(profile, children, now or utc_now(), enrolled=service is not None)
    return made


def _quit_on_interrupt() -> None:
    """Ctrl+C ends the event loop (and so the app and the service) cleanly."""
    from PySide6.QtCore import QTimer

    from ui.window import application

    app = application()

    def interrupted(_signum: int, _frame: FrameType | None) -> None:
        app.quit()

    signal.signal(signal.SIGINT, interrupted)
    # Python notices signals only when it runs; a light timer gives it the chance.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.demo")
    parser.add_argument("--dir", type=Path, default=Path(".demo"), help="demo profile folder")
    parser.add_argument(
        "--role", choices=sorted(DEMO_USERS), default="interviewer", help="who the profile is"
    )
    parser.add_argument(
        "--central",
        type=Path,
        default=DEFAULT_CENTRAL,
        help="the local central service's folder, shared by every demo profile",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="preferred port")
    parser.add_argument("--children", type=int, default=DEMO_CHILDREN, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    service = LocalCentral(args.central, port=args.port)
    try:
        service.start()
        how = "Started" if service.owned else "Using the already running"
        print(f"{how} local central service at {service.url} (data in {service.folder}).")
        made = prepare(args.dir, children=args.children, service=service, role=args.role)
        where = args.dir.resolve()
        print(f"{'Created' if made else 'Using'} the demo profile in {where} (fictional data),")
        print(f"enrolled as {DEMO_USERS[args.role]}. Demo passphrase: {DEMO_PASSPHRASE}")
        _quit_on_interrupt()
        from ui.window import run_gui

        return run_gui(["--profile", str(args.dir)])
    except (DemoServiceError, SyncError, StoreError, VaultError) as exc:
        print(f"make run: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if service.owned:
            print("Stopping the local central service.")
        service.stop()


if __name__ == "__main__":
    sys.exit(main())
