"""What is copied while the app is active is marked to be kept out of clipboard histories,
and otherwise left as it was: text, rich text and images alike."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.clipboard_guard import KEEP_OUT_OF_HISTORY, ClipboardGuard


def _marked(data: QMimeData | None) -> bool:
    return data is not None and all(
        bytes(data.data(kind).data()) == value for kind, value in KEEP_OUT_OF_HISTORY.items()
    )


def test_a_copy_keeps_its_text_rich_text_and_image_when_marked(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    guard = ClipboardGuard(qapp, window)
    clipboard = qapp.clipboard()

    rich = QMimeData()
    rich.setText("Bus station")
    rich.setHtml("<b>Bus station</b>")
    clipboard.setMimeData(rich)
    copied = clipboard.mimeData()
    assert _marked(copied)
    assert copied is not None and copied.text() == "Bus station"
    assert copied.html() == "<b>Bus station</b>"

    # A screenshot taken while the app is active: its image was replaced by an empty one.
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    clipboard.setImage(image)
    assert _marked(clipboard.mimeData())
    assert clipboard.image().pixelColor(0, 0) == QColor("red")

    guard.forget_copied()
    assert clipboard.text() == "" and clipboard.image().isNull()
