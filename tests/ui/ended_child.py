"""A child process for the system-ending test: the whole app (`ui.window.run_gui`) on a
profile the parent seeded, offscreen. It unlocks, opens the first interview in progress,
types into its reflection notes (a first part saved, a last part not yet), prints
`typed INTERVIEW_ID`, and runs until the parent sends it a signal.

Usage: python -m tests.ui.ended_child PROFILE
"""

from __future__ import annotations

import os
import sys
from typing import TypeVar

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from rhi_desktop.domain.entities import InterviewState
from tests.ui.driving import PASSPHRASE, select_first
from ui import window
from ui.caseload_views import CaseloadView
from ui.main_window import MainWindow
from ui.unlock import UnlockWindow

FIELD = "reflection_notes"
SAVED = "Saved part. "
TYPED = "Typed just before the laptop was shut down."
WAIT_MS = 100
Shown = TypeVar("Shown", bound=QWidget)


def _shown(kind: type[Shown]) -> list[Shown]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _unlock() -> None:
    """Once the app runs its event loop (its unlock window shows before the app is built,
    with events let through to paint it)."""
    windows = _shown(UnlockWindow)
    running = QThread.currentThread().loopLevel() > 0
    if not running or not windows or not windows[0].panel.passphrase.isEnabled():
        QTimer.singleShot(WAIT_MS, _unlock)
        return
    panel = windows[0].panel
    panel.passphrase.setText(PASSPHRASE)
    QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)
    QTimer.singleShot(WAIT_MS, _type)


def _type() -> None:
    mains = [w for w in _shown(MainWindow) if not w.covered]
    if not mains:
        QTimer.singleShot(WAIT_MS, _type)
        return
    main = mains[0]
    main.show_view(CaseloadView.IN_PROGRESS)
    interview_id = select_first(main, InterviewState.IN_PROGRESS)
    main.open_action.trigger()
    frame = main.interview_window(interview_id)
    assert frame is not None
    editor = frame.editor
    editor.renderer.focus_field(FIELD)
    box = editor.renderer.field_view(FIELD).controls()[0]
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("")
    box.insertPlainText(SAVED)
    editor.flush()
    box.insertPlainText(TYPED)  # left to autosave, which has not run yet
    print("typed", interview_id, flush=True)


def _fail(kind: type[BaseException], error: BaseException, trace: object) -> None:
    """A step that fails ends the child, rather than leaving the parent waiting."""
    sys.__excepthook__(kind, error, trace)  # type: ignore[arg-type]
    os._exit(3)


if __name__ == "__main__":
    sys.excepthook = _fail
    window.application()
    QTimer.singleShot(0, _unlock)
    sys.exit(window.run_gui(["--profile", sys.argv[1]]))
