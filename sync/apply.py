"""Writing a pulled page into the store, with the cursor that covers it.

The page's records and the new cursor commit in one transaction: a sync killed half-way
through a page leaves neither, and the same page is pulled again next time. Records
parked earlier because their parent had not arrived are retried in the same transaction.
The team roster the page carries replaces the stored one in that transaction too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.store import Outcome, RemoteRecord, Store
from rhi_desktop.store.team import TeamMember
from sync import protocol
from sync.protocol import PulledChange, PullResponse

Observer = Callable[[str], None]


@dataclass
class PullTally:
    received: int = 0
    applied: int = 0
    current: int = 0
    stored: int = 0
    parked: int = 0
    unparked: int = 0


def remote_record(change: PulledChange) -> RemoteRecord:
    return RemoteRecord(
        entity=change.entity.value,
        entity_id=change.entity_id,
        version=change.version,
        payload=change.payload,
        recorded_at=change.recorded_at,
    )


def team_member(member: protocol.TeamMember) -> TeamMember:
    return TeamMember(user_id=member.user_id, name=member.name, role=member.role.value)


def apply_page(
    store: Store, actor: str, page: PullResponse, tally: PullTally, observer: Observer
) -> None:
    with store.transaction(actor) as tx:
        outcomes: list[Outcome] = []
        for change in page.changes:
            outcomes.append(tx.remote.apply(remote_record(change)))
            observer("pull.apply")
        unparked = tx.remote.apply_parked() if page.changes else 0
        if page.team is not None:
            tx.team.replace(
                [team_member(m) for m in page.team], as_of=london_date(page.server_time)
            )
        tx.sync_state.set_cursor(page.cursor)
        observer("pull.before_commit")
    tally.received += len(page.changes)
    tally.applied += outcomes.count(Outcome.APPLIED)
    tally.current += outcomes.count(Outcome.CURRENT)
    tally.stored += outcomes.count(Outcome.STORED)
    tally.parked += outcomes.count(Outcome.PARKED)
    tally.unparked += unparked
