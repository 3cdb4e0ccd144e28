"""The schema is created and upgraded by versioned steps that either finish or leave no trace."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Connection, Engine, Integer, MetaData, Table, insert, inspect, select

from sync.server import schema, schema_v1
from sync.server.db import open_engine, writing
from sync.server.migrations import (
    LATEST,
    MIGRATIONS,
    Migration,
    SchemaTooNew,
    current_version,
    migrate,
)
from tests.sync.server.harness import MutableClock


@pytest.fixture
def empty(db_url: str) -> Iterator[Engine]:
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


def test_empty_database_is_migrated_once_to_the_latest_version(empty: Engine) -> None:
    clock = MutableClock()
    assert current_version(empty) == 0

    assert migrate(empty, clock) == [m.version for m in MIGRATIONS]
    assert migrate(empty, clock) == []

    assert current_version(empty) == LATEST
    with empty.connect() as conn:
        recorded = conn.execute(select(schema.schema_version)).all()
    assert [(row.version, row.applied_at) for row in recorded] == [
        (m.version, clock.now) for m in MIGRATIONS
    ]


def test_migrated_tables_match_the_declared_schema(empty: Engine) -> None:
    migrate(empty, MutableClock())
    found = inspect(empty)
    assert set(found.get_table_names()) == set(schema.metadata.tables)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    unique = found.get_unique_constraints("changes") + [
        i for i in found.get_indexes("changes") if i.get("unique")
    ]
    assert any(u["column_names"] == ["change_id"] for u in unique)


def test_upgrade_gives_stored_entities_the_user_who_created_them(empty: Engine) -> None:
    """Only the author may change a supervision record, so records written before the
    service kept `created_by` get it from the feed: whoever applied their version 1."""
    clock = MutableClock()
    migrate(empty, clock, MIGRATIONS[:1])
    feed, stored = (schema_v1.metadata.tables[name] for name in ("changes", "entities"))
    history = [
        ("supervision_session", "s-1", 1, "the-supervisor"),
        ("supervision_session", "s-1", 2, "someone-else"),
        ("form_definition", "rhi@1", 1, None),  # published by an administrator's command
    ]
    with writing(empty) as conn:
        for seq, (kind, entity_id, version, applied_by) in enumerate(history, start=1):
            conn.execute(
                insert(feed).values(
                    seq=seq, change_id=str(uuid.uuid4()), fingerprint="0" * 64, entity=kind,
                    entity_id=entity_id, version=version, payload={}, team_visible=True,
                    is_global=False, applied_by=applied_by, recorded_at=clock(),
                )
            )  # fmt: skip
        for kind, entity_id, version in [
            ("supervision_session", "s-1", 2),
            ("form_definition", "rhi@1", 1),
        ]:
            conn.execute(
                insert(stored).values(
                    entity=kind, entity_id=entity_id, version=version, payload={},
                    team_visible=True, is_global=False, updated_at=clock(),
                )
            )  # fmt: skip

    assert migrate(empty, clock, MIGRATIONS[:2]) == [2]

    e = schema.entities
    with empty.connect() as conn:
        rows = conn.execute(select(e.c.entity_id, e.c.created_by)).all()
    created = {row.entity_id: row.created_by for row in rows}
    assert created == {"s-1": "the-supervisor", "rhi@1": None}


def test_upgrade_keeps_every_user_and_none_has_left(empty: Engine) -> None:
    clock = MutableClock()
    migrate(empty, clock, MIGRATIONS[:2])
    with writing(empty) as conn:
        conn.execute(
            insert(schema_v1.metadata.tables["users"]).values(
                id=str(uuid.uuid4()), username="sam", role="interviewer", created_at=clock()
            )
        )

    assert migrate(empty, clock) == [3, 4]

    with empty.connect() as conn:
        rows = conn.execute(select(schema.users.c.username, schema.users.c.left_at)).all()
    assert [tuple(row) for row in rows] == [("sam", None)]


def _broken_step(conn: Connection) -> None:
    Table("half_done", MetaData(), Column("id", Integer, primary_key=True)).create(conn)
    conn.execute(insert(schema.feed_counter).values(id=2, last_seq=0))
    raise RuntimeError("the step failed midway")


def test_a_failing_step_leaves_the_database_at_the_previous_version(empty: Engine) -> None:
    migrate(empty, MutableClock())
    steps = [*MIGRATIONS, Migration(LATEST + 1, "broken", _broken_step)]

    with pytest.raises(RuntimeError, match="midway"):
        migrate(empty, MutableClock(), steps)

    assert current_version(empty) == LATEST
    assert not inspect(empty).has_table("half_done")
    with empty.connect() as conn:
        assert conn.execute(select(schema.feed_counter.c.id)).scalars().all() == [1]


def test_database_from_a_newer_release_is_refused(empty: Engine) -> None:
    clock = MutableClock()
    migrate(empty, clock)
    with empty.begin() as conn:
        conn.execute(
            insert(schema.schema_version).values(version=99, description="x", applied_at=clock())
        )
    with pytest.raises(SchemaTooNew):
        migrate(empty, clock)


def test_two_servers_starting_together_migrate_once(db_url: str) -> None:
    engines = [open_engine(db_url) for _ in range(2)]
    start = threading.Barrier(2)
    applied: list[list[int]] = []
    failures: list[BaseException] = []

    def run(engine: Engine) -> None:
        start.wait()
        try:
            applied.append(migrate(engine, MutableClock()))
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for engine in engines:
        engine.dispose()

    assert failures == []
    assert len(applied) == 2
    # Each step is applied once, by one server or the other (they may take turns).
    assert sorted(v for versions in applied for v in versions) == [m.version for m in MIGRATIONS]


def test_two_services_opening_and_writing_a_new_sqlite_file_at_once_both_succeed(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Switching a new file to WAL takes an exclusive lock; racing the other connection's
    first write, SQLite answers "locked" at once instead of waiting (a deadlock, so no
    busy timeout applies). Raced sixty times, that used to happen every run."""
    failures: list[BaseException] = []
    for attempt in range(60):
        url = f"sqlite:///{tmp_path_factory.mktemp(f'race{attempt}') / 'central.db'}"
        engines = [open_engine(url) for _ in range(2)]
        start = threading.Barrier(2)

        def connect(engine: Engine, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                with writing(engine) as conn:
                    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (n INTEGER)")
            except BaseException as exc:  # reported by the assertion below
                failures.append(exc)

        threads = [threading.Thread(target=connect, args=(e,)) for e in engines]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        for engine in engines:
            engine.dispose()
    assert failures == []
