"""An interviewer's own supervision records, newest first, acknowledged by keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.driving import focused, screenshot, visible_texts
from tests.ui.supervision.conftest import ALEX, SAM, MakeDesk, ShowPage, add_session
from ui.supervision.my_supervision_page import MySupervisionPage

ALT = Qt.KeyboardModifier.AltModifier


def test_interviewer_reads_their_sessions_newest_first_and_acknowledges_by_keyboard(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock, artifacts_dir: Path
) -> None:
    desk = make_desk(SAM)
    older = add_session(desk.store, ALEX, SAM, date(2025, 2, 3))
    tired = "Tired; agreed a lighter week."
    newer = add_session(desk.store, ALEX, SAM, date(2025, 3, 3), wellbeing=tired)
    with desk.store.transaction(SAM.user_id) as tx:
        tx.acknowledgements.record(older.id, clock.now)
    page = MySupervisionPage(desk.holder, clock)
    show_page(page)
    page.reload()
    sessions = page.sessions

    assert page.title() == "My supervision"
    assert [sessions.table.texts(r)[0] for r in range(2)] == ["03/03/2025", "03/02/2025"]
    assert sessions.table.texts(0)[1:] == [ALEX.name, "Not yet acknowledged"]
    assert sessions.table.texts(1)[2].startswith("Acknowledged 10/03/2025")
    record = sessions.details.toPlainText()
    assert tired in record and "Shadow a colleague (by sam.interviewer, due 20/03/2025)" in record
    assert sessions.acknowledge_button.isEnabled()
    screenshot(page, "supervision-mine", artifacts_dir)

    sessions.table.setFocus()
    QTest.keyClick(sessions.table, Qt.Key.Key_Down)  # the older one is acknowledged already
    assert not sessions.acknowledge_button.isEnabled()
    QTest.keyClick(sessions.table, Qt.Key.Key_Up)
    with qtbot.waitSignal(sessions.acknowledged, timeout=5000) as signal:
        QTest.keyClick(focused(), Qt.Key.Key_A, ALT)

    assert signal.args == [newer.id]
    assert sessions.table.texts(0)[2] == "Acknowledged 10/03/2025 at 09:30"
    assert "Acknowledged. It will be sent at the next sync." in visible_texts(page)
    assert not sessions.acknowledge_button.isEnabled()
    QTest.keyClick(sessions.table, Qt.Key.Key_Down)  # the note was about the newer one
    assert "Acknowledged. It will be sent at the next sync." not in visible_texts(page)
    queued = [e for e in desk.store.outbox.pending() if e.entity == "acknowledgement"]
    assert [e.payload["session_id"] for e in queued] == [older.id, newer.id]


def test_nothing_personal_stays_on_the_page_once_cleared(
    make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(SAM)
    add_session(desk.store, ALEX, SAM, date(2025, 3, 3))
    page = MySupervisionPage(desk.holder, clock)
    show_page(page)
    page.reload()
    assert ALEX.name in page.sessions.table.texts(0)

    page.clear()

    assert page.sessions.table.rowCount() == 0 and page.sessions.details.toPlainText() == ""
    assert all(ALEX.name not in text for text in visible_texts(page))
