"""The team roster in the store: replaced whole by each pull, and added by schema 6."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rhi_desktop import audit
from rhi_desktop.store import Store, TransactionError
from rhi_desktop.store.migrations import LATEST, MIGRATIONS
from rhi_desktop.store.team import TeamMember
from tests.core.supervision.conftest import COORDINATOR, KIM, SAM, TEAM
from tests.sync.client.test_store_upgrade_to_v4 import build_at, schema_of


def test_the_roster_is_replaced_whole_and_read_by_role(store: Store) -> None:
    assert store.team.members("interviewer") == [KIM, SAM]  # by name
    newcomer = TeamMember("iv-new", "ada.interviewer", "interviewer")

    with store.transaction("sync") as tx:
        tx.team.replace([COORDINATOR, SAM, newcomer])

    assert store.team.members("interviewer") == [newcomer, SAM]
    assert store.team.member(KIM.user_id) is None
    assert store.team.member(SAM.user_id) == SAM
    assert store.outbox.pending() == []  # the service's list, not a local edit


def test_the_roster_changes_only_inside_a_transaction(store: Store) -> None:
    with pytest.raises(TransactionError):
        store.team.replace(TEAM)


def test_a_schema_5_profile_upgrades_to_hold_a_roster(tmp_path: Path) -> None:
    assert MIGRATIONS[5].version == 6 and "roster" in MIGRATIONS[5].purpose
    dek = os.urandom(32)
    path = tmp_path / "rhi.db"
    build_at(path, dek, 5)

    with Store.open(path, dek) as store:
        assert store.migrated_from == 5
        assert store.children.get("c1").name == "Ottoline Snodgrass"
        assert store.outbox.get("ch-1").state.value == "pending"
        assert store.team.members() == []
        with store.transaction("sync") as tx:
            tx.team.replace(TEAM)
        assert store.team.members("coordinator") == [COORDINATOR]
        assert audit.verify(store).ok
        migrated = store.audit.events()[-1]
        assert migrated.action == "schema_migrate"
        assert migrated.detail == {"from_version": 5, "to_version": LATEST}

    fresh = tmp_path / "fresh.db"
    Store.create(fresh, dek).close()
    assert schema_of(path, dek) == schema_of(fresh, dek)
