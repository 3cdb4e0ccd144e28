"""Supervision across three laptops and the real central service over real TLS: the
coordinator records a session, the interviewer acknowledges it on their own laptop, the
coordinator sees that, the service manager rates it, and a new interviewer added with
`rhi-central users add` reaches the coordinator's roster by the next pull. The manager
also holds the coordinator's own supervision, which the coordinator acknowledges."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.deadlines import utc_now
from sync.engine import SyncOutcome, SyncReport
from sync.protocol import Role
from tests.sync.client.devices import Laptop, new_laptop
from tests.sync.client.live_central import LiveCentral, central_in
from tests.sync.server.cli_process import rhi_central
from tests.ui.driving import focused, type_text
from tests.ui.supervision.conftest import ShowPage
from ui.profile_holder import ProfileHolder
from ui.supervision.my_supervision_page import MySupervisionPage
from ui.supervision.quality_review_page import QualityReviewPage
from ui.supervision.supervision_page import SupervisionPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveCentral]:
    with central_in(tmp_path_factory.mktemp("central")) as live:
        yield live


@pytest.fixture
def holders() -> Iterator[list[ProfileHolder]]:
    made: list[ProfileHolder] = []
    yield made
    for holder in made:
        holder.close()


def _synced(laptop: Laptop) -> SyncReport:
    report = laptop.sync()
    assert report.outcome in (SyncOutcome.SENT, SyncOutcome.NOTHING_DUE), report.summary()
    return report


def test_a_session_is_recorded_acknowledged_and_rated_across_three_laptops(
    qtbot: QtBot,
    show_page: ShowPage,
    central: LiveCentral,
    tmp_path: Path,
    holders: list[ProfileHolder],
) -> None:
    team = f"Team {uuid.uuid4().hex[:8]}"
    sam = new_laptop(central, tmp_path / "sam", Role.INTERVIEWER, team=team)
    alex = new_laptop(central, tmp_path / "alex", Role.COORDINATOR, team=team)
    morgan = new_laptop(central, tmp_path / "morgan", Role.SERVICE_MANAGER, team=team)
    for laptop in (sam, alex, morgan):
        _synced(laptop)
        holder = ProfileHolder()
        holder.hold(laptop.profile)
        holders.append(holder)
    sam_holder, alex_holder, morgan_holder = holders
    sams_name = alex.store.team.members("interviewer")[0].name
    alexs_name = alex.store.team.members("coordinator")[0].name

    supervision = SupervisionPage(alex_holder, utc_now)
    show_page(supervision)
    supervision.reload()
    assert supervision.roster.texts(0)[0] == sams_name
    assert supervision.roster.texts(0)[3] == "Overdue: never supervised"
    QTest.keyClick(supervision.roster, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: supervision.dialog is not None and supervision.dialog.isVisible())
    dialog = supervision.dialog
    assert dialog is not None
    dialog.wellbeing.setFocus()
    type_text(dialog.wellbeing, "Managing; talked about a distressing disclosure.")
    with qtbot.waitSignal(supervision.saved):  # the window syncs straight after a save
        QTest.keyClick(dialog.held_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: supervision.dialog is None)
    assert _synced(alex).push.applied == 1

    _synced(sam)
    mine = MySupervisionPage(sam_holder, utc_now)
    show_page(mine)
    mine.reload()
    assert mine.sessions.table.texts(0)[1:] == [alexs_name, "Not yet acknowledged"]
    mine.sessions.table.setFocus()
    with qtbot.waitSignal(mine.saved):
        QTest.keyClick(focused(), Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: not mine.sessions.acknowledge_button.isEnabled())
    assert _synced(sam).push.applied == 1

    _synced(alex)
    supervision.reload()
    assert supervision.sessions.texts(0)[1].startswith("Acknowledged ")

    _synced(morgan)
    quality = QualityReviewPage(morgan_holder, utc_now)
    show_page(quality)
    quality.reload()
    assert quality.table.texts(0)[1:3] == [alexs_name, sams_name]
    assert quality.table.texts(0)[3].startswith("Acknowledged ")
    QTest.keyClick(quality.table, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: quality.dialog is not None and quality.dialog.isVisible())
    rating = quality.dialog
    assert rating is not None
    rating.rating.setCurrentIndex(3)
    with qtbot.waitSignal(quality.saved):
        QTest.keyClick(rating.rating, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quality.dialog is None)
    assert _synced(morgan).push.applied == 1

    _synced(alex)
    supervision.reload()
    assert supervision.sessions.texts(0)[2] == "3 – Good"
    assert alex.store.outbox.counts() == (0, 0) and alex.store.remote.parked() == []
    assert sam.store.outbox.counts() == (0, 0) and morgan.store.outbox.counts() == (0, 0)

    # The coordinator's own supervision: held by the manager, acknowledged by the coordinator.
    held = SupervisionPage(morgan_holder, utc_now)
    show_page(held)
    held.reload()
    assert held.roster.texts(0)[0] == alexs_name
    assert held.roster.texts(0)[3] == "Overdue: never supervised"
    QTest.keyClick(held.roster, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: held.dialog is not None and held.dialog.isVisible())
    own = held.dialog
    assert own is not None
    own.reflections.setFocus()
    type_text(own.reflections, "Caseload allocation across the team.")
    own.wellbeing.setFocus()
    type_text(own.wellbeing, "Tired after a run of late returns; leave booked.")
    QTest.keyClick(own.held_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: held.dialog is None)
    assert _synced(morgan).push.applied == 1
    _synced(alex)
    supervision.reload()
    assert supervision.mine.table.texts(0)[1:] == [
        morgan.store.team.members("service_manager")[0].name,
        "Not yet acknowledged",
    ]
    supervision.parts.setCurrentWidget(supervision.mine)
    supervision.mine.acknowledge_button.setFocus()  # (another page's window is active)
    with qtbot.waitSignal(supervision.saved):  # their own acknowledgement, on the same page
        QTest.keyClick(supervision.mine.acknowledge_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not supervision.mine.acknowledge_button.isEnabled())
    assert _synced(alex).push.applied == 1
    _synced(morgan)
    held.reload()
    assert held.sessions.texts(0)[1].startswith("Acknowledged ")

    newcomer = f"ada-{uuid.uuid4().hex[:8]}"
    added = rhi_central(
        "users", "add", "--db", str(central.engine.url),
        "--username", newcomer, "--role", "interviewer", "--team", team,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    _synced(alex)
    supervision.reload()
    assert supervision.roster.texts(0) == [newcomer, "Never", "Now", "Overdue: never supervised"]
    assert supervision.roster.texts(1)[0] == sams_name
    assert supervision.roster.texts(1)[3] == "Due in 28 days"
