"""Upgrading the app never loses a case: every older schema migrates, with a backup first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop import audit
from rhi_desktop.audit import AuditAction, AuditChain, utc_text
from rhi_desktop.domain.entities import InterviewState, OfferOutcome, ReviewDecision
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import MigrationFailedError, OutboxState, SchemaTooNewError, Store
from rhi_desktop.store.connection import create_new
from rhi_desktop.store.db import Database
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST, MIGRATIONS, migrate
from tests.core.store.conftest import START, Clock, SeededStore, file_hash
from tests.core.store.insider import keyed_connection

T0 = utc_text(START)
T1 = utc_text(START + timedelta(hours=1))
APPROVED_AT = utc_text(START + timedelta(days=3))


def insert(db: Database, table: str, **values: Any) -> None:
    names = ", ".join(values)
    marks = ", ".join("?" * len(values))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608  (test data, fixed names)
    db.execute(sql, tuple(values.values()))


def put_v1_data(db: Database) -> None:
    """What the version-1 app wrote: a child with an approved and an open interview."""
    common = {"version": 2, "server_version": 1, "updated_at": T1}
    insert(
        db,
        "children",
        id="c1",
        case_reference="CR-1",
        name="Ottoline Snodgrass",
        preferred_name="Otti",
        date_of_birth="2009-02-03",
        uasc=1,
        **common,
    )
    insert(
        db,
        "children",
        id="c2",
        case_reference="CR-2",
        name="Cosimo Fothergill",
        date_of_birth="2010-07-08",
        **common,
    )
    insert(
        db,
        "episodes",
        id="e1",
        child_id="c1",
        type="M",
        start_at=T0,
        end_at=T1,
        where_found="Marrowbone Viaduct",
        risk_grade="high",
        **common,
    )
    insert(
        db,
        "interviews",
        id="i1",
        child_id="c1",
        interviewer_id="iv-1",
        returned_at=T1,
        due_by=utc_text(START + timedelta(hours=73)),
        state="approved",
        form_id="rhi",
        form_version=1,
        answers='{"where_went": "Thistlewick Lido"}',
        revision=1,
        started_at=T1,
        completed_at=T1,
        version=5,
        server_version=4,
        updated_at=APPROVED_AT,
    )
    insert(db, "interview_episodes", interview_id="i1", episode_id="e1", position=0)
    insert(
        db,
        "interviews",
        id="i2",
        child_id="c2",
        interviewer_id="iv-1",
        returned_at=T1,
        due_by=utc_text(START + timedelta(hours=73)),
        state="offered",
        answers="{}",
        **common,
    )
    insert(
        db,
        "offers",
        id="o1",
        interview_id="i1",
        offered_at=T1,
        method="phone",
        offered_by="iv-1",
        outcome="accepted",
        child_chose_venue_and_time=1,
        **common,
    )
    insert(
        db,
        "reviews",
        id="r1",
        interview_id="i1",
        revision=1,
        reviewer_id="co-1",
        decided_at=APPROVED_AT,
        decision="approved",
        question_comments="{}",
        **common,
    )
    insert(
        db,
        "supervision_sessions",
        id="s1",
        supervisor_id="co-1",
        supervisee_id="iv-1",
        held_on="2024-02-01",
        cases_discussed='["i1"]',
        actions='[{"due": "2024-03-01", "owner": "iv-1", "what": "follow up"}]',
        **common,
    )
    insert(
        db,
        "supervision_quality_reviews",
        id="q1",
        session_id="s1",
        reviewer_id="mgr-1",
        reviewed_at=T1,
        rating=3,
        **common,
    )
    insert(
        db,
        "outbox",
        change_id="ch-1",
        entity="interview",
        entity_id="i2",
        base_version=1,
        payload='{"id": "i2"}',
        created_at=T1,
    )


def put_v2_data(db: Database) -> None:
    put_v1_data(db)
    insert(
        db,
        "interview_revisions",
        interview_id="i1",
        revision=1,
        state="returned",
        answers='{"where_went": "Gorsebrook Depot"}',
        closed_at=T1,
    )
    db.execute("UPDATE interviews SET revision = 2 WHERE id = 'i1'")
    insert(
        db,
        "outbox",
        change_id="ch-2",
        entity="child",
        entity_id="c2",
        base_version=1,
        payload='{"id": "c2"}',
        created_at=T1,
        state="quarantined",
        reason="conflict",
        attempts=2,
    )


def put_v3_data(db: Database) -> None:
    put_v2_data(db)
    # From v3 on the app records when an interview was approved.
    db.execute("UPDATE interviews SET approved_at = updated_at WHERE state = 'approved'")


# Versions 4 to 8, 10 and 11 added tables, columns, indexes and a trigger only, and 9
# changed only the counts of attempts v2 already kept: version 3's data fits them all.
PUT_DATA: dict[int, Callable[[Database], None]] = {
    1: put_v1_data,
    2: put_v2_data,
    3: put_v3_data,
    4: put_v3_data,
    5: put_v3_data,
    6: put_v3_data,
    7: put_v3_data,
    8: put_v3_data,
    9: put_v3_data,
    10: put_v3_data,
}


def build_at_version(path: Path, dek: bytes, version: int, clock: Clock) -> None:
    """A database exactly as the app at schema `version` left it, holding its data."""
    keys = derive_keys(dek)
    db = Database(create_new(path, keys), clock)
    migrate(db, keys.audit_key, target=version)
    db.execute("BEGIN IMMEDIATE")
    PUT_DATA[version](db)
    AuditChain(db, keys.audit_key, clock, actor="iv-1").append(
        AuditAction.SIGN_OFF, "interview", "i1", {"revision": 1}
    )
    db.execute("COMMIT")
    assert db.scalar("PRAGMA user_version") == version
    db.conn.close()


def schema_of(db: Path, dek: bytes) -> list[tuple[Any, ...]]:
    conn = keyed_connection(db, dek)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        )
        return [tuple(row) for row in rows]
    finally:
        conn.close()


def test_history_is_numbered_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))


@pytest.mark.parametrize("old", range(1, LATEST))
def test_every_earlier_version_upgrades_with_its_data_and_ends_with_a_fresh_schema(
    profile: ProfilePaths, tmp_path: Path, dek: bytes, clock: Clock, old: int
) -> None:
    build_at_version(profile.db, dek, old, clock)
    with Store.open(profile.db, dek, clock=clock) as store:
        assert store.migrated_from == old
        assert store.schema_version == LATEST

        child = store.children.get("c1")
        assert (child.name, child.preferred_name, child.uasc) == (
            "Ottoline Snodgrass",
            "Otti",
            True,
        )
        assert child.version == 2 and store.children.server_version("c1") == 1
        episode = store.episodes.get("e1")
        assert episode.where_found == "Marrowbone Viaduct"
        assert episode.looked_after is None  # not recorded then: reports use the child's flag
        approved = store.interviews.get("i1")
        assert approved.state is InterviewState.APPROVED and approved.episode_ids == ("e1",)
        assert approved.answers == {"where_went": "Thistlewick Lido"}
        assert store.interviews.get("i2").state is InterviewState.OFFERED
        assert store.offers.get("o1").outcome is OfferOutcome.ACCEPTED
        assert store.reviews.get("r1").decision is ReviewDecision.APPROVED
        assert store.supervision_sessions.get("s1").actions[0].what == "follow up"
        assert store.quality_reviews.get("q1").rating == 3
        # v3 backfilled the approval instant (later versions record it), so the retention
        # purge sees old approvals.
        far_future = datetime(2100, 1, 1, tzinfo=UTC)
        assert store.interviews.approved_before(far_future) == ["i1"]
        # v2 gave every queued change a state; what v1 queued is pending. v9 counts it as
        # sent once (it may have been), so a later save never folds into it; from v9 on, a
        # change never carried by a push is known to be unsent.
        entry = store.outbox.get("ch-1")
        attempts = 1 if old < 9 else 0
        assert (entry.state, entry.attempts, entry.base_version) == (
            OutboxState.PENDING,
            attempts,
            1,
        )
        if old >= 2:
            assert store.outbox.get("ch-2").state is OutboxState.QUARANTINED
            assert store.interviews.revision("i1", 1).answers == {"where_went": "Gorsebrook Depot"}
        report = audit.verify(store)
        assert report.ok and report.checked == 3  # create v0->old, sign-off, migrate old->latest
        last = store.audit.events()[-1]
        assert last.action == AuditAction.SCHEMA_MIGRATE
        assert last.detail == {"from_version": old, "to_version": LATEST}

    fresh = tmp_path / "fresh.db"
    Store.create(fresh, dek).close()
    assert schema_of(profile.db, dek) == schema_of(fresh, dek)


def test_migration_takes_an_encrypted_backup_that_the_next_open_removes(
    profile: ProfilePaths, dek: bytes, clock: Clock
) -> None:
    build_at_version(profile.db, dek, 1, clock)
    with Store.open(profile.db, dek, clock=clock) as store:
        assert store.backup == profile.root / "rhi.db.pre-migration-v1"
        assert profile.migration_backups() == [store.backup]
    backup = profile.migration_backups()[0]
    data = backup.read_bytes()
    for plaintext in (b"Ottoline", b"Snodgrass", b"CREATE TABLE", b"SQLite format 3"):
        assert plaintext not in data
    plain = sqlite3.connect(backup)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()
    copy = keyed_connection(backup, dek)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT name FROM children WHERE id = 'c1'").fetchone()[0] == (
            "Ottoline Snodgrass"
        )
    finally:
        copy.close()

    # Kept across the open that migrated; the next successful open removes it, and any
    # partial copy an interrupted migration left behind.
    assert profile.migration_backups() == [backup]
    (profile.root / "rhi.db.pre-migration-v0.partial").write_bytes(b"\x00" * 4096)
    Store.open(profile.db, dek).close()
    assert profile.migration_backups() == []
    assert not any("pre-migration" in p.name for p in profile.root.iterdir())


def test_database_from_a_newer_app_is_refused_untouched(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes
) -> None:
    make_seeded_store(children=3).store.close()
    conn = keyed_connection(profile.db, dek)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = {p.name: file_hash(p) for p in profile.root.iterdir()}
    with pytest.raises(SchemaTooNewError) as caught:
        Store.open(profile.db, dek)
    assert f"schema version {LATEST + 1}" in str(caught.value)
    assert "newer version" in str(caught.value)
    assert {p.name: file_hash(p) for p in profile.root.iterdir()} == before


def test_failed_migration_rolls_back_and_keeps_the_original_and_its_backup(
    profile: ProfilePaths, dek: bytes, clock: Clock
) -> None:
    build_at_version(profile.db, dek, 2, clock)
    # Version 2 allowed two children with one case reference; version 3 forbids it.
    conn = keyed_connection(profile.db, dek)
    conn.execute("UPDATE children SET case_reference = 'cr-1' WHERE id = 'c2'")
    conn.close()
    before = file_hash(profile.db)

    with pytest.raises(MigrationFailedError) as caught:
        Store.open(profile.db, dek, clock=clock)
    assert "rhi.db.pre-migration-v2" in str(caught.value)
    assert "unchanged" in str(caught.value)

    assert file_hash(profile.db) == before
    assert profile.migration_backups() == [profile.root / "rhi.db.pre-migration-v2"]
    for db in (profile.db, profile.migration_backups()[0]):
        conn = keyed_connection(db, dek)
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
            assert conn.execute("SELECT count(*) FROM children").fetchone()[0] == 2
            columns = [row[1] for row in conn.execute("PRAGMA table_info(interviews)")]
            assert "approved_at" not in columns
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()

    # Once the data is put right, the same upgrade succeeds.
    conn = keyed_connection(profile.db, dek)
    conn.execute("UPDATE children SET case_reference = 'CR-2' WHERE id = 'c2'")
    conn.close()
    with Store.open(profile.db, dek, clock=clock) as store:
        assert store.migrated_from == 2 and store.children.count() == 2
