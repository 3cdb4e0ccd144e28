"""What reports need from the schema (created by the store's migration v5).

- `kpi_verifications`: one row each time a coordinator verifies a month: who, when, the
  digest of the figures as verified and, per figure, its value and a digest of its
  records, so a later change can be shown figure by figure. Rows are only ever added.
- Indexes on episodes by end and interviews by return serve the period queries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rhi_desktop.store.db import Database

VERIFICATIONS_TABLE = "kpi_verifications"


def has_verification_table(db: Database) -> bool:
    """False only on a database the store has not migrated to v5 (never after Store.open)."""
    return bool(
        db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            (VERIFICATIONS_TABLE,),
        )
    )
