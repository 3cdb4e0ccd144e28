"""The schema's history: numbered migrations, run in one transaction with the version bump.

`PRAGMA user_version` holds the schema version. A new database runs every migration from
0; an older one runs the ones it lacks. All pending migrations, the version bump and an
audit event share one transaction, so a failure leaves the database exactly as it was.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rhi_desktop.audit import SYSTEM_ACTOR, AuditAction, AuditChain
from rhi_desktop.store.db import Database

_ROW_VERSIONS = (
    "version INTEGER NOT NULL, server_version INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL"
)

_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"""CREATE TABLE children (
        id TEXT PRIMARY KEY,
        case_reference TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        preferred_name TEXT,
        date_of_birth TEXT NOT NULL,
        gender TEXT,
        ethnicity TEXT,
        first_language TEXT,
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        looked_after INTEGER NOT NULL DEFAULT 0,
        uasc INTEGER NOT NULL DEFAULT 0,
        placement_type TEXT,
        placement_local_authority TEXT,
        placement_area TEXT,
        placement_distance_miles REAL,
        school TEXT,
        social_worker TEXT,
        {_ROW_VERSIONS})""",
    f"""CREATE TABLE episodes (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        type TEXT NOT NULL CHECK (type IN ('M', 'A')),
        start_at TEXT NOT NULL,
        end_at TEXT,
        where_found TEXT,
        police_reference TEXT,
        risk_grade TEXT,
        {_ROW_VERSIONS})""",
    "CREATE INDEX episodes_by_child ON episodes (child_id)",
    f"""CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children (id),
        interviewer_id TEXT NOT NULL,
        returned_at TEXT NOT NULL,
        due_by TEXT NOT NULL,
        state TEXT NOT NULL,
        form_id TEXT,
        form_version INTEGER,
        answers TEXT NOT NULL DEFAULT '{{}}',
        revision INTEGER NOT NULL DEFAULT 1,
        started_at TEXT,
        completed_at TEXT,
        late_reason TEXT,
        {_ROW_VERSIONS})""",
    "CREATE INDEX interviews_by_child ON interviews (child_id)",
    """CREATE TABLE interview_episodes (
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        episode_id TEXT NOT NULL REFERENCES episodes (id),
        position INTEGER NOT NULL,
        PRIMARY KEY (interview_id, episode_id))""",
    "CREATE INDEX interview_episodes_by_episode ON interview_episodes (episode_id)",
    f"""CREATE TABLE offers (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        offered_at TEXT NOT NULL,
        method TEXT NOT NULL,
        offered_by TEXT NOT NULL,
        outcome TEXT NOT NULL,
        child_chose_venue_and_time INTEGER,
        reason TEXT,
        {_ROW_VERSIONS})""",
    "CREATE INDEX offers_by_interview ON offers (interview_id)",
    f"""CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        reviewer_id TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
        overall_comment TEXT,
        question_comments TEXT NOT NULL DEFAULT '{{}}',
        {_ROW_VERSIONS})""",
    "CREATE INDEX reviews_by_interview ON reviews (interview_id)",
    f"""CREATE TABLE supervision_sessions (
        id TEXT PRIMARY KEY,
        supervisor_id TEXT NOT NULL,
        supervisee_id TEXT NOT NULL,
        held_on TEXT NOT NULL,
        cases_discussed TEXT NOT NULL DEFAULT '[]',
        reflections TEXT,
        wellbeing TEXT,
        actions TEXT NOT NULL DEFAULT '[]',
        acknowledged_at TEXT,
        {_ROW_VERSIONS})""",
    "CREATE INDEX supervision_by_supervisee ON supervision_sessions (supervisee_id, held_on)",
    f"""CREATE TABLE supervision_quality_reviews (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES supervision_sessions (id) ON DELETE CASCADE,
        reviewer_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        comments TEXT,
        {_ROW_VERSIONS})""",
    "CREATE INDEX quality_reviews_by_session ON supervision_quality_reviews (session_id)",
    """CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        detail TEXT NOT NULL,
        prev_mac TEXT NOT NULL,
        mac TEXT NOT NULL)""",
    """CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        change_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        base_version INTEGER NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
)

# v2: amendments after `returned` keep the earlier revisions; the sync engine can park a
# change the server refused (quarantine) without blocking the rest of the queue.
_V2 = (
    """CREATE TABLE interview_revisions (
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        state TEXT NOT NULL,
        form_id TEXT,
        form_version INTEGER,
        answers TEXT NOT NULL,
        started_at TEXT,
        completed_at TEXT,
        closed_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, revision))""",
    "ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'"
    " CHECK (state IN ('pending', 'quarantined'))",
    "ALTER TABLE outbox ADD COLUMN reason TEXT",
    "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
)

# v3: the caseload lists and the retention purge need indexes and the approval instant.
_V3 = (
    "ALTER TABLE interviews ADD COLUMN approved_at TEXT",
    # Best evidence for interviews approved before the column existed: their last edit.
    "UPDATE interviews SET approved_at = updated_at WHERE state = 'approved'",
    "CREATE INDEX interviews_by_state_due ON interviews (state, due_by)",
    "CREATE INDEX interviews_by_approval ON interviews (approved_at) WHERE approved_at IS NOT NULL",
    "CREATE UNIQUE INDEX children_by_case_reference ON children (case_reference)",
    "CREATE INDEX outbox_by_state ON outbox (state, seq)",
)

