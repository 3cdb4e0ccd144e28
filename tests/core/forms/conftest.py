"""Fixtures for the form engine tests: a fixed clock, the bundled form, small definitions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from rhi_desktop.forms import Form, load_bundled_form

FIXED_NOW = datetime(2024, 3, 14, 10, 30, tzinfo=UTC)

Definition = dict[str, Any]


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: FIXED_NOW


@pytest.fixture(scope="session")
def rhi_form() -> Form:
    return load_bundled_form("rhi-v1.json")


@pytest.fixture
def make_definition() -> Callable[..., Definition]:
    """A one-section definition around the given questions, for focused tests."""

    def build(
        questions: list[dict[str, Any]],
        choice_lists: dict[str, Any] | None = None,
        **top: Any,
    ) -> Definition:
        definition: Definition = {
            "form_id": "test",
            "version": 1,
            "title": "Test form",
            "sections": [{"id": "main", "title": "Main", "questions": questions}],
            "choice_lists": choice_lists or {},
        }
        definition.update(top)
        return definition

    return build
