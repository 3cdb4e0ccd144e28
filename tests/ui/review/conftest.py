"""Real profiles for the review screens: one local profile holding submitted interviews,
and (for the round trip) the real central service over TLS with enrolled laptops."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile
from tests.sync.client.certificates import Authority, make_authority
from tests.sync.client.live_central import LiveCentral, central_in
from tests.ui.conftest import PASSPHRASE
from ui.profile_holder import ProfileHolder

COORDINATOR = "coordinator-1"


@pytest.fixture
def holder(paths: ProfilePaths, settings: Settings) -> Iterator[ProfileHolder]:
    """An unlocked profile acting as a coordinator, held as the app holds it."""
    profile = create_profile(paths, PASSPHRASE, settings, None)
    profile.actor = COORDINATOR
    held = ProfileHolder()
    held.hold(profile)
    yield held
    held.close()


@pytest.fixture(scope="session")
def authority() -> Authority:
    return make_authority()


@pytest.fixture(scope="session")
def central(
    tmp_path_factory: pytest.TempPathFactory, authority: Authority
) -> Iterator[LiveCentral]:
    with central_in(tmp_path_factory.mktemp("central"), authority) as live:
        yield live
