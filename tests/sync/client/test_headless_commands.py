"""`rhi-desktop enrol`, `sync` and `purge-expired` as IT automation runs them: separate
processes, the passphrase on stdin, one line of output and meaningful exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rhi_desktop.config import Settings
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import InterviewState, ReturnInterview, new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import OpenProfile, create_profile, open_profile
from sync.protocol import Role
from sync.server import admin
from tests.sync.client.devices import PASSPHRASE, Laptop, enrolment_of, record_completed_case
from tests.sync.client.live_central import LiveCentral

ROOT = Path(__file__).resolve().parents[3]

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def rhi(tmp_path: Path) -> Run:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "XDG_STATE_HOME": str(tmp_path / "state"),  # the log stays in the test's tree
    }

    def run(
        *args: str,
        policy: Path | None = None,
        passphrase: str = PASSPHRASE,
        code: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """`code`, if given, follows the passphrase on standard input (enrol)."""
        run_env = dict(env)
        if policy is not None:
            run_env["RHI_DESKTOP_POLICY"] = str(policy)
        return subprocess.run(
            [sys.executable, "-m", "sync.cli", *args],
            input=passphrase + "\n" + ("" if code is None else code + "\n"),
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=run_env,
            timeout=120,
        )

    return run


def _open(profile: Path) -> OpenProfile:
    paths = ProfilePaths(profile)
    opened = open_profile(paths, PASSPHRASE, Settings.load(paths), None)
    return opened


def _enrolled(rhi: Run, central: LiveCentral, tmp_path: Path) -> Path:
    ca = tmp_path / "ca.pem"
    ca.write_text(central.ca_pem)
    profile = tmp_path / "profile"
    code = central.code_for(central.add_user(Role.INTERVIEWER))
    done = rhi(
        "enrol", "--profile", str(profile), "--passphrase-stdin",
        "--server", central.url, "--code-stdin", "--ca-bundle", str(ca), code=code,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Created an encrypted profile" in done.stdout
    assert f"Enrolled with {central.url} as interviewer" in done.stdout
    return profile


def test_enrol_then_sync_sends_the_work_and_a_second_sync_has_nothing_due(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    profile = _enrolled(rhi, central, tmp_path)
    opened = _open(profile)
    laptop = Laptop(opened, None, central)
    record_completed_case(laptop)
    device_id = laptop.enrolment.device_id
    token = laptop.store.sync_state.device_token()
    opened.close()

    sent = rhi("sync", "--profile", str(profile), "--passphrase-stdin")
    again = rhi("sync", "--profile", str(profile), "--passphrase-stdin")

    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.count("\n") == 1 and sent.stdout.startswith("sync sent: sent 7,")
    assert again.returncode == 0 and again.stdout.startswith("sync nothing_due: sent 0,")
    assert central.changes_by_device(device_id) == 7  # the case, then its submission
    logs = b"".join(p.read_bytes() for p in (tmp_path / "state").rglob("*") if p.is_file())
    assert token is not None and token.split(".", 1)[1].encode() not in logs
    assert b"Testwell" not in logs


def test_sync_with_a_quarantined_change_exits_3(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    profile = _enrolled(rhi, central, tmp_path)
    opened = _open(profile)
    laptop = Laptop(opened, None, central)
    interview_id = record_completed_case(laptop)
    approved_here = ReturnInterview(  # an interviewer may not approve: the service refuses
        id=new_id(),
        child_id=opened.store.interviews.get(interview_id).child_id,
        episode_ids=(),
        interviewer_id=opened.actor,
        returned_at=datetime.now(UTC) - timedelta(hours=3),
        state=InterviewState.APPROVED,
    )
    with opened.store.transaction(opened.actor) as tx:
        tx.interviews.add(approved_here)
    opened.close()

    done = rhi("sync", "--profile", str(profile), "--passphrase-stdin")

    assert done.returncode == 3, done.stdout + done.stderr
    assert done.stdout.startswith("sync quarantined: sent 7,") and "1 quarantined" in done.stdout


def test_sync_refused_by_the_pin_in_machine_policy_exits_1_and_sends_nothing(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    profile = _enrolled(rhi, central, tmp_path)
    opened = _open(profile)
    record_completed_case(Laptop(opened, None, central))
    device_id = enrolment_of(opened.store).device_id
    opened.close()
    policy = tmp_path / "policy.toml"
    policy.write_text('spki_pin = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="\n')

    done = rhi("sync", "--profile", str(profile), "--passphrase-stdin", policy=policy)

    assert done.returncode == 1
    assert "does not match the pinned key" in done.stdout
    assert central.changes_by_device(device_id) == 0


def test_wrong_code_is_refused_in_one_line(rhi: Run, central: LiveCentral, tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text(central.ca_pem)
    done = rhi(
        "enrol", "--profile", str(tmp_path / "p"), "--passphrase-stdin",
        "--server", central.url, "--code-stdin", "--ca-bundle", str(ca),
        code="ABCD-EFGH-JKLM",
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "Enrolment was refused: the code is not recognised" in done.stderr


@pytest.mark.parametrize("weak", ["a", "correct horse battery staple"])
def test_enrol_refuses_a_weak_passphrase_for_a_new_profile_and_keeps_the_code(
    rhi: Run, central: LiveCentral, tmp_path: Path, weak: str
) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text(central.ca_pem)
    profile = tmp_path / "profile"
    code = central.code_for(central.add_user(Role.INTERVIEWER))
    enrol = (
        "enrol", "--profile", str(profile), "--passphrase-stdin",
        "--server", central.url, "--code-stdin", "--ca-bundle", str(ca),
    )  # fmt: skip

    refused = rhi(*enrol, passphrase=weak, code=code)

    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith("rhi-desktop: That passphrase is too easy to guess")
    assert not profile.exists()
    # Nothing reached the service: the one-time code still enrols.
    done = rhi(*enrol, code=code)
    assert done.returncode == 0, done.stderr
    assert "Created an encrypted profile" in done.stdout


def test_enrol_opens_an_existing_profile_whatever_its_passphrase(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text(central.ca_pem)
    paths = ProfilePaths(tmp_path / "profile")
    create_profile(paths, "pass phrase", Settings.load(paths), None).close()
    code = central.code_for(central.add_user(Role.INTERVIEWER))

    done = rhi(
        "enrol", "--profile", str(paths.root), "--passphrase-stdin",
        "--server", central.url, "--code-stdin", "--ca-bundle", str(ca),
        passphrase="pass phrase", code=code,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "Created an encrypted profile" not in done.stdout
    assert f"Enrolled with {central.url} as interviewer" in done.stdout


def test_plain_http_to_another_machine_is_refused_before_anything_is_sent(
    rhi: Run, tmp_path: Path
) -> None:
    done = rhi(
        "enrol", "--profile", str(tmp_path / "p"), "--passphrase-stdin",
        "--server", "http://central.example.org", "--code-stdin", code="ABCD-EFGH-JKLM",
    )  # fmt: skip
    assert done.returncode == 1 and "plain http is allowed only for loopback" in done.stderr
    assert not (tmp_path / "p").exists()


def test_where_policy_names_the_service_enrol_takes_no_other_server_nor_ca(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    """A CA named on the command line was kept with the enrolment and trusted at every
    sync, though IT had chosen the service; another --server made the profile, then
    said it was enrolled with that server."""
    ca = tmp_path / "ca.pem"
    ca.write_text(central.ca_pem)
    policy = tmp_path / "policy.toml"
    policy.write_text(f'server_url = "{central.url}"\n')
    code = central.code_for(central.add_user(Role.INTERVIEWER))
    profile = tmp_path / "p"

    with_ca = rhi(
        "enrol", "--profile", str(profile), "--passphrase-stdin", "--code-stdin",
        "--ca-bundle", str(ca), code=code, policy=policy,
    )  # fmt: skip
    other = rhi(
        "enrol", "--profile", str(profile), "--passphrase-stdin", "--code-stdin",
        "--server", central.url.replace("localhost", "127.0.0.1"), code=code, policy=policy,
    )  # fmt: skip

    assert with_ca.returncode == 1 and "only machine policy names the CA" in with_ca.stderr
    assert other.returncode == 1
    assert f"machine policy names the central service {central.url}" in other.stderr
    assert not profile.exists()  # nothing made
    policy.write_text(f'server_url = "{central.url}"\nca_bundle = "{ca}"\n')
    done = rhi(
        "enrol", "--profile", str(profile), "--passphrase-stdin", "--code-stdin",
        code=code, policy=policy,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr  # the code unused, and the CA IT's to name


def test_revoked_device_says_wiped_enrol_again_and_exits_1(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    profile = _enrolled(rhi, central, tmp_path)
    opened = _open(profile)
    device_id = enrolment_of(opened.store).device_id
    opened.close()
    admin.revoke_device(central.engine, device_id, utc_now)

    done = rhi("sync", "--profile", str(profile), "--passphrase-stdin")

    assert done.returncode == 1
    assert (
        done.stdout.strip() == "wiped: this device was revoked by the central service; enrol again"
    )
    assert not (profile / "rhi.db").exists() and not (profile / "vault.json").exists()


def test_purge_expired_runs_headless(rhi: Run, central: LiveCentral, tmp_path: Path) -> None:
    profile = _enrolled(rhi, central, tmp_path)
    done = rhi("purge-expired", "--profile", str(profile), "--passphrase-stdin")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Purged 0 approved interviews and 0 child records; 0 kept for unsent changes."
    )


def test_the_enrolment_code_is_never_taken_from_the_command_line(
    rhi: Run, central: LiveCentral, tmp_path: Path
) -> None:
    # A code in the arguments could be read from the process list by any account.
    enrol = ("enrol", "--profile", str(tmp_path / "p"), "--passphrase-stdin")
    on_the_line = rhi(*enrol, "--server", central.url, "--code", "ABCD-EFGH-JKLM")
    assert on_the_line.returncode == 2 and "--code-stdin" in on_the_line.stderr
    assert "ABCD-EFGH-JKLM" not in on_the_line.stderr

    missing = rhi(*enrol, "--code-stdin", "--server", central.url)

    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "expected the enrolment code after the passphrase" in missing.stderr
    assert not (tmp_path / "p").exists()
