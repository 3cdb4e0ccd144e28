"""`rhi-desktop diagnose`: what support sees, and what it must never see."""

from __future__ import annotations

import hashlib
import io
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.demo import GIVEN_NAMES, SURNAMES
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import INSTALLED_FORMS_DIR_NAME
from rhi_desktop.profile import ProfilePaths
from sync.transport import spki_pin_of
from tests.packaging.processes import app_env, python_module, run
from tests.sync.server.cli_process import RunningServer, rhi_central
from tests.sync.server.throwaway_ca import TlsFiles, make_tls_files
from ui.diagnose import run_diagnose

PASSPHRASE = "correct horse battery staple 42"
STARTED = "Uvicorn running on"
SEEDED_CHILDREN = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module")
def seeded_profile(tmp_path_factory: pytest.TempPathFactory) -> ProfilePaths:
    """A profile holding fictional children, made by the real headless commands."""
    base = tmp_path_factory.mktemp("seeded")
    paths = ProfilePaths(base / "profile")
    env = app_env(base / "home")
    cli = "rhi_desktop.cli"
    init = ["init", "--profile", str(paths.root), "--passphrase-stdin"]
    seed = ["demo-seed", "--profile", str(paths.root), "--passphrase-stdin"]
    for args in (init, [*seed, "--children", str(SEEDED_CHILDREN)]):
        done = run(python_module(cli, *args), env, stdin=PASSPHRASE + "\n")
        assert done.returncode == 0, done.stderr
    stats = run(
        python_module(cli, "stats", "--profile", str(paths.root), "--passphrase-stdin"),
        env,
        stdin=PASSPHRASE + "\n",
    )
    assert json.loads(stats.stdout)["children"] == SEEDED_CHILDREN
    return paths


def test_diagnose_of_a_seeded_profile_shows_no_child_and_never_opens_the_database(
    seeded_profile: ProfilePaths, tmp_path: Path
) -> None:
    paths = seeded_profile
    before = {path.name: _digest(path) for path in (paths.db, paths.wal, paths.vault)}
    env = app_env(tmp_path / "home")
    text = run(python_module("ui.diagnose", "--profile", str(paths.root)), env)
    as_json = run(python_module("ui.diagnose", "--json", "--profile", str(paths.root)), env)

    for result in (text, as_json):
        assert result.returncode == 0, result.stderr
        shown = result.stdout + result.stderr
        for name in (*GIVEN_NAMES, *SURNAMES):
            assert not re.search(rf"\b{re.escape(name)}\b", shown), f"{name} was shown"
    # No passphrase was given (stdin is closed), and nothing in the profile changed:
    # unlocking would have written an audit event.
    assert {path.name: _digest(path) for path in (paths.db, paths.wal, paths.vault)} == before
    report = json.loads(as_json.stdout)
    sizes = {entry["name"]: entry["bytes"] for entry in report["profile"]["files"]}
    assert sizes["rhi.db"] == paths.db.stat().st_size
    assert report["profile"]["protection"] == "passphrase"
    assert f"Profile: {paths.root}" in text.stdout
    assert "Log file: " in text.stdout


def test_diagnose_reports_the_sqlcipher_and_qt_really_in_use() -> None:
    out = io.StringIO()
    assert run_diagnose(["--json", "--profile", "/nonexistent/profile"], out=out) == 0
    versions = json.loads(out.getvalue())["versions"]
    assert versions["sqlcipher"].startswith("4.")
    assert versions["sqlcipher provider"].startswith("openssl OpenSSL 3.")
    from PySide6.QtCore import qVersion

    assert versions["qt"] == qVersion()


