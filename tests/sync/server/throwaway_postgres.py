"""A PostgreSQL 15 cluster started for the test session and removed after it.

The server binaries are installed on the project's machines but no server runs, so the
tests start their own: initdb and pg_ctl as the `postgres` user when we are root, in a
temporary directory under /tmp (pytest's own temp dirs are private to root), listening on
a free loopback port with its socket in the same directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

PG_BIN = Path(os.environ.get("RHI_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresUnavailable(RuntimeError):
    pass


@dataclass
class PostgresCluster:
    base: Path
    port: int
    as_postgres: list[str]

    @property
    def data(self) -> Path:
        return self.base / "data"

    def admin_dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def create_database(self) -> str:
        """A fresh empty database; returns its SQLAlchemy URL."""
        name = f"rhi_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_postgres, str(PG_BIN / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise PostgresUnavailable(
                f"{tool} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}"
            )


def start_cluster() -> PostgresCluster:
    if not (PG_BIN / "initdb").exists():
        raise PostgresUnavailable(
            f"PostgreSQL 15 server binaries were not found in {PG_BIN}. Install the "
            "postgresql-15 package (the server tests run against a real PostgreSQL)."
        )
    as_postgres: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="rhi-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("runuser is needed to run PostgreSQL as `postgres`.")
        try:
            shutil.chown(base, user="postgres", group="postgres")
        except LookupError as exc:
            shutil.rmtree(base, ignore_errors=True)
            raise PostgresUnavailable(
                "There is no `postgres` system user to run the test cluster as."
            ) from exc
        as_postgres = ["runuser", "-u", "postgres", "--"]
    cluster = PostgresCluster(base=base, port=_free_port(), as_postgres=as_postgres)
    options = " ".join(
        [
            f"-p {cluster.port}",
            f"-k {base}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=100",
        ]
    )
    try:
        cluster._run(
            "initdb", "-D", str(cluster.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync", "--no-instructions",
        )  # fmt: skip
        cluster._run(
            "pg_ctl", "-D", str(cluster.data), "-l", str(base / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    return cluster


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
