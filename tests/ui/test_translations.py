"""Every string a person reads goes through Qt's translation, and the catalogue
(resources/translations/rhi_desktop_en_GB.ts) is up to date with the source."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from rhi_desktop.profile import ProfilePaths
from ui import translation_catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_catalogue_lists_exactly_the_strings_in_the_source() -> None:
    missing, gone = translation_catalogue.out_of_date()
    assert (missing, gone) == (set(), set()), "run: python -m ui.translation_catalogue"
    assert len(translation_catalogue.messages(translation_catalogue.CATALOGUE)) > 200


def test_every_visible_string_on_every_screen_comes_through_translation(
    tmp_path: Path, seeded: ProfilePaths
) -> None:
    pseudo = tmp_path / "pseudo.ts"
    translation_catalogue.extract(pseudo)
    tree = ElementTree.parse(pseudo)  # noqa: S314
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        translation.text = f"‹{message.findtext('source')}›"
    tree.write(pseudo, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "pseudo.qm"
    lrelease = Path(translation_catalogue.lupdate()).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(pseudo), "-qm", str(qm)], check=True)
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.translated_screens", str(qm), str(seeded.root)],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
