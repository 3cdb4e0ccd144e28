"""Answers a change hid are held beside their interview, on this device only, for as long
as the interview stays as it was written with them."""

from __future__ import annotations

import pytest

from rhi_desktop.autosave import DraftWriter
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import StaleEditError, Store
from tests.core.store.insider import keyed_connection
from tests.core.store.test_interviews import add_case, walk

S = InterviewState
HELD = {
    "question": "accepted",
    "row": None,
    "before": "yes",
    "hidden": [["story", None]],
    "answers": {"story": "Stayed with a friend in Łódź"},
    "rows": {},
}


def _draft(store: Store) -> DraftWriter:
    interview = walk(store, add_case(store).id, S.OFFERED, S.IN_PROGRESS)
    return DraftWriter(
        interview.id,
        version=interview.version,
        saved_answers=interview.answers,
        store=lambda: store,
        actor=lambda: "interviewer-1",
    )


def test_hidden_answers_are_written_with_the_record_and_never_queued(store: Store) -> None:
    writer = _draft(store)
    writer.write({"accepted": "no"}, HELD)
    assert store.held_answers.get(writer.interview_id) == HELD
    assert store.interviews.get(writer.interview_id).answers == {"accepted": "no"}
    queued = store.outbox.pending()
    assert queued[-1].entity_id == writer.interview_id
    assert queued[-1].payload["answers"] == {"accepted": "no"}
    assert "Łódź" not in str([entry.payload for entry in queued])
    for event in store.audit.events():  # nor are they anywhere in the audit trail
        assert "Łódź" not in str(event.detail)

    before = store.outbox.pending()
    dismissed = writer.write({"accepted": "no"})  # the notice dismissed: nothing held
    assert dismissed.written and dismissed.version == writer.version
    assert store.held_answers.get(writer.interview_id) is None
    assert store.outbox.pending() == before  # letting go is not a change to send


def test_holding_goes_with_the_version_it_was_written_beside(
    store: Store, profile: ProfilePaths, dek: bytes
) -> None:
    writer = _draft(store)
    writer.write({"accepted": "no"}, HELD)
    later = writer.write({"accepted": "no", "reason": "At school"}, HELD)
    assert later.written and store.held_answers.get(writer.interview_id) == HELD

    walk(store, writer.interview_id, S.COMPLETED)  # signed off: Undo has gone
    assert store.held_answers.get(writer.interview_id) is None
    inside = keyed_connection(profile.db, dek)
    try:  # gone from the file, not merely out of sight
        assert inside.execute("SELECT count(*) FROM held_answers").fetchone() == (0,)
    finally:
        inside.close()


def test_holding_for_an_interview_changed_elsewhere_is_refused(store: Store) -> None:
    writer = _draft(store)
    writer.write({"accepted": "no"})
    with store.transaction("interviewer-1") as tx:  # a second window, say
        tx.interviews.save_answers(
            writer.interview_id, {"accepted": "yes"}, expected_version=writer.version
        )
    with pytest.raises(StaleEditError):
        writer.write({"accepted": "no"}, HELD)
    assert store.held_answers.get(writer.interview_id) is None
    assert store.interviews.get(writer.interview_id).answers == {"accepted": "yes"}
