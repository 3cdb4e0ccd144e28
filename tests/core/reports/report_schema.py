"""The proposed reports migration on top of whatever the store has registered.

Until the store registers `rhi_desktop.reports.schema` as a numbered migration, tests
and the benchmark apply it through the store's own `migrate`, exactly as a registered
migration would run. Once it is registered the store already has the table and this is
a no-op.
"""

from __future__ import annotations

from rhi_desktop.reports import schema
from rhi_desktop.reports.queries import database
from rhi_desktop.store import Store
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST, MIGRATIONS, Migration, migrate


def with_report_schema(store: Store, dek: bytes) -> Store:
    db = database(store)
    if schema.has_verification_table(db):
        return store
    proposed = Migration(LATEST + 1, schema.PURPOSE, schema.apply)
    migrate(db, derive_keys(dek).audit_key, target=LATEST + 1, migrations=(*MIGRATIONS, proposed))
    return store
