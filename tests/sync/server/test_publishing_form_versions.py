"""Each published form version keeps its own entity id and its content for good: a device
enrolled later still gets every version an interview may be pinned to, and every device
holds the same content for a version number."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from sync.protocol import EntityKind
from sync.server import admin, schema
from tests.rhi_definition import rhi_definition
from tests.sync.server.harness import Central


def _publish(central: Central, entity_id: str, definition: dict[str, Any]) -> int:
    return admin.publish(
        central.engine, EntityKind.FORM_DEFINITION, entity_id, definition, central.clock
    )


def _published(central: Central, entity_id: str) -> Any:
    """The definition the service holds under `entity_id`, or None."""
    e = schema.entities
    with central.engine.connect() as conn:
        return conn.execute(
            select(e.c.payload).where(
                e.c.entity == EntityKind.FORM_DEFINITION.value, e.c.entity_id == entity_id
            )
        ).scalar_one_or_none()


def _corrected(version: int) -> dict[str, Any]:
    definition = rhi_definition(version)
    definition["title"] = "Corrected without a new version number"
    return definition


def test_a_new_version_under_the_entity_id_of_an_older_one_is_refused(central: Central) -> None:
    _publish(central, "rhi-v2", rhi_definition(2))

    with pytest.raises(admin.AdminError) as refused:
        _publish(central, "rhi-v2", rhi_definition(3))

    message = str(refused.value)
    assert "rhi-v2 already carries form rhi version 2" in message
    assert "its own entity id" in message
    assert _published(central, "rhi-v2")["version"] == 2  # still there
    assert _publish(central, "rhi-v3", rhi_definition(3)) == 1


def test_changed_content_under_a_published_version_number_is_refused(central: Central) -> None:
    _publish(central, "rhi-v2", rhi_definition(2))
    assert _publish(central, "rhi-v2", rhi_definition(2)) == 2  # the same again: harmless

    for entity_id in ("rhi-v2", "rhi-v2-corrected"):
        with pytest.raises(admin.AdminError) as refused:
            _publish(central, entity_id, _corrected(2))
        message = str(refused.value)
        assert "form rhi version 2 is already published with different content" in message
        assert "A changed form needs a new version number" in message
        assert "version 3" in message
    assert _published(central, "rhi-v2")["title"] == rhi_definition(2)["title"]


def test_changed_content_under_the_version_the_app_comes_with_is_refused(
    central: Central,
) -> None:
    with pytest.raises(admin.AdminError) as refused:
        _publish(central, "rhi-v1", _corrected(1))

    assert "form rhi version 1 comes with the app with different content" in str(refused.value)
    assert _published(central, "rhi-v1") is None
    assert _publish(central, "rhi-v1", rhi_definition(1)) == 1  # the app's own copy is fine
