"""Keeping my change after a conflict: it is re-based onto the service's newer version held
here and put back on the row, in one audited step; refused, changing nothing, until that
version has arrived or while another change of the record waits. A rejected change is
still simply sent again."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    new_id,
)
from rhi_desktop.store import (
    NewerVersionNotHereError,
    OtherChangeWaitingError,
    OutboxEntry,
    OutboxState,
    OvertakenChangeError,
    RemoteRecord,
    StaleEditError,
    Store,
)
from rhi_desktop.store.records import payload

ME = "interviewer-1"
ANSWERED = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
CONFLICT = "conflict: the service has a newer version (4) made elsewhere"


def _synced_interview(store: Store) -> tuple[ReturnInterview, MissingEpisode]:
    """An interview in progress, linked to the first of the child's two episodes, that
    the service has acknowledged at version 3; returns it and the unlinked episode."""
    child = Child(
        id=new_id(),
        case_reference="KM-1",
        name="Ottoline Fothergill",
        date_of_birth=date(2010, 1, 1),
    )
    first, second = (
        MissingEpisode(
            id=new_id(),
            child_id=child.id,
            type=EpisodeType.MISSING,
            start=ANSWERED - timedelta(days=days, hours=20),
            end=ANSWERED - timedelta(days=days, hours=2),
        )
        for days in (0, 3)
    )
    interview = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(first.id,),
        interviewer_id=ME,
        returned_at=ANSWERED - timedelta(hours=2),
        form_id="rhi",
        form_version=1,
        answers={"where_went": "Quillfeather Arcade"},
    )
    with store.transaction(ME) as tx:
        tx.children.add(child)
        tx.episodes.add_many([first, second])
        tx.interviews.add(interview)
        tx.interviews.transition(interview.id, InterviewState.OFFERED)
        tx.interviews.transition(interview.id, InterviewState.IN_PROGRESS)
    with store.transaction("sync") as tx:
        tx.outbox.mark_sent(e.change_id for e in tx.outbox.pending())
        tx.children.acknowledge(child.id, 1)
        tx.episodes.acknowledge(first.id, 1)
        tx.episodes.acknowledge(second.id, 1)
        tx.interviews.acknowledge(interview.id, 3)
    return store.interviews.get(interview.id), second


def _edit(store: Store, interview: ReturnInterview, **changes: object) -> OutboxEntry:
    with store.transaction(ME) as tx:
        tx.interviews.update(replace(interview, **changes))  # type: ignore[arg-type]
    return store.outbox.for_entity("interview", interview.id)[-1]


def _park(store: Store, entry: OutboxEntry, reason: str = CONFLICT) -> None:
    with store.transaction("sync") as tx:
        tx.outbox.quarantine(entry.change_id, reason)


def _pull(store: Store, item: ReturnInterview, version: int) -> None:
    """The service's newer copy arrives, as the pull applies it."""
    record = RemoteRecord("interview", item.id, version, payload(item), ANSWERED)
    with store.transaction("sync") as tx:
        tx.remote.apply(record)


def _retried(store: Store) -> list[dict[str, object]]:
    return [dict(e.detail) for e in store.audit.events() if e.action == AuditAction.CHANGE_RETRIED]


def test_keeping_mine_rebases_the_change_and_puts_it_back_on_the_row(store: Store) -> None:
    interview, second_episode = _synced_interview(store)
    mine = _edit(
        store,
        interview,
        answers={"where_went": "Marrowbone Viaduct"},
        episode_ids=(*interview.episode_ids, second_episode.id),
    )
    _park(store, mine)
    elsewhere = replace(interview, answers={"where_went": "Thistlewick Lido"})
    _pull(store, elsewhere, 4)
    shown = store.interviews.get(interview.id)
    assert shown.answers == {"where_went": "Thistlewick Lido"}
    assert shown.episode_ids == interview.episode_ids
    assert store.outbox.newer_version_here(mine.change_id) == 4

    with store.transaction(ME) as tx:
        assert tx.outbox.keep_mine(mine.change_id) == 4

    queued = store.outbox.get(mine.change_id)
    assert (queued.state, queued.base_version, queued.reason) == (OutboxState.PENDING, 4, None)
    assert queued.payload == mine.payload
    kept = store.interviews.get(interview.id)
    assert kept.answers == {"where_went": "Marrowbone Viaduct"}
    assert kept.episode_ids == (*interview.episode_ids, second_episode.id)
    assert store.remote.server_version("interview", interview.id) == 4
    assert store.outbox.counts() == (1, 0)
    assert _retried(store) == [{"change_id": mine.change_id, "replaces_version": 4}]
    event = store.audit.events()[-1]
    assert (event.action, event.entity, event.entity_id, event.actor) == (
        AuditAction.CHANGE_RETRIED,
        "interview",
        interview.id,
        ME,
    )

    with pytest.raises(StaleEditError), store.transaction(ME) as tx:
        tx.interviews.update(replace(shown, answers={"where_went": "opened on the old copy"}))
    assert store.interviews.get(interview.id).answers == {"where_went": "Marrowbone Viaduct"}


