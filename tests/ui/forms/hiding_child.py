"""A child process for the kill test of hidden answers: a real encrypted store, the
interview form shown offscreen, and one change that hides answers already given, left
with its notice up until the parent kills the process.

Usage: python -m tests.ui.forms.hiding_child DB INTERVIEW_ID; the data key comes as hex
on the first line of stdin (never on the command line). Prints `hidden T` once the
change is made, T being time.monotonic() (one clock for parent and child). Stops by
itself after a while, should the parent never kill it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from tests.ui.forms.keyboard import Keyboard
from tests.ui.forms.typing_child import open_shown_editor

DECLINED = "Declined by the young person"
GIVE_UP_MS = 30_000


def main(argv: list[str]) -> int:
    store, app, editor = open_shown_editor(argv)
    editor.renderer.focus_field("offer_outcome")
    QApplication.processEvents()
    outcome = editor.renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    Keyboard().choose(outcome, DECLINED)
    if editor.renderer.hidden_notice is None:
        print("nothing hidden", flush=True)
        return 1
    print(f"hidden {time.monotonic():.6f}", flush=True)
    QTimer.singleShot(GIVE_UP_MS, app.quit)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1:]))
