"""Every entity comes back exactly as it was saved, and the same code runs on plain SQLite."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop import audit
from rhi_desktop.domain.entities import (
    AgreedAction,
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Offer,
    OfferMethod,
    OfferOutcome,
    Placement,
    PlacementArea,
    ReturnInterview,
    Review,
    ReviewDecision,
    RiskGrade,
    SupervisionQualityReview,
    SupervisionSession,
    new_id,
)
from rhi_desktop.plain_text import needs_keeping
from rhi_desktop.store import NotFoundError, ReadOnlyRecordError, Store, records
from rhi_desktop.store.migrations import LATEST
from tests.core.store.conftest import START, Clock, SeededStore
from tests.core.store.seeding import seed


def test_every_entity_round_trips_through_the_store(store: Store) -> None:
    child = Child(
        id=new_id(),
        case_reference="RT-1",
        name="Leopoldine Snodgrass",
        preferred_name="Leo",
        date_of_birth=date(2008, 2, 29),
        gender="female",
        ethnicity="WBRI",
        first_language="Welsh",
        interpreter_needed=True,
        looked_after=True,
        uasc=True,
        placement=Placement("residential", "Northshire", PlacementArea.OUT_OF_AREA, 42.5),
        school="Elmfield Academy",
        social_worker="sw-3",
    )
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=EpisodeType.AWAY,
        start=START - timedelta(hours=30),
        end=START,
        where_found="Thistlewick Lido",
        police_reference="PR/123/24",
        risk_grade=RiskGrade.NO_APPARENT_RISK,
    )
    interview = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id="iv-1",
        returned_at=START,
        form_id="rhi",
        form_version=1,
        answers={"places": [{"name": "Lido", "postcode": None}], "scale": 4, "ok": True, "é": "ü"},
        late_reason="child unwell",
    )
    offer = Offer(
        id=new_id(),
        interview_id=interview.id,
        offered_at=START + timedelta(hours=1),
        method=OfferMethod.VIA_CARER,
        offered_by="iv-1",
        outcome=OfferOutcome.DECLINED_BY_CHILD,
        child_chose_venue_and_time=False,
        reason="wants to talk next week",
    )
    session = SupervisionSession(
        id=new_id(),
        supervisor_id="co-1",
        supervisee_id="iv-1",
        held_on=date(2024, 3, 1),
        cases_discussed=(interview.id,),
        reflections="heavy week",
        wellbeing="ok",
        actions=(AgreedAction("refer to CSE team", "iv-1", date(2024, 3, 8)),),
        acknowledged_at=START,
    )
    quality = SupervisionQualityReview(
        id=new_id(), session_id=session.id, reviewer_id="mgr-1", reviewed_at=START, rating=4
    )
    with store.transaction("iv-1") as tx:
        saved: list[Any] = [
            tx.children.add(child),
            tx.episodes.add(episode),
            tx.interviews.add(interview),
            tx.offers.add(offer),
            tx.supervision_sessions.add(session),
            tx.quality_reviews.add(quality),
        ]
    assert [s.version for s in saved] == [1] * 6
    assert store.children.get(child.id) == replace(child, version=1)
    assert store.episodes.get(episode.id) == replace(episode, version=1)
    assert store.interviews.get(interview.id) == replace(interview, version=1)
    assert store.offers.get(offer.id) == replace(offer, version=1)
    assert store.supervision_sessions.get(session.id) == replace(session, version=1)
    assert store.quality_reviews.get(quality.id) == replace(quality, version=1)
    assert store.episodes.for_child(child.id) == [replace(episode, version=1)]
    assert store.offers.for_interview(interview.id) == [replace(offer, version=1)]
    assert store.interviews.for_child(child.id) == [replace(interview, version=1)]
    assert store.supervision_sessions.for_supervisee("iv-1") == [replace(session, version=1)]
    assert store.supervision_sessions.by_supervisor("co-1")[0].next_due == date(2024, 3, 29)
    assert store.quality_reviews.for_session(session.id) == [replace(quality, version=1)]
    assert store.outbox.counts() == (6, 0)


def test_missing_records_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="No child record with id nope"):
        store.children.get("nope")
    assert store.interviews.find("nope") is None


def test_a_review_decision_is_final(store: Store) -> None:
    review = Review(
        id=new_id(),
        interview_id=new_id(),
        revision=1,
        reviewer_id="co-1",
        decided_at=START,
        decision=ReviewDecision.APPROVED,
    )
    with pytest.raises(ReadOnlyRecordError), store.transaction("co-1") as tx:
        tx.reviews.update(review)


def test_bulk_seed_of_a_large_caseload_is_fast_and_audited(
    make_seeded_store: Callable[..., SeededStore],
) -> None:
    seeded = make_seeded_store(children=400)
    store = seeded.store
    assert store.children.count() == 400 and store.episodes.count() == 800
    report = audit.verify(store)
    assert report.ok and report.checked == store.audit.head()[0]
    assert store.outbox.counts()[0] == report.checked - 1  # all but the creation event


def test_the_same_store_code_runs_on_plain_sqlite_as_a_baseline(
    tmp_path: Path, clock: Clock
) -> None:
    conn = sqlite3.connect(tmp_path / "baseline.db", isolation_level=None)
    store = Store.from_connection(conn, b"k" * 32, clock=clock)
    seeded = seed(store, clock.now, children=10)
    assert store.schema_version == LATEST
    assert len(store.interviews.list_by_state(*InterviewState)) == 10
    assert store.settings().journal_mode == "wal" and store.settings().cipher_version is None
    assert audit.verify(store).ok
    assert store.children.get(seeded.child_ids[0]).name == "Zephyrine Quackenbush"
    store.close()


def test_text_is_kept_without_control_characters_in_the_store_and_what_is_sent(
    store: Store,
) -> None:
    """A NUL pasted from a PDF into a comment, a name or a reason would make the central
    service refuse the whole record, so it could never be sent nor changed."""
    pasted = "wants to\x00 talk\x1b next\tweek\n\ud800"
    kept = "wants to talk next\tweek\n\ufffd"
    child = Child(new_id(), "KT-1", "Zoë\x00 Quist", date(2011, 3, 7), school=pasted)
    interview = ReturnInterview(new_id(), child.id, (), "iv-1", START, InterviewState.SUBMITTED)
    offer = Offer(
        id=new_id(),
        interview_id=interview.id,
        offered_at=START,
        method=OfferMethod.PHONE,
        offered_by="iv-1",
        outcome=OfferOutcome.DECLINED_BY_CHILD,
        reason=pasted,
    )
    session = SupervisionSession(
        id=new_id(),
        supervisor_id="co-1",
        supervisee_id="iv-1",
        held_on=date(2024, 3, 1),
        reflections=pasted,
        actions=(AgreedAction(pasted, "iv-1", date(2024, 3, 8)),),
    )
    review = Review(
        id=new_id(),
        interview_id=offer.interview_id,
        revision=1,
        reviewer_id="co-1",
        decided_at=START,
        decision=ReviewDecision.RETURNED,
        question_comments={"where_went\x00": pasted},
    )
    with store.transaction("iv-1") as tx:
        tx.children.add(child)
        tx.interviews.add(interview)
        saved_offer = tx.offers.add(offer)
        tx.supervision_sessions.add(session)
        tx.reviews.add(review)
        changed = tx.offers.update(replace(saved_offer, reason=pasted + "!"))
    assert changed.reason == kept + "!"
    held_child = store.children.get(child.id)
    assert (held_child.name, held_child.school) == ("Zoë Quist", kept)
    assert store.offers.get(offer.id).reason == kept + "!"
    held = store.supervision_sessions.get(session.id)
    assert held.reflections == kept and held.actions[0].what == kept
    assert store.reviews.get(review.id).question_comments == {"where_went": kept}
    sent = store.outbox.pending()
    assert [e.payload["reason"] for e in sent if e.entity == "offer"][-1] == kept + "!"
    assert not any(needs_keeping(json.dumps(e.payload, ensure_ascii=False)) for e in sent)


def test_text_with_nothing_to_drop_is_kept_as_the_same_object() -> None:
    """Autosave passes a whole record through `kept`: nothing is copied that need not be."""
    answers = {"places": [{"name": "Lido"}], "note": "fine\tthen\n"}
    interview = ReturnInterview(new_id(), new_id(), (), "iv-1", START, answers=answers)
    session = SupervisionSession(
        new_id(),
        "co-1",
        "iv-1",
        date(2024, 3, 1),
        ("a",),
        "r",
        None,
        (AgreedAction("w", "o", date(2024, 3, 8)),),
    )
    assert records.kept(interview) is interview
    assert records.kept(session) is session
