"""What reports need from the schema: verified months, and indexes for period queries.

Proposed as the store's next migration (see `MIGRATION_VERSION`); the store's
`migrations.py` registers it as

    Migration(5, reports_schema.PURPOSE, _script(reports_schema.STATEMENTS))

This module imports nothing from the store at run time, so registering it there makes
no import cycle.

- `kpi_verifications`: one row each time a coordinator verifies a month: who, when, the
  digest of the figures as verified and, per figure, its value and a digest of its
  records, so a later change can be shown figure by figure. Rows are only ever added.
- Period queries select episodes by their end and interviews by their return; without
  these indexes each monthly figure would read every row of both tables (and an
  interview row carries its answers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rhi_desktop.store.db import Database

MIGRATION_VERSION = 5
PURPOSE = "verified KPI months; indexes for report periods"
VERIFICATIONS_TABLE = "kpi_verifications"

STATEMENTS: tuple[str, ...] = (
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


def apply(db: Database) -> None:
    """The migration step: run inside the store's migration transaction."""
    for statement in STATEMENTS:
        db.execute(statement)


def has_verification_table(db: Database) -> bool:
    """False only on a database the proposed migration has not reached yet."""
    return bool(
        db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            (VERIFICATIONS_TABLE,),
        )
    )
