"""What an export produces: the bytes to write, and counts to report and audit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX", "geojson": "GeoJSON", "pdf": "PDF"}
"""The formats exports write, by the extension a file of that format is named with."""


def named_format(name: str | PurePath) -> str | None:
    """The export format a file's name says by its extension (any case), or None."""
    extension = PurePath(name).suffix.lower().removeprefix(".")
    return extension if extension in FORMAT_NAMES else None


@dataclass(frozen=True, slots=True)
class ExportFile:
    data: bytes
    rows: int
    """Data rows (or map features) written: what the audit event and the summary count."""
    format: str
    """"csv", "xlsx" or "geojson"."""
    not_placed: int = 0
    """GeoJSON only: places mentioned that could not be put on the map."""
