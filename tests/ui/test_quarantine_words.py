"""What the changes-needing-attention window says of each parked change: the child's case
reference, followed from whatever record the change is about, and the reason in words."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rhi_desktop.config import Settings
from rhi_desktop.demo import generate
from rhi_desktop.domain.entities import Offer, OfferMethod, OfferOutcome, new_id
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile
from rhi_desktop.store import Store
from sync.outgoing import REJECTION_REASONS, UNSENDABLE, conflict_reason
from sync.protocol import RejectReason
from tests.sync.client.devices import PASSPHRASE
from tests.ui.conftest import START, Heard
from ui.profile_holder import ProfileHolder
from ui.quarantine_view import QuarantineView, case_reference_of, reason_text


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


def test_send_again_is_offered_only_where_sending_again_could_get_through(
    qtbot: QtBot, tmp_path: Path, settings: Settings, heard: Heard
) -> None:
    """A decision on an interview no longer waiting for it was sent again, quietly came
    back at the next sync, and was listed again with 'Queued to send' still showing."""
    profile = create_profile(ProfilePaths(tmp_path / "profile"), PASSPHRASE, settings, None)
    holder = ProfileHolder()
    holder.hold(profile)
    cases = list(generate(3, interviewer_id="me", now=START))
    with profile.store.transaction("me") as tx:
        tx.children.add_many([case.child for case in cases])
    parked = [
        REJECTION_REASONS[RejectReason.NOT_AWAITING_REVIEW],
        REJECTION_REASONS[RejectReason.UNKNOWN_REFERENCE],
        UNSENDABLE,
    ]
    changes = [entry.change_id for entry in profile.store.outbox.pending()]
    with profile.store.transaction("me") as tx:
        for change_id, reason in zip(changes, parked, strict=True):
            tx.outbox.quarantine(change_id, reason)
    view = QuarantineView(holder)
    qtbot.addWidget(view)
    view.show()
    offered = []
    for row in range(view.model.rowCount()):
        view.table.selectRow(row)
        offered.append((view.model.row_at(row).reason, view.retry_button.isEnabled()))
    assert sorted(offered) == sorted([(parked[0], False), (parked[1], True), (parked[2], False)])
    view.table.selectRow([reason for reason, _ in offered].index(parked[1]))
    resent = view.selected()
    assert resent is not None
    view.send_again()
    assert view.note.text() == "Queued to send at the next sync."
    assert heard[-1][0] == view.note.text()  # the focus stays in the list
    view.reload()  # a sync that has not sent it yet
    assert view.note.text() == "Queued to send at the next sync."
    with profile.store.transaction("me") as tx:  # the next sync: refused again
        tx.outbox.quarantine(resent.change_id, resent.reason)
    view.reload()
    said = "A change sent again was refused again: it is listed with why."
    assert view.note.text() == said and heard[-1][0] == said
    holder.close()
