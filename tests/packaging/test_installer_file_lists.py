"""Both installers ship exactly the files of the bundle manifest, and the Debian package
lays out its links, configuration and service the way the deployment guide says.

These build real packages (a real `dpkg-deb`, a real files.wxs) from a small bundle made
here; tests/packaging/test_debian_package.py does the same with the real frozen bundle.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rhi_packaging import debian, wix
from rhi_packaging.__main__ import PROGRAMS, WINDOWS_PROGRAMS
from rhi_packaging.__main__ import main as packaging_main
from rhi_packaging.manifest import (
    Manifest,
    ManifestError,
    project_version,
    read_manifest,
    scan_bundle,
    verify_bundle,
    write_manifest,
)

from tests.packaging.installer_lists import WIX, deb_paths, wix_files
from tests.packaging.processes import PACKAGING, REPO

LIB = "_internal/PySide6/Qt/lib/libQt6Core.so.6"
LINK = "_internal/libQt6Core.so.6"
FORM = "_internal/resources/forms/rhi-v1.json"


def _small_bundle(root: Path, programs: tuple[str, ...] = PROGRAMS) -> Path:
    bundle = root / "rhi-desktop"
    for name in programs:
        program = bundle / name
        program.parent.mkdir(parents=True, exist_ok=True)
        program.write_bytes(b"\x7fELF program " + name.encode())
        program.chmod(0o755)
    (bundle / LIB).parent.mkdir(parents=True)
    (bundle / LIB).write_bytes(b"library bytes" * 100)
    (bundle / LINK).symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    (bundle / FORM).parent.mkdir(parents=True)
    shutil.copyfile(REPO / "resources" / "forms" / "rhi-v1.json", bundle / FORM)
    return bundle


def _manifest(bundle: Path, programs: tuple[str, ...] = PROGRAMS) -> Manifest:
    return scan_bundle(
        bundle,
        app="rhi-desktop",
        version=project_version(REPO / "pyproject.toml"),
        platform="linux-x86_64",
        executables=programs,
    )


@pytest.fixture
def built(tmp_path: Path) -> tuple[Manifest, Path, Path]:
    """The small bundle's manifest (read back from disk), its .deb and its files.wxs."""
    bundle = _small_bundle(tmp_path)
    manifest_file = tmp_path / "bundle-manifest.json"
    write_manifest(_manifest(bundle), manifest_file)
    manifest = read_manifest(manifest_file)
    arch = debian.architecture()
    root = debian.stage(
        manifest, bundle, debian.Sources.from_repo(REPO), tmp_path / "deb-root", arch
    )
    deb = debian.build_deb(root, tmp_path / "out", manifest, arch)
    files_wxs = tmp_path / "files.wxs"
    files_wxs.write_text(wix.files_wxs(manifest), encoding="utf-8")
    return manifest, deb, files_wxs


def test_the_deb_and_the_msi_list_exactly_the_files_of_the_bundle_manifest(
    built: tuple[Manifest, Path, Path],
) -> None:
    manifest, deb, files_wxs = built
    assert manifest.paths() == sorted([*PROGRAMS, LIB, LINK, FORM])

    in_deb = deb_paths(deb)
    prefix = "/opt/rhi-desktop/"
    deb_bundle = {
        path.removeprefix(prefix): mode
        for path, mode in in_deb.items()
        if path.startswith(prefix) and not mode.startswith("d")
    }
    in_msi = wix_files(files_wxs)
    assert sorted(deb_bundle) == sorted(in_msi) == manifest.paths()

    assert deb_bundle[LINK].startswith("l")
    assert deb_bundle["rhi-desktop"] == "-rwxr-xr-x"
    assert deb_bundle[FORM] == "-rw-r--r--"
    # The MSI has no links: it installs a copy of the link's target under the link's name.
    assert in_msi[LINK].attrib["Source"] == (
        "!(bindpath.Bundle)\\_internal\\PySide6\\Qt\\lib\\libQt6Core.so.6"
    )
    assert in_msi["rhi-desktop"].attrib["Id"] == "RhiDesktopExe"
    assert in_msi["rhi-central"].attrib["Id"] == "RhiCentralExe"


