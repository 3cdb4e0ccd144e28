"""A coordinator's supervision screen, by keyboard, over a real encrypted profile: who is
overdue (in words, with an icon), recording a session with its checks, their own
supervision to acknowledge, and nothing left on screen once the app locks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.store import Store
from tests.ui.conftest import FakeClock, Heard
from tests.ui.driving import focused, screenshot, type_text, visible_texts
from tests.ui.supervision.conftest import (
    ALEX,
    KIM,
    MORGAN,
    SAM,
    MakeDesk,
    ShowPage,
    add_session,
)
from ui.casework import FoundChild, record_found_child
from ui.profile_holder import ProfileHolder
from ui.supervision.session_dialog import RecordSessionDialog
from ui.supervision.supervision_page import SupervisionPage

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _page(show_page: ShowPage, holder: ProfileHolder, clock: FakeClock) -> SupervisionPage:
    page = SupervisionPage(holder, clock)
    show_page(page)
    page.reload()
    return page


def _key(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, key, modifiers)


def _case_for(store: Store, clock: FakeClock, reference: str) -> str:
    found = FoundChild(
        case_reference=reference,
        name="Fictional Example",
        date_of_birth=date(2011, 3, 7),
        looked_after=False,
        uasc=False,
        episode_type=EpisodeType.MISSING,
        episode_start=clock.now - timedelta(days=3),
        returned_at=clock.now - timedelta(days=2),
    )
    return record_found_child(store, SAM.user_id, found, clock.now)


def test_coordinator_sees_who_is_overdue_and_records_a_session_by_keyboard(
    qtbot: QtBot,
    make_desk: MakeDesk,
    show_page: ShowPage,
    clock: FakeClock,
    artifacts_dir: Path,
    heard: Heard,
) -> None:
    desk = make_desk(ALEX)
    add_session(desk.store, ALEX, SAM, date(2025, 2, 3))  # due 03/03/2025; today 10/03/2025
    interview_id = _case_for(desk.store, clock, "SUP-17")
    page = _page(show_page, desk.holder, clock)

    assert page.title() == "Supervision"
    assert page.roster.texts(0) == [KIM.name, "Never", "Now", "Overdue: never supervised"]
    assert page.roster.texts(1) == [SAM.name, "03/02/2025", "03/03/2025", "Overdue by 7 days"]
    status_cell = page.roster.item(1, 3)
    assert status_cell is not None and not status_cell.icon().isNull()  # and the words
    assert MORGAN.name not in [page.roster.texts(r)[0] for r in range(page.roster.rowCount())]
    screenshot(page, "supervision-team", artifacts_dir)

    page.roster.setFocus()
    _key(page.roster, Qt.Key.Key_Down)
    assert page.chosen_person() == SAM
    assert page.sessions.texts(0)[:2] == ["03/02/2025", "Not yet acknowledged"]
    _key(page.roster, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(
        lambda: isinstance(page.dialog, RecordSessionDialog) and page.dialog.isVisible()
    )
    dialog = page.dialog
    assert dialog is not None and dialog.parent() is page and dialog.isModal()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.held_on)

    _key(dialog.held_on, Qt.Key.Key_A, CTRL)
    type_text(dialog.held_on, "07/03/2025")
    _key(dialog.held_on, Qt.Key.Key_Tab)
    assert focused() is dialog.cases and dialog.cases.currentItem().text() == "SUP-17"
    _key(dialog.cases, Qt.Key.Key_Space)
    _key(dialog.cases, Qt.Key.Key_Tab)
    type_text(focused(), "Went through a disclosure of exploitation.")
    _key(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.wellbeing  # left empty for now
    _key(dialog.wellbeing, Qt.Key.Key_Tab)
    assert focused() is dialog.agreed.add_button
    _key(dialog.agreed.add_button, Qt.Key.Key_Space)
    row = dialog.agreed.rows[0]
    assert focused() is row.what and row.owner.text() == SAM.name
    type_text(row.what, "Book a reflective session with the CSE lead")
    _key(row.what, Qt.Key.Key_Tab)
    _key(row.owner, Qt.Key.Key_Tab)
    assert focused() is row.due
    type_text(row.due, "01/03/2025")
    _key(row.due, Qt.Key.Key_Return)

    assert dialog.isVisible() and "secondary trauma check" in dialog.problem.text()
    assert focused() is dialog.wellbeing
    type_text(dialog.wellbeing, "Tired after two late returns; agreed a lighter week.")
    screenshot(dialog, "supervision-record-session", artifacts_dir)
    for _ in range(3):
        _key(focused(), Qt.Key.Key_Tab)
    assert focused() is row.due
    _key(row.due, Qt.Key.Key_Return)

    assert dialog.problem.text() == "Agreed action 1: the due date is before the session."
    assert focused() is row.due
    _key(row.due, Qt.Key.Key_A, CTRL)
    type_text(row.due, "21/03/2025")
    _key(row.due, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.dialog is None)
    assert heard[-1][0] == "Supervision session saved."  # the dialog has gone
    sessions = desk.store.supervision_sessions.for_supervisee(SAM.user_id)
    newest = sessions[0]
    assert newest.held_on == date(2025, 3, 7) and newest.supervisor_id == ALEX.user_id
    assert newest.cases_discussed == (interview_id,)
    assert newest.actions[0].due == date(2025, 3, 21)
    assert desk.store.outbox.pending()[-1].entity == "supervision_session"
    assert page.roster.texts(1) == [SAM.name, "07/03/2025", "04/04/2025", "Due in 25 days"]
    assert "SUP-17" in page.details.toPlainText()


def test_their_own_supervision_is_read_only_and_acknowledged_by_keyboard(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(ALEX)
    held = add_session(desk.store, MORGAN, ALEX, date(2025, 3, 4))
    page = _page(show_page, desk.holder, clock)
    mine = page.mine
    assert not mine.isVisible()  # the team is the first tab
    _key(page, Qt.Key.Key_M, ALT)
    assert page.parts.currentWidget() is mine and mine.isVisible()

    assert mine.table.texts(0) == ["04/03/2025", MORGAN.name, "Not yet acknowledged"]
    assert "Coping well" in mine.details.toPlainText() and mine.details.isReadOnly()
    mine.table.setFocus()
    _key(mine.table, Qt.Key.Key_Tab)
    _key(focused(), Qt.Key.Key_Tab)
    assert focused() is mine.acknowledge_button
    _key(mine.acknowledge_button, Qt.Key.Key_Space)

    assert mine.table.texts(0)[2] == "Acknowledged 10/03/2025 at 09:30"
    assert not mine.acknowledge_button.isEnabled()
    queued = desk.store.outbox.pending()[-1]
    assert queued.entity == "acknowledgement" and queued.payload["session_id"] == held.id


def test_locking_clears_every_name_case_and_record_from_the_page(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(ALEX)
    add_session(desk.store, ALEX, SAM, date(2025, 2, 3))
    add_session(desk.store, MORGAN, ALEX, date(2025, 3, 4))
    _case_for(desk.store, clock, "SUP-99")
    page = _page(show_page, desk.holder, clock)
    page.roster.selectRow(1)
    _key(page.roster, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    shown = "\n".join(visible_texts(page)) + page.details.toPlainText()
    assert SAM.name in shown and "Talked through" in page.details.toPlainText()

    dialog = page.dialog
    dialog.hide()  # locking hides every window but the main one (AppController.lock)
    page.clear()
    desk.holder.close()
    page.reload()  # the app is locked: nothing to read

    assert page.dialog is dialog  # given back after unlocking, as it was being written
    assert page.roster.rowCount() == page.sessions.rowCount() == page.mine.table.rowCount() == 0
    left = "\n".join(visible_texts(page))
    left += page.details.toPlainText() + page.mine.details.toPlainText()
    for personal in (SAM.name, KIM.name, MORGAN.name, "SUP-99", "Talked through", "Coping"):
        assert personal not in left
    assert not page.record_button.isEnabled() and not page.mine.acknowledge_button.isEnabled()


def test_the_team_lists_show_several_rows_in_a_window_of_the_default_size(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(ALEX)
    for held_on in (date(2025, 1, 6), date(2025, 2, 3), date(2025, 3, 3)):
        add_session(desk.store, ALEX, SAM, held_on)
    page = _page(show_page, desk.holder, clock)
    page.resize(1040, 600)  # what the main window leaves a page at 1280 by 720
    page.roster.selectRow(1)
    qtbot.waitUntil(lambda: page.sessions.rowCount() == 3)
    for table in (page.roster, page.sessions):
        rows = min(table.rowCount(), 3)
        assert table.viewport().height() >= table.rowHeight(0) * rows, table.objectName()


def test_someone_never_supervised_here_is_said_so_not_asked_to_choose_a_session(
    qtbot: QtBot, make_desk: MakeDesk, show_page: ShowPage, clock: FakeClock
) -> None:
    desk = make_desk(ALEX)
    add_session(desk.store, ALEX, SAM, date(2025, 2, 3))
    page = _page(show_page, desk.holder, clock)
    names = [page.roster.texts(row)[0] for row in range(page.roster.rowCount())]
    page.roster.selectRow(names.index(KIM.name))
    assert page.sessions.rowCount() == 0
    assert page.details.placeholderText() == f"No sessions recorded with {KIM.name} yet."
    page.roster.selectRow(names.index(SAM.name))
    assert page.details.placeholderText() == "Choose a session to read its record."
