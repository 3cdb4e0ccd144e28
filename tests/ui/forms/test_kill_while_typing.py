"""A crash or power cut while typing loses at most the last two seconds of typing, and
answers a change hid two seconds before are still offered back by Undo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pytestqt.qtbot import QtBot

from rhi_desktop.forms import Form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.store import Store
from tests.ui.forms.conftest import ACTOR, add_draft, fixed_clock
from tests.ui.forms.typing_child import FIELD, SCRIPT
from ui.forms.editor import open_form_editor

REPO = Path(__file__).resolve().parents[3]
TYPE_FOR_SECONDS = 6.0
"""Long enough for several saves, so each keystroke's wait for one is seen."""
AT_MOST_LOST_SECONDS = 2.0


@contextmanager
def _running(
    module: str, db: Path, dek: bytes, interview_id: str
) -> Iterator[tuple[subprocess.Popen[str], IO[str]]]:
    """The child process on the store, handed its key on stdin (never the command line),
    and waited for (killed, if the test did not) when the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-m", module, str(db), interview_id],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(dek.hex() + "\n")
        child.stdin.close()
        yield child, child.stdout
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()


def test_interview_survives_kill_during_typing(tmp_path: Path) -> None:
    dek = os.urandom(32)
    db = tmp_path / "rhi.db"
    with Store.create(db, dek) as store:
        interview_id = add_draft(store)
    typed_at: dict[int, float] = {}
    saves: list[tuple[int, float]] = []  # keystrokes held, when
    with _running("tests.ui.forms.typing_child", db, dek, interview_id) as (child, stdout):
        assert stdout.readline().strip() == "ready"
        started: float | None = None
        while True:
            line = stdout.readline()
            assert line.startswith(("typed ", "saved ")), f"the child stopped early: {line!r}"
            kind, count, at = line.split()
            if kind == "saved":
                saves.append((int(count), float(at)))
                continue
            typed_at[int(count)] = float(at)
            started = started or float(at)
            if float(at) - started >= TYPE_FOR_SECONDS:
                break
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    assert child.returncode == -signal.SIGKILL

    safe = max(n for n, at in typed_at.items() if at <= killed_at - AT_MOST_LOST_SECONDS)
    # Whenever the kill had come, what was typed 2 s before was saved by then: no
    # keystroke (up to the last one the kill had to keep) waited longer for a save.
    for n in range(1, safe + 1):
        saved_at = next((at for held, at in saves if held >= n), None)
        assert saved_at is not None, f"keystroke {n} was never saved"
        waited = saved_at - typed_at[n]
        assert waited <= AT_MOST_LOST_SECONDS, f"keystroke {n} waited {waited:.1f} s to be saved"
    with Store.open(db, dek) as reopened:
        assert reopened.integrity_check() == ["ok"]
        kept = reopened.interviews.get(interview_id).answers.get(FIELD, "")
    assert SCRIPT.startswith(kept), "what was saved is not what was typed"
    assert len(kept) >= safe, f"typed {safe} keys 2 s before the kill, only {len(kept)} kept"
    assert len(kept) <= max(typed_at)


def test_answers_hidden_by_a_change_survive_a_kill_with_undo_offered_again(
    tmp_path: Path, qtbot: QtBot, rhi_form: Form
) -> None:
    dek = os.urandom(32)
    db = tmp_path / "rhi.db"
    venue = rhi_form.fields["venue_type"].choices[2]
    with Store.create(db, dek) as store:
        interview_id = add_draft(store, answers={"offer_outcome": "accepted", "venue_type": venue})
    with _running("tests.ui.forms.hiding_child", db, dek, interview_id) as (child, stdout):
        line = stdout.readline()
        assert line.startswith("hidden "), f"the child stopped early: {line!r}"
        hidden_at = float(line.split()[1])
        time.sleep(max(0.0, hidden_at + AT_MOST_LOST_SECONDS - time.monotonic()))
        os.kill(child.pid, signal.SIGKILL)
    assert child.returncode == -signal.SIGKILL

    with Store.open(db, dek) as reopened:
        assert reopened.integrity_check() == ["ok"]
        assert reopened.interviews.get(interview_id).answers == {
            "offer_outcome": "declined_by_child"
        }
        editor = open_form_editor(
            store=lambda: reopened,
            actor=lambda: ACTOR,
            interview_id=interview_id,
            registry=FormRegistry(BUNDLED_FORMS_DIR),
            clock=fixed_clock,
        )
        qtbot.addWidget(editor)
        notice = editor.renderer.hidden_notice
        assert notice is not None, "Undo was lost with the process"
        notice.undo_button.click()
        editor.close()
        assert reopened.interviews.get(interview_id).answers == {
            "offer_outcome": "accepted",
            "venue_type": venue,
        }
