"""Fixtures for the XLSForm import tests: workbooks written into each test's tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from tests.core.forms.xlsform.workbooks import SheetRows, write_xlsform

WriteWorkbook = Callable[..., Path]


@pytest.fixture
def workbook(tmp_path: Path) -> WriteWorkbook:
    """`workbook(sheets, name="form.xlsx")` writes an .xlsx and returns its path."""

    def write(sheets: Mapping[str, SheetRows], name: str = "form.xlsx") -> Path:
        return write_xlsform(tmp_path / name, sheets)

    return write
