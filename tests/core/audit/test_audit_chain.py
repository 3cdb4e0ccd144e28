"""Tampering with the audit trail, even by someone holding the database key, is detected."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from rhi_desktop import audit
from rhi_desktop.audit import GENESIS_MAC, AuditAction, AuditError, compute_mac
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Store
from rhi_desktop.store.keys import derive_keys
from tests.core.store.conftest import START, SeededStore
from tests.core.store.insider import keyed_connection


@pytest.fixture
def chain_of_50(
    make_seeded_store: Callable[..., SeededStore], profile: ProfilePaths, dek: bytes
) -> Store:
    """A seeded store, closed, whose chain holds exactly 50 entries."""
    store = make_seeded_store(children=3).store
    seq, _ = store.audit.head()
    with store.transaction("coordinator-1") as tx:
        for n in range(50 - seq):
            tx.audit.append(AuditAction.EXPORT, "report", detail={"rows": n})
    assert store.audit.head()[0] == 50
    store.close()
    return store


def insider(profile: ProfilePaths, dek: bytes, *statements: tuple[str, tuple[Any, ...]]) -> None:
    conn = keyed_connection(profile.db, dek)
    try:
        for sql, params in statements:
            conn.execute(sql, params)
    finally:
        conn.close()


def verify_file(profile: ProfilePaths, dek: bytes) -> audit.AuditReport:
    with Store.open(profile.db, dek) as store:
        return audit.verify(store)


def test_untouched_chain_verifies(chain_of_50: Store, profile: ProfilePaths, dek: bytes) -> None:
    report = verify_file(profile, dek)
    assert report.ok and report.checked == 50 and report.head_seq == 50
    assert report.bad_seq is None and str(report) == "audit chain intact (50 entries)"


def test_an_edited_entry_is_detected(chain_of_50: Store, profile: ProfilePaths, dek: bytes) -> None:
    insider(profile, dek, ("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 17", ()))
    report = verify_file(profile, dek)
    assert not report.ok
    assert (report.bad_seq, report.problem) == (17, "entry 17 was altered")
    assert str(report) == "audit chain broken: entry 17 was altered"


def test_an_edited_detail_is_detected(
    chain_of_50: Store, profile: ProfilePaths, dek: bytes
) -> None:
    insider(profile, dek, ("UPDATE audit_events SET detail = '{\"rows\": 999}' WHERE seq = 44", ()))
    assert verify_file(profile, dek).problem == "entry 44 was altered"


def test_a_deleted_entry_is_detected(chain_of_50: Store, profile: ProfilePaths, dek: bytes) -> None:
    insider(profile, dek, ("DELETE FROM audit_events WHERE seq = 17", ()))
    report = verify_file(profile, dek)
    assert (report.ok, report.bad_seq, report.problem) == (False, 17, "entry 17 is missing")
    assert report.checked == 16


def test_a_deleted_and_renumbered_entry_is_detected(
    chain_of_50: Store, profile: ProfilePaths, dek: bytes
) -> None:
    insider(
        profile,
        dek,
        ("DELETE FROM audit_events WHERE seq = 17", ()),
        ("UPDATE audit_events SET seq = seq - 1 WHERE seq > 17", ()),
        ("UPDATE meta SET value = '49' WHERE key = 'audit_head_seq'", ()),
    )
    assert verify_file(profile, dek).problem == "entry 17 was altered"


def test_a_truncated_chain_is_detected(
    chain_of_50: Store, profile: ProfilePaths, dek: bytes
) -> None:
    insider(profile, dek, ("DELETE FROM audit_events WHERE seq > 40", ()))
    report = verify_file(profile, dek)
    assert (report.ok, report.bad_seq, report.problem) == (
        False,
        41,
        "chain truncated after entry 40",
    )


def test_an_entry_forged_after_the_head_is_detected(
    chain_of_50: Store, profile: ProfilePaths, dek: bytes
) -> None:
    insider(
        profile,
        dek,
        (
            "INSERT INTO audit_events (seq, id, at, actor, action, entity, entity_id, detail,"
            " prev_mac, mac) SELECT 51, 'forged', at, actor, action, entity, entity_id, detail,"
            " mac, mac FROM audit_events WHERE seq = 50",
            (),
        ),
    )
    assert verify_file(profile, dek).problem == "entry 51 was added outside the chain"


def test_the_mac_is_keyed_by_the_audit_key_not_the_page_key(
    chain_of_50: Store, profile: ProfilePaths, dek: bytes
) -> None:
    keys = derive_keys(dek)
    with Store.open(profile.db, dek) as store:
        first = store.audit.events(limit=1)[0]
    fields = {
        "seq": first.seq,
        "id": first.id,
        "at": first.at.isoformat(timespec="microseconds"),
        "actor": first.actor,
        "action": first.action,
        "entity": first.entity,
        "entity_id": first.entity_id,
        "detail": dict(first.detail),
    }
    assert first.prev_mac == GENESIS_MAC
    assert compute_mac(keys.audit_key, GENESIS_MAC, fields) == first.mac
    assert compute_mac(keys.page_key, GENESIS_MAC, fields) != first.mac

    # An insider who edits an entry and re-MACs it with the page key is still caught.
    fields["actor"] = "someone-else"
    forged = compute_mac(keys.page_key, GENESIS_MAC, fields)
    insider(
        profile,
        dek,
        ("UPDATE audit_events SET actor = 'someone-else', mac = ? WHERE seq = 1", (forged,)),
    )
    assert verify_file(profile, dek).problem == "entry 1 was altered"


def test_head_is_the_last_entry_and_moves_with_each_append(store: Store) -> None:
    seq, mac = store.audit.head()
    assert (seq, mac) == (store.audit.events()[-1].seq, store.audit.events()[-1].mac)
    with store.transaction("interviewer-1") as tx:
        event = tx.audit.append(AuditAction.UNLOCK, "profile")
    assert store.audit.head() == (seq + 1, event.mac) and event.prev_mac == mac


def test_unlock_failures_are_recorded_at_the_moments_they_happened(store: Store) -> None:
    instants = [START - timedelta(minutes=9), START - timedelta(minutes=4)]
    with store.transaction("interviewer-1") as tx:
        tx.audit.record_unlock_failures(instants)
        tx.audit.append(AuditAction.UNLOCK, "profile")
    events = store.audit.events()[-3:]
    assert [e.action for e in events] == [
        AuditAction.UNLOCK_FAILED,
        AuditAction.UNLOCK_FAILED,
        AuditAction.UNLOCK,
    ]
    assert [e.at for e in events[:2]] == instants
    assert audit.verify(store).ok


def test_every_kind_of_event_chains_and_verifies(store: Store) -> None:
    with store.transaction("coordinator-1") as tx:
        for action in AuditAction:
            tx.audit.append(action, "profile", None, {"count": 3, "ok": True, "ref": "abc-123"})
    assert audit.verify(store).ok


def test_audit_details_refuse_free_text_such_as_names(store: Store) -> None:
    head = store.audit.head()
    with store.transaction("coordinator-1") as tx:
        with pytest.raises(AuditError):
            tx.audit.append(AuditAction.EXPORT, "report", detail={"title": "Zephyrine Quackenbush"})
        with pytest.raises(AuditError):
            tx.audit.append(AuditAction.EXPORT, "report", detail={"answers": {"q": "a"}})  # type: ignore[dict-item]
    assert store.audit.head() == head


def test_audit_events_are_written_only_inside_a_transaction(store: Store) -> None:
    head = store.audit.head()
    with pytest.raises(AuditError):
        store.audit.append(AuditAction.EXPORT, "report")
    assert store.audit.head() == head
    with store.transaction("coordinator-1"):
        event = store.audit.append(AuditAction.EXPORT, "report", detail={"rows": 12})
    assert event.actor == "coordinator-1"
    assert store.audit.head() == (head[0] + 1, event.mac)
