"""Enrolling from the first-run wizard reaches the real central service over real TLS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile
from sync.protocol import Role
from tests.sync.client.live_central import LiveCentral, central_in
from ui.sync_bridge import enrol_with_service


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveCentral]:
    with central_in(tmp_path_factory.mktemp("central")) as live:
        yield live


@pytest.fixture
def trusting_policy(tmp_path: Path, central: LiveCentral, monkeypatch: pytest.MonkeyPatch) -> None:
    """Machine policy naming the service's CA bundle, as IT would set it."""
    bundle = tmp_path / "council-ca.pem"
    bundle.write_text(central.ca_pem, encoding="ascii")
    policy = tmp_path / "policy.toml"
    policy.write_text(f'ca_bundle = "{bundle}"\n', encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(policy))


def test_a_good_code_enrols_the_device_and_keeps_its_credentials_encrypted(
    tmp_path: Path, central: LiveCentral, trusting_policy: None
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    profile = create_profile(paths, "lantern oyster gravel", Settings.load(paths), None)
    try:
        name = central.add_user(Role.INTERVIEWER)
        outcome = enrol_with_service(profile, central.url + "/", f" {central.code_for(name)} ")
        assert outcome.ok, outcome.message
        enrolment = profile.store.sync_state.enrolment()
        assert enrolment is not None and enrolment.role == "interviewer"
    finally:
        profile.close()


def test_a_spent_code_is_a_sentence_for_the_person_not_a_crash(
    tmp_path: Path, central: LiveCentral, trusting_policy: None
) -> None:
    name = central.add_user(Role.INTERVIEWER)
    code = central.code_for(name)
    first = ProfilePaths(tmp_path / "first")
    second = ProfilePaths(tmp_path / "second")
    one = create_profile(first, "lantern oyster gravel", Settings.load(first), None)
    two = create_profile(second, "lantern oyster gravel", Settings.load(second), None)
    try:
        assert enrol_with_service(one, central.url, code).ok
        refused = enrol_with_service(two, central.url, code)
        assert not refused.ok
        assert refused.message == (
            "Enrolment was refused: the code has already been used. Ask IT for a new one."
        )
        assert two.store.sync_state.enrolment() is None
    finally:
        one.close()
        two.close()


def test_an_untrusted_service_is_refused_before_the_code_is_sent(
    tmp_path: Path, central: LiveCentral, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No policy CA bundle: the OS trust store does not know the test CA.
    paths = ProfilePaths(tmp_path / "profile")
    profile = create_profile(paths, "lantern oyster gravel", Settings.load(paths), None)
    try:
        name = central.add_user(Role.INTERVIEWER)
        code = central.code_for(name)
        outcome = enrol_with_service(profile, central.url, code)
        assert not outcome.ok
        said, detail = outcome.message.split("\n")
        assert said.startswith("The central service's identity could not be verified")
        assert detail.startswith("Details for IT: ") and "not trusted" in detail
        assert profile.store.sync_state.enrolment() is None
    finally:
        profile.close()
    # The code was never presented, so it still works from a device that trusts the CA.
    bundle = tmp_path / "council-ca.pem"
    bundle.write_text(central.ca_pem, encoding="ascii")
    (tmp_path / "policy.toml").write_text(f'ca_bundle = "{bundle}"\n', encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(tmp_path / "policy.toml"))
    trusting = ProfilePaths(tmp_path / "trusting")
    again = create_profile(trusting, "lantern oyster gravel", Settings.load(trusting), None)
    try:
        assert enrol_with_service(again, central.url, code).ok
    finally:
        again.close()


@pytest.mark.parametrize(
    "address", ["rhi.example.gov.uk", "http://rhi.example.gov.uk", "https://", "ftp://rhi.example"]
)
def test_an_address_that_is_not_an_https_one_is_explained_not_a_bug(
    tmp_path: Path, address: str
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    profile = create_profile(paths, "lantern oyster gravel", Settings.load(paths), None)
    try:
        outcome = enrol_with_service(profile, address, "ABCD-1234")
    finally:
        profile.close()
    assert not outcome.ok
    assert outcome.message == (
        "The server address must be an https address, like https://rhi.example.gov.uk. "
        "Check it with IT."
    )
