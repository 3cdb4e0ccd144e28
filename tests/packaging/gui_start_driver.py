"""Starts the desktop app the way a person does (`ui.app.main` without a command) and
answers the first message box it shows, printing its text; the exit code is the app's.

Usage: python -m tests.packaging.gui_start_driver PROFILE_DIR
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

POLL_MS = 20


def main() -> int:
    app = QApplication(["rhi-desktop"])
    shown: list[str] = []

    def answer_box() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                shown.append(widget.text())
                widget.done(0)
                return
        QTimer.singleShot(POLL_MS, answer_box)

    QTimer.singleShot(0, answer_box)
    from ui.app import main as app_main

    code = app_main(["--profile", sys.argv[1]])
    for text in shown:
        print(f"MESSAGE BOX: {text}")
    return code


if __name__ == "__main__":
    sys.exit(main())
