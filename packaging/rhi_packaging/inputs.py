"""A digest of everything the frozen bundle is built from, so an unchanged bundle is reused.

The source packages, resources, the spec and entry scripts, pyproject.toml, and the
exact set of installed distributions (name and version) in the building environment.
Building twice from the same inputs gives the same bundle, so `make package`, the
packaging test and the benchmark share one PyInstaller run.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

SOURCES = ("rhi_desktop", "sync", "ui", "resources", "packaging/entry")
FILES = ("pyproject.toml", "packaging/rhi-desktop.spec")
_SKIPPED_PARTS = {"__pycache__"}


def inputs_digest(repo: Path) -> str:
    digest = hashlib.sha256()
    paths = [repo / name for name in FILES]
    for folder in SOURCES:
        paths += [
            path
            for path in (repo / folder).rglob("*")
            if path.is_file() and not _SKIPPED_PARTS.intersection(path.parts)
        ]
    for path in sorted(paths):
        digest.update(path.relative_to(repo).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(installed).encode("utf-8"))
    return digest.hexdigest()
