"""Publishes the JSON Schema of form definitions, for form authors' editors and validators.

Regenerate after changing `model.py`: `python -m rhi_desktop.forms.schema`. A test fails
while the committed `resources/forms/schema.json` differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.model import FormDefinition

SCHEMA_PATH = BUNDLED_FORMS_DIR / "schema.json"


def form_json_schema() -> dict[str, Any]:
    schema = FormDefinition.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema() -> str:
    return json.dumps(form_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(render_schema(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema())
