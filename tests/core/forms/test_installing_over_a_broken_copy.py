"""A definition on the device that fails its checks never blocks the form: new
interviews start on the newest version that loads, and the checked copy IT publishes
takes the broken one's place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR, FormDefinitionError
from rhi_desktop.forms.versions import FormRef, FormRegistry, FormVersionConflictError
from tests.rhi_definition import rhi_definition


def _failing_its_checks(version: int) -> dict[str, Any]:
    definition = rhi_definition(version)
    definition["sections"][0]["questions"][0]["relevant"] = "${no_such_question} = 'x'"
    return definition


def _copied_by_hand(directory: Path, name: str, definition: dict[str, Any]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(json.dumps(definition), encoding="utf-8")


def test_new_interviews_start_on_the_newest_version_that_loads(tmp_path: Path) -> None:
    installed = tmp_path / "forms"
    _copied_by_hand(installed, "rhi-v3.json", _failing_its_checks(3))
    registry = FormRegistry(BUNDLED_FORMS_DIR, installed)
    registry.install(rhi_definition(2))

    assert registry.newest_usable("rhi").version == 2
    assert [item.file_name for item in registry.unusable] == ["rhi-v3.json"]


def test_a_checked_copy_replaces_an_installed_one_that_fails_its_checks(
    tmp_path: Path,
) -> None:
    installed = tmp_path / "forms"
    _copied_by_hand(installed, "copied-rhi-2.json", _failing_its_checks(2))
    registry = FormRegistry(BUNDLED_FORMS_DIR, installed)

    assert registry.install(rhi_definition(2)) == FormRef("rhi", 2)

    assert registry.load("rhi", 2).version == 2
    again = FormRegistry(BUNDLED_FORMS_DIR, installed)  # the next start of the app
    assert again.load("rhi", 2).definition.title == rhi_definition(2)["title"]
    assert again.unusable == []
    assert sorted(path.name for path in installed.glob("*.json")) == ["rhi-v2.json"]


def test_a_working_copy_is_still_never_replaced_by_other_content(tmp_path: Path) -> None:
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")
    registry.install(rhi_definition(2))
    changed = rhi_definition(2)
    changed["title"] = "Changed without a new version number"

    with pytest.raises(FormVersionConflictError):
        registry.install(changed)
    with pytest.raises(FormVersionConflictError):  # nor the bundled form
        registry.install({**rhi_definition(1), "title": "Changed"})


def test_a_definition_installed_from_text_is_checked_as_text(tmp_path: Path) -> None:
    # Read into data first, its second 'relevant' would have replaced the first unseen.
    text = json.dumps(rhi_definition(2)).replace(
        '"relevant": ', '"relevant": "1 = 1", "relevant": ', 1
    )
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "forms")

    with pytest.raises(FormDefinitionError) as caught:
        registry.install(text)
    assert any("given more than once" in problem for problem in caught.value.problems)
    with pytest.raises(FormDefinitionError):
        registry.install(b"\xff not json")
    assert registry.refs() == [FormRef("rhi", 1)]
    assert not (tmp_path / "forms").exists()
