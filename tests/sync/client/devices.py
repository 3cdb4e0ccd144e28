"""Laptops for the sync tests: real encrypted profiles, enrolled with the live service,
and the casework an interviewer records on them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rhi_desktop.config import Settings
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    new_id,
)
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import OpenProfile, create_profile, open_profile
from rhi_desktop.store import Enrolment, Store
from rhi_desktop.vault import Keystore
from sync.device import enrol_device, sync_engine
from sync.engine import SyncReport
from sync.protocol import Role
from sync.retry import Backoff
from sync.transport import Timeouts
from tests.sync.client.live_central import LiveCentral

PASSPHRASE = "lantern oyster gravel kettle"
FAST_BACKOFF = Backoff(attempts=3, base_seconds=1.0)
SHORT_TIMEOUTS = Timeouts(connect_seconds=5.0, read_seconds=10.0)


class Naps:
    """The back-off's sleep, injected: records the delays instead of waiting them out."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


@dataclass
class Laptop:
    profile: OpenProfile
    keystore: Keystore | None
    central: LiveCentral
    naps: Naps = field(default_factory=Naps)

    @property
    def store(self) -> Store:
        return self.profile.store

    @property
    def paths(self) -> ProfilePaths:
        return self.profile.paths

    @property
    def enrolment(self) -> Enrolment:
        return enrolment_of(self.store)

    def settings(self) -> Settings:
        return Settings.load(self.paths)

    def sync(
        self, *, timeouts: Timeouts = SHORT_TIMEOUTS, settings: Settings | None = None, **kw: Any
    ) -> SyncReport:
        kw.setdefault("backoff", FAST_BACKOFF)
        kw.setdefault("sleep", self.naps)
        kw.setdefault("rng", random.Random(7))
        with sync_engine(
            self.profile, self.keystore, settings or self.settings(), timeouts=timeouts, **kw
        ) as engine:
            return engine.run()

    def reopen(self) -> None:
        self.profile.close()
        self.profile = open_profile(self.paths, PASSPHRASE, self.settings(), self.keystore)
        enrolment = self.store.sync_state.enrolment()
        if enrolment is not None:
            self.profile.actor = enrolment.user_id


def enrolment_of(store: Store) -> Enrolment:
    found = store.sync_state.enrolment()
    assert found is not None, "the laptop is not enrolled"
    return found


def new_laptop(
    central: LiveCentral,
    root: Path,
    role: Role = Role.INTERVIEWER,
    *,
    keystore: Keystore | None = None,
    username: str | None = None,
    team: str = "North team",
) -> Laptop:
    """A fresh profile enrolled as a new user (or as `username`) of the live service."""
    paths = ProfilePaths(root)
    settings = Settings.load(paths)
    profile = create_profile(paths, PASSPHRASE, settings, keystore)
    name = username or central.add_user(role, team)
    enrol_device(
        profile,
        keystore,
        settings,
        server_url=central.url,
        code=central.code_for(name),
        ca_pem=central.ca_pem,
        timeouts=SHORT_TIMEOUTS,
    )
    return Laptop(profile, keystore, central)


def record_completed_case(
    laptop: Laptop,
    n: int = 0,
    *,
    state: InterviewState | None = None,
    case_reference: str | None = None,
    answers: dict[str, Any] | None = None,
) -> str:
    """A child, their episode and an interview signed off as completed; returns its id.
    `answers` (a sample by default) are on the record from the start."""
    now = datetime.now(UTC)
    child = Child(
        id=new_id(),
        case_reference=case_reference or f"SYNC-{new_id()[:13]}",
        name=f"Testwell Example {n}",
        date_of_birth=date(2010, 5, 17),
    )
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=EpisodeType.MISSING,
        start=now - timedelta(hours=30),
        end=now - timedelta(hours=6),
    )
    interview = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id=laptop.profile.actor,
        returned_at=now - timedelta(hours=6),
        form_id="rhi",
        form_version=1,
        answers={"where_went": "Sample Park", "n": n} if answers is None else answers,
    )
    S = InterviewState
    path: tuple[InterviewState, ...] = (S.OFFERED, S.IN_PROGRESS, S.COMPLETED)
    if state is not None:
        path = path[: path.index(state) + 1] if state in path else (*path, S.SUBMITTED)
    with laptop.store.transaction(laptop.profile.actor) as tx:
        tx.children.add(child)
        tx.episodes.add(episode)
        tx.interviews.add(interview)
        for target in path:
            tx.interviews.transition(interview.id, target)
    return interview.id
