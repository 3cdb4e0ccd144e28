"""Run in a child process on a small offscreen screen (QT_QPA_PLATFORM with a configfile)
in 16-point text: open the dialogs whose text wraps, as they open in the app, and print
one line for each that is larger than the screen or cuts its text. Exit 1 if any.

    python -m tests.ui.small_screen_dialogs
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from ui.appearance import apply_look
from ui.sign_off_dialogs import SignOffDialog


def _problems(name: str, dialog: QDialog) -> list[str]:
    dialog.show()
    QApplication.processEvents()
    room = QGuiApplication.primaryScreen().availableGeometry()
    found = []
    if dialog.width() > room.width() or dialog.height() > room.height():
        found.append(f"{name}: {dialog.width()}x{dialog.height()} on a {room.width()}x"
                     f"{room.height()} screen")  # fmt: skip
    if dialog.height() < dialog.heightForWidth(dialog.width()):
        found.append(f"{name}: {dialog.height()} px tall, its text needs "
                     f"{dialog.heightForWidth(dialog.width())}")  # fmt: skip
    dialog.close()
    return found


def main() -> int:
    app = QApplication(sys.argv)
    font = app.font()
    font.setPointSizeF(16)
    app.setFont(font)
    apply_look(app)
    problems = _problems(
        "sign-off",
        SignOffDialog(
            lambda _: None, None, case_reference="DEMO-00001", hidden_answers=True,
            kept_aside=True,
        ),
    )  # fmt: skip
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
