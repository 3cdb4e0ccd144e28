"""`rhi-desktop --self-test`: IT's proof, on the machine itself, that an install works."""

from __future__ import annotations

from pathlib import Path

from rhi_desktop.forms import load_bundled_form
from tests.core.store.mounts import tmpfs
from tests.packaging.processes import app_env, python_module, run

CHECK_NAMES = [
    "machine policy",
    "encrypted profile",
    "store round trip",
    "RHI form rendering",
    "TLS trust",
]


def _lines(stdout: str) -> dict[str, str]:
    """Check name -> its whole line."""
    found = {}
    for line in stdout.splitlines():
        status, _, rest = line.partition(" ")
        name = rest.strip().split(" (", 1)[0].split(":", 1)[0]
        assert status in ("ok", "FAIL"), line
        found[name] = line
    return found


def test_self_test_passes_every_check_on_a_working_install_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = run(python_module("ui.self_test"), app_env(home, TMPDIR=str(scratch)))

    assert result.returncode == 0, result.stdout + result.stderr
    lines = _lines(result.stdout)
    assert list(lines) == CHECK_NAMES
    assert all(line.startswith("ok   ") for line in lines.values())
    assert "SQLCipher 4." in lines["encrypted profile"]
    form = load_bundled_form("rhi-v1.json")
    assert f"{len(form.sections)} sections drawn" in lines["RHI form rendering"]
    assert "OS trust store" in lines["TLS trust"]
    # The throw-away profile is gone, and the user's own profile was never created.
    assert list(scratch.iterdir()) == []
    assert not (home / ".local" / "share" / "RHI Desktop").exists()


def test_self_test_trusts_the_ca_bundle_the_policy_names(tmp_path: Path) -> None:
    from tests.sync.server.throwaway_ca import make_tls_files

    tls = make_tls_files(tmp_path)
    policy = tmp_path / "policy.toml"
    policy.write_text(f'ca_bundle = "{tls.ca_cert}"\n', encoding="utf-8")

    result = run(python_module("ui.self_test"), app_env(tmp_path / "home", policy))

    assert result.returncode == 0, result.stdout + result.stderr
    lines = _lines(result.stdout)
    assert lines["machine policy"] == (
        f"ok   machine policy ({policy}: 1 setting; no central service named)"
    )
    assert lines["TLS trust"] == f"ok   TLS trust (1 CA certificates from {tls.ca_cert})"


def test_self_test_reports_a_full_disk_as_a_failed_check_and_exits_1(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", "48k") as full:
        result = run(python_module("ui.self_test"), app_env(tmp_path / "home", TMPDIR=str(full)))

    assert result.returncode == 1
    lines = _lines(result.stdout)
    assert list(lines) == CHECK_NAMES
    assert lines["encrypted profile"].startswith("FAIL encrypted profile: ")
    assert lines["store round trip"] == (
        "FAIL store round trip: not run: the encrypted profile check failed"
    )
    # The checks that do not need the disk still ran and passed.
    assert lines["RHI form rendering"].startswith("ok   ")
    assert lines["TLS trust"].startswith("ok   ")
    assert "Traceback" not in result.stdout + result.stderr
