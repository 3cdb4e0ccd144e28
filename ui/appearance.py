"""The app's look and language: the stylesheet, SVG icons and translations.

All three live under `resources/` next to the packages, so a frozen build ships them as
data files in the same layout.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QFont, QFontInfo, QIcon
from PySide6.QtWidgets import QApplication

from rhi_desktop.resources import resources_dir

log = logging.getLogger(__name__)

RESOURCES = resources_dir()
ICONS = RESOURCES / "icons"
STYLE = RESOURCES / "style" / "app.qss"
TEXT_POINT_SIZE = 10.0
"""The app's text size, unless the system's is larger: someone who needs larger text sets
it there, and every screen follows."""
HEADING_SCALE = 1.3
TEXT_SIZE, HEADING_SIZE = "@text-size@", "@heading-size@"
"""Stand in the stylesheet for the text's size and the headings', worked out from it."""
TRANSLATIONS = RESOURCES / "translations"
TRANSLATION_PREFIX = "rhi_desktop_"


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (an empty icon if the file is missing)."""
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        log.warning("icon %s is missing", name)
        return QIcon()
    return QIcon(str(path))


def stylesheet(text_points: float = TEXT_POINT_SIZE) -> str:
    """The app's stylesheet for text of `text_points`: text is the application font's
    size (a larger system font's, if set), and the few rules that must name a size take
    it, or the headings' size, from `text_points`."""
    try:
        sheet = STYLE.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("stylesheet unavailable (%s)", type(exc).__name__)
        return ""
    sheet = sheet.replace(TEXT_SIZE, f"{text_points:.1f}pt")
    return sheet.replace(HEADING_SIZE, f"{text_points * HEADING_SCALE:.1f}pt")


def apply_look(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same widgets everywhere, so the stylesheet reads alike
    font = app.font()
    points = QFontInfo(font).pointSizeF()  # a font sized in pixels has one too
    if points < TEXT_POINT_SIZE:
        font.setPointSizeF(TEXT_POINT_SIZE)
        app.setFont(font)
    app.setStyleSheet(stylesheet(max(points, TEXT_POINT_SIZE)))


def heading_font(font: QFont) -> QFont:
    """`font`, larger by `HEADING_SCALE` and bold, whether sized in points or pixels."""
    larger = QFont(font)
    if font.pointSizeF() > 0:
        larger.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    else:
        larger.setPixelSize(round(font.pixelSize() * HEADING_SCALE))
    larger.setBold(True)
    return larger


def apply_window_icon(app: QApplication) -> None:
    """Separate from the look: rendering the SVG icon can wait until after the first window."""
    app.setWindowIcon(icon("app"))


def falls_back_to_english(language: str, directory: Path = TRANSLATIONS) -> bool:
    """Whether `language` is one the app shows in British English for want of its
    translation, as `install_translations` does."""
    from PySide6.QtCore import QLocale, QTranslator

    locale = QLocale(language.replace("-", "_"))
    if locale.language() is QLocale.Language.English:
        return False
    return not QTranslator().load(locale, "rhi_desktop", "_", str(directory), ".qm")


def install_translations(
    app: QCoreApplication, language: str, directory: Path = TRANSLATIONS
) -> QObject | None:
    """Load rhi_desktop_<lang>.qm from `directory` if there is one for `language`.

    The source strings are British English, so English needs no file. Any other language
    without a translation is shown in English, and the log says so: policy may name a
    language before its translation ships.
    """
    from PySide6.QtCore import QLocale, QTranslator

    locale = QLocale(language.replace("-", "_"))
    QLocale.setDefault(locale)  # forms choose their language from it (`ui.form_language`)
    translator = QTranslator(app)
    if translator.load(locale, "rhi_desktop", "_", str(directory), ".qm"):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    if locale.language() is not QLocale.Language.English:
        log.warning("no translation for language %s; showing British English", language)
    return None
