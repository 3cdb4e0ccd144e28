"""Least data on the device: approved interviews leave it after the retention period.

Once an interview has been approved, it (with its offers, reviews and kept revisions)
is purged from the device `retention_days` after the approval (policy; 30 by default).
Its child goes too, with their episodes, unless something still needs them: another
interview of theirs (an open assignment, or one not yet due for purging) or a change not
yet accepted by the central service. Nothing with unsent work is ever purged.

Each purge is one audit event holding ids only. The store runs with
`PRAGMA secure_delete` on, so freed pages are overwritten; a store without it is refused
rather than leaving deleted records readable in free pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rhi_desktop.audit import AuditAction
from rhi_desktop.counted import by_count
from rhi_desktop.store import Store, StoreError

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 30
REASON = "retention"


class SecureDeleteOff(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Records were not purged: the database is not overwriting deleted data "
            "(secure_delete is off), so purged records could linger in the file."
        )


@dataclass(frozen=True, slots=True)
class PurgeReport:
    interviews: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    kept_for_unsent_work: int = 0  # expired, but with changes the service has not accepted

    def __str__(self) -> str:
        interviews = by_count(
            len(self.interviews), "1 approved interview", "{0} approved interviews"
        )
        children = by_count(len(self.children), "1 child record", "{0} child records")
        return f"purged {interviews} and {children}"


def cutoff_for(now: datetime, retention_days: int) -> datetime:
    if retention_days < 1:
        raise ValueError("The retention period is at least one day.")
    return now - timedelta(days=retention_days)


def purge_expired(
    store: Store, actor: str, *, now: datetime, retention_days: int = DEFAULT_RETENTION_DAYS
) -> PurgeReport:
    """Purge what the retention rule says has been kept long enough, in one transaction.

    `now` should be the central service's clock as best known (the approval instants
    come from it), e.g. `store.sync_state.server_now(device_now)`.
    """
    if not store.settings().secure_delete:
        raise SecureDeleteOff()
    cutoff = cutoff_for(now, retention_days)
    interviews: list[str] = []
    children: list[str] = []
    kept = 0
    with store.transaction(actor) as tx:
        for interview_id, child_id in tx.retention.approved_before(cutoff):
            if tx.retention.interview_has_unsent_work(interview_id):
                kept += 1
                continue
            tx.retention.purge_interview(interview_id)
            tx.audit.append(AuditAction.WIPE, "interview", interview_id, {"reason": REASON})
            interviews.append(interview_id)
            if child_id in children or tx.retention.child_is_needed(child_id):
                continue
            episodes = tx.retention.purge_child(child_id)
            tx.audit.append(
                AuditAction.WIPE, "child", child_id, {"reason": REASON, "episodes": episodes}
            )
            children.append(child_id)
        tx.retention.purge_parked_before(cutoff)
    report = PurgeReport(interviews, children, kept)
    if interviews or kept:
        log.info("%s; %d kept for unsent changes", report, kept)
    return report
