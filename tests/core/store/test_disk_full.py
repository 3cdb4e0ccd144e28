"""A full or read-only disk stops the save with a clear message and loses nothing saved.

The tests use a real tmpfs (see `mounts.py`), so they need root, as CI has.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from rhi_desktop import audit
from rhi_desktop.domain.entities import Child, EpisodeType, MissingEpisode, ReturnInterview, new_id
from rhi_desktop.store import DatabaseUnavailableError, DiskFullError, Store
from tests.core.store.conftest import START, Clock, file_hash
from tests.core.store.mounts import remount_read_only, tmpfs

MESSAGE = "The disk is full; free some space and try again; nothing already saved was lost."


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "small-disk", "2m") as mount_point:
        yield mount_point


def save_case(store: Store, n: int) -> str:
    child = Child(
        id=new_id(),
        case_reference=f"FULL-{n:05d}",
        name=f"Child {n}",
        date_of_birth=date(2011, 5, 6),
    )
    episode = MissingEpisode(
        id=new_id(),
        child_id=child.id,
        type=EpisodeType.MISSING,
        start=START - timedelta(days=1),
        end=START,
    )
    with store.transaction("interviewer-1") as tx:
        tx.children.add(child)
        tx.episodes.add(episode)
        tx.interviews.add(
            ReturnInterview(
                id=new_id(),
                child_id=child.id,
                episode_ids=(episode.id,),
                interviewer_id="interviewer-1",
                returned_at=START,
                answers={"notes": os.urandom(3000).hex()},
            )
        )
    return child.id


def test_full_disk_raises_disk_full_and_keeps_every_committed_case(
    small_disk: Path, tmp_path: Path, dek: bytes, clock: Clock
) -> None:
    db = small_disk / "rhi.db"
    store = Store.create(db, dek, clock=clock)
    try:
        committed: list[str] = []
        with pytest.raises(DiskFullError) as caught:
            for n in range(10_000):
                committed.append(save_case(store, n))
        assert str(caught.value) == MESSAGE
        assert len(committed) > 5
        # The failed save left nothing behind and the open store still reads.
        assert store.children.count() == len(committed)
        assert store.outbox.counts() == (3 * len(committed), 0)

        # A second profile cannot be created either, and leaves no half-made file.
        with pytest.raises(DiskFullError):
            Store.create(small_disk / "other.db", dek)
        assert not any(p.name.startswith("other.db") for p in small_disk.iterdir())
    finally:
        store.close()

    bigger = tmp_path / "bigger-disk"
    bigger.mkdir()
    for path in small_disk.iterdir():
        shutil.copy(path, bigger / path.name)
    with Store.open(bigger / "rhi.db", dek) as reopened:
        assert reopened.integrity_check() == ["ok"]
        assert audit.verify(reopened).ok
        assert reopened.children.count() == len(committed)
        for child_id in committed:
            assert reopened.children.find(child_id) is not None


def test_profile_on_a_read_only_disk_is_reported_as_unavailable_not_damaged(
    small_disk: Path, dek: bytes, clock: Clock
) -> None:
    db = small_disk / "rhi.db"
    store = Store.create(db, dek, clock=clock)
    save_case(store, 1)
    store.close()
    before = file_hash(db)
    remount_read_only(small_disk)
    with pytest.raises(DatabaseUnavailableError, match="read-only"):
        Store.open(db, dek).close()
    assert file_hash(db) == before