def test_diagnose_names_the_policy_file_each_value_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("idle_lock_minutes = 10\nretention_days = 14\n", encoding="utf-8")
    paths = ProfilePaths(tmp_path / "profile")
    paths.root.mkdir()
    paths.settings.write_text("sync_interval_minutes = 30\n", encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(policy))

    out = io.StringIO()
    assert run_diagnose(["--json", "--profile", str(paths.root)], out=out) == 0
    rows = {row["key"]: row for row in json.loads(out.getvalue())["settings"]}
    assert (rows["idle_lock_minutes"]["value"], rows["idle_lock_minutes"]["source"]) == (
        10,
        f"policy: {policy}",
    )
    assert rows["retention_days"]["source"] == f"policy: {policy}"
    assert rows["sync_interval_minutes"]["source"] == f"user: {paths.settings}"
    assert rows["language"]["source"] == "default"
    assert not rows["idle_lock_minutes"]["editable"]
    assert rows["sync_interval_minutes"]["editable"]

    text = io.StringIO()
    assert run_diagnose(["--profile", str(paths.root)], out=text) == 0
    assert f"Machine policy: {policy} (present)" in text.getvalue()
    assert re.search(
        rf"idle_lock_minutes\s+10\s+\[policy: {re.escape(str(policy))}, fixed by policy\]",
        text.getvalue(),
    )


