"""A pre-migration copy put back in place of the database still belongs to the profile's
key file: it starts with the same salt, which vault.json records."""

from __future__ import annotations

from rhi_desktop.domain.deadlines import utc_now
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.store import Store
from rhi_desktop.store.connection import create_new
from rhi_desktop.store.db import Database
from rhi_desktop.store.keys import derive_keys
from rhi_desktop.store.migrations import LATEST, migrate


def test_a_restored_pre_migration_copy_keeps_the_databases_salt(
    profile: ProfilePaths, dek: bytes
) -> None:
    keys = derive_keys(dek)
    conn = create_new(profile.db, keys)
    migrate(Database(conn, utc_now), keys.audit_key, target=3)
    conn.close()
    salt = profile.db.read_bytes()[:16]

    with Store.open(profile.db, dek) as store:
        assert store.backup is not None
        backup = store.backup
    assert backup.read_bytes()[:16] == salt

    backup.replace(profile.db)  # IT puts the copy back
    with Store.open(profile.db, dek, key_verified=True) as restored:
        assert restored.migrated_from == 3 and restored.schema_version == LATEST
    assert profile.db.read_bytes()[:16] == salt
