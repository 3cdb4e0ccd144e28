"""Run in a child process with QT_SCALE_FACTOR set (it must be set before Qt starts):
open every main screen on a 1366x768 screen, fit each to the screen's available space,
save a screenshot and list anything clipped. Prints one line per problem; exit 1 if any.

    python -m tests.ui.scaled_screens PROFILE_DIR ARTIFACTS_DIR SUFFIX
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from tests.ui.driving import PASSPHRASE, clipped_widgets, distinct_colours
from ui.caseload_model import Column
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.first_run import FirstRunWizard
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.window import application


def _wait(condition: object, timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    waited = 0
    while not condition():  # type: ignore[operator]
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        waited += 20
        if waited > timeout_ms:
            raise TimeoutError("the app did not get there in time")


def _check(widget: QWidget, name: str, artifacts: Path, suffix: str) -> list[str]:
    available = QGuiApplication.primaryScreen().availableGeometry()
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    problems = []
    if hint.width() > available.width() or hint.height() > available.height():
        problems.append(
            f"{name}: needs at least {hint.width()}x{hint.height()}, the screen offers "
            f"{available.width()}x{available.height()}"
        )
    widget.resize(
        min(max(widget.width(), hint.width()), available.width()),
        min(max(widget.height(), hint.height()), available.height()),
    )
    QApplication.processEvents()
    if widget.width() > available.width() or widget.height() > available.height():
        problems.append(f"{name}: {widget.width()}x{widget.height()} is larger than the screen")
    image = widget.grab().toImage()
    image.save(str(artifacts / f"{name}-{suffix}.png"))
    if distinct_colours(image) <= 8:
        problems.append(f"{name}: the screenshot is blank")
    problems.extend(f"{name}: {p}" for p in clipped_widgets(widget))
    return problems


def _cut_columns(table: QTableView) -> list[str]:
    """Columns whose text (status, due by, time left, deadline) does not fit."""
    return [
        f"caseload: the {table.model().headerData(column, Qt.Orientation.Horizontal)} "
        f"column is {table.columnWidth(column)} px, its text needs "
        f"{table.sizeHintForColumn(column)}"
        for column in (Column.STATE, Column.DUE_BY, Column.TIME_LEFT, Column.DEADLINE)
        if table.columnWidth(column) < table.sizeHintForColumn(column)
    ]


def _out_of_view(table: QTableView) -> list[str]:
    """The columns a person cannot do without (status, the 72-hour deadline, time left)
    that are not whole in view before any sideways scrolling."""
    header = table.horizontalHeader()
    table.horizontalScrollBar().setValue(0)
    return [
        f"caseload: the {table.model().headerData(column, Qt.Orientation.Horizontal)} "
        f"column ends at {header.sectionViewportPosition(column) + table.columnWidth(column)} "
        f"px, past the {table.viewport().width()} px in view"
        for column in (Column.STATE, Column.DEADLINE, Column.TIME_LEFT)
        if header.sectionViewportPosition(column) + table.columnWidth(column)
        > table.viewport().width()
    ]


def main(profile: Path, artifacts: Path, suffix: str) -> int:
    app = application()
    problems: list[str] = []
    wizard = FirstRunWizard(None, False, False)
    wizard.show()
    problems += _check(wizard, "first-run", artifacts, suffix)
    wizard.close()

    paths = ProfilePaths(profile)
    controller = AppController(app, paths, Settings.load(paths), find_keystore=lambda: None)
    controller.start()
    assert controller.unlock_window is not None
    problems += _check(controller.unlock_window, "unlock", artifacts, suffix)
    controller.unlock_window.panel.passphrase.setText(PASSPHRASE)
    controller.unlock_window.panel.unlock_button.click()
    _wait(lambda: controller.main_window is not None)
    window = controller.main_window
    assert window is not None
    window.reveal_action.trigger()
    window.show_view(CaseloadView.ALL)
    window.showMaximized()
    problems += _check(window, "caseload", artifacts, suffix)
    problems += _cut_columns(window.table)
    problems += _out_of_view(window.table)
    window.table.selectRow(0)
    window.new_case()
    _wait(lambda: isinstance(QApplication.activeModalWidget(), NewCaseDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    problems += _check(dialog, "new-case", artifacts, suffix)
    dialog.close()
    window.show_view(CaseloadView.DUE)
    window.table.selectRow(0)
    window.record_offer()
    _wait(lambda: isinstance(QApplication.activeModalWidget(), OfferDialog))
    offer = QApplication.activeModalWidget()
    assert offer is not None
    problems += _check(offer, "offer", artifacts, suffix)
    offer.close()
    controller.lock("test")
    problems += _check(window, "locked", artifacts, suffix)
    controller.shutdown()
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
