"""The real package: `packaging/build.sh` freezes the app, builds the .deb, and the .deb
installed with dpkg into a throw-away root gives working `rhi-desktop` and `rhi-central`.

Slow (a PyInstaller build of a minute or two; reused when nothing it is built from has
changed); CI runs it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rhi_packaging.manifest import Manifest, read_manifest

from tests.packaging.installer_lists import deb_paths, wix_files
from tests.packaging.processes import REPO, app_env, run
from tests.sync.server.throwaway_ca import make_tls_files

# The first test also waits for the build (up to several minutes on a busy machine).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

BUILD_TIMEOUT_SECONDS = 900
INSTALL_DIR = "opt/rhi-desktop"


@dataclass(frozen=True)
class Build:
    out: Path
    manifest: Manifest
    deb: Path
    files_wxs: Path


@dataclass(frozen=True)
class Installed:
    root: Path
    admindir: Path

    def program(self, name: str) -> Path:
        return self.root / INSTALL_DIR / name


def _dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # --root installs into `root` and keeps the package database there too; maintainer
    # scripts run on the host with DPKG_ROOT set (and skip host-wide steps); the libraries
    # the package depends on are the host's, not the throw-away root's.
    return subprocess.run(
        ["dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _fresh_root(base: Path) -> Installed:
    admindir = base / "var" / "lib" / "dpkg"
    for folder in ("updates", "info"):
        (admindir / folder).mkdir(parents=True)
    (admindir / "status").touch()
    return Installed(base, admindir)


@pytest.fixture(scope="session")
def package_build() -> Build:
    out = REPO / "build" / "package"
    env = dict(os.environ, PYTHON=sys.executable, RHI_PACKAGE_OUT=str(out))
    done = subprocess.run(
        ["bash", "packaging/build.sh"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    manifest = read_manifest(out / "bundle-manifest.json")
    deb = out / f"rhi-desktop_{manifest.version}_{_architecture()}.deb"
    return Build(out, manifest, deb, out / "files.wxs")


def _architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture(scope="session")
def installed(package_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    target = _fresh_root(tmp_path_factory.mktemp("root"))
    done = _dpkg(target.root, "-i", str(package_build.deb))
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def test_installed_app_passes_its_self_test_under_the_shipped_example_policy(
    installed: Installed, tmp_path: Path
) -> None:
    policy = installed.root / "etc" / "rhi-desktop" / "policy.toml"
    result = run(
        [str(installed.program("rhi-desktop")), "--self-test"],
        app_env(tmp_path / "home", policy, PYTHONPATH=""),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" (")[0].split(":")[0] for line in lines] == [
        "ok   machine policy",
        "ok   encrypted profile",
        "ok   store round trip",
        "ok   RHI form rendering",
        "ok   TLS trust",
    ]
    # The example sets nothing: said so, so a policy from IT that never came is seen.
    assert f"({policy}: 0 settings; no central service named)" in lines[0]


def test_installed_central_service_runs_and_the_installed_app_diagnoses_it_over_tls(
    installed: Installed, tmp_path: Path
) -> None:
    central = str(installed.program("rhi-central"))
    env = app_env(tmp_path / "home", PYTHONPATH="")
    helped = run([central, "--help"], env)
    assert helped.returncode == 0, helped.stderr
    for command in ("serve", "users", "enrol-code", "devices", "publish"):
        assert command in helped.stdout

    db = f"sqlite:///{tmp_path / 'central.db'}"
    assert run([central, "init", "--db", db], env).returncode == 0
    tls = make_tls_files(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    serve = [central, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    certificate = ["--tls-cert", str(tls.server_cert), "--tls-key", str(tls.server_key)]
    server = subprocess.Popen(
        [*serve, *certificate],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stderr is not None
        for line in server.stderr:
            if "Uvicorn running on" in line:
                break
        else:
            pytest.fail("the installed rhi-central exited before serving")
        policy = tmp_path / "policy.toml"
        policy.write_text(
            f'server_url = "https://localhost:{port}"\nca_bundle = "{tls.ca_cert}"\n',
            encoding="utf-8",
        )
        diagnosed = run(
            [str(installed.program("rhi-desktop")), "diagnose", "--json"],
            app_env(tmp_path / "home", policy, PYTHONPATH=""),
        )
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert diagnosed.returncode == 0, diagnosed.stderr
    report = json.loads(diagnosed.stdout)
    assert report["versions"]["python"].endswith("(frozen bundle)")
    assert report["server"]["tls"].startswith("ok (TLSv1.")
    assert report["server"]["health"].startswith("status ok, api_version v1")


def test_the_package_installs_exactly_the_manifest_and_so_would_the_msi(
    package_build: Build, installed: Installed
) -> None:
    manifest = package_build.manifest
    prefix = f"/{INSTALL_DIR}/"
    in_deb = {
        path.removeprefix(prefix)
        for path, mode in deb_paths(package_build.deb).items()
        if path.startswith(prefix) and not mode.startswith("d")
    }
    assert sorted(in_deb) == manifest.paths()
    assert sorted(wix_files(package_build.files_wxs)) == manifest.paths()
    listed = subprocess.run(
        ["dpkg", f"--admindir={installed.admindir}", "-L", "rhi-desktop"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert {p.removeprefix(prefix) for p in listed if p.startswith(prefix)} >= in_deb
    for entry in manifest.entries:
        assert (installed.root / INSTALL_DIR / entry.path).is_symlink() == entry.is_link


def test_removing_keeps_the_configuration_and_purging_removes_it(
    package_build: Build, tmp_path: Path
) -> None:
    target = _fresh_root(tmp_path / "root")
    assert _dpkg(target.root, "-i", str(package_build.deb)).returncode == 0
    policy = target.root / "etc" / "rhi-desktop" / "policy.toml"
    policy.write_text('server_url = "https://rhi.example.gov.uk"\n', encoding="utf-8")

    removed = _dpkg(target.root, "-r", "rhi-desktop")
    assert removed.returncode == 0, removed.stderr
    assert not target.program("rhi-desktop").exists()
    assert not (target.root / "usr" / "bin" / "rhi-desktop").is_symlink()
    assert policy.read_text(encoding="utf-8") == 'server_url = "https://rhi.example.gov.uk"\n'

    purged = _dpkg(target.root, "-P", "rhi-desktop")
    assert purged.returncode == 0, purged.stderr
    assert not policy.exists()
    assert not (target.root / "etc" / "rhi-central" / "rhi-central.env").exists()


@pytest.fixture(autouse=True)
def _no_host_account_created() -> Iterator[None]:
    """Installing into another root never adds the service account to this machine."""
    had = _has_host_account()
    yield
    assert _has_host_account() == had


def _has_host_account() -> bool:
    return (
        subprocess.run(
            ["getent", "passwd", "rhi-central"], capture_output=True, check=False
        ).returncode
        == 0
    )
