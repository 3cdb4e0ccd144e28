"""The language setting: a translation is loaded when one ships for it, and a language
without one is shown in British English with a line in the log saying so."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tests.ui.translators import compile_catalogue
from ui.appearance import install_translations


@pytest.fixture(autouse=True)
def _locale_restored(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def _compiled(directory: Path) -> None:
    compile_catalogue(
        directory, "rhi_desktop_cy_GB", "cy_GB", {"MainWindow": {"Sync now": "Cysoni nawr"}}
    )


def test_a_shipped_translation_is_used(qapp: QApplication, tmp_path: Path) -> None:
    _compiled(tmp_path)
    translator = install_translations(qapp, "cy-GB", tmp_path)
    assert isinstance(translator, QTranslator)
    try:
        assert QCoreApplication.translate("MainWindow", "Sync now") == "Cysoni nawr"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Sync now") == "Sync now"


def test_a_language_without_a_translation_is_shown_in_english_and_logged(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.appearance"):
        assert install_translations(qapp, "pl", tmp_path) is None
    assert QCoreApplication.translate("MainWindow", "Sync now") == "Sync now"
    assert [r.getMessage() for r in caplog.records] == [
        "no translation for language pl; showing British English"
    ]


@pytest.mark.parametrize("language", ["en-GB", "en"])
def test_english_needs_no_translation_and_is_not_reported(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture, language: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.appearance"):
        assert install_translations(qapp, language, tmp_path) is None
    assert caplog.records == []
