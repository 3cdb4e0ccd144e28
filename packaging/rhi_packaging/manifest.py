"""The bundle manifest: every file and link of the frozen bundle, with size and digest.

Paths are relative to the bundle folder and always use forward slashes, whatever the
platform that built it, so the same reader serves the Debian and the Windows packaging.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

FORMAT = 1
_CHUNK = 1 << 20


class ManifestError(Exception):
    """The bundle or manifest cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One file (with size, SHA-256 and whether it is executable) or one symbolic link."""

    path: str
    size: int = 0
    sha256: str | None = None
    executable: bool = False
    link: str | None = None  # the link's target, relative to the link's folder

    @property
    def is_link(self) -> bool:
        return self.link is not None


@dataclass(frozen=True, slots=True)
class Manifest:
    app: str
    version: str
    platform: str
    executables: tuple[str, ...]
    entries: tuple[Entry, ...]

    def paths(self) -> list[str]:
        return [entry.path for entry in self.entries]

    def total_bytes(self) -> int:
        return sum(entry.size for entry in self.entries)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "app": self.app,
            "version": self.version,
            "platform": self.platform,
            "executables": list(self.executables),
            "files": [
                {key: value for key, value in asdict(entry).items() if value not in (None, False)}
                for entry in self.entries
            ],
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"


def project_version(pyproject: Path) -> str:
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def scan_bundle(
    bundle: Path, *, app: str, version: str, platform: str, executables: tuple[str, ...]
) -> Manifest:
    """Describe every file and link under `bundle`; links must stay inside it."""
    if not bundle.is_dir():
        raise ManifestError(f"{bundle}: no bundle here; build it with PyInstaller first")
    for name in executables:
        if not (bundle / name).is_file():
            raise ManifestError(f"{bundle / name}: the bundle lacks this program")
    entries: list[Entry] = []
    for path in sorted(_walk(bundle), key=lambda p: p.relative_to(bundle).as_posix()):
        relative = path.relative_to(bundle).as_posix()
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(path)
            resolved = (path.parent / target).resolve()
            if Path(target).is_absolute() or not resolved.is_relative_to(bundle.resolve()):
                raise ManifestError(f"{path}: link points outside the bundle ({target})")
            entries.append(Entry(relative, link=Path(target).as_posix()))
        elif stat.S_ISREG(info.st_mode):
            executable = bool(info.st_mode & stat.S_IXUSR) or relative in executables
            entries.append(Entry(relative, info.st_size, _sha256(path), executable))
        else:
            raise ManifestError(f"{path}: neither a file nor a link")
    return Manifest(app, version, platform, executables, tuple(entries))


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, directories, files in os.walk(root, followlinks=False):
        base = Path(folder)
        # A link to a folder is recorded as a link, not walked into.
        found += [base / name for name in directories if (base / name).is_symlink()]
        found += [base / name for name in files]
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(manifest: Manifest, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(manifest.to_json(), encoding="utf-8")


def read_manifest(path: Path) -> Manifest:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({type(exc).__name__})") from None
    if data.get("format") != FORMAT:
        raise ManifestError(f"{path}: manifest format {data.get('format')!r}, expected {FORMAT}")
    entries = tuple(
        Entry(
            path=item["path"],
            size=int(item.get("size", 0)),
            sha256=item.get("sha256"),
            executable=bool(item.get("executable", False)),
            link=item.get("link"),
        )
        for item in data["files"]
    )
    return Manifest(
        data["app"], data["version"], data["platform"], tuple(data["executables"]), entries
    )


def verify_bundle(manifest: Manifest, bundle: Path) -> list[str]:
    """Differences between the manifest and the bundle on disk (empty when they agree)."""
    problems: list[str] = []
    for entry in manifest.entries:
        path = bundle / entry.path
        if entry.is_link:
            if not path.is_symlink() or Path(os.readlink(path)).as_posix() != entry.link:
                problems.append(f"{entry.path}: link missing or changed")
        elif not path.is_file() or path.is_symlink():
            problems.append(f"{entry.path}: missing")
        elif path.stat().st_size != entry.size or _sha256(path) != entry.sha256:
            problems.append(f"{entry.path}: content changed")
    listed = set(manifest.paths())
    problems += [f"{p}: not in the manifest" for p in _relative_paths(bundle) if p not in listed]
    return problems


def _relative_paths(bundle: Path) -> list[str]:
    return sorted(path.relative_to(bundle).as_posix() for path in _walk(bundle))
