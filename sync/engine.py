"""One sync: push the outbox, submit signed-off interviews, pull what changed, note the
contact, apply retention.

    engine = SyncEngine(store, actor, client, on_revoked=wipe_profile)
    report = engine.run()          # never raises for network or server trouble
    print(report.summary())

Each step is crash-safe on its own. A change leaves the outbox only in the transaction
that records the service's `applied`/`duplicate` answer; the pull cursor moves only in
the transaction that applies the records it covers. Killed at any point, the next sync
re-sends what had no recorded answer (the service's change_id idempotency answers
`duplicate`) and re-pulls what was not committed.

Signing off makes an interview `completed` ("ready to send"); sending it is what
submits it for review. So after the first push, every completed interview moves to
`submitted` in one transaction and a second push sends those moves. If the first push
fails, they stay completed, ready for the next sync; if it had nothing to send and the
second one fails, the moves wait in the outbox like any other change.

Connection errors, timeouts and 5xx are retried with back-off and jitter; if they
persist the sync ends as failed and the work stays queued for the next one. A wipe
directive (revoked device) hands over to `on_revoked`, which wipes the profile. Every
sync that reaches the store is audited as one SYNC event holding counts only.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from rhi_desktop.audit import AuditAction
from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.forms.versions import FormRegistry
from rhi_desktop.retention import PurgeReport, purge_expired
from rhi_desktop.store import Store, StoreError
from sync.apply import Observer, PullTally, apply_page
from sync.client import CentralClient
from sync.errors import DeviceRevoked, SyncError
from sync.outgoing import PushTally, next_batch, park_unsendable, record_answers
from sync.protocol import MAX_BATCH, MAX_PULL_LIMIT, PushRequest, PushResponse
from sync.published_forms import FormsTally, install_published
from sync.retry import Backoff, Sleep, with_retries

log = logging.getLogger(__name__)

DEFAULT_BATCH = 100
DEFAULT_PULL_LIMIT = 500
WIPED_MESSAGE = "wiped: this device was revoked by the central service; enrol again"


class SyncOutcome(StrEnum):
    SENT = "sent"  # everything due was sent, and the pull completed
    NOTHING_DUE = "nothing_due"
    QUARANTINED = "quarantined"  # synced, but some changes are parked for the person
    FAILED = "failed"
    WIPED = "wiped"


@dataclass
class SyncReport:
    outcome: SyncOutcome
    push: PushTally = field(default_factory=PushTally)
    pull: PullTally = field(default_factory=PullTally)
    pending: int = 0
    quarantined: int = 0
    purged: PurgeReport | None = None
    error: SyncError | StoreError | None = None
    """What stopped the sync (no personal data): the app words it for the person."""
    server_time: datetime | None = None
    retry_later: bool = False  # it failed for a passing reason (network, service fault)
    submitted: int = 0  # signed-off interviews this sync submitted for review
    forms: FormsTally = field(default_factory=FormsTally)

    @property
    def problem(self) -> str | None:
        """What went wrong, in English (the headless command and logs)."""
        return None if self.error is None else str(self.error)

    @property
    def exit_code(self) -> int:
        if self.outcome is SyncOutcome.QUARANTINED:
            return 3
        return 0 if self.outcome in (SyncOutcome.SENT, SyncOutcome.NOTHING_DUE) else 1

    def summary(self) -> str:
        """One line for the headless command and the status bar's tooltip."""
        if self.outcome is SyncOutcome.WIPED:
            return WIPED_MESSAGE
        parts = [
            f"sent {self.push.sent}"
            + (f" ({self.push.duplicates} already there)" if self.push.duplicates else ""),
            f"received {self.pull.applied + self.pull.stored}",
        ]
        if self.pull.parked:
            parts.append(f"{self.pull.parked} waiting for related records")
        parts.extend(f"installed form {name}" for name in self.forms.installed)
        if self.forms.refused:
            parts.append(f"{len(self.forms.refused)} published form(s) not installed (see log)")
        parts.append(f"{self.pending} waiting to send")
        parts.append(f"{self.quarantined} quarantined")
        if self.purged is not None and self.purged.interviews:
            parts.append(str(self.purged))
        text = f"sync {self.outcome.value}: " + ", ".join(parts)
        return text if self.problem is None else f"{text}. {self.problem}"


def _ignore(_step: str) -> None:
    return None


