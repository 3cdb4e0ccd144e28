"""The Debian package: staged from the bundle manifest, built with plain `dpkg-deb`.

Layout: the bundle under /opt/rhi-desktop, links /usr/bin/rhi-desktop and
/usr/bin/rhi-central, a desktop entry and an SVG icon, the commented example policy as
the conffile /etc/rhi-desktop/policy.toml, and the central service's systemd unit with
its configuration /etc/rhi-central/rhi-central.env (the second conffile). The maintainer
scripts create the service account; the unit is installed but not enabled.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rhi_packaging.manifest import Manifest, ManifestError

PACKAGE = "rhi-desktop"
INSTALL_DIR = PurePosixPath("/opt/rhi-desktop")
COMMANDS = ("rhi-desktop", "rhi-central")
POLICY = PurePosixPath("/etc/rhi-desktop/policy.toml")
CENTRAL_ENV = PurePosixPath("/etc/rhi-central/rhi-central.env")
MAINTAINER_SCRIPTS = ("postinst", "prerm", "postrm")


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the pieces around the bundle come from (the repository, normally)."""

    templates: Path  # packaging/debian
    icon: Path  # packaging/icons/rhi-desktop.svg
    example_policy: Path  # resources/policy.example.toml
    guide: Path  # packaging/README.md

    @classmethod
    def from_repo(cls, repo: Path) -> Sources:
        return cls(
            templates=repo / "packaging" / "debian",
            icon=repo / "packaging" / "icons" / "rhi-desktop.svg",
            example_policy=repo / "resources" / "policy.example.toml",
            guide=repo / "packaging" / "README.md",
        )


def architecture() -> str:
    """This machine's Debian architecture: the frozen bundle runs only on it."""
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def stage(manifest: Manifest, bundle: Path, sources: Sources, root: Path, arch: str) -> Path:
    """Lay out the package tree in `root` (emptied first); return it."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    install = _inside(root, INSTALL_DIR)
    for entry in manifest.entries:
        target = install / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.link is not None:
            target.symlink_to(entry.link)
            continue
        source = bundle / entry.path
        if not source.is_file() or source.stat().st_size != entry.size:
            raise ManifestError(f"{source}: missing or changed since the manifest was written")
        shutil.copyfile(source, target)
        target.chmod(0o755 if entry.executable else 0o644)
    for command in COMMANDS:
        link = _inside(root, PurePosixPath("/usr/bin") / command)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(INSTALL_DIR / command)
    templates = sources.templates
    _place(templates / "rhi-desktop.desktop", root, "/usr/share/applications/rhi-desktop.desktop")
    _place(sources.icon, root, "/usr/share/icons/hicolor/scalable/apps/rhi-desktop.svg")
    _place(sources.example_policy, root, str(POLICY))
    _place(templates / "rhi-central.env", root, str(CENTRAL_ENV), mode=0o640)
    _place(templates / "rhi-central.service", root, "/lib/systemd/system/rhi-central.service")
    _place(templates / "copyright", root, f"/usr/share/doc/{PACKAGE}/copyright")
    _place(sources.guide, root, f"/usr/share/doc/{PACKAGE}/README.md")
    _write_control(manifest, root, templates, arch)
    return root


def _inside(root: Path, absolute: PurePosixPath) -> Path:
    return root.joinpath(*absolute.parts[1:])


def _place(source: Path, root: Path, destination: str, mode: int = 0o644) -> None:
    target = _inside(root, PurePosixPath(destination))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _write_control(manifest: Manifest, root: Path, templates: Path, arch: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = (_tree_bytes(root) + 1023) // 1024
    control = (templates / "control.in").read_text(encoding="utf-8")
    for name, value in {
        "@VERSION@": manifest.version,
        "@ARCH@": arch,
        "@INSTALLED_SIZE@": str(installed_kib),
    }.items():
        control = control.replace(name, value)
    if re.search(r"@[A-Z_]+@", control):
        raise ManifestError("control.in has a placeholder this build does not fill")
    (debian / "control").write_text(control, encoding="utf-8")
    shutil.copyfile(templates / "conffiles", debian / "conffiles")
    for script in MAINTAINER_SCRIPTS:
        shutil.copyfile(templates / script, debian / script)
        (debian / script).chmod(0o755)
    (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")


def _tree_bytes(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith("DEBIAN") or path.is_symlink() or not path.is_file():
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {relative}\n")
    return "".join(lines)


def build_deb(root: Path, out_dir: Path, manifest: Manifest, arch: str) -> Path:
    """`dpkg-deb --build` the staged tree; files are owned by root whoever builds.

    zstd, as dpkg has read since Debian 12 (which the bundle needs anyway for its C
    library): it builds in seconds where xz takes minutes, for a package 20% larger.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{manifest.version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def package_paths(manifest: Manifest) -> list[str]:
    """The bundle's paths as installed, e.g. `/opt/rhi-desktop/_internal/...`."""
    return [str(INSTALL_DIR / entry.path) for entry in manifest.entries]
