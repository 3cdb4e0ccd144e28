"""The app finds its forms, icons and translations both in the repository and in the
frozen bundle (where PyInstaller sets `sys.frozen` and `sys._MEIPASS`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rhi_desktop.forms import load_form_file
from rhi_desktop.resources import resource_path, resources_dir
from tests.packaging.processes import REPO


def test_from_the_repository_resources_are_the_folder_beside_the_packages() -> None:
    assert resources_dir() == REPO / "resources"
    form = load_form_file(resource_path("forms", "rhi-v1.json"))
    assert form.form_id == "rhi"


def test_in_the_frozen_bundle_resources_are_under_the_bundle_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert resource_path("icons", "app.svg") == tmp_path / "resources" / "icons" / "app.svg"
