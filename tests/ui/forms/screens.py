"""Screenshots of the form, saved for people to look at and checked not to be blank."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

MIN_COLOURS = 16  # text, its anti-aliasing, frames and icons: a blank grab has one or two


def distinct_colours(image: QImage) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(rgb.constBits()).cast("I")  # one 32-bit word per pixel, no padding
    return len(set(pixels))


def save_screenshot(widget: QWidget, directory: Path, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    QApplication.processEvents()  # let pending layout requests settle, as a frame would
    image = widget.grab().toImage()
    assert image.save(str(path)), f"could not write {path.name}"
    colours = distinct_colours(QImage(str(path)))
    assert colours > MIN_COLOURS, f"{path.name} looks blank ({colours} colours)"
    return path
