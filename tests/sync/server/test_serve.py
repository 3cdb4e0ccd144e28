"""`rhi-central serve` as a real process: HTTPS with a certificate from a throw-away CA,
and plain HTTP only ever on loopback."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
import requests

from rhi_desktop.domain.deadlines import utc_now
from sync import protocol
from sync.protocol import Role
from sync.server import admin
from sync.server.db import open_engine
from sync.server.migrations import migrate
from tests.sync.server.cli_process import RunningServer, rhi_central
from tests.sync.server.harness import MutableClock
from tests.sync.server.throwaway_ca import make_tls_files

STARTED = "Uvicorn running on"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_with_code(tmp_path: Path) -> tuple[str, str]:
    """An initialised SQLite database with one interviewer; returns (url, enrolment code)."""
    url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = open_engine(url)
    clock = MutableClock()
    migrate(engine, clock)
    admin.add_user(engine, "sam", Role.INTERVIEWER, "North team", clock)
    admin.seed_demo(engine, clock)
    # The served app runs on the real clock, so the code is issued on it too.
    code = admin.issue_enrolment_code(engine, "sam", utc_now)
    engine.dispose()
    return url, code


def _call(method: str, url: str, **kwargs: Any) -> tuple[int, Any]:
    """One request whose connection is closed at once: the server's graceful shutdown
    would otherwise wait for it."""
    with requests.request(method, url, timeout=10, **kwargs) as response:
        return response.status_code, response.json()


def test_laptop_enrols_and_syncs_over_https_verified_against_the_test_ca(
    tmp_path: Path,
) -> None:
    tls = make_tls_files(tmp_path)
    url, code = _database_with_code(tmp_path)
    port = _free_port()
    server = RunningServer(
        "--db", url, "--host", "127.0.0.1", "--port", str(port),
        "--tls-cert", str(tls.server_cert), "--tls-key", str(tls.server_key),
    )  # fmt: skip
    base = f"https://127.0.0.1:{port}"
    ca = str(tls.ca_cert)
    try:
        server.wait_for(STARTED)
        status, health = _call("GET", base + protocol.HEALTH_PATH, verify=ca)
        assert (status, health["status"]) == (200, "ok")
        enrol = {"code": code, "device_name": "Laptop", "app_version": "0.1.0"}
        status, enrolled = _call("POST", base + protocol.ENROL_PATH, json=enrol, verify=ca)
        assert status == 201, enrolled
        token = enrolled["device_token"]
        status, _ = _call(
            "GET",
            base + protocol.PULL_PATH,
            params={"cursor": 0},
            headers=protocol.bearer(token),
            verify=ca,
        )
        assert status == 200
        status, openapi = _call("GET", base + "/openapi.json", verify=ca)
        assert protocol.PUSH_PATH in openapi["paths"]

        with pytest.raises(requests.exceptions.SSLError):
            _call("GET", base + protocol.HEALTH_PATH)  # not the OS trust store
        with pytest.raises(requests.exceptions.ConnectionError):
            _call("GET", f"http://127.0.0.1:{port}{protocol.HEALTH_PATH}")
    finally:
        logged = server.stop()

    requests_logged = [
        json.loads(line) for line in logged.splitlines() if '"event":"request"' in line
    ]
    assert {(r["method"], r["route"], r["status"]) for r in requests_logged} >= {
        ("GET", protocol.HEALTH_PATH, 200),
        ("POST", protocol.ENROL_PATH, 201),
        ("GET", protocol.PULL_PATH, 200),
    }
    assert token.split(".", 1)[1] not in logged
    assert code not in logged
    assert "cursor" not in logged


def test_insecure_loopback_serves_plain_http_on_127_0_0_1(tmp_path: Path) -> None:
    url, _ = _database_with_code(tmp_path)
    port = _free_port()
    server = RunningServer("--db", url, "--insecure-loopback", "--port", str(port))
    try:
        server.wait_for(STARTED)
        status, _ = _call("GET", f"http://127.0.0.1:{port}{protocol.HEALTH_PATH}")
        assert status == 200
    finally:
        server.stop()


NOT_LOOPBACK = ["0.0.0.0", "192.0.2.10", "central.example.org", "::"]  # noqa: S104


@pytest.mark.parametrize("host", NOT_LOOPBACK)
def test_insecure_loopback_refuses_any_other_host(tmp_path: Path, host: str) -> None:
    done = rhi_central(
        "serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--insecure-loopback", "--host", host
    )
    assert done.returncode == 2
    assert "refusing host" in done.stderr
    assert not (tmp_path / "c.db").exists()


def test_serve_without_tls_files_or_loopback_flag_is_a_usage_error(tmp_path: Path) -> None:
    done = rhi_central("serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--host", "127.0.0.1")
    assert done.returncode == 2
    assert "--tls-cert and --tls-key" in done.stderr
