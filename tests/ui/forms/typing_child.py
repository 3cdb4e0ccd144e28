"""A child process for the kill test: a real encrypted store, the interview form shown
offscreen, and a script typed into it one keystroke at a time, until the parent kills it.

Usage: python -m tests.ui.forms.typing_child DB INTERVIEW_ID; the data key comes as hex
on the first line of stdin (never on the command line). Prints `ready` once the form is
up, then `typed N T` after the Nth keystroke, T being time.monotonic() (one clock for
parent and child), and `saved N T` after each autosave, N being the keystrokes it
holds. Stops by itself after the script, should the parent never kill it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import Store
from ui.forms.editor import InterviewFormEditor, open_form_editor

FIELD = "reflection_notes"
SCRIPT = "".join(f"Note {n:03d}. " for n in range(40))  # 400 keystrokes, each one different
KEY_INTERVAL_MS = 25


def open_shown_editor(argv: list[str]) -> tuple[Store, QApplication, InterviewFormEditor]:
    """The store at argv[0] (its key the first line of stdin), and the form of interview
    argv[1] shown offscreen as the app shows it."""
    db, interview_id = Path(argv[0]), argv[1]
    key = bytes.fromhex(sys.stdin.readline().strip())
    store = Store.open(db, key)
    app = QApplication([])
    editor = open_form_editor(
        store=lambda: store,
        actor=lambda: "interviewer-1",
        interview_id=interview_id,
        registry=FormRegistry(BUNDLED_FORMS_DIR),
    )
    editor.resize(1000, 700)
    editor.show()
    editor.activateWindow()
    return store, app, editor


def main(argv: list[str]) -> int:
    store, app, editor = open_shown_editor(argv)
    editor.renderer.focus_field(FIELD)
    target = editor.renderer.field_view(FIELD).controls()[0]
    typed = 0

    def next_key() -> None:
        nonlocal typed
        if typed == len(SCRIPT):
            print("done", flush=True)
            app.quit()
            return
        character = SCRIPT[typed]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            )
        typed += 1
        print(f"typed {typed} {time.monotonic():.6f}", flush=True)

    def saved() -> None:
        held = editor.renderer.session.answer(FIELD)
        print(
            f"saved {len(held) if isinstance(held, str) else 0} {time.monotonic():.6f}", flush=True
        )

    editor.saved.connect(saved)
    ticker = QTimer()
    ticker.setInterval(KEY_INTERVAL_MS)
    ticker.timeout.connect(next_key)
    ticker.start()
    print("ready", flush=True)
    app.exec()
    ticker.stop()
    editor.close()
    store.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1:]))
