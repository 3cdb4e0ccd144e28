"""Sync benchmarks, against `rhi-central serve` processes over TLS on loopback.

sync.push_1000: 1,000 completed interviews (each with its child and episodes, realistic
answers) pushed from an encrypted store through the sync engine, against the very same
request bodies posted with a bare `requests.Session` to a second, equally fresh service.
Only the push is timed (the engine's pull of its own changes afterwards is not). Goal:
ratio <= 1.5; interviews/s is reported too.

central.concurrent_devices: 50 simulated devices each pushing 20 completed interviews at
once (one request each, as the engine batches them), on PostgreSQL and on embedded
SQLite: interviews accepted per second (reported, and as milliseconds per interview with
the goal <= 2.5, i.e. >= 400/s on PostgreSQL) and p95 request latency, timed from the
common start to the last answer. Every device then replays its batch, as after a lost
answer (not timed). Errors (a non-200 answer, a change not applied, a replay not
answered `duplicate`) and duplicates (an interview stored or fed twice) must be zero: the
benchmark raises if either is not, since a zero cannot be a ratio.
"""

from __future__ import annotations

import dataclasses
import os
import random
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select

from rhi_desktop import __version__
from rhi_desktop.demo import add_worked_through, generate
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.store import Enrolment, Store
from sync.client import CentralClient
from sync.engine import SyncEngine
from sync.protocol import (
    PUSH_PATH,
    AuditHead,
    Change,
    EnrolmentRequest,
    EntityKind,
    PushRequest,
    PushResponse,
    Role,
    bearer,
)
from sync.server import admin, schema
from sync.server.db import open_engine
from sync.server.migrations import migrate
from sync.transport import Timeouts, TlsSettings, Transport
from tests.benchmarks.answers import realistic_answers
from tests.benchmarks.harness import BenchResult
from tests.sync.client.certificates import (
    Authority,
    ServerFiles,
    issue_server_files,
    make_authority,
)
from tests.sync.client.live_central import free_port
from tests.sync.server.cli_process import RunningServer
from tests.sync.server.throwaway_postgres import start_cluster

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TIMEOUTS = Timeouts(connect_seconds=10.0, read_seconds=120.0)
PUSH_BATCH = 100
DEVICES = 50
PER_DEVICE = 20
DEVICE_BATCH = 20


@dataclasses.dataclass
class Service:
    url: str
    db: str
    authority: Authority

    def enrolled_client(self, session: requests.Session | None = None) -> tuple[CentralClient, Any]:
        engine = open_engine(self.db)
        try:
            username = f"bench-{uuid.uuid4().hex[:10]}"
            admin.add_user(engine, username, Role.INTERVIEWER, "Bench team", utc_now)
            code = admin.issue_enrolment_code(engine, username, utc_now)
        finally:
            engine.dispose()
        transport = Transport(self.url, TlsSettings(ca_pem=self.authority.pem), TIMEOUTS, session)
        client = CentralClient(transport)
        enrolled = client.enrol(
            EnrolmentRequest(code=code, device_name="bench", app_version=__version__)
        )
        client.token = enrolled.device_token
        return client, enrolled


@contextmanager
def running_service(db: str, directory: Path, authority: Authority) -> Iterator[Service]:
    files: ServerFiles = issue_server_files(authority, directory / "tls", "localhost")
    engine = open_engine(db)
    migrate(engine, utc_now)
    engine.dispose()
    port = free_port()
    server = RunningServer(
        "--db", db, "--host", "127.0.0.1", "--port", str(port),
        "--tls-cert", str(files.cert), "--tls-key", str(files.key),
    )  # fmt: skip
    try:
        server.wait_for("Uvicorn running on")
        yield Service(f"https://localhost:{port}", db, authority)
    finally:
        server.stop()


# -- sync.push_1000 ---------------------------------------------------------------------------


