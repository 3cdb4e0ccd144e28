"""Recording a session, its supervisee acknowledging it, and a manager rating it: each
a store transaction with its outbox entry and audit event."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from rhi_desktop import audit
from rhi_desktop.domain.entities import AgreedAction
from rhi_desktop.store import RemoteRecord, Store
from rhi_desktop.supervision import (
    QualityRating,
    SessionDraft,
    SupervisionError,
    SupervisionProblem,
    acknowledge,
    awaiting_review,
    record_quality_review,
    record_session,
    sessions_of,
)
from tests.core.supervision.conftest import COORDINATOR, KIM, MANAGER, SAM, Clock

NOW = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def _draft(**changes: object) -> SessionDraft:
    values: dict[str, object] = {
        "supervisee_id": SAM.user_id,
        "held_on": date(2026, 2, 9),
        "cases_discussed": ("iv-a", "iv-b", "iv-a"),
        "reflections": "  Talked through a hard interview.  ",
        "wellbeing": "Sleeping badly after the last case; agreed a debrief.",
        "actions": (AgreedAction("Book the debrief", "alex.coordinator", date(2026, 2, 16)),),
    }
    values.update(changes)
    return SessionDraft(**values)  # type: ignore[arg-type]


def _problem(store: Store, draft: SessionDraft) -> tuple[SupervisionProblem, int | None]:
    with pytest.raises(SupervisionError) as caught:
        record_session(store, COORDINATOR.user_id, draft, NOW)
    return caught.value.problem, caught.value.action


def test_a_recorded_session_is_saved_trimmed_queued_and_audited(store: Store) -> None:
    session = record_session(store, COORDINATOR.user_id, _draft(), NOW)

    saved = store.supervision_sessions.get(session.id)
    assert saved.supervisor_id == COORDINATOR.user_id and saved.supervisee_id == SAM.user_id
    assert saved.cases_discussed == ("iv-a", "iv-b")
    assert saved.reflections == "Talked through a hard interview."
    assert saved.next_due == date(2026, 3, 9)
    (queued,) = store.outbox.pending()
    assert (queued.entity, queued.entity_id, queued.base_version) == (
        "supervision_session", session.id, 0,
    )  # fmt: skip
    assert queued.payload["supervisee_id"] == SAM.user_id
    last = store.audit.events()[-1]
    assert (last.action, last.entity, last.actor) == (
        "create",
        "supervision_session",
        COORDINATOR.user_id,
    )
    assert audit.verify(store).ok


def test_a_session_with_something_to_change_is_refused_and_nothing_is_saved(
    store: Store,
) -> None:
    late = AgreedAction("Read the policy", "sam", date(2026, 2, 1))
    blank_owner = AgreedAction("Read the policy", "  ", date(2026, 2, 20))

    assert _problem(store, _draft(held_on=date(2026, 2, 11))) == (
        SupervisionProblem.HELD_IN_FUTURE, None,
    )  # fmt: skip
    assert _problem(store, _draft(wellbeing="   ")) == (SupervisionProblem.MISSING_WELLBEING, None)
    assert _problem(store, _draft(actions=(_draft().actions[0], late))) == (
        SupervisionProblem.ACTION_DUE_BEFORE_SESSION, 1,
    )  # fmt: skip
    assert _problem(store, _draft(actions=(blank_owner,))) == (
        SupervisionProblem.ACTION_MISSING_OWNER, 0,
    )  # fmt: skip
    assert _problem(store, _draft(supervisee_id="not-on-team")) == (
        SupervisionProblem.NOT_ON_TEAM, None,
    )  # fmt: skip
    assert store.supervision_sessions.count() == 0 and store.outbox.pending() == []


def test_the_supervisee_acknowledges_once_and_only_their_own_session(store: Store) -> None:
    session = record_session(store, COORDINATOR.user_id, _draft(), NOW)
    assert [(s.session.id, s.acknowledged) for s in sessions_of(store, SAM.user_id)] == [
        (session.id, False)
    ]

    with pytest.raises(SupervisionError) as not_theirs:
        acknowledge(store, KIM.user_id, session.id, NOW)
    acknowledge(store, SAM.user_id, session.id, NOW + timedelta(hours=1))
    with pytest.raises(SupervisionError) as twice:
        acknowledge(store, SAM.user_id, session.id, NOW + timedelta(hours=2))

    assert not_theirs.value.problem is SupervisionProblem.NOT_YOUR_SESSION
    assert twice.value.problem is SupervisionProblem.ALREADY_ACKNOWLEDGED
    (summary,) = sessions_of(store, SAM.user_id)
    assert summary.acknowledged_at == NOW + timedelta(hours=1)
    queued = store.outbox.pending()[-1]
    assert queued.entity == "acknowledgement" and queued.base_version == 0
    assert queued.payload == {
        "id": queued.entity_id,
        "session_id": session.id,
        "acknowledged_at": "2026-02-10T10:00:00.000000+00:00",
    }
    assert store.audit.events()[-1].detail["session_id"] == session.id


def test_an_acknowledgement_pulled_from_the_service_marks_the_session(
    store: Store, clock: Clock
) -> None:
    session = record_session(store, COORDINATOR.user_id, _draft(), NOW)
    record = RemoteRecord(
        "acknowledgement",
        "ack-1",
        1,
        {"id": "ack-1", "session_id": session.id, "acknowledged_at": "2026-02-11T08:15:00+00:00"},
        clock.now,
    )
    with store.transaction(COORDINATOR.user_id) as tx:
        tx.remote.apply(record)

    (summary,) = sessions_of(store, SAM.user_id)
    assert summary.acknowledged_at == datetime(2026, 2, 11, 8, 15, tzinfo=UTC)


def test_a_manager_rates_each_session_once_but_never_one_they_held(store: Store) -> None:
    sams = record_session(store, COORDINATOR.user_id, _draft(), NOW)
    coordinators = SessionDraft(COORDINATOR.user_id, date(2026, 2, 2), (), "", "Fine.", ())
    own = record_session(store, MANAGER.user_id, coordinators, NOW)
    assert [s.session.id for s in awaiting_review(store, MANAGER.user_id)] == [sams.id]

    with pytest.raises(SupervisionError) as held_it:
        record_quality_review(store, MANAGER.user_id, own.id, QualityRating.GOOD, "", NOW)
    review = record_quality_review(
        store, MANAGER.user_id, sams.id, QualityRating.REQUIRES_IMPROVEMENT, " Short. ", NOW
    )
    with pytest.raises(SupervisionError) as again:
        record_quality_review(store, MANAGER.user_id, sams.id, QualityRating.GOOD, "", NOW)

    assert held_it.value.problem is SupervisionProblem.OWN_SESSION
    assert again.value.problem is SupervisionProblem.ALREADY_REVIEWED
    assert store.quality_reviews.for_session(sams.id) == [review]
    assert review.rating == 2 and review.comments == "Short."
    assert awaiting_review(store, MANAGER.user_id) == []
    assert store.outbox.pending()[-1].entity == "supervision_quality_review"
