"""Profiles for the supervision screens: real encrypted profiles enrolled as a coordinator,
an interviewer or a service manager of one team, holding that team's roster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import AgreedAction, SupervisionSession, new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile
from rhi_desktop.store import Enrolment, Store
from rhi_desktop.store.team import TeamMember
from tests.ui.conftest import PASSPHRASE, FakeClock
from ui.profile_holder import ProfileHolder

ALEX = TeamMember("coord-alex", "alex.coordinator", "coordinator")
SAM = TeamMember("iv-sam", "sam.interviewer", "interviewer")
KIM = TeamMember("iv-kim", "kim.interviewer", "interviewer")
MORGAN = TeamMember("mgr-morgan", "morgan.manager", "service_manager")
TEAM = (ALEX, SAM, KIM, MORGAN)


@dataclass
class Desk:
    """One person's laptop: their unlocked profile in the holder the screens read."""

    holder: ProfileHolder
    member: TeamMember

    @property
    def store(self) -> Store:
        return self.holder.store


MakeDesk = Callable[[TeamMember], Desk]


@pytest.fixture
def make_desk(tmp_path: Path, clock: FakeClock) -> Iterator[MakeDesk]:
    holders: list[ProfileHolder] = []

    def make(member: TeamMember) -> Desk:
        paths = ProfilePaths(tmp_path / member.user_id)
        profile = create_profile(paths, PASSPHRASE, Settings.load(paths), None)
        profile.actor = member.user_id
        with profile.store.transaction(member.user_id) as tx:
            tx.sync_state.set_enrolment(
                Enrolment(
                    server_url="https://central.invalid",
                    device_id=new_id(),
                    user_id=member.user_id,
                    role=member.role,
                    team="North team",
                    enrolled_at=clock.now,
                )
            )
            tx.team.replace(TEAM)
        holder = ProfileHolder()
        holder.hold(profile)
        holders.append(holder)
        return Desk(holder, member)

    yield make
    for holder in holders:
        holder.close()


def add_session(
    store: Store,
    supervisor: TeamMember,
    supervisee: TeamMember,
    held_on: date,
    *,
    wellbeing: str = "Coping well; no signs of secondary trauma.",
) -> SupervisionSession:
    session = SupervisionSession(
        id=new_id(),
        supervisor_id=supervisor.user_id,
        supervisee_id=supervisee.user_id,
        held_on=held_on,
        reflections="Talked through a difficult disclosure.",
        wellbeing=wellbeing,
        actions=(AgreedAction("Shadow a colleague", supervisee.name, date(2025, 3, 20)),),
    )
    with store.transaction(supervisor.user_id) as tx:
        return tx.supervision_sessions.add(session)


ShowPage = Callable[[QWidget], None]


@pytest.fixture
def show_page(qtbot: QtBot) -> Iterator[ShowPage]:
    """Show a page as the active window, held (as the main window would hold it) until
    the test's widgets are closed, so dialogs it deletes later find it still there."""
    held: list[QWidget] = []

    def show(page: QWidget) -> None:
        qtbot.addWidget(page)
        held.append(page)
        page.resize(960, 900)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)

    yield show
    held.clear()
