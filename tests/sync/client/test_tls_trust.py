"""A device talks only to the service it can verify: the wrong CA, the wrong host name or
the wrong public key each stop the sync before a single change leaves the laptop."""

from __future__ import annotations

import dataclasses
import ssl
from pathlib import Path

import pytest

from rhi_desktop.config import PolicyError, Settings
from rhi_desktop.profile import ProfilePaths
from sync.engine import SyncOutcome
from sync.protocol import Role
from tests.sync.client.certificates import make_authority
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral

OTHER_KEY_PIN = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def policy(tmp_path: Path, paths: ProfilePaths, **values: str) -> Settings:
    file = tmp_path / "policy.toml"
    file.write_text("".join(f'{key} = "{value}"\n' for key, value in values.items()))
    return Settings.load(paths, policy_path=file)


def _laptop_with_work(central: LiveCentral, tmp_path: Path) -> Laptop:
    laptop = new_laptop(central, tmp_path / "laptop")
    record_completed_case(laptop)
    return laptop


def _assert_nothing_sent(laptop: Laptop, central: LiveCentral, pending_before: int) -> None:
    assert central.changes_by_device(laptop.enrolment.device_id) == 0
    assert laptop.store.outbox.counts() == (pending_before, 0)
    assert laptop.naps.taken == []  # a trust failure is not retried


def test_certificate_from_an_unknown_ca_stops_the_sync_before_anything_is_sent(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = _laptop_with_work(central, tmp_path)
    pending = laptop.store.outbox.counts()[0]
    other_ca = tmp_path / "other-ca.pem"
    other_ca.write_text(make_authority("Someone else's CA").pem)

    report = laptop.sync(settings=policy(tmp_path, laptop.paths, ca_bundle=str(other_ca)))

    assert report.outcome is SyncOutcome.FAILED and report.exit_code == 1
    assert report.problem is not None
    assert "identity could not be verified" in report.problem
    assert "certificate is not trusted" in report.problem
    _assert_nothing_sent(laptop, central, pending)


def test_certificate_for_another_host_name_stops_the_sync_before_anything_is_sent(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = _laptop_with_work(central, tmp_path)
    pending = laptop.store.outbox.counts()[0]
    # The same service reached by an address its certificate does not name.
    wrong_name = dataclasses.replace(
        laptop.enrolment, server_url=f"https://127.0.0.1:{central.port}"
    )
    with laptop.store.transaction(laptop.profile.actor) as tx:
        token = laptop.store.sync_state.device_token()
        tx.sync_state.set_enrolment(wrong_name)
        tx.sync_state.set_device_token(token)

    report = laptop.sync()

    assert report.outcome is SyncOutcome.FAILED
    assert report.problem is not None
    assert "not valid for the name 127.0.0.1" in report.problem
    _assert_nothing_sent(laptop, central, pending)


def test_server_key_that_does_not_match_the_pin_stops_the_sync_before_anything_is_sent(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = _laptop_with_work(central, tmp_path)
    pending = laptop.store.outbox.counts()[0]

    report = laptop.sync(settings=policy(tmp_path, laptop.paths, spki_pin=OTHER_KEY_PIN))

    assert report.outcome is SyncOutcome.FAILED
    assert report.problem is not None
    assert "does not match the pinned key" in report.problem
    _assert_nothing_sent(laptop, central, pending)


def test_the_right_pin_lets_the_sync_through(central: LiveCentral, tmp_path: Path) -> None:
    laptop = _laptop_with_work(central, tmp_path)
    pin = central.server_files.pin

    report = laptop.sync(settings=policy(tmp_path, laptop.paths, spki_pin=pin))

    assert report.outcome is SyncOutcome.SENT, report.summary()
    assert central.changes_by_device(laptop.enrolment.device_id) == report.push.applied > 0


def test_enrolling_against_an_untrusted_service_sends_no_code(
    central: LiveCentral, tmp_path: Path
) -> None:
    from rhi_desktop.session import create_profile
    from sync.device import enrol_device
    from sync.errors import TlsRejected
    from tests.sync.client.devices import PASSPHRASE

    paths = ProfilePaths(tmp_path / "fresh")
    settings = Settings.load(paths)
    profile = create_profile(paths, PASSPHRASE, settings, None)
    username = central.add_user(Role.INTERVIEWER)
    code = central.code_for(username)
    with pytest.raises(TlsRejected, match="certificate is not trusted"):
        enrol_device(
            profile,
            None,
            settings,
            server_url=central.url,
            code=code,
            ca_pem=make_authority("Someone else's CA").pem,
        )
    assert profile.store.sync_state.enrolment() is None
    # The code was never presented, so it still works.
    enrolled = enrol_device(
        profile, None, settings, server_url=central.url, code=code, ca_pem=central.ca_pem
    )
    assert enrolled.role == "interviewer"
    profile.close()


def test_a_ca_bundle_saved_with_a_byte_order_mark_is_trusted_and_other_text_is_refused(
    central: LiveCentral, tmp_path: Path
) -> None:
    # Windows editors add a byte-order mark when saving "UTF-8": still plain PEM inside.
    laptop = _laptop_with_work(central, tmp_path)
    marked = tmp_path / "council-ca.pem"
    marked.write_bytes(b"\xef\xbb\xbf" + central.ca_pem.encode("ascii"))

    report = laptop.sync(settings=policy(tmp_path, laptop.paths, ca_bundle=str(marked)))

    assert report.outcome is SyncOutcome.SENT
    accented = tmp_path / "accented-ca.pem"
    accented.write_bytes(central.ca_pem.replace("-----BEGIN", "# Café\n-----BEGIN").encode())
    with pytest.raises(PolicyError, match="is not plain PEM text: save it as ASCII"):
        policy(tmp_path, laptop.paths, ca_bundle=str(accented))


def test_a_ca_named_in_the_environment_is_not_trusted(
    central: LiveCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenSSL reads where the OS trust store is from SSL_CERT_FILE and SSL_CERT_DIR: a
    line in a login script would have let a stranger's CA stand in for the council's,
    and the device would have handed it the enrolment code, its token and every
    interview."""
    from rhi_desktop.session import create_profile
    from sync.device import enrol_device
    from sync.errors import TlsRejected
    from tests.sync.client.devices import PASSPHRASE

    ca_file = tmp_path / "stranger.pem"
    ca_file.write_text(central.ca_pem, encoding="ascii")  # as if anyone's CA
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    paths = ProfilePaths(tmp_path / "fresh")
    settings = Settings.load(paths)
    profile = create_profile(paths, PASSPHRASE, settings, None)
    code = central.code_for(central.add_user(Role.INTERVIEWER))
    with pytest.raises(TlsRejected, match="certificate is not trusted"):
        enrol_device(profile, None, settings, server_url=central.url, code=code)
    assert profile.store.sync_state.enrolment() is None
    profile.close()
    found = ssl.get_default_verify_paths()  # where OpenSSL would look from now on
    assert str(tmp_path) not in f"{found.cafile} {found.capath}"
