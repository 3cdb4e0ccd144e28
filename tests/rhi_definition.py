"""The bundled RHI form's definition as data, for tests that publish or change it."""

from __future__ import annotations

import json
from typing import Any

from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR


def rhi_definition(version: int = 1) -> dict[str, Any]:
    """A fresh copy of rhi-v1.json, renumbered as `version` (the service's next one)."""
    definition: dict[str, Any] = json.loads(
        (BUNDLED_FORMS_DIR / "rhi-v1.json").read_text(encoding="utf-8")
    )
    definition["version"] = version
    return definition
