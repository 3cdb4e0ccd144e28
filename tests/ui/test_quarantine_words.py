"""What the changes-needing-attention window says of each parked change: the child's case
reference, followed from whatever record the change is about, and the reason in words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rhi_desktop.demo import generate
from rhi_desktop.domain.entities import Offer, OfferMethod, OfferOutcome, new_id
from rhi_desktop.store import Store
from sync.outgoing import REJECTION_REASONS, UNSENDABLE, conflict_reason
from tests.ui.conftest import START
from ui.quarantine_view import case_reference_of, reason_text


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.create(tmp_path / "parked.db", os.urandom(32))
    yield opened
    opened.close()


def test_the_case_reference_is_found_from_any_record_about_the_child(store: Store) -> None:
    case = next(iter(generate(1, interviewer_id="me", now=START)))
    interview = case.interviews[0]
    offer = Offer(
        id=new_id(),
        interview_id=interview.id,
        offered_at=START,
        method=OfferMethod.IN_PERSON,
        offered_by="me",
        outcome=OfferOutcome.ACCEPTED,
    )
    with store.transaction("me") as tx:
        tx.children.add(case.child)
        tx.episodes.add_many(case.episodes)
        tx.interviews.add(interview)
        tx.offers.add(offer)
    reference = case.child.case_reference

    for entity, entity_id in (
        ("child", case.child.id),
        ("episode", case.episodes[0].id),
        ("interview", interview.id),
        ("offer", offer.id),
    ):
        assert case_reference_of(store, entity, entity_id) == reference, entity
    assert case_reference_of(store, "interview", new_id()) == ""  # not on this computer
    assert case_reference_of(store, "supervision_session", new_id()) == ""  # about no child


@pytest.mark.parametrize("stored", [conflict_reason(7), UNSENDABLE, *REJECTION_REASONS.values()])
def test_every_reason_the_sync_engine_records_is_put_in_words(stored: str) -> None:
    shown = reason_text(stored)
    assert shown != stored and not shown.startswith(("conflict:", "rejected:", "not sent:"))
