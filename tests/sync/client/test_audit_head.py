"""The audit chain's head goes to the service at every sync, with something to push or
not, so a profile put back to an older copy of itself is caught at its first sync."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from sync.engine import SyncOutcome
from sync.server import schema
from tests.sync.client.devices import Laptop, new_laptop, record_completed_case
from tests.sync.client.live_central import LiveCentral


def _recorded_head(central: LiveCentral, laptop: Laptop) -> int | None:
    d = schema.devices
    with central.engine.connect() as conn:
        found = conn.execute(
            select(d.c.audit_seq).where(d.c.id == laptop.enrolment.device_id)
        ).scalar_one()
    return None if found is None else int(found)


def test_a_sync_with_nothing_to_send_still_sends_the_audit_head(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    record_completed_case(laptop)
    assert laptop.sync().outcome is SyncOutcome.SENT
    before = _recorded_head(central, laptop)

    assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE

    after = _recorded_head(central, laptop)
    assert before is not None and after is not None and after > before


def test_a_profile_put_back_to_an_older_copy_is_refused_at_its_first_sync(
    central: LiveCentral, tmp_path: Path
) -> None:
    laptop = new_laptop(central, tmp_path / "laptop")
    record_completed_case(laptop)
    assert laptop.sync().outcome is SyncOutcome.SENT
    laptop.profile.close()
    older = tmp_path / "older-copy"
    shutil.copytree(laptop.paths.root, older)
    laptop.reopen()
    for _ in range(3):  # days of syncing with nothing new to send
        assert laptop.sync().outcome is SyncOutcome.NOTHING_DUE
    laptop.profile.close()
    shutil.rmtree(laptop.paths.root)
    shutil.copytree(older, laptop.paths.root)
    laptop.reopen()

    report = laptop.sync()

    assert report.outcome is SyncOutcome.FAILED
    assert report.problem is not None and "audit" in report.problem.lower()