# v4: what the sync engine keeps between runs (enrolment, cursor, last contact with the
# service) and the pulled records that have no table of their own (published forms and
# policy, acknowledgements) or cannot be applied yet (e.g. their interview has not
# arrived); a parked record is retried after every pull.
_V4 = (
    "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE remote_records (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        payload TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        parked_reason TEXT,
        PRIMARY KEY (entity, entity_id))""",
    "CREATE INDEX remote_records_parked ON remote_records (recorded_at)"
    " WHERE parked_reason IS NOT NULL",
    "CREATE INDEX outbox_by_entity ON outbox (entity, entity_id, state)",
)


# Reports: one row per verification of a month (who, when, a digest of the figures and,
# per figure, its value and a digest of its records), and indexes for period queries.
_V5 = (
    """CREATE TABLE kpi_verifications (
        id TEXT PRIMARY KEY,
        month TEXT NOT NULL,
        verified_at TEXT NOT NULL,
        verified_by TEXT NOT NULL,
        digest TEXT NOT NULL,
        figures TEXT NOT NULL)""",
    "CREATE INDEX kpi_verifications_by_month ON kpi_verifications (month, verified_at)",
    "CREATE INDEX episodes_by_end ON episodes (end_at) WHERE end_at IS NOT NULL",
    "CREATE INDEX episodes_by_child_end ON episodes (child_id, end_at)",
    "CREATE INDEX interviews_by_return ON interviews (returned_at)",
)

# The team roster the central service sends with every pull (who is due supervision,
# including people with no interviews yet), replaced as a whole each time.
_V6 = (
    """CREATE TABLE team_members (
        user_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL)""",
)

# v7: a case reference may name two child records. Two interviewers who each record the
# same found child offline both send it, and the service keeps both; a device that
# refused the second (as v3's unique index did) parked it, and with it that interviewer's
# episode and interview, which then never reached their coordinator. A new found child is
# still checked against the children already on the device before it is made.
_V7 = (
    "DROP INDEX children_by_case_reference",
    "CREATE INDEX children_by_case_reference ON children (case_reference)",
)

# v8: whether the child was looked after when each episode began, so that the statutory
# returns keep a child's episodes from care after they leave it, and leave out episodes
# from home before they came into care. Episodes already held keep NULL (not recorded):
# reports use the child's current flag for those, as they did before.
_V8 = ("ALTER TABLE episodes ADD COLUMN looked_after INTEGER CHECK (looked_after IN (0, 1))",)

# v9: a queued change counts as sent once a push has carried it (noted before the send),
# and a later save of its record then queues a change of its own instead of folding into
# it. Before, only a push that went unanswered was counted, so a change already sent and
# acknowledged by the service, then cut off, could read as never sent: such changes are
# counted as sent once.
_V9 = ("UPDATE outbox SET attempts = 1 WHERE attempts = 0",)

# v10: the day each colleague dropped off the team roster, so that supervisions they
# missed while on the team still count for the months they were on it, and a month
# verified then stays as verified. Those who left before this was kept have no date.
_V10 = (
    """CREATE TABLE roster_departures (
        user_id TEXT PRIMARY KEY,
        left_on TEXT NOT NULL)""",
)

# v11: answers a change to another answer hid, held on this device only (never queued for
# the service) while the form still offers to bring them back, so that Undo survives a
# crash or power cut. A holding goes with the interview version it was saved beside: the
# trigger drops it as soon as the interview changes any other way (signed off, moved to a
# new form version, replaced by a pull), so hidden answers never outlive their Undo.
_V11 = (
    """CREATE TABLE held_answers (
        interview_id TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        interview_version INTEGER NOT NULL,
        content TEXT NOT NULL)""",
    """CREATE TRIGGER held_answers_follow_their_version AFTER UPDATE OF version ON interviews
        BEGIN
            DELETE FROM held_answers
            WHERE interview_id = NEW.id AND interview_version <> NEW.version;
        END""",
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # the schema version after this migration
    purpose: str
    apply: Callable[[Database], None]


def _script(statements: Sequence[str]) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        for statement in statements:
            db.execute(statement)

    return run


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables, audit chain and outbox", _script(_V1)),
    Migration(2, "interview revisions; outbox quarantine", _script(_V2)),
    Migration(3, "list and retention indexes; unique case reference (until v7)", _script(_V3)),
    Migration(4, "sync state and pulled records without a table of their own", _script(_V4)),
    Migration(5, "verified KPI months; indexes for report periods", _script(_V5)),
    Migration(6, "the team roster from the central service", _script(_V6)),
    Migration(7, "a case reference may name more than one child record", _script(_V7)),
    Migration(8, "whether the child was looked after when each episode began", _script(_V8)),
    Migration(9, "queued changes from before count as sent, never folded into", _script(_V9)),
    Migration(10, "the day each colleague left the team roster", _script(_V10)),
    Migration(11, "answers a change hid, held on this device for Undo", _script(_V11)),
)
LATEST = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def migrate(
    db: Database,
    audit_key: bytes,
    *,
    target: int = LATEST,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> int:
    """Bring the schema to `target` in one transaction; return the version it started at.

    The version is read inside the write transaction, so a migration another connection
    committed first is never run twice. On any failure the transaction is rolled back
    and the error propagates unchanged.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        start = schema_version(db)
        pending = [m for m in migrations if start < m.version <= target]
        if not pending:
            db.execute("COMMIT")
            return start
        for migration in pending:
            migration.apply(db)
            db.execute(f"PRAGMA user_version = {int(migration.version)}")
        AuditChain(db, audit_key, db.clock, actor=SYSTEM_ACTOR).append(
            AuditAction.SCHEMA_MIGRATE,
            "database",
            detail={"from_version": start, "to_version": pending[-1].version},
        )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    return start
