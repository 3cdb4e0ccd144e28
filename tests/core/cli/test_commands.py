"""The headless commands as IT automation and support use them: separate processes,
passphrases on standard input, exit codes and one-line messages."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from rhi_desktop.demo import generate
from rhi_desktop.session import LOCAL_ACTOR
from tests.core.cli.conftest import RecoveryKeyFiles, Run

PASS = 'it\'s "Łódź" — ñandú 🔑'
NEW_PASS = "harbour violin pebble thistle"
# Too easy to guess, each for a different reason; all were once accepted by `init`.
WEAK = ["a", "pass phrase", "password123", "correct horse battery staple", "aaaaaaaaaaaaaaaa"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seeded(tmp_path: Path, rhi: Run) -> Path:
    profile = tmp_path / "profile"
    assert (
        rhi("init", "--profile", str(profile), "--passphrase-stdin", stdin=PASS + "\n").returncode
        == 0
    )
    seeded = rhi(
        "demo-seed",
        "--profile",
        str(profile),
        "--passphrase-stdin",
        "--children",
        "24",
        stdin=PASS + "\n",
    )
    assert seeded.returncode == 0, seeded.stderr
    return profile


@dataclass(frozen=True)
class RecoverableProfile:
    root: Path
    private_key: Path


@pytest.fixture
def recoverable(
    tmp_path: Path, rhi: Run, cli_env: dict[str, str], recovery_key_files: RecoveryKeyFiles
) -> RecoverableProfile:
    """A profile made by `init` under a policy that names the organisation recovery key."""
    policy = tmp_path / "policy.toml"
    policy.write_text(
        f"recovery_public_key = {json.dumps(str(recovery_key_files.public))}\n", encoding="utf-8"
    )
    root = tmp_path / "recoverable"
    made = rhi(
        "init",
        "--profile",
        str(root),
        "--passphrase-stdin",
        stdin=PASS + "\n",
        env={**cli_env, "RHI_DESKTOP_POLICY": str(policy)},
    )
    assert made.returncode == 0, made.stderr
    assert json.loads((root / "vault.json").read_text())["recovery_wrap"] is not None
    return RecoverableProfile(root, recovery_key_files.private)


def test_init_says_which_protection_is_in_use(tmp_path: Path, rhi: Run) -> None:
    done = rhi(
        "init",
        "--profile",
        str(tmp_path / "p"),
        "--passphrase-stdin",
        stdin="lantern oyster gravel kettle\n",
    )
    assert done.returncode == 0, done.stderr
    assert "passphrase only" in done.stdout.lower()
    assert (tmp_path / "p" / "rhi.db").stat().st_size > 0
    assert (tmp_path / "p" / "vault.json").exists()


def test_init_refuses_an_existing_profile_and_leaves_it_alone(seeded: Path, rhi: Run) -> None:
    before = _sha(seeded / "rhi.db")
    again = rhi(
        "init", "--profile", str(seeded), "--passphrase-stdin", stdin="meadow copper lantern\n"
    )
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "Traceback" not in again.stderr
    assert "already has a key file" in again.stderr
    assert _sha(seeded / "rhi.db") == before


def test_stats_counts_every_lifecycle_state_after_demo_seed(seeded: Path, rhi: Run) -> None:
    done = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert counts["children"] == 24
    assert counts["episodes"] >= 24
    assert set(counts["interviews_by_state"]) == {
        "assigned",
        "offered",
        "declined",
        "in_progress",
        "completed",
        "submitted",
        "returned",
        "approved",
    }
    assert sum(counts["interviews_by_state"].values()) == 24
    assert counts["outbox_pending"] > 0
    assert counts["quarantined"] == 0


def test_seeded_profile_files_hold_no_plaintext(seeded: Path) -> None:
    # Whole names and case references as seeded (short fragments such as a three-letter
    # first name turn up in random ciphertext by chance).
    cases = list(generate(24, interviewer_id=LOCAL_ACTOR, seed=2018))
    names = [c.child.name.encode() for c in cases] + [
        c.child.case_reference.encode() for c in cases
    ]
    files = [p for p in seeded.iterdir() if p.name.startswith("rhi.db")]
    assert files
    for path in files:
        data = path.read_bytes()
        for needle in (*names, b"CREATE TABLE", b"SQLite format 3"):
            assert needle not in data, f"{needle!r} readable in {path.name}"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(seeded / "rhi.db").execute("SELECT * FROM sqlite_master").fetchall()


def test_verify_audit_reports_ok(seeded: Path, rhi: Run) -> None:
    done = rhi("verify-audit", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK")


def test_wrong_passphrase_is_one_clear_line_and_backoff_survives_restart(
    seeded: Path, rhi: Run
) -> None:
    messages = []
    for _ in range(4):
        done = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin="wrong\n")
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        messages.append(done.stderr)
    # Each attempt is a new process: the count of failures came from the profile.
    assert "wait" in messages[-1].lower() or "try again" in messages[-1].lower()
    delayed = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert delayed.returncode == 1
    assert "Traceback" not in delayed.stderr


def test_change_passphrase_keeps_the_data_and_makes_the_old_one_useless(
    seeded: Path, rhi: Run
) -> None:
    stats_before = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    done = rhi("change-passphrase", "--profile", str(seeded), stdin=f"{PASS}\n{NEW_PASS}\n")
    assert done.returncode == 0, done.stderr
    old = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert old.returncode == 1
    new = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=NEW_PASS + "\n")
    assert new.returncode == 0, new.stderr
    assert new.stdout == stats_before.stdout, "the same data key opens the same data"


def _refused_as_too_easy_to_guess(done: subprocess.CompletedProcess[str], weak: str) -> None:
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("rhi-desktop: That passphrase is too easy to guess")
    if len(weak) > 1:  # never repeated (a one-letter passphrase is in any sentence)
        assert weak not in done.stderr


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_a_weak_passphrase_and_leaves_no_profile(
    tmp_path: Path, rhi: Run, weak: str
) -> None:
    profile = tmp_path / "p"
    done = rhi("init", "--profile", str(profile), "--passphrase-stdin", stdin=weak + "\n")
    _refused_as_too_easy_to_guess(done, weak)
    assert not profile.exists()


def test_init_into_a_folder_it_made_ready_refuses_a_weak_passphrase_and_writes_nothing(
    tmp_path: Path, rhi: Run
) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    done = rhi("init", "--profile", str(profile), "--passphrase-stdin", stdin="a\n")
    _refused_as_too_easy_to_guess(done, "a")
    assert list(profile.iterdir()) == []


@pytest.mark.parametrize("weak", ["a", "correct horse battery staple"])
def test_change_passphrase_refuses_a_weak_new_one_and_the_old_one_still_opens(
    seeded: Path, rhi: Run, weak: str
) -> None:
    before = {p.name: _sha(p) for p in seeded.iterdir() if p.is_file()}
    done = rhi("change-passphrase", "--profile", str(seeded), stdin=f"{PASS}\n{weak}\n")
    _refused_as_too_easy_to_guess(done, weak)
    assert {p.name: _sha(p) for p in seeded.iterdir() if p.is_file()} == before
    old = rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert old.returncode == 0, old.stderr


def test_a_weak_passphrase_set_before_the_rule_still_opens_and_can_be_changed(
    tmp_path: Path, rhi: Run
) -> None:
    from rhi_desktop.config import Settings
    from rhi_desktop.profile import ProfilePaths
    from rhi_desktop.session import create_profile

    paths = ProfilePaths(tmp_path / "older")
    create_profile(paths, "pass phrase", Settings.load(paths), None).close()
    opened = rhi("stats", "--profile", str(paths.root), "--passphrase-stdin", stdin="pass phrase\n")
    assert opened.returncode == 0, opened.stderr
    changed = rhi(
        "change-passphrase", "--profile", str(paths.root), stdin=f"pass phrase\n{NEW_PASS}\n"
    )
    assert changed.returncode == 0, changed.stderr
    new = rhi("stats", "--profile", str(paths.root), "--passphrase-stdin", stdin=NEW_PASS + "\n")
    assert new.returncode == 0, new.stderr


def test_recover_refuses_a_weak_new_passphrase_and_then_accepts_a_strong_one(
    recoverable: RecoverableProfile, rhi: Run
) -> None:
    root = str(recoverable.root)
    recover = ("recover", "--profile", root, "--recovery-key", str(recoverable.private_key))
    vault_before = _sha(recoverable.root / "vault.json")

    refused = rhi(*recover, stdin="a\n")
    _refused_as_too_easy_to_guess(refused, "a")
    assert _sha(recoverable.root / "vault.json") == vault_before
    old = rhi("stats", "--profile", root, "--passphrase-stdin", stdin=PASS + "\n")
    assert old.returncode == 0, old.stderr

    done = rhi(*recover, stdin=NEW_PASS + "\n")
    assert done.returncode == 0, done.stderr
    new = rhi("stats", "--profile", root, "--passphrase-stdin", stdin=NEW_PASS + "\n")
    assert new.returncode == 0, new.stderr


def test_unlock_failures_reach_the_audit_chain_at_the_next_unlock(seeded: Path, rhi: Run) -> None:
    for _ in range(2):
        assert (
            rhi("stats", "--profile", str(seeded), "--passphrase-stdin", stdin="no\n").returncode
            == 1
        )
    done = rhi("verify-audit", "--profile", str(seeded), "--passphrase-stdin", stdin=PASS + "\n")
    assert done.returncode == 0, done.stderr
    from rhi_desktop.profile import ProfilePaths
    from rhi_desktop.store import Store
    from rhi_desktop.vault import Vault

    paths = ProfilePaths(seeded)
    result = Vault.load(paths).unlock(PASS)
    with Store.open(paths.db, result.dek, key_verified=True) as store:
        actions = [event.action for event in store.audit.events()]
    assert actions.count("unlock_failed") == 2
    assert actions.count("unlock") == 2  # demo-seed and verify-audit


def test_passphrase_change_and_recovery_each_leave_an_audit_event(
    recoverable: RecoverableProfile, rhi: Run
) -> None:
    root = str(recoverable.root)
    changed = rhi("change-passphrase", "--profile", root, stdin=f"{PASS}\n{NEW_PASS}\n")
    assert changed.returncode == 0, changed.stderr
    recovered_with = "quartz meadow lantern ferry"
    recovered = rhi(
        "recover",
        "--profile",
        root,
        "--recovery-key",
        str(recoverable.private_key),
        stdin=recovered_with + "\n",
    )
    assert recovered.returncode == 0, recovered.stderr
    checked = rhi(
        "verify-audit", "--profile", root, "--passphrase-stdin", stdin=recovered_with + "\n"
    )
    assert checked.returncode == 0, checked.stderr

    from rhi_desktop.profile import ProfilePaths
    from rhi_desktop.store import Store
    from rhi_desktop.vault import Vault

    vault = Vault.load(ProfilePaths(recoverable.root))
    result = vault.unlock(recovered_with)
    with Store.open(vault.paths.db, result.dek, key_verified=True) as store:
        key_changes = [e for e in store.audit.events() if e.entity == "vault"]
    assert [(e.action, e.entity_id, e.detail["change"]) for e in key_changes] == [
        ("update", vault.db_id, "passphrase_changed"),
        ("update", vault.db_id, "recovered_with_organisation_key"),
    ]
    assert key_changes[1].detail["recovery_key"] == vault.recovery_key_fingerprint


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--profile", "x"),  # no --passphrase-stdin
        ("demo-seed", "--passphrase-stdin"),  # no --children
        ("no-such-command",),
    ],
)
def test_usage_errors_exit_2(rhi: Run, args: tuple[str, ...]) -> None:
    assert rhi(*args).returncode == 2


def test_missing_profile_is_a_clear_failure(tmp_path: Path, rhi: Run) -> None:
    done = rhi("stats", "--profile", str(tmp_path / "none"), "--passphrase-stdin", stdin="x\n")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_empty_stdin_is_a_clear_failure(tmp_path: Path, rhi: Run) -> None:
    done = rhi("init", "--profile", str(tmp_path / "p"), "--passphrase-stdin", stdin="")
    assert done.returncode == 1
    assert "standard input" in done.stderr


def test_import_xlsform_through_rhi_desktop_writes_a_loadable_form(
    tmp_path: Path, rhi: Run
) -> None:
    from rhi_desktop.forms import load_form_file
    from tests.core.forms.xlsform.workbooks import write_xlsform
    from tests.core.forms.xlsform.xlsforms import INTERVIEW, UNSUPPORTED

    good = write_xlsform(tmp_path / "interview.xlsx", INTERVIEW)
    done = rhi("import-xlsform", str(good), "--out", str(tmp_path / "interview.json"))
    assert done.returncode == 0, done.stderr
    assert load_form_file(tmp_path / "interview.json").definition.sections

    bad = write_xlsform(tmp_path / "unsupported.xlsx", UNSUPPORTED)
    failed = rhi("import-xlsform", str(bad), "--out", str(tmp_path / "unsupported.json"))
    assert failed.returncode == 1
    assert "survey row" in failed.stderr
    assert not (tmp_path / "unsupported.json").exists()


def test_a_file_that_cannot_be_written_is_named_in_the_one_line(seeded: Path, rhi: Run) -> None:
    # --out names a folder: which of the paths given is wrong must be in the message.
    done = rhi(
        "export", "kpi", "--profile", str(seeded), "--passphrase-stdin",
        "--out", str(seeded.parent), "--month", "2026-01", stdin=PASS + "\n",
    )  # fmt: skip
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert f"{seeded.parent}: Is a directory" in done.stderr
    assert not list(seeded.parent.glob(".*.tmp"))  # the part-written file is gone


def test_a_passphrase_that_is_not_text_is_told_in_one_line(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """Bytes no UTF-8 text holds (a passphrase piped from a file saved in Latin-1) got
    the apology kept for faults, with a reference to look up."""
    done = subprocess.run(
        [sys.executable, "-m", "rhi_desktop.cli", "init", "--profile", str(tmp_path / "p"),
         "--passphrase-stdin"],
        input="Łódź meadow copper lantern\n".encode("utf-16"),
        capture_output=True,
        env={**cli_env, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )  # fmt: skip
    said = done.stderr.decode()
    assert done.returncode == 1
    assert said == "rhi-desktop: the passphrase on standard input is not utf-8 text\n"
    assert not (tmp_path / "p").exists()
