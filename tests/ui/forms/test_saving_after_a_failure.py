"""When a save fails: a passing failure (the store busy with the sync, a full disk) is
retried by itself until the answers are in, and a conflict that stops saving for good
leaves the form read-only, so nothing is typed that would be kept nowhere."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from rhi_desktop.autosave import DraftWriter
from rhi_desktop.store import (
    DatabaseBusyError,
    DatabaseUnavailableError,
    DiskError,
    DiskFullError,
    Store,
    StoreError,
    Transaction,
)
from rhi_desktop.store.connection import BUSY_TIMEOUT_MS
from tests.ui.conftest import Heard
from tests.ui.forms.conftest import ACTOR, Draft, add_draft
from tests.ui.forms.keyboard import Keyboard
from ui.forms.autosave import RETRY_LONGEST_MS, AutoSaver, passing_cause_text, retry_delay_ms
from ui.forms.editor import InterviewFormEditor
from ui.profile_holder import ProfileHolder

SAID = "She said the man at the flat gave her a phone"
PAGE = 4096
"""The store's page size."""
RETRY_WAIT_MS = 15_000
"""Generous: the point is that the answers arrive without a keystroke, not how fast."""


@contextmanager
def _sync_writing(draft: Draft) -> Iterator[Transaction]:
    """The background sync's own handle on the store, writing: it holds the write lock
    until the block ends (as a long pull does), and is closed after."""
    sync = draft.store.second_handle()
    try:
        with sync.transaction("sync") as tx:
            yield tx
    finally:
        sync.close()


def _notes(editor: InterviewFormEditor) -> QPlainTextEdit:
    box = editor.renderer.field_view("reflection_notes").controls()[0]
    assert isinstance(box, QPlainTextEdit)
    return box


def test_answers_refused_while_the_sync_held_the_store_are_saved_without_another_keystroke(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
    heard: Heard,
    caplog: pytest.LogCaptureFixture,
) -> None:
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    notes = _notes(editor)
    keyboard.fill(notes, SAID[:8])
    editor.flush()
    saved = editor.status.text()
    assert saved.startswith("Saved at ")
    with _sync_writing(draft):  # a long pull holds the write lock past the timeout
        keyboard.type(SAID[8:])
        qtbot.waitUntil(lambda: editor.problem.isVisibleTo(editor), timeout=BUSY_TIMEOUT_MS + 5000)
        told = editor.problem.text()
        assert editor.saver.pending and not editor.saver.stopped
        # It said "Saved at" beside the problem, as long as saving failed.
        assert editor.status.text() == saved.replace("Saved at", "Not saved since")
    # The sync has finished; the interviewer listens and types nothing more.
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == SAID, timeout=RETRY_WAIT_MS)
    assert "by itself" in told and "next change" not in told
    assert "another RHI Desktop window or program. Close it" not in told
    assert not editor.problem.isVisibleTo(editor)  # cleared, as after any save
    said = [text for text, _ in heard]
    assert said[-2:] == [told[2:], "Saving works again: every answer is saved."]
    logged = [r.getMessage() for r in caplog.records if r.name == "ui.forms.autosave"]
    assert logged == [
        "autosave failed (DatabaseBusyError from OperationalError 5), tried again by itself"
    ]
    assert editor.status.text().startswith("Saved at")
    assert not editor.saver.pending
    assert not editor.saver.timer_active  # nothing left to retry


def test_typing_while_the_sync_writes_briefly_is_saved_after_it_untold(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """Each timed save waited out the whole busy timeout on the GUI thread, so typing
    stalled for seconds at a time while the sync wrote; now it finds the store busy,
    gives way, and is tried again a second later, with nothing said unless the store
    stays busy as long as a save the interviewer waits for would wait."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    notes = _notes(editor)
    with _sync_writing(draft):
        keyboard.fill(notes, SAID)
        qtbot.waitUntil(lambda: editor.saver.waiting_for_store)
        assert editor.saver.pending and editor.saver.timer_active  # tried again soon
        assert not editor.problem.isVisibleTo(editor)
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == SAID)
    assert not editor.saver.waiting_for_store
    assert not editor.problem.isVisibleTo(editor)
    assert editor.status.text().startswith("Saved at")


def test_changing_section_while_the_sync_writes_does_not_wait_for_it(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """Each move through the sections waited out the whole busy timeout: five seconds a
    step through the section list while the sync wrote. It saves as a timed save does."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    with _sync_writing(draft):
        keyboard.fill(_notes(editor), SAID)
        keyboard.press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
        assert editor.renderer.current_section != "reflection"
        assert editor.saver.waiting_for_store  # gave way, and tries again by itself
        assert not editor.problem.isVisibleTo(editor)
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == SAID)
    assert not editor.saver.pending


