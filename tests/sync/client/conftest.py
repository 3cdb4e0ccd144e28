"""One live central service (real TLS on loopback, a CA made for the run) shared by the
sync client tests; each test enrols its own new users and devices on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from rhi_desktop.store import Store
from tests.sync.client.certificates import Authority, make_authority
from tests.sync.client.live_central import LiveCentral, central_in


@pytest.fixture(scope="session")
def authority() -> Authority:
    return make_authority()


@pytest.fixture(scope="session")
def central(
    tmp_path_factory: pytest.TempPathFactory, authority: Authority
) -> Iterator[LiveCentral]:
    with central_in(tmp_path_factory.mktemp("central"), authority) as live:
        yield live


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real encrypted store of this device's own, for applying pulled records to."""
    opened = Store.create(tmp_path / "rhi.db", os.urandom(32))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _well_behaved(central: LiveCentral) -> Iterator[None]:
    """Whatever a test switched on, the next test starts with a healthy service."""
    yield
    central.faults.clear()
    central.clock.ahead = timedelta(0)
