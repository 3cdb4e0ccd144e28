"""What an export produces: the bytes to write, and counts to report and audit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportFile:
    data: bytes
    rows: int
    """Data rows (or map features) written: what the audit event and the summary count."""
    format: str
    """"csv", "xlsx" or "geojson"."""
    not_placed: int = 0
    """GeoJSON only: places mentioned that could not be put on the map."""