class RecordingSession(requests.Session):
    """Keeps every push body the engine sends, to replay them through a bare session."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[bytes] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if request.url is not None and request.url.endswith(PUSH_PATH):
            assert isinstance(request.body, bytes)
            self.bodies.append(request.body)
        return super().send(request, **kwargs)


def _completed_caseload(store: Store, interviews: int) -> None:
    cases = list(generate(interviews, interviewer_id="bench", now=NOW, answers=realistic_answers))
    for start in range(0, len(cases), 100):
        batch = cases[start : start + 100]
        with store.transaction("bench") as tx:
            tx.children.add_many([c.child for c in batch])
            tx.episodes.add_many([e for c in batch for e in c.episodes])
            for interview in (i for c in batch for i in c.interviews):
                # Signed off, each step recorded as the laptop records it.
                signed_off = dataclasses.replace(interview, state=InterviewState.COMPLETED)
                add_worked_through(tx, signed_off)


def _engine_push(service: Service, directory: Path, interviews: int) -> tuple[float, list[bytes]]:
    store = Store.create(directory / "device.db", os.urandom(32))
    session = RecordingSession()
    client, enrolled = service.enrolled_client(session)
    with store.transaction("bench") as tx:
        tx.sync_state.set_enrolment(
            Enrolment(
                server_url=service.url,
                device_id=str(enrolled.device_id),
                user_id=str(enrolled.user_id),
                role=enrolled.role.value,
                team=enrolled.team,
                enrolled_at=enrolled.server_time,
            )
        )
    _completed_caseload(store, interviews)
    marks: dict[str, float] = {}

    def note(step: str) -> None:
        marks.setdefault(step, time.perf_counter())

    engine = SyncEngine(
        store, str(enrolled.user_id), client, on_revoked=_unexpected, batch_size=PUSH_BATCH,
        observer=note, retention_days=None,
    )  # fmt: skip
    start = time.perf_counter()
    report = engine.run()
    if report.problem is not None or store.outbox.counts() != (0, 0):
        raise RuntimeError(f"the engine did not push everything: {report.summary()}")
    client.transport.close()
    store.close()
    return marks["pull.before_fetch"] - start, session.bodies


def _bare_push(service: Service, bodies: list[bytes], ca_file: Path) -> float:
    client, _ = service.enrolled_client()
    token = client.token
    client.transport.close()
    assert token is not None
    headers = {**bearer(token), "Content-Type": "application/json"}
    with requests.Session() as session:
        start = time.perf_counter()
        for body in bodies:
            response = session.post(
                service.url + PUSH_PATH,
                data=body,
                headers=headers,
                timeout=(10, 120),
                verify=str(ca_file),
            )
            if response.status_code != 200:
                raise RuntimeError(f"the bare replay got HTTP {response.status_code}")
        return time.perf_counter() - start


def _unexpected() -> None:
    raise RuntimeError("the benchmark device was revoked")


def push_1000(scale: float, authority: Authority) -> list[BenchResult]:
    interviews = max(20, int(1000 * scale))
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        ca_file = directory / "ca.pem"
        ca_file.write_text(authority.pem)
        with running_service(
            f"sqlite:///{directory / 'engine.db'}", directory / "a", authority
        ) as service:
            engine_seconds, bodies = _engine_push(service, directory, interviews)
        with running_service(
            f"sqlite:///{directory / 'bare.db'}", directory / "b", authority
        ) as service:
            bare_seconds = _bare_push(service, bodies, ca_file)
    return [
        BenchResult.compare("sync.push_1000", engine_seconds, bare_seconds, "s", goal=1.5),
        BenchResult.report(
            "sync.push_1000.interviews_per_s", interviews / engine_seconds, "interviews/s"
        ),
    ]


# -- central.concurrent_devices ---------------------------------------------------------------


@dataclasses.dataclass
class SimulatedDevice:
    token: str
    bodies: list[bytes]
    interview_ids: list[str]
    latencies: list[float] = dataclasses.field(default_factory=list)
    errors: int = 0
    finished: float = 0.0


@dataclasses.dataclass
class Steps:
    """All devices start pushing together; all replay once every push has been answered."""

    go: threading.Barrier
    pushed: threading.Barrier
    replay: threading.Event = dataclasses.field(default_factory=threading.Event)


def _device_bodies(
    rng: random.Random, device_id: str, interviews: int
) -> tuple[list[bytes], list[str]]:
    ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(interviews)]
    bodies: list[bytes] = []
    for n, start in enumerate(range(0, interviews, DEVICE_BATCH), start=1):
        changes = [
            Change(
                change_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                entity=EntityKind.INTERVIEW,
                entity_id=interview_id,
                base_version=0,
                payload={
                    "id": interview_id,
                    "state": "assigned",  # a new case starts assigned, as the service requires
                    "returned_at": (NOW - timedelta(hours=30)).isoformat(),
                    "answers": realistic_answers(rng),
                },
                made_at=NOW,
            )
            for interview_id in ids[start : start + DEVICE_BATCH]
        ]
        head = AuditHead(seq=n, mac=f"{device_id.replace('-', '')}{n:08x}"[:64].ljust(16, "0"))
        bodies.append(PushRequest(changes=changes, audit_head=head).model_dump_json().encode())
    return bodies, ids


def _push_all(device: SimulatedDevice, url: str, ca_file: Path, steps: Steps) -> None:
    """Push every batch once all devices are ready (timed), then, once every device has
    finished, replay the last batch as after a lost answer (not timed)."""
    headers = {**bearer(device.token), "Content-Type": "application/json"}
    post: dict[str, Any] = {"headers": headers, "timeout": (10, 120), "verify": str(ca_file)}
    with requests.Session() as session:
        steps.go.wait()
        for body in device.bodies:
            started = time.perf_counter()
            response = session.post(url + PUSH_PATH, data=body, **post)
            device.finished = time.perf_counter()
            device.latencies.append(device.finished - started)
            device.errors += _not_applied(response, "applied")
        steps.pushed.wait()
        steps.replay.wait()
        again = session.post(url + PUSH_PATH, data=device.bodies[-1], **post)
        device.errors += _not_applied(again, "duplicate")


def _not_applied(response: requests.Response, expected: str) -> int:
    if response.status_code != 200:
        return 1
    results = PushResponse.model_validate_json(response.content).results
    return sum(result.status != expected for result in results)


def _duplicates(db: str, devices: list[SimulatedDevice]) -> int:
    ids = [i for d in devices for i in d.interview_ids]
    engine = open_engine(db)
    try:
        with engine.connect() as conn:
            stored = conn.execute(
                select(func.count())
                .select_from(schema.entities)
                .where(schema.entities.c.entity_id.in_(ids))
            ).scalar_one()
            fed = conn.execute(
                select(func.count())
                .select_from(schema.changes)
                .where(schema.changes.c.entity_id.in_(ids))
            ).scalar_one()
    finally:
        engine.dispose()
    return (int(stored) - len(ids)) + (int(fed) - len(ids))


def concurrent_devices(
    scale: float, authority: Authority, backend: str, db: str
) -> list[BenchResult]:
    count = max(2, int(DEVICES * scale))
    per_device = max(DEVICE_BATCH, int(PER_DEVICE * scale))
    rng = random.Random(2018)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        ca_file = directory / "ca.pem"
        ca_file.write_text(authority.pem)
        with running_service(db, directory, authority) as service:
            devices: list[SimulatedDevice] = []
            for _ in range(count):
                client, enrolled = service.enrolled_client()
                client.transport.close()
                assert client.token is not None
                bodies, ids = _device_bodies(rng, str(enrolled.device_id), per_device)
                devices.append(SimulatedDevice(client.token, bodies, ids))
            steps = Steps(threading.Barrier(count + 1), threading.Barrier(count + 1))
            threads = [
                threading.Thread(target=_push_all, args=(d, service.url, ca_file, steps))
                for d in devices
            ]
            for thread in threads:
                thread.start()
            steps.go.wait()
            start = time.perf_counter()
            steps.pushed.wait()
            wall = max(d.finished for d in devices) - start
            steps.replay.set()
            for thread in threads:
                thread.join()
        errors = sum(d.errors for d in devices)
        duplicates = _duplicates(db, devices)
    print(f"central.concurrent_devices.{backend}: errors {errors}, duplicates {duplicates}")
    if errors or duplicates:
        raise RuntimeError(
            f"central.concurrent_devices on {backend}: {errors} errors, {duplicates} duplicates"
        )
    accepted = count * per_device
    latencies = sorted(x for d in devices for x in d.latencies)
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    name = f"central.concurrent_devices.{backend}"
    return [
        BenchResult.report(f"{name}.interviews_per_s", accepted / wall, "interviews/s"),
        BenchResult.report(
            f"{name}.ms_per_interview",
            wall * 1000 / accepted,
            "ms",
            goal=2.5 if backend == "postgresql" else None,
        ),
        BenchResult.report(f"{name}.p95_latency_ms", p95 * 1000, "ms"),
    ]


def run(scale: float) -> list[BenchResult]:
    authority = make_authority("RHI benchmark CA")
    results = push_1000(scale, authority)
    cluster = start_cluster()
    try:
        postgres = cluster.create_database()
        results += concurrent_devices(scale, authority, "postgresql", postgres)
        cluster.drop_database(postgres)
    finally:
        cluster.stop()
    with tempfile.TemporaryDirectory() as tmp:
        results += concurrent_devices(
            scale, authority, "sqlite", f"sqlite:///{Path(tmp) / 'central.db'}"
        )
    return results


def _main() -> None:  # pragma: no cover - `python -m tests.benchmarks.bench_sync [scale]`
    import sys

    from tests.benchmarks.harness import describe

    for result in run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0):
        print(describe(result))


if __name__ == "__main__":  # pragma: no cover
    _main()
