"""The central service on both of its backends: embedded SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sync.server.app import create_app
from sync.server.db import open_engine
from sync.server.migrations import migrate
from tests.sync.server.harness import Central, MutableClock
from tests.sync.server.throwaway_postgres import (
    PostgresCluster,
    PostgresUnavailable,
    start_cluster,
)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL tests cannot run: {exc}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


@pytest.fixture
def engine(db_url: str, clock: MutableClock) -> Iterator[Engine]:
    engine = open_engine(db_url)
    migrate(engine, clock)
    yield engine
    engine.dispose()


@pytest.fixture
def central(engine: Engine, clock: MutableClock) -> Iterator[Central]:
    with TestClient(create_app(engine, clock)) as client:
        yield Central(engine=engine, clock=clock, client=client)
