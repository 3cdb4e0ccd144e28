"""Screenshots of the form, saved for people to look at and checked not to be blank."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

MIN_COLOURS = 16  # text, its anti-aliasing, frames and icons: a blank grab has one or two


def distinct_colours(image: QImage) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(rgb.constBits()).cast("I")  # one 32-bit word per pixel, no padding
    return len(set(pixels))


def save_screenshot(
    widget: QWidget, directory: Path, name: str, drawn: Sequence[QWidget] = ()
) -> Path:
    """Grab `widget`, save it, and check the picture is not blank: as a whole, and
    where each of `drawn` (parts that must show, such as the page's labels) is."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.png"
    QApplication.processEvents()  # let pending layout requests settle, as a frame would
    image = widget.grab().toImage()
    assert image.save(str(path)), f"could not write {path.name}"
    saved = QImage(str(path))
    colours = distinct_colours(saved)
    assert colours > MIN_COLOURS, f"{path.name} looks blank ({colours} colours)"
    scale = saved.width() / max(widget.width(), 1)  # a grab is in device pixels
    for part in drawn:
        corner = part.mapTo(widget, QPoint(0, 0))
        area = QRect(corner * scale, part.size() * scale)
        ink = distinct_colours(saved.copy(area))
        assert ink > 2, f"{path.name}: nothing drawn where {part.objectName() or part} is"
    return path
