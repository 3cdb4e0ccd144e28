"""A bad machine policy stops the app before it does anything, naming file, key and problem:
in `diagnose`, in `--self-test` and when the desktop app starts."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.processes import app_env, python_module, run
from ui.diagnose import run_diagnose
from ui.self_test import run_self_test


@dataclass(frozen=True)
class BadPolicy:
    text: str
    key: str
    problem: str


BAD_POLICIES = {
    "unknown key": BadPolicy(
        "idle_lock_minuts = 5\n",
        "idle_lock_minuts",
        'unknown key; did you mean "idle_lock_minutes"?',
    ),
    "wrong type": BadPolicy(
        'retention_days = "thirty"\n',
        "retention_days",
        'expected an integer from 1 to 365, got "thirty"',
    ),
    "unreadable CA file": BadPolicy(
        'ca_bundle = "missing-ca.pem"\n', "ca_bundle", 'missing-ca.pem": no such file'
    ),
}


@pytest.fixture(params=list(BAD_POLICIES), ids=list(BAD_POLICIES))
def bad_policy(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, BadPolicy]:
    bad = BAD_POLICIES[request.param]
    path = tmp_path / "policy.toml"
    path.write_text(bad.text, encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(path))
    return path, bad


def _names_file_key_and_problem(message: str, path: Path, bad: BadPolicy) -> None:
    assert f"{path}: {bad.key}: " in message
    assert bad.problem in message


def test_diagnose_stops_on_bad_policy_naming_file_key_and_problem(
    bad_policy: tuple[Path, BadPolicy], tmp_path: Path
) -> None:
    path, bad = bad_policy
    out, err = io.StringIO(), io.StringIO()
    assert run_diagnose(["--profile", str(tmp_path / "p")], out=out, err=err) == 1
    assert out.getvalue() == ""
    _names_file_key_and_problem(err.getvalue(), path, bad)


def test_self_test_stops_on_bad_policy_naming_file_key_and_problem(
    bad_policy: tuple[Path, BadPolicy], capsys: pytest.CaptureFixture[str]
) -> None:
    path, bad = bad_policy
    out = io.StringIO()
    assert run_self_test([], out=out) == 1
    assert out.getvalue().splitlines() == [
        "FAIL machine policy: the policy file has problems; the app will not start"
    ]
    _names_file_key_and_problem(capsys.readouterr().err, path, bad)


def test_desktop_app_start_stops_on_bad_policy_with_a_message_naming_file_key_and_problem(
    bad_policy: tuple[Path, BadPolicy], tmp_path: Path
) -> None:
    path, bad = bad_policy
    profile = tmp_path / "profile"
    env = app_env(tmp_path / "home", path)
    result = run(python_module("tests.packaging.gui_start_driver", str(profile)), env)

    assert result.returncode == 1, result.stdout + result.stderr
    boxes = [line for line in result.stdout.splitlines() if line.startswith("MESSAGE BOX: ")]
    assert len(boxes) == 1
    _names_file_key_and_problem(boxes[0], path, bad)
    assert not profile.exists()
