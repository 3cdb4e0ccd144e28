"""The real service over TLS and real profiles: what IT publishes never takes a form
version away from a device enrolled later, nor leaves two devices holding different
content under one version number."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.forms.versions import FormRegistry
from sync.protocol import EntityKind, Role
from sync.server import admin
from tests.rhi_definition import rhi_definition
from tests.sync.client.certificates import Authority
from tests.sync.client.devices import Laptop, new_laptop
from tests.sync.client.live_central import central_in


def _versions(laptop: Laptop) -> list[int]:
    return FormRegistry.for_profile(laptop.paths.root).versions("rhi")


def _title_of_v2(laptop: Laptop) -> str:
    title = FormRegistry.for_profile(laptop.paths.root).load("rhi", 2).definition.title
    assert isinstance(title, str)
    return title


def test_a_device_enrolled_after_the_next_version_still_gets_the_one_before(
    authority: Authority, tmp_path: Path
) -> None:
    with central_in(tmp_path / "central", authority) as central:
        publish = partial(admin.publish, central.engine, EntityKind.FORM_DEFINITION)
        publish("rhi-v2", rhi_definition(2), central.clock)
        early = new_laptop(central, tmp_path / "early")
        assert early.sync().forms.installed == ("rhi v2",)

        with pytest.raises(admin.AdminError, match="already carries form rhi version 2"):
            publish("rhi-v2", rhi_definition(3), central.clock)  # would replace v2
        publish("rhi-v3", rhi_definition(3), central.clock)
        late = new_laptop(central, tmp_path / "coordinator", Role.COORDINATOR)
        late.sync()

        assert _versions(late) == [1, 2, 3]  # can review interviews pinned to v2
        assert early.sync().forms.installed == ("rhi v3",)
        assert _versions(early) == [1, 2, 3]
        early.profile.close()
        late.profile.close()


def test_a_corrected_copy_under_a_published_version_number_never_reaches_a_device(
    authority: Authority, tmp_path: Path
) -> None:
    with central_in(tmp_path / "central", authority) as central:
        publish = partial(admin.publish, central.engine, EntityKind.FORM_DEFINITION)
        publish("rhi-v2", rhi_definition(2), central.clock)
        early = new_laptop(central, tmp_path / "early")
        early.sync()
        corrected: dict[str, Any] = rhi_definition(2)
        corrected["title"] = "Corrected without a new version number"

        for entity_id in ("rhi-v2", "rhi-v2-fixed"):
            with pytest.raises(admin.AdminError, match="needs a new version number"):
                publish(entity_id, corrected, central.clock)
        late = new_laptop(central, tmp_path / "late")
        report = late.sync()

        assert report.forms.refused == () and early.sync().forms.refused == ()
        assert _title_of_v2(late) == _title_of_v2(early) == rhi_definition(2)["title"]
        early.profile.close()
        late.profile.close()
