"""Run in a child process on a small offscreen screen (QT_QPA_PLATFORM with a configfile)
in 16-point text: open dialogs over a window filling the screen, as they open in the
app, and print one line for each that goes past the screen's edges or cuts its text.
Exit 1 if any.

    python -m tests.ui.small_screen_dialogs
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QScrollArea, QWidget

from rhi_desktop.domain.entities import ReturnInterview, new_id
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from ui.appearance import apply_look
from ui.new_case_dialog import NewCaseDialog
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
    placed = dialog.frameGeometry()
    if not room.contains(placed):
        found.append(f"{name}: at {placed.getRect()}, past the screen's {room.getRect()}")
    if dialog.hasHeightForWidth() and dialog.height() < dialog.heightForWidth(dialog.width()):
        found.append(f"{name}: {dialog.height()} px tall, its text needs "
                     f"{dialog.heightForWidth(dialog.width())}")  # fmt: skip
    for scroll in dialog.findChildren(QScrollArea):
        if scroll.horizontalScrollBar().isVisible():
            found.append(f"{name}: its fields scroll sideways")
    if isinstance(dialog, NewCaseDialog):
        found += _out_of_sight_when_chosen(name, dialog, dialog.return_time)
    dialog.close()
    return found


def _out_of_sight_when_chosen(name: str, dialog: QDialog, field: QWidget) -> list[str]:
    """`field` given the focus (as a problem or an Alt+letter gives it) is in view."""
    field.setFocus()
    QApplication.processEvents()
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    seen = scroll.viewport().rect()
    shown = QRect(field.mapTo(scroll.viewport(), QPoint(0, 0)), field.size())
    return [] if seen.contains(shown) else [f"{name}: the field given the focus is out of view"]


def main() -> int:
    app = QApplication(sys.argv)
    font = app.font()
    font.setPointSizeF(16)
    app.setFont(font)
    apply_look(app)
    window = QWidget()  # the main window, filling the screen, that dialogs open over
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    check = check_for_sign_off(_started_and_left(), lambda: NOW, FormRegistry(BUNDLED_FORMS_DIR))
    assert len(check.issues) > MAX_LISTED_ISSUES
    problems = [
        *_problems(
            "sign-off",
            SignOffDialog(
                lambda _: None, window, case_reference="DEMO-00001", hidden_answers=True,
                kept_aside=True,
            ),
        ),
        *_problems("sign-off refused", blocker_box(window, check, open_already=True)),
        *_problems("new found child", NewCaseDialog(lambda _: None, window)),
    ]  # fmt: skip
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