def test_diagnose_says_a_language_with_no_translation_shows_british_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Policy may name Welsh before its translation ships: the app shows British
    English, and only its log said so."""
    policy = tmp_path / "policy.toml"
    policy.write_text('language = "cy-GB"\n', encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(policy))
    paths = tmp_path / "profile"

    out = io.StringIO()
    assert run_diagnose(["--json", "--profile", str(paths)], out=out) == 0
    rows = {row["key"]: row for row in json.loads(out.getvalue())["settings"]}
    assert rows["language"]["shown"] == "British English: no translation for it is installed"
    assert "shown" not in rows["idle_lock_minutes"]
    text = io.StringIO()
    assert run_diagnose(["--profile", str(paths)], out=text) == 0
    assert re.search(
        r'language\s+"cy-GB"\s+\[policy: .*, fixed by policy; shows British English: no '
        r"translation for it is installed\]",
        text.getvalue(),
    )
    policy.write_text('language = "en-GB"\n', encoding="utf-8")
    english = io.StringIO()
    assert run_diagnose(["--json", "--profile", str(paths)], out=english) == 0
    rows = {row["key"]: row for row in json.loads(english.getvalue())["settings"]}
    assert "shown" not in rows["language"]


def test_diagnose_names_a_published_form_version_passed_over_for_the_bundled_one(
    tmp_path: Path,
) -> None:
    """A release bundling an rhi v1 other than the one the service published: drafts
    pinned to it are read with the bundled one, and only the log said so."""
    paths = ProfilePaths(tmp_path / "profile")
    installed = paths.root / INSTALLED_FORMS_DIR_NAME
    installed.mkdir(parents=True)
    bundled = json.loads((BUNDLED_FORMS_DIR / "rhi-v1.json").read_text(encoding="utf-8"))
    (installed / "rhi-v1.json").write_text(
        json.dumps({**bundled, "title": "Return home interview (published)"}), encoding="utf-8"
    )

    out = io.StringIO()
    assert run_diagnose(["--json", "--profile", str(paths.root)], out=out) == 0
    forms = json.loads(out.getvalue())["profile"]["forms"]
    assert "rhi v1" in forms["versions"]
    assert forms["passed_over"] == [
        {"file": "rhi-v1.json", "problem": "rhi v1 is already defined by rhi-v1.json"}
    ]
    assert forms["not_loadable"] == []
    text = io.StringIO()
    assert run_diagnose(["--profile", str(paths.root)], out=text) == 0
    assert "form file passed over: rhi-v1.json: rhi v1 is already defined" in text.getvalue()


def test_diagnose_names_an_installed_form_version_that_cannot_be_loaded(
    tmp_path: Path,
) -> None:
    """Copied in by hand, say: drafts pinned to it cannot open, and only their windows
    said why."""
    paths = ProfilePaths(tmp_path / "profile")
    installed = paths.root / INSTALLED_FORMS_DIR_NAME
    installed.mkdir(parents=True)
    bundled = json.loads((BUNDLED_FORMS_DIR / "rhi-v1.json").read_text(encoding="utf-8"))
    broken = {**bundled, "version": 2, "sections": []}
    (installed / "rhi-v2.json").write_text(json.dumps(broken), encoding="utf-8")

    out = io.StringIO()
    assert run_diagnose(["--json", "--profile", str(paths.root)], out=out) == 0
    (item,) = json.loads(out.getvalue())["profile"]["forms"]["not_loadable"]
    assert item["version"] == "rhi v2" and item["problems"]
    text = io.StringIO()
    assert run_diagnose(["--profile", str(paths.root)], out=text) == 0
    assert "form rhi v2 cannot be loaded: sections" in text.getvalue()


# -- the server checks, against the real central service over TLS ------------------------


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, TlsFiles]]:
    base = tmp_path_factory.mktemp("server")
    tls = make_tls_files(base)
    url = f"sqlite:///{base / 'central.db'}"
    assert rhi_central("init", "--db", url).returncode == 0
    port = _free_port()
    server = RunningServer(
        "--db", url, "--host", "127.0.0.1", "--port", str(port),
        "--tls-cert", str(tls.server_cert), "--tls-key", str(tls.server_key),
    )  # fmt: skip
    try:
        server.wait_for(STARTED)
        yield f"https://localhost:{port}", tls
    finally:
        server.stop()


def _server_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, policy_text: str
) -> dict[str, Any]:
    policy = tmp_path / "policy.toml"
    policy.write_text(policy_text, encoding="utf-8")
    monkeypatch.setenv("RHI_DESKTOP_POLICY", str(policy))
    out = io.StringIO()
    assert (
        run_diagnose(["--json", "--profile", str(tmp_path / "p"), "--timeout", "5"], out=out) == 0
    )
    server: dict[str, Any] = json.loads(out.getvalue())["server"]
    return server


def _leaf_pin(tls: TlsFiles) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = x509.load_pem_x509_certificate(tls.server_cert.read_bytes())
    return spki_pin_of(cert.public_bytes(Encoding.DER))


def test_diagnose_shows_a_trusted_pinned_server_with_its_certificate_chain(
    live_server: tuple[str, TlsFiles], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, tls = live_server
    pin = _leaf_pin(tls)
    server = _server_report(
        tmp_path,
        monkeypatch,
        f'server_url = "{url}"\nca_bundle = "{tls.ca_cert}"\nspki_pin = "{pin}"\n',
    )
    assert server["reachable"] is True
    assert server["tls"].startswith("ok (TLSv1.")
    leaf, root = server["chain"]
    assert (leaf["subject_cn"], leaf["issuer"], leaf["spki_pin"]) == (
        "localhost",
        "CN=RHI test CA",
        pin,
    )
    assert leaf["pin_matches"] is True
    assert root["subject_cn"] == "RHI test CA"
    assert server["health"].startswith("status ok, api_version v1, schema_version ")


def test_diagnose_says_when_the_server_key_does_not_match_the_pin(
    live_server: tuple[str, TlsFiles], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, tls = live_server
    other_pin = "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXrc="
    server = _server_report(
        tmp_path,
        monkeypatch,
        f'server_url = "{url}"\nca_bundle = "{tls.ca_cert}"\nspki_pin = "{other_pin}"\n',
    )
    assert server["tls"] == "failed: the server's public key does not match the pinned key"
    assert server["chain"][0]["pin_matches"] is False
    assert server["health"].startswith("failed: ")


def test_diagnose_describes_the_chain_of_a_server_the_os_does_not_trust(
    live_server: tuple[str, TlsFiles], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _ = live_server
    server = _server_report(tmp_path, monkeypatch, f'server_url = "{url}"\n')
    assert server["reachable"] is True
    assert server["tls"].startswith("failed: ")
    assert "issuer" in server["tls"]
    assert [cert["subject_cn"] for cert in server["chain"]] == ["localhost"]
    assert server["health"].startswith("failed: ")


def test_diagnose_reports_an_unreachable_server_without_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = _free_port()
    server = _server_report(tmp_path, monkeypatch, f'server_url = "https://127.0.0.1:{port}"\n')
    assert server["reachable"] is False
    assert server["error"] == f"cannot connect to 127.0.0.1:{port}: Connection refused"
    assert server["tls"] is None and server["chain"] == []


@pytest.mark.parametrize("given", ["-1", "0", "nan", "inf", "soon", "121"])
def test_diagnose_refuses_a_timeout_it_cannot_wait_for_as_a_usage_error(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run_diagnose(["--timeout", given])
    assert exited.value.code == 2
    said = capsys.readouterr().err
    assert "--timeout: give a number of seconds more than 0 and at most 120" in said
    assert "Traceback" not in said
