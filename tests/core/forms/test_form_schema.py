"""The published JSON Schema of form definitions stays in step with the model."""

from __future__ import annotations

import json
import re

from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.schema import SCHEMA_PATH, form_json_schema, render_schema


def test_the_committed_schema_is_the_one_the_model_generates() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "resources/forms/schema.json is stale: run `python -m rhi_desktop.forms.schema`"
    )


def test_the_schema_describes_strict_definitions_with_the_fields_authors_use() -> None:
    schema = form_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"form_id", "version", "title", "sections"}
    assert schema["additionalProperties"] is False
    question = schema["$defs"]["Question"]["properties"]
    for field in ("relevant", "required", "constraint", "sensitive", "report_key", "calculation"):
        assert field in question
    assert "report_key" in schema["$defs"]["Choice"]["properties"]
    types = schema["$defs"]["QuestionType"]["enum"]
    assert {"repeat", "location", "scale", "note", "multiple_choice"} <= set(types)


def test_bundled_definitions_point_editors_at_the_schema() -> None:
    definition = json.loads((BUNDLED_FORMS_DIR / "rhi-v1.json").read_text(encoding="utf-8"))
    assert definition["$schema"] == "./schema.json"


def test_the_schema_refuses_names_the_loader_refuses() -> None:
    """An author checking in an editor is not told a definition is fine that will not
    load: a choice list named "old list", or a scale point written "01"."""
    schema = form_json_schema()
    assert schema["properties"]["choice_lists"]["additionalProperties"] is False
    point = schema["$defs"]["Scale"]["properties"]["labels"]["propertyNames"]["pattern"]
    assert [p for p in ("1", "-3", "0", "01", " 3 ", "+4", "5.0", "x") if re.match(point, p)] == [
        "1",
        "-3",
        "0",
    ]