def test_keeping_mine_waits_until_the_newer_version_is_on_this_device(store: Store) -> None:
    interview, _ = _synced_interview(store)
    mine = _edit(store, interview, answers={"where_went": "Marrowbone Viaduct"})
    _park(store, mine)
    assert store.outbox.newer_version_here(mine.change_id) is None

    with pytest.raises(NewerVersionNotHereError) as refused, store.transaction(ME) as tx:
        tx.outbox.keep_mine(mine.change_id)

    assert "Sync first" in str(refused.value)
    assert "Marrowbone" not in str(refused.value) and "Ottoline" not in str(refused.value)
    assert store.outbox.get(mine.change_id) == replace(
        mine, state=OutboxState.QUARANTINED, reason=CONFLICT
    )
    assert store.interviews.get(interview.id).answers == {"where_went": "Marrowbone Viaduct"}
    assert _retried(store) == []

    # Arrived, but waiting for a record it refers to: not on the row yet either.
    stranger = replace(
        interview, answers={"where_went": "Gorsebrook Depot"}, episode_ids=(new_id(),)
    )
    _pull(store, stranger, 4)
    assert store.remote.parked_version("interview", interview.id) == 4
    with pytest.raises(NewerVersionNotHereError), store.transaction(ME) as tx:
        tx.outbox.keep_mine(mine.change_id)
    assert store.outbox.get(mine.change_id).state is OutboxState.QUARANTINED
    assert _retried(store) == []


@pytest.mark.parametrize("other_parked", [False, True], ids=["queued", "parked"])
def test_keeping_mine_waits_while_another_change_of_the_record_is_waiting(
    store: Store, other_parked: bool
) -> None:
    interview, _ = _synced_interview(store)
    mine = _edit(store, interview, answers={"where_went": "Marrowbone Viaduct"})
    _park(store, mine)
    _pull(store, replace(interview, answers={"where_went": "Thistlewick Lido"}), 4)
    later = _edit(
        store, store.interviews.get(interview.id), answers={"where_went": "Gorsebrook Depot"}
    )
    if other_parked:
        _park(store, later, "rejected: the service found the record invalid")

    with pytest.raises(OtherChangeWaitingError) as refused, store.transaction(ME) as tx:
        tx.outbox.keep_mine(mine.change_id)

    error = refused.value
    assert (error.other_change_id, error.parked, error.made_at) == (
        later.change_id,
        other_parked,
        later.created_at,
    )
    words = str(error)
    assert ("send it again or discard it first" in words) is other_parked
    assert ("sync first" in words) is not other_parked
    assert "Gorsebrook" not in words and "Marrowbone" not in words
    kept = store.outbox.get(mine.change_id)
    assert (kept.state, kept.base_version) == (OutboxState.QUARANTINED, mine.base_version)
    assert store.interviews.get(interview.id).answers == {"where_went": "Gorsebrook Depot"}
    assert _retried(store) == []


def test_a_rejected_change_is_sent_again_as_it_is(store: Store) -> None:
    interview, _ = _synced_interview(store)
    mine = _edit(store, interview, answers={"where_went": "Marrowbone Viaduct"})
    _park(store, mine, "rejected: it refers to a record the service cannot find")
    assert store.outbox.newer_version_here(mine.change_id) is None  # not a conflict

    with store.transaction(ME) as tx:
        tx.outbox.retry(mine.change_id)

    again = store.outbox.get(mine.change_id)
    assert (again.state, again.reason, again.base_version) == (
        OutboxState.PENDING,
        None,
        mine.base_version,
    )
    assert store.interviews.get(interview.id).answers == {"where_went": "Marrowbone Viaduct"}
    assert _retried(store) == [{"change_id": mine.change_id}]


@pytest.mark.parametrize(
    "held",
    [InterviewState.COMPLETED, InterviewState.SUBMITTED],
)
def test_a_change_the_services_version_has_moved_past_cannot_replace_it(
    store: Store, held: InterviewState
) -> None:
    # An edit made in progress, parked; meanwhile the other laptop signed it off (and sent
    # it): keeping the edit would move the interview back to in progress.
    interview, _ = _synced_interview(store)
    mine = _edit(store, interview, answers={"where_went": "Marrowbone Viaduct"})
    _park(store, mine)
    _pull(store, replace(interview, state=held, completed_at=ANSWERED), 4)

    with pytest.raises(OvertakenChangeError) as refused, store.transaction(ME) as tx:
        tx.outbox.keep_mine(mine.change_id)

    assert refused.value.held_state == held.value and "Discard" in str(refused.value)
    assert store.interviews.get(interview.id).state is held  # nothing moved back
    assert store.outbox.get(mine.change_id).state is OutboxState.QUARANTINED
    assert _retried(store) == []


def test_a_change_to_an_earlier_revision_cannot_replace_the_amended_one(store: Store) -> None:
    # An edit to revision 1, parked; meanwhile the interview was returned and reopened on
    # the other laptop, so the service holds revision 2 in progress: same state, later
    # revision, and revision 1's answers must not overwrite it.
    interview, _ = _synced_interview(store)
    mine = _edit(store, interview, answers={"where_went": "Marrowbone Viaduct"})
    _park(store, mine)
    amended = replace(interview, revision=2, answers={"where_went": "Amended elsewhere"})
    _pull(store, amended, 6)

    with pytest.raises(OvertakenChangeError), store.transaction(ME) as tx:
        tx.outbox.keep_mine(mine.change_id)

    held = store.interviews.get(interview.id)
    assert (held.revision, held.answers) == (2, {"where_went": "Amended elsewhere"})
    assert store.outbox.get(mine.change_id).state is OutboxState.QUARANTINED
    assert _retried(store) == []
