"""The real central service on loopback over real TLS, in a thread of the test process,
with a switch that makes it misbehave on purpose.

The fault switch is an ASGI middleware in front of the unmodified app. Each fault affects
the next N sync requests (push or pull), optionally after letting some through, and then
the service is well again:

- `error_500`:       answer 500 without touching the database;
- `apply_then_500`:  let the service apply the request, then answer 500 instead;
- `apply_then_hold`: let the service apply it, then hold the answer until released
                     (or the holding limit passes): a client with a short read timeout
                     gives up first;
- `malformed`:       answer 200 with a body that is not the protocol.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import Engine, func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rhi_desktop.domain.deadlines import utc_now
from sync import protocol
from sync.protocol import Role
from sync.server import admin, schema
from sync.server.app import create_app
from sync.server.db import open_engine
from sync.server.migrations import migrate
from tests.sync.client.certificates import (
    Authority,
    ServerFiles,
    issue_server_files,
    make_authority,
)

SYNC_PATHS = (protocol.PUSH_PATH, protocol.PULL_PATH)
HOLD_LIMIT_SECONDS = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Faults:
    mode: str = "none"
    remaining: int = 0
    spared: int = 0  # sync requests still to let through before the fault starts
    seen: int = 0  # sync requests that were hit by a fault
    holding: int = 0  # answers being held now
    hold_began: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def inject(self, mode: str, times: int = 1, after: int = 0) -> None:
        with self.lock:
            self.mode, self.remaining, self.spared, self.seen = mode, times, after, 0
            self.release.clear()
            self.hold_began.clear()

    def clear(self) -> None:
        with self.lock:
            self.mode, self.remaining, self.spared = "none", 0, 0
        self.release.set()

    def take(self, path: str) -> str:
        with self.lock:
            if path not in SYNC_PATHS or self.remaining <= 0:
                return "none"
            if self.spared > 0:
                self.spared -= 1
                return "none"
            self.remaining -= 1
            self.seen += 1
            return self.mode


class FaultSwitch:
    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        mode = self.faults.take(scope["path"]) if scope["type"] == "http" else "none"
        if mode == "none":
            await self.app(scope, receive, send)
            return
        if mode == "error_500":
            await _answer(send, 500, _internal_error())
            return
        if mode == "malformed":
            await _answer(send, 200, b'{"results": "not what the protocol says"}')
            return
        held: list[Message] = []

        async def keep(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, keep)
        if mode == "apply_then_500":
            await _answer(send, 500, _internal_error())
            return
        with self.faults.lock:
            self.faults.holding += 1
        self.faults.hold_began.set()
        try:
            await asyncio.get_running_loop().run_in_executor(
                None, self.faults.release.wait, HOLD_LIMIT_SECONDS
            )
        finally:
            with self.faults.lock:
                self.faults.holding -= 1
        for message in held:
            await send(message)


def _internal_error() -> bytes:
    body = {"code": "internal_error", "message": "The service failed.", "wipe": False}
    return json.dumps(body).encode()


async def _answer(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class ServiceClock:
    """The service's clock: the real time, moved on by hand when a test needs days to pass."""

    def __init__(self) -> None:
        self.ahead = timedelta(0)

    def __call__(self) -> datetime:
        return utc_now() + self.ahead


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


@dataclass
class LiveCentral:
    engine: Engine
    authority: Authority
    server_files: ServerFiles
    port: int
    faults: Faults
    clock: ServiceClock = field(default_factory=ServiceClock)

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}"

    @property
    def ca_pem(self) -> str:
        return self.authority.pem

    def add_user(self, role: Role, team: str = "North team", prefix: str = "user") -> str:
        """A new user with a unique name; returns the username."""
        username = f"{prefix}-{uuid.uuid4().hex[:10]}"
        admin.add_user(self.engine, username, role, team, utc_now)
        return username

    def code_for(self, username: str) -> str:
        return admin.issue_enrolment_code(self.engine, username, self.clock)

    def changes_by_device(self, device_id: str) -> int:
        c = schema.changes
        with self.engine.connect() as conn:
            found = conn.execute(
                select(func.count()).select_from(c).where(c.c.device_id == device_id)
            ).scalar_one()
        return int(found)

    def entity(self, kind: str, entity_id: str) -> Any:
        e = schema.entities
        with self.engine.connect() as conn:
            return conn.execute(
                select(e.c.version, e.c.payload).where(
                    e.c.entity == kind, e.c.entity_id == entity_id
                )
            ).one_or_none()

    def feed_rows(self, kind: str, entity_id: str) -> list[Any]:
        c = schema.changes
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(c.c.change_id, c.c.version, c.c.device_id)
                    .where(c.c.entity == kind, c.c.entity_id == entity_id)
                    .order_by(c.c.seq)
                ).all()
            )


class RunningCentral:
    """Starts the service in a daemon thread; `stop()` shuts it down cleanly."""

    def __init__(self, directory: Path, authority: Authority, server_files: ServerFiles) -> None:
        self.engine = open_engine(f"sqlite:///{directory / 'central.db'}")
        migrate(self.engine, utc_now)
        self.faults = Faults()
        self.clock = ServiceClock()
        port = free_port()
        config = uvicorn.Config(
            FaultSwitch(create_app(self.engine, self.clock), self.faults),
            host="127.0.0.1",
            port=port,
            ssl_certfile=str(server_files.cert),
            ssl_keyfile=str(server_files.key),
            log_config=None,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        self._server = _Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        if not self._server.ready.wait(30):
            raise RuntimeError("the test central service did not start")
        self.live = LiveCentral(self.engine, authority, server_files, port, self.faults, self.clock)

    def stop(self) -> None:
        self.faults.clear()
        self._server.should_exit = True
        self._thread.join(30)
        self.engine.dispose()


@contextmanager
def central_in(directory: Path, authority: Authority | None = None) -> Iterator[LiveCentral]:
    """The real service over TLS (a CA made here unless given) for as long as the block runs."""
    authority = authority or make_authority()
    running = RunningCentral(
        directory, authority, issue_server_files(authority, directory / "tls", "localhost")
    )
    try:
        yield running.live
    finally:
        running.stop()
