"""Run in a child process on a small offscreen screen (QT_QPA_PLATFORM with a configfile)
in 16-point text: open the dialogs whose text wraps, as they open in the app, and print
one line for each that is larger than the screen or cuts its text. Exit 1 if any.

    python -m tests.ui.small_screen_dialogs
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rhi_desktop.domain.entities import ReturnInterview, new_id
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from ui.appearance import apply_look
from ui.sign_off_check import check_for_sign_off
from ui.sign_off_dialogs import MAX_LISTED_ISSUES, SignOffDialog, blocker_box

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _started_and_left() -> ReturnInterview:
    """An accepted interview with nothing else answered: dozens of questions to answer."""
    return ReturnInterview(
        id=new_id(),
        child_id=new_id(),
        episode_ids=(),
        interviewer_id="iv",
        returned_at=NOW,
        form_id="rhi",
        form_version=1,
        answers={"offer_outcome": "accepted"},
    )


def _problems(name: str, dialog: QDialog | QMessageBox) -> list[str]:
    dialog.show()
    QApplication.processEvents()
    room = QGuiApplication.primaryScreen().availableGeometry()
    found = []
    if dialog.width() > room.width() or dialog.height() > room.height():
        found.append(f"{name}: {dialog.width()}x{dialog.height()} on a {room.width()}x"
                     f"{room.height()} screen")  # fmt: skip
    if dialog.hasHeightForWidth() and dialog.height() < dialog.heightForWidth(dialog.width()):
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
    check = check_for_sign_off(_started_and_left(), lambda: NOW, FormRegistry(BUNDLED_FORMS_DIR))
    assert len(check.issues) > MAX_LISTED_ISSUES
    problems += _problems("sign-off refused", blocker_box(None, check, open_already=True))
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
