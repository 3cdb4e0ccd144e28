"""Moving a draft to a newer form version is an audit event of its own: the versions it
moved between and the ids of the questions whose answers stayed behind, never an answer."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import FormRegistry, apply_migration, migrate_draft
from rhi_desktop.store import Store
from tests.rhi_definition import rhi_definition

ACTOR = "interviewer-1"
WRITTEN = "The young person said they stayed at a friend's flat"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.create(tmp_path / "rhi.db", os.urandom(32))
    yield store
    store.close()


def _draft_on_v1(store: Store) -> str:
    now = datetime.now(UTC)
    child = Child(new_id(), "CASE-1", "Testwell Example", date(2010, 5, 17))
    episode = MissingEpisode(
        new_id(), child.id, EpisodeType.MISSING, now - timedelta(hours=30), now - timedelta(hours=6)
    )
    draft = ReturnInterview(
        id=new_id(),
        child_id=child.id,
        episode_ids=(episode.id,),
        interviewer_id=ACTOR,
        returned_at=now - timedelta(hours=6),
        form_id="rhi",
        form_version=1,
        answers={"offer_outcome": "accepted", "what_happened": WRITTEN},
    )
    with store.transaction(ACTOR) as tx:
        tx.children.add(child)
        tx.episodes.add(episode)
        tx.interviews.add(draft)
        for state in (InterviewState.OFFERED, InterviewState.IN_PROGRESS):
            tx.interviews.transition(draft.id, state)
    return draft.id


def test_moving_a_draft_records_the_versions_and_the_questions_left_behind(
    store: Store, tmp_path: Path
) -> None:
    v2 = rhi_definition(2)
    for section in v2["sections"]:
        section["questions"] = [q for q in section["questions"] if q["id"] != "what_happened"]
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")
    registry.install(v2)
    interview_id = _draft_on_v1(store)
    before = store.audit.events()[-1].seq

    with store.transaction(ACTOR) as tx:
        migrate_draft(
            tx, interview_id, registry, expected_version=store.interviews.get(interview_id).version
        )

    written = [event for event in store.audit.events() if event.seq > before]
    moves = [event for event in written if "moved_to_version" in event.detail]
    assert len(moves) == 1
    move = moves[0]
    assert (move.action, move.entity, move.entity_id) == (
        AuditAction.FORM_VERSION_MOVE.value,
        "interview",
        interview_id,
    )
    assert move.detail["form_id"] == "rhi"
    assert move.detail["moved_from_version"] == 1 and move.detail["moved_to_version"] == 2
    assert move.detail["left_behind"] == 1 and move.detail["left_behind_1"] == "what_happened"
    assert WRITTEN not in json.dumps([dict(event.detail) for event in written])
    assert store.audit.verify().ok


def test_an_answer_the_new_version_does_not_ask_is_held_beside_the_moved_draft(
    store: Store, tmp_path: Path
) -> None:
    v2 = rhi_definition(2)
    for section in v2["sections"]:
        for question in section["questions"]:
            if question["id"] == "what_happened":
                question["relevant"] = "${offer_outcome} = 'declined_by_child'"
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")
    registry.install(v2)
    interview_id = _draft_on_v1(store)

    with store.transaction(ACTOR) as tx:
        moved, migration = migrate_draft(
            tx, interview_id, registry, expected_version=store.interviews.get(interview_id).version
        )

    assert "what_happened" not in moved.answers
    assert store.held_answers.get(interview_id) == migration.held
    assert migration.held is not None and migration.held["answers"] == {"what_happened": WRITTEN}
    move = store.audit.events()[-1]
    assert move.detail["left_behind"] == 0 and move.detail["kept_aside"] == 1
    assert WRITTEN not in json.dumps(dict(move.detail))
    in_place = dataclasses.replace(migration, source=migration.target)  # 2 to 2
    with pytest.raises(ValueError, match="only to a newer version"), store.transaction(ACTOR) as tx:
        apply_migration(tx, interview_id, in_place, expected_version=moved.version)