def test_minimising_while_the_sync_writes_does_not_wait_for_it(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """Minimising saved as closing does, waiting out the whole busy timeout: every window
    froze for five seconds, then said the answers could not be saved yet."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    with _sync_writing(draft):
        keyboard.fill(_notes(editor), SAID)
        editor.showMinimized()
        assert editor.saver.waiting_for_store  # gave way, and tries again by itself
        assert not editor.problem.isVisibleTo(editor)
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == SAID)


def test_once_a_save_waited_out_a_busy_store_the_next_does_not_wait_as_long(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """Closing found the store busy and asked; closing anyway then waited the whole busy
    timeout twice more, with the window frozen, for answers the person had let go."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    with _sync_writing(draft):
        keyboard.fill(_notes(editor), SAID)
        editor.flush()  # as closing does: it waits, finds the store busy, and says so
        assert editor.problem.isVisibleTo(editor) and not editor.saver.waiting_for_store
        editor.flush()  # closing anyway
        assert editor.saver.waiting_for_store  # a brief try, then again by itself
    qtbot.waitUntil(lambda: draft.answers().get("reflection_notes") == SAID)
    editor.flush()
    assert not editor.saver.pending and not editor.problem.isVisibleTo(editor)


def test_a_failed_save_is_no_longer_told_once_the_answers_are_back_to_what_was_saved(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
) -> None:
    """What failed to save was rubbed out again: the next try found nothing to write, and
    'Not saved since' and the problem stayed on screen for good."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    notes = _notes(editor)
    keyboard.fill(notes, SAID[:8])
    editor.flush()
    with _sync_writing(draft):
        keyboard.type("xyz")
        qtbot.waitUntil(lambda: editor.problem.isVisibleTo(editor), timeout=BUSY_TIMEOUT_MS + 5000)
        for _ in "xyz":
            keyboard.press(Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not editor.problem.isVisibleTo(editor), timeout=RETRY_WAIT_MS)
    assert editor.status.text().startswith("Saved at")
    assert not editor.saver.pending
    assert draft.answers().get("reflection_notes") == SAID[:8]


def test_a_save_that_keeps_failing_is_tried_less_often_but_never_given_up() -> None:
    waits = [retry_delay_ms(failures) for failures in range(1, 9)]
    assert waits[:4] == [2000, 4000, 8000, 16000]
    assert waits[4:] == [RETRY_LONGEST_MS] * 4 and RETRY_LONGEST_MS <= 30_000


def test_after_a_conflict_the_form_is_read_only_and_what_was_typed_stays_to_copy(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    qtbot: QtBot,
    heard: Heard,
    caplog: pytest.LogCaptureFixture,
) -> None:
    editor = open_editor()
    stored = draft.store.interviews.get(draft.interview_id)
    with _sync_writing(draft) as tx:  # a sync lands a newer version while the form is open
        tx.interviews.save_answers(
            draft.interview_id,
            {"reflection_notes": "From elsewhere"},
            expected_version=stored.version,
        )
    keyboard.to_section(editor.renderer, "reflection")
    notes = _notes(editor)
    name = notes.accessibleName()
    keyboard.fill(notes, "First part. ")
    editor.flush()
    assert editor.saver.stopped
    on_screen = notes.toPlainText()
    assert on_screen.endswith("First part. ")

    keyboard.type("Typed after saving stopped.")
    keyboard.press(Qt.Key.Key_Backspace)
    assert notes.toPlainText() == on_screen  # typing is refused: nothing lives only here
    assert editor.renderer.session.answer("reflection_notes") == on_screen
    assert editor.renderer.read_only and notes.isReadOnly()
    outcome = editor.renderer.field_view("offer_outcome").controls()[0]
    chosen = outcome.property("currentText")
    QTest.keyClick(outcome, Qt.Key.Key_Down)
    assert outcome.property("currentText") == chosen  # choices cannot be changed either
    assert draft.answers() == {"reflection_notes": "From elsewhere"}

    # The keyboard still reaches the text, which can be selected and copied.
    assert QApplication.focusWidget() is notes and notes.accessibleName() == name
    keyboard.press_select_all()
    keyboard.press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == on_screen

    told = editor.problem.text()
    assert editor.problem.isVisible() and "changed elsewhere" in told
    assert "not been saved" in told and "copy" in told
    urgent = [said for said, how in heard if how is QAccessible.AnnouncementPoliteness.Assertive]
    assert len(urgent) == 1 and "copy" in urgent[0]


def test_once_the_store_file_is_deleted_under_the_form_saving_stops_and_says_so(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, draft: Draft
) -> None:
    """It said 'Saved at' as the connection wrote on into the deleted file: everything
    typed since was gone when the app closed, with no warning on quitting."""
    editor = open_editor()
    keyboard.to_section(editor.renderer, "reflection")
    for path in draft.path.parent.glob(f"{draft.path.name}*"):
        path.unlink()
    keyboard.fill(_notes(editor), SAID)
    editor.flush()
    assert editor.saver.stopped and editor.saver.pending  # so closing warns of it
    told = editor.problem.text()
    assert "deleted, moved or replaced" in told and "copy anything you need" in told
    assert _notes(editor).toPlainText() == SAID  # still there to copy
    assert not editor.status.text().startswith("Saved at")


def test_while_locked_a_waiting_save_stays_quiet_and_goes_through_once_unlocked(
    qtbot: QtBot, draft: Draft
) -> None:
    locked = ProfileHolder()  # closed, as locking leaves it: asking for the store is refused
    unlocked = False
    stored = draft.store.interviews.get(draft.interview_id)
    writer = DraftWriter(
        draft.interview_id,
        version=stored.version,
        saved_answers=stored.answers,
        store=lambda: draft.store if unlocked else locked.store,
        actor=lambda: ACTOR,
    )
    answers = {"reflection_notes": SAID}
    saver = AutoSaver(writer, lambda: answers)
    told: list[str] = []
    saver.failed.connect(told.append)

    saver.note_change()
    saver.flush()  # a retry that comes round while the app is locked

    assert told == [] and saver.pending and not saver.timer_active  # no retry, no alarm
    unlocked = True
    with qtbot.waitSignal(saver.saved):
        saver.flush()  # the form shown again after unlocking
    assert draft.answers() == answers and not saver.pending


def test_a_damaged_page_met_while_saving_says_to_keep_the_form_open_not_to_restore(
    tmp_path: Path,
) -> None:
    """It was worded as on opening a damaged file: 'left exactly as it was' (of a write),
    and 'restore it from a backup', which mid-interview would throw away the session's
    work, with IT's detail spliced into the middle of a sentence."""
    dek = os.urandom(32)
    with Store.create(tmp_path / "rhi.db", dek) as made:
        interview_id = add_draft(made)
        version = made.interviews.get(interview_id).version
    store = Store.open(tmp_path / "rhi.db", dek, full_check=False)  # its pages not in memory
    try:
        damaged = bytearray((tmp_path / "rhi.db").read_bytes())
        for page in range(2, len(damaged) // PAGE):  # under the open store
            damaged[page * PAGE + 100 : page * PAGE + 110] = bytes(10)
        (tmp_path / "rhi.db").write_bytes(bytes(damaged))
        writer = DraftWriter(
            interview_id,
            version=version,
            saved_answers={},
            store=lambda: store,
            actor=lambda: ACTOR,
        )
        saver = AutoSaver(writer, lambda: {"reflection_notes": SAID})
        told: list[str] = []
        saver.failed.connect(told.append)
        saver.note_change()
        saver.flush()
        assert saver.timer_active  # tried again by itself: a page may read next time
        saver.stop()
    finally:
        store.close()
    assert len(told) == 1 and saver.pending and not saver.stopped
    assert "ask IT" in told[0] and "do not restore a backup" in told[0]
    assert "left exactly as it was" not in told[0] and "\n" not in told[0]


@pytest.mark.parametrize(
    "error",
    [DatabaseBusyError(), DiskFullError(), DiskError(), DatabaseUnavailableError()],
    ids=lambda error: type(error).__name__,
)
def test_a_passing_failure_is_worded_for_saving_that_tries_again_by_itself(
    error: StoreError,
) -> None:
    """A disk error read "check the disk and try again" beside "saving will be tried
    again by itself": the store's wording, meant for an action the person repeats."""
    said = passing_cause_text(error)
    assert said is not None and "try again" not in said
    assert "Nothing already saved was lost" in said or isinstance(error, DatabaseBusyError)
