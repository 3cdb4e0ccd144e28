"""Upgrading to schema 4 (the sync engine's tables) keeps every case of every older schema,
and the upgraded database works for sync exactly like a new one."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop import audit
from rhi_desktop.audit import AuditAction, AuditChain
from rhi_desktop.store import RemoteRecord, Store
from rhi_desktop.store.connection import create_new
from rhi_desktop.store.db import Database
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST, MIGRATIONS, migrate
from tests.core.store.insider import keyed_connection

T = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def _clock() -> datetime:
    return T


def build_at(path: Path, dek: bytes, version: int) -> None:
    """A database as the app at schema `version` left it, with a caseload and a queued change."""
    keys = derive_keys(dek)
    db = Database(create_new(path, keys), _clock)
    migrate(db, keys.audit_key, target=version)
    db.execute("BEGIN IMMEDIATE")
    db.execute(
        "INSERT INTO children (id, case_reference, name, date_of_birth, version,"
        " server_version, updated_at) VALUES ('c1', 'CR-1', 'Ottoline Snodgrass',"
        " '2009-02-03', 1, 1, '2026-01-05T10:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO outbox (change_id, entity, entity_id, base_version, payload, created_at)"
        " VALUES ('ch-1', 'child', 'c1', 1, '{\"id\": \"c1\"}', '2026-01-05T10:00:00+00:00')"
    )
    AuditChain(db, keys.audit_key, _clock, actor="iv-1").append(AuditAction.UPDATE, "child", "c1")
    db.execute("COMMIT")
    db.conn.close()


def schema_of(path: Path, dek: bytes) -> list[Any]:
    conn = keyed_connection(path, dek)
    try:
        return [
            tuple(r)
            for r in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        ]
    finally:
        conn.close()


def test_schema_four_is_the_sync_engines_tables() -> None:
    assert MIGRATIONS[3].version == 4 and "sync state" in MIGRATIONS[3].purpose


@pytest.mark.parametrize("old", [1, 2, 3])
def test_every_earlier_schema_upgrades_keeping_its_cases_and_syncs_like_a_new_one(
    tmp_path: Path, old: int
) -> None:
    dek = os.urandom(32)
    path = tmp_path / "rhi.db"
    build_at(path, dek, old)

    with Store.open(path, dek, clock=_clock) as store:
        assert store.migrated_from == old and store.schema_version == LATEST
        assert store.children.get("c1").name == "Ottoline Snodgrass"
        assert store.children.server_version("c1") == 1
        queued = store.outbox.get("ch-1")
        assert (queued.base_version, queued.state.value) == (1, "pending")
        assert store.sync_state.enrolment() is None and store.sync_state.cursor() == 0
        with store.transaction("iv-1") as tx:
            tx.sync_state.set_cursor(41)
            outcome = tx.remote.apply(
                RemoteRecord(
                    "child",
                    "c1",
                    2,
                    {"id": "c1", "case_reference": "CR-1", "name": "Otti Snodgrass",
                     "date_of_birth": "2009-02-03"},
                    T,
                )
            )  # fmt: skip
        assert outcome.value == "applied"
        assert store.children.get("c1").name == "Otti Snodgrass"
        assert store.sync_state.cursor() == 41
        assert audit.verify(store).ok
        last = store.audit.events()[-1]
        assert last.detail == {"from_version": old, "to_version": LATEST}

    fresh = tmp_path / "fresh.db"
    Store.create(fresh, dek).close()
    assert schema_of(path, dek) == schema_of(fresh, dek)
