"""Keeps the translation catalogue (resources/translations/rhi_desktop_en_GB.ts) in step
with the user-facing strings in ui/, using Qt's own extractor (pyside6-lupdate).

    python -m ui.translation_catalogue           # rewrite the catalogue
    python -m ui.translation_catalogue --check   # exit 1 if it is out of date (make lint)

Strings are found where they are written as `self.tr("...")` or
`translate("Context", "...")` / `QCoreApplication.translate("Context", "...")` with
literal text; British English is the source language, so en_GB needs no translations.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "ui"
CATALOGUE = ROOT / "resources" / "translations" / "rhi_desktop_en_GB.ts"


def lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        raise FileNotFoundError("pyside6-lupdate (from PySide6) is not installed")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def extract(target: Path) -> None:
    """Write a fresh catalogue of every translatable string to `target`."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run(
        [lupdate(), *files, "-no-obsolete", "-locations", "none", "-silent", "-ts", str(target)],
        cwd=ROOT,
        check=True,
    )


def messages(catalogue: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message in a .ts file."""
    tree = ElementTree.parse(catalogue)  # noqa: S314 - a file this module wrote
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add((name, message.findtext("source") or ""))
    return found


def out_of_date() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(missing from the catalogue, no longer in the source)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        extract(fresh)
        current = messages(fresh)
    committed = messages(CATALOGUE) if CATALOGUE.exists() else set()
    return current - committed, committed - current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.translation_catalogue")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if stale")
    args = parser.parse_args(argv)
    if not args.check:
        CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
        extract(CATALOGUE)
        print(f"wrote {CATALOGUE.relative_to(ROOT)} ({len(messages(CATALOGUE))} messages)")
        return 0
    missing, gone = out_of_date()
    for context, text in sorted(missing):
        print(f"not in the catalogue: [{context}] {text!r}")
    for context, text in sorted(gone):
        print(f"no longer used: [{context}] {text!r}")
    if missing or gone:
        print("run: python -m ui.translation_catalogue")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
