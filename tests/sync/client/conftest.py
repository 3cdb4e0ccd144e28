"""One live central service (real TLS on loopback, a CA made for the run) shared by the
sync client tests; each test enrols its own new users and devices on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from tests.sync.client.certificates import Authority, issue_server_files, make_authority
from tests.sync.client.live_central import LiveCentral, RunningCentral


@pytest.fixture(scope="session")
def authority() -> Authority:
    return make_authority()


@pytest.fixture(scope="session")
def central(
    tmp_path_factory: pytest.TempPathFactory, authority: Authority
) -> Iterator[LiveCentral]:
    directory = tmp_path_factory.mktemp("central")
    running = RunningCentral(
        directory, authority, issue_server_files(authority, directory / "tls", "localhost")
    )
    yield running.live
    running.stop()


@pytest.fixture(autouse=True)
def _well_behaved(central: LiveCentral) -> Iterator[None]:
    """Whatever a test switched on, the next test starts with a healthy service."""
    yield
    central.faults.clear()
    central.clock.ahead = timedelta(0)
