"""The audit tests use the store's real fixtures: a random key, a clock, seeded stores."""

from tests.core.store.conftest import (  # noqa: F401  (re-exported fixtures)
    clock,
    dek,
    make_seeded_store,
    profile,
    store,
)
