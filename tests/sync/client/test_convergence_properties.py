"""A stateful property: several laptops (two of one interviewer, one of their coordinator,
each a real encrypted store) make random edits and syncs over a network that loses
requests and answers at random, while the service hands out new assignments. When the
network is well again and everyone has synced, every laptop shows what the service
holds, every change made is on the service exactly once or parked on its laptop with a
reason, and nothing was applied twice."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from rhi_desktop import __version__
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    ReturnInterview,
    Review,
    ReviewDecision,
    new_id,
)
from rhi_desktop.domain.lifecycle import READ_ONLY
from rhi_desktop.store import Enrolment, Store
from rhi_desktop.store.payloads import ENTITY_TYPES, entity_from_payload
from sync.client import CentralClient
from sync.engine import SyncEngine, SyncOutcome
from sync.protocol import EnrolmentRequest, PulledChange, Role
from sync.retry import Backoff
from sync.server import admin, schema
from sync.transport import Timeouts, TlsSettings, Transport
from tests.sync.client.devices import enrolment_of
from tests.sync.client.live_central import LiveCentral

S = InterviewState
FATES = ("ok", "lose_request", "lose_answer")
NEXT_STEP = {
    S.ASSIGNED: S.OFFERED,
    S.OFFERED: S.IN_PROGRESS,
    S.IN_PROGRESS: S.COMPLETED,
    S.COMPLETED: S.SUBMITTED,
    S.RETURNED: S.IN_PROGRESS,
}


class FlakyNetwork(requests.Session):
    """Loses requests (never sent) and answers (sent, applied, but never heard) on cue."""

    def __init__(self) -> None:
        super().__init__()
        self.fates: list[str] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        fate = self.fates.pop(0) if self.fates else "ok"
        if fate == "lose_request":
            raise requests.ConnectionError("injected: the request was lost")
        response = super().send(request, **kwargs)
        if fate == "lose_answer":
            response.close()
            raise requests.ConnectionError("injected: the answer was lost")
        return response


@dataclasses.dataclass
class SimLaptop:
    name: str
    store: Store
    actor: str
    client: CentralClient
    network: FlakyNetwork
    made: set[str] = dataclasses.field(default_factory=set)

    def note_queue(self) -> None:
        self.made |= {e.change_id for e in self.store.outbox.pending(limit=100_000)}

    def sync(self) -> SyncOutcome:
        engine = SyncEngine(
            self.store,
            self.actor,
            self.client,
            on_revoked=_never_revoked,
            backoff=Backoff(attempts=2),
            sleep=lambda _seconds: None,
            rng=random.Random(0),
            batch_size=4,
            pull_limit=6,
        )
        return engine.run().outcome


def _never_revoked() -> None:
    raise AssertionError("no laptop is revoked in this test")


def _laptop(central: LiveCentral, root: Path, name: str, username: str) -> SimLaptop:
    store = Store.create(root / f"{name}.db", os.urandom(32))
    network = FlakyNetwork()
    transport = Transport(
        central.url, TlsSettings(ca_pem=central.ca_pem), Timeouts(5.0, 10.0), session=network
    )
    client = CentralClient(transport)
    enrolled = client.enrol(
        EnrolmentRequest(code=central.code_for(username), device_name=name, app_version=__version__)
    )
    client.token = enrolled.device_token
    with store.transaction("setup") as tx:
        tx.sync_state.set_enrolment(
            Enrolment(
                server_url=central.url,
                device_id=str(enrolled.device_id),
                user_id=str(enrolled.user_id),
                role=enrolled.role.value,
                team=enrolled.team,
                enrolled_at=enrolled.server_time,
            )
        )
    return SimLaptop(name, store, str(enrolled.user_id), client, network)


class LaptopsConverge(RuleBasedStateMachine):
    central: ClassVar[LiveCentral]

    interviews = Bundle("interviews")

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="rhi-converge-"))
        team = f"Team {uuid.uuid4().hex[:8]}"
        self.interviewer = self.central.add_user(Role.INTERVIEWER, team)
        coordinator = self.central.add_user(Role.COORDINATOR, team)
        self.first = _laptop(self.central, self.root, "first", self.interviewer)
        self.second = _laptop(self.central, self.root, "second", self.interviewer)
        self.coordinator = _laptop(self.central, self.root, "coordinator", coordinator)
        self.laptops = [self.first, self.second, self.coordinator]

    # -- the interviewer's laptops ---------------------------------------------------------

    @initialize(target=interviews)
    def start_with_a_case(self) -> str:
        return self._record_case(self.first)

    @rule(target=interviews, which=st.sampled_from(["first", "second"]))
    def record_case(self, which: str) -> str:
        return self._record_case(self._interviewer_laptop(which))

    @rule(target=interviews)
    def service_assigns_a_case(self) -> str:
        returned = utc_now() - timedelta(hours=2)
        made = admin.assign(
            self.central.engine,
            admin.AssignmentSpec(
                interviewer=self.interviewer,
                child_ref=f"CONV-{uuid.uuid4().hex[:10]}",
                child_name="Nia Placeholder",
                date_of_birth=date(2011, 2, 3),
                episode_type=EpisodeType.AWAY,
                missing_since=returned - timedelta(hours=9),
                returned_at=returned,
            ),
            utc_now,
        )
        return made.interview_id

    @rule(interview_id=interviews, which=st.sampled_from(["first", "second"]), note=st.text(
        alphabet="abcdefgh ", max_size=12))  # fmt: skip
    def autosave(self, interview_id: str, which: str, note: str) -> None:
        laptop = self._interviewer_laptop(which)
        found = laptop.store.interviews.find(interview_id)
        if found is None or found.state in READ_ONLY | {S.RETURNED}:
            return
        with laptop.store.transaction(laptop.actor) as tx:
            tx.interviews.save_answers(
                interview_id, {**found.answers, "note": note}, expected_version=found.version
            )
        laptop.note_queue()

    @rule(
        interview_id=interviews,
        which=st.sampled_from(["first", "second"]),
        steps=st.integers(min_value=1, max_value=4),
    )
    def move_on(self, interview_id: str, which: str, steps: int) -> None:
        """Take the interview up to `steps` moves along its lifecycle, up to submitted."""
        laptop = self._interviewer_laptop(which)
        with laptop.store.transaction(laptop.actor) as tx:
            for _ in range(steps):
                found = tx.interviews.find(interview_id)
                if found is None or found.state not in NEXT_STEP:
                    break
                tx.interviews.transition(interview_id, NEXT_STEP[found.state])
        laptop.note_queue()

    @rule(interview_id=interviews, which=st.sampled_from(["first", "second"]))
    def sign_off_and_send(self, interview_id: str, which: str) -> None:
        """The interviewer's usual journey: finish the interview, submit it, sync."""
        self.move_on(interview_id, which, steps=5)
        laptop = self._interviewer_laptop(which)
        laptop.network.fates = []
        laptop.sync()

    @rule(interview_id=interviews, which=st.sampled_from(["first", "second"]))
    def record_offer(self, interview_id: str, which: str) -> None:
        """Offers are the coordinator's to see at once, before the interview is submitted."""
        laptop = self._interviewer_laptop(which)
        if laptop.store.interviews.find(interview_id) is None:
            return
        offer = Offer(
            id=new_id(),
            interview_id=interview_id,
            offered_at=datetime.now(UTC),
            method=OfferMethod.PHONE,
            offered_by=laptop.actor,
            outcome=OfferOutcome.ACCEPTED,
        )
        with laptop.store.transaction(laptop.actor) as tx:
            tx.offers.add(offer)
        laptop.note_queue()

    # -- the coordinator's laptop ----------------------------------------------------------

    @rule(approve=st.booleans())
    def coordinator_catches_up_and_decides(self, approve: bool) -> None:
        laptop = self.coordinator
        laptop.network.fates = []
        laptop.sync()
        waiting = laptop.store.interviews.list_by_state(S.SUBMITTED, limit=1)
        if not waiting:
            return
        found = laptop.store.interviews.get(waiting[0].interview_id)
        with laptop.store.transaction(laptop.actor) as tx:
            tx.reviews.add(
                Review(
                    id=new_id(),
                    interview_id=found.id,
                    revision=found.revision,
                    reviewer_id=laptop.actor,
                    decided_at=datetime.now(UTC),
                    decision=ReviewDecision.APPROVED if approve else ReviewDecision.RETURNED,
                )
            )
        laptop.note_queue()

    # -- the network -----------------------------------------------------------------------

    @rule(
        which=st.sampled_from(["first", "second", "coordinator"]),
        fates=st.lists(st.sampled_from(FATES), max_size=4),
    )
    def sync_over_a_flaky_network(self, which: str, fates: list[str]) -> None:
        laptop = {"first": self.first, "second": self.second, "coordinator": self.coordinator}[
            which
        ]
        laptop.network.fates = list(fates)
        outcome = laptop.sync()
        assert outcome is not SyncOutcome.WIPED
        if "lose_request" not in fates and "lose_answer" not in fates:
            assert outcome is not SyncOutcome.FAILED

    # -- the end ---------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            for _ in range(3):
                for laptop in self.laptops:
                    laptop.network.fates = []
                    assert laptop.sync() is not SyncOutcome.FAILED
            for laptop in self.laptops:
                self._check(laptop)
            self._check_service_history()
        finally:
            for laptop in self.laptops:
                laptop.client.transport.close()
                laptop.store.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _check(self, laptop: SimLaptop) -> None:
        assert laptop.store.outbox.counts()[0] == 0
        parked = {e.change_id: e for e in laptop.store.outbox.quarantined()}
        assert all((e.reason or "").startswith("conflict:") for e in parked.values())
        on_service = self._changes_from(laptop)
        assert on_service <= laptop.made  # nothing the laptop did not make
        for change_id in laptop.made:  # nothing lost: on the service, or parked with a reason
            assert (change_id in on_service) != (change_id in parked), change_id
        parked_records = {
            (p.record.entity, p.record.entity_id) for p in laptop.store.remote.parked()
        }
        for (kind, entity_id), latest in self._visible(laptop).items():
            if kind not in ENTITY_TYPES:
                continue
            if laptop.store.remote.server_version(kind, entity_id) is None:
                # Only a record whose parent this laptop may not see yet may be waiting.
                assert (kind, entity_id) in parked_records, (laptop.name, kind)
                continue
            assert laptop.store.remote.server_version(kind, entity_id) == latest.version
            local = _repository(laptop.store, kind).get(entity_id)
            expected = entity_from_payload(kind, latest.payload)
            assert dataclasses.replace(local, version=0) == expected, (laptop.name, kind)

    def _visible(self, laptop: SimLaptop) -> dict[tuple[str, str], PulledChange]:
        latest: dict[tuple[str, str], PulledChange] = {}
        cursor = 0
        while True:
            page = laptop.client.pull(cursor, 1000)
            for change in page.changes:
                latest[(change.entity.value, change.entity_id)] = change
            cursor = page.cursor
            if not page.more:
                return latest

    def _changes_from(self, laptop: SimLaptop) -> set[str]:
        device_id = enrolment_of(laptop.store).device_id
        c = schema.changes
        with self.central.engine.connect() as conn:
            rows = conn.execute(select(c.c.change_id).where(c.c.device_id == device_id)).all()
        return {str(r.change_id) for r in rows}

    def _check_service_history(self) -> None:
        """Each record's history on the service is 1, 2, 3, ...: nothing applied twice."""
        ids = {i for laptop in self.laptops for i in self._changes_from(laptop)}
        c = schema.changes
        with self.central.engine.connect() as conn:
            rows = conn.execute(
                select(c.c.entity, c.c.entity_id, c.c.version).where(c.c.change_id.in_(ids))
            ).all()
            touched = {(r.entity, r.entity_id) for r in rows}
            for kind, entity_id in touched:
                versions = conn.execute(
                    select(c.c.version)
                    .where(c.c.entity == kind, c.c.entity_id == entity_id)
                    .order_by(c.c.seq)
                ).scalars()
                history = list(versions)
                assert history == list(range(1, len(history) + 1)), (kind, history)

    # -- helpers ---------------------------------------------------------------------------

    def _interviewer_laptop(self, which: str) -> SimLaptop:
        return self.first if which == "first" else self.second

    def _record_case(self, laptop: SimLaptop) -> str:
        now = datetime.now(UTC)
        child = Child(
            id=new_id(),
            case_reference=f"CONV-{uuid.uuid4().hex[:10]}",
            name="Siân Example",
            date_of_birth=date(2010, 9, 9),
        )
        episode = MissingEpisode(
            id=new_id(),
            child_id=child.id,
            type=EpisodeType.MISSING,
            start=now - timedelta(hours=12),
            end=now - timedelta(hours=1),
        )
        interview = ReturnInterview(
            id=new_id(),
            child_id=child.id,
            episode_ids=(episode.id,),
            interviewer_id=laptop.actor,
            returned_at=now - timedelta(hours=1),
        )
        with laptop.store.transaction(laptop.actor) as tx:
            tx.children.add(child)
            tx.episodes.add(episode)
            tx.interviews.add(interview)
        laptop.note_queue()
        return interview.id


def _repository(store: Store, kind: str) -> Any:
    return {
        "child": store.children,
        "episode": store.episodes,
        "interview": store.interviews,
        "offer": store.offers,
        "review": store.reviews,
        "supervision_session": store.supervision_sessions,
        "supervision_quality_review": store.quality_reviews,
    }[kind]


def test_laptops_converge_with_nothing_lost_or_duplicated_over_a_flaky_network(
    central: LiveCentral,
) -> None:
    LaptopsConverge.central = central
    run_state_machine_as_test(
        LaptopsConverge,
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
            derandomize=True,
        ),
    )