def test_the_deb_puts_commands_config_and_service_where_the_guide_says(
    built: tuple[Manifest, Path, Path], tmp_path: Path
) -> None:
    manifest, deb, _ = built
    in_deb = deb_paths(deb)
    for command in ("rhi-desktop", "rhi-central"):
        assert in_deb[f"/usr/bin/{command}"].startswith("l")
        assert (tmp_path / "deb-root" / "usr" / "bin" / command).readlink() == Path(
            f"/opt/rhi-desktop/{command}"
        )
    assert in_deb["/etc/rhi-desktop/policy.toml"] == "-rw-r--r--"
    assert in_deb["/etc/rhi-central/rhi-central.env"] == "-rw-r-----"
    assert "/usr/share/applications/rhi-desktop.desktop" in in_deb
    assert "/usr/share/icons/hicolor/scalable/apps/rhi-desktop.svg" in in_deb
    assert "/lib/systemd/system/rhi-central.service" in in_deb
    assert "/usr/share/doc/rhi-desktop/README.md" in in_deb

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "rhi-desktop"
    assert field("Version") == manifest.version == project_version(REPO / "pyproject.toml")
    assert field("Architecture") == debian.architecture()
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    assert (control / "conffiles").read_text().split() == [
        "/etc/rhi-desktop/policy.toml",
        "/etc/rhi-central/rhi-central.env",
    ]
    for script in ("postinst", "prerm", "postrm"):
        assert (control / script).stat().st_mode & stat.S_IXUSR
    staged = tmp_path / "deb-root"
    assert (staged / "etc/rhi-desktop/policy.toml").read_bytes() == (
        REPO / "resources" / "policy.example.toml"
    ).read_bytes()
    unit = (staged / "lib/systemd/system/rhi-central.service").read_text()
    assert "ExecStart=/opt/rhi-desktop/rhi-central serve " in unit
    assert "User=rhi-central" in unit
    assert "EnvironmentFile=/etc/rhi-central/rhi-central.env" in unit
    assert "\nUMask=0077\n" in unit  # the embedded database is the service's own only
    postinst = (control / "postinst").read_text()
    assert 'chmod 0600 "$file"' in postinst  # and one made by an earlier version becomes so
    env_file = (staged / "etc/rhi-central/rhi-central.env").read_text()
    for variable in ("DB", "HOST", "PORT", "TLS_CERT", "TLS_KEY", "LOG_LEVEL"):
        assert f"\nRHI_CENTRAL_{variable}=" in env_file
        assert f"${{RHI_CENTRAL_{variable}}}" in unit or variable == "DB"


def test_the_msi_source_refers_only_to_what_the_generated_file_list_defines(
    tmp_path: Path,
) -> None:
    bundle = _small_bundle(tmp_path, WINDOWS_PROGRAMS)
    # Both documents are the project's own: one generated here, one from the repository.
    files_wxs = ET.fromstring(wix.files_wxs(_manifest(bundle, WINDOWS_PROGRAMS)))  # noqa: S314
    main_wxs = ET.parse(PACKAGING / "windows" / "rhi-desktop.wxs").getroot()  # noqa: S314

    defined_groups = {g.attrib["Id"] for g in files_wxs.iter(f"{WIX}ComponentGroup")}
    wanted_groups = {g.attrib["Id"] for g in main_wxs.iter(f"{WIX}ComponentGroupRef")}
    assert wanted_groups == defined_groups == {"BundleFiles"}
    file_ids = {f.attrib["Id"] for f in files_wxs.iter(f"{WIX}File")}
    assert {"RhiDesktopExe", "RhiCentralExe", "RhiDesktopCliExe"} <= file_ids
    shortcut = next(main_wxs.iter(f"{WIX}Shortcut"))
    assert shortcut.attrib["Target"] == "[#RhiDesktopExe]"
    directories = {d.attrib["Id"] for d in main_wxs.iter(f"{WIX}Directory")}
    assert {g.attrib["Directory"] for g in files_wxs.iter(f"{WIX}ComponentGroup")} <= directories
    # User data is removed only on request, never on upgrade.
    custom = next(main_wxs.iter(f"{WIX}Custom"))
    assert custom.attrib["Condition"] == (
        'REMOVE="ALL" AND NOT UPGRADINGPRODUCTCODE AND REMOVEUSERDATA="1"'
    )
    policy = next(c for c in main_wxs.iter(f"{WIX}Component") if c.get("Id") == "PolicyFile")
    assert (policy.get("Permanent"), policy.get("NeverOverwrite")) == ("yes", "yes")


def test_a_bundle_changed_after_its_manifest_was_written_is_not_packaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = _small_bundle(tmp_path)
    manifest_file = tmp_path / "bundle-manifest.json"
    write_manifest(_manifest(bundle), manifest_file)
    (bundle / FORM).write_text("{}", encoding="utf-8")
    (bundle / "_internal" / "stray.txt").write_text("left behind", encoding="utf-8")

    assert verify_bundle(read_manifest(manifest_file), bundle) == [
        f"{FORM}: content changed",
        "_internal/stray.txt: not in the manifest",
    ]
    args = ["deb", "--bundle", str(bundle), "--manifest", str(manifest_file)]
    assert packaging_main([*args, "--out", str(tmp_path / "out")]) == 1
    assert "content changed" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_link_pointing_out_of_the_bundle_is_refused(tmp_path: Path) -> None:
    bundle = _small_bundle(tmp_path)
    (bundle / "_internal" / "libssl.so.3").symlink_to("/usr/lib/x86_64-linux-gnu/libssl.so.3")
    with pytest.raises(ManifestError, match="link points outside the bundle"):
        _manifest(bundle)