class SyncEngine:
    def __init__(
        self,
        store: Store,
        actor: str,
        client: CentralClient,
        *,
        on_revoked: Callable[[], None],
        batch_size: int = DEFAULT_BATCH,
        pull_limit: int = DEFAULT_PULL_LIMIT,
        backoff: Backoff | None = None,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = utc_now,
        retention_days: int | None = 30,
        observer: Observer = _ignore,
        forms: FormRegistry | None = None,
    ) -> None:
        if not 1 <= batch_size <= MAX_BATCH or not 1 <= pull_limit <= MAX_PULL_LIMIT:
            raise ValueError("Batch size and pull limit must be within the protocol's limits.")
        self.store = store
        self.actor = actor
        self.client = client
        self.on_revoked = on_revoked
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        self.rng = rng or random.Random()  # noqa: S311  (jitter, not a secret)
        self.clock = clock
        self.retention_days = retention_days
        self.observer = observer
        self.forms = forms  # where published form definitions are installed (None: not)

    def run(self) -> SyncReport:
        report = SyncReport(SyncOutcome.FAILED)
        try:
            self._push(report)
            if self._submit_signed_off(report):
                self._push(report)
            self._pull(report)
            if self.forms is not None:
                report.forms = install_published(self.store, self.forms)
        except DeviceRevoked:
            log.warning("the central service revoked this device; wiping the profile")
            self.on_revoked()
            return SyncReport(SyncOutcome.WIPED, report.push, report.pull)
        except SyncError as exc:
            log.warning("sync failed: %s", type(exc).__name__)
            report.error = exc
            report.retry_later = exc.transient
        self._finish(report)
        return report

    # -- steps ---------------------------------------------------------------------------

    def _push(self, report: SyncReport) -> None:
        tally = report.push
        horizon = self._outbox_horizon()
        sent_any = False
        while True:
            # Read and marked in one transaction: from here on a save does not fold into
            # a change being sent (`ChangeRecorder`), so what the service acknowledges
            # under a change's id is what the outbox holds under it.
            with self.store.transaction(self.actor) as tx:
                batch = next_batch(self.store, self.batch_size, horizon)
                park_unsendable(tx, batch, tally)
                tx.outbox.note_attempts(o.entry.change_id for o in batch.changes)
            if not batch.changes:
                if batch.unsendable:
                    continue
                if not sent_any:
                    # Nothing to send: the audit chain's head still goes, at every sync,
                    # so a profile put back to an older copy is caught at its first.
                    response = self._send(batch.request(self.store.audit.head()))
                    report.server_time = response.server_time
                return
            sent_any = True
            request = batch.request(self.store.audit.head())
            self.observer("push.before_send")
            response = self._send(request)
            self.observer("push.after_send")
            with self.store.transaction(self.actor) as tx:
                record_answers(tx, batch, response, tally)
                self.observer("push.before_commit")
            self.observer("push.after_commit")
            report.server_time = response.server_time

    def _send(self, request: PushRequest) -> PushResponse:
        return with_retries(
            functools.partial(self.client.push, request),
            self.backoff,
            sleep=self.sleep,
            rng=self.rng,
            what="push",
        )

    def _submit_signed_off(self, report: SyncReport) -> int:
        """completed -> submitted for every signed-off interview; how many moved."""
        signed_off = self.store.interviews.list_by_state(InterviewState.COMPLETED)
        if not signed_off:
            return 0
        now = self.clock()
        with self.store.transaction(self.actor) as tx:
            for row in signed_off:
                tx.interviews.transition(row.interview_id, InterviewState.SUBMITTED, at=now)
        report.submitted = len(signed_off)
        self.observer("submit.after_commit")
        return report.submitted

    def _pull(self, report: SyncReport) -> None:
        while True:
            cursor = self.store.sync_state.cursor()
            self.observer("pull.before_fetch")
            page = with_retries(
                functools.partial(self.client.pull, cursor, self.pull_limit),
                self.backoff,
                sleep=self.sleep,
                rng=self.rng,
                what="pull",
            )
            apply_page(self.store, self.actor, page, report.pull, self.observer)
            self.observer("pull.after_commit")
            report.server_time = page.server_time
            if not page.more:
                return

    def _finish(self, report: SyncReport) -> None:
        """Note the contact and audit the sync in one transaction; then retention."""
        pending, quarantined = self.store.outbox.counts()
        report.pending, report.quarantined = pending, quarantined
        if report.error is None:
            if quarantined:
                report.outcome = SyncOutcome.QUARANTINED
            elif report.push.sent or report.pull.applied or report.pull.stored:
                report.outcome = SyncOutcome.SENT
            else:
                report.outcome = SyncOutcome.NOTHING_DUE
        with self.store.transaction(self.actor) as tx:
            if report.error is None and report.server_time is not None:
                tx.sync_state.record_contact(self.clock(), report.server_time)
            tx.audit.append(AuditAction.SYNC, "sync", detail=self._audit_detail(report))
        self.observer("sync.audited")
        if self.retention_days is not None:
            # Also when the service could not be reached: the purge needs no network, and
            # a laptop that stays offline must not keep approved cases past policy.
            self._retention(report)

    def _retention(self, report: SyncReport) -> None:
        assert self.retention_days is not None
        now = self.store.sync_state.server_now(self.clock())
        try:
            report.purged = purge_expired(
                self.store, self.actor, now=now, retention_days=self.retention_days
            )
        except StoreError as exc:
            log.warning("retention purge did not run: %s", type(exc).__name__)
            report.error = report.error or exc

    def _outbox_horizon(self) -> int:
        """Push only what was queued before the sync began, so a busy editor cannot keep
        one sync going for ever."""
        return self.store.outbox.last_seq()

    def _audit_detail(self, report: SyncReport) -> dict[str, str | int | bool | None]:
        return {
            "outcome": report.outcome.value,
            "sent": report.push.applied,
            "submitted": report.submitted,
            "duplicates": report.push.duplicates,
            "conflicts": report.push.conflicts,
            "rejected": report.push.rejected + report.push.unsendable,
            "received": report.pull.received,
            "parked": report.pull.parked,
            "pending": report.pending,
            "quarantined": report.quarantined,
            "cursor": self.store.sync_state.cursor(),
        }
