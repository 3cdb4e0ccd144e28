"""Putting postcodes on the map without the internet: an IT-supplied lookup file.

The app ships no postcode data (the ONS directory cannot be fetched on a council
laptop, and a stale copy would mislead). IT supplies a CSV with a header row naming at
least `postcode`, `lat` and `lon` (any letter case, other columns ignored): either full
postcodes ("SW1A 1AA"), postcode districts ("SW1A") for a coarser map, or both. A full
postcode is placed by its own row if there is one, else by its district's.

Only the rows for the postcodes asked about are kept, so a full national file (millions
of rows) can be used without holding it all in memory.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from rhi_desktop.reports import normalise
from rhi_desktop.reports.errors import ReportError

REQUIRED = ("postcode", "lat", "lon")


class PostcodeLookupError(ReportError):
    """A lookup file that cannot be used (the message names the file and line, no content)."""


class PlacedBy(StrEnum):
    COORDINATES = "coordinates"
    POSTCODE = "postcode"
    POSTCODE_DISTRICT = "postcode_district"


@dataclass(frozen=True, slots=True)
class PostcodeLookup:
    postcodes: dict[str, tuple[float, float]]
    districts: dict[str, tuple[float, float]]

    @classmethod
    def load(cls, path: Path, wanted: Iterable[str]) -> PostcodeLookup:
        """Read `path`, keeping the rows for `wanted` postcodes (normalised) and every district."""
        want = set(wanted)
        postcodes: dict[str, tuple[float, float]] = {}
        districts: dict[str, tuple[float, float]] = {}
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = [name.strip().lower() for name in next(reader, [])]
                missing = [name for name in REQUIRED if name not in header]
                if missing:
                    raise PostcodeLookupError(
                        f"The postcode lookup {path.name} needs a header row with the "
                        f"columns postcode, lat and lon (missing: {', '.join(missing)})."
                    )
                at = [header.index(name) for name in REQUIRED]
                for line, row in enumerate(reader, start=2):
                    if not any(cell.strip() for cell in row):
                        continue
                    code, lat, lon = _read_row(row, at, path.name, line)
                    full = normalise.postcode(code)
                    if full is not None:
                        if full in want:
                            postcodes[full] = (lat, lon)
                        continue
                    district = normalise.postcode_district(code)
                    if district is None:
                        raise PostcodeLookupError(
                            f"Line {line} of {path.name} is not a UK postcode or district."
                        )
                    districts[district] = (lat, lon)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise PostcodeLookupError(
                f"The postcode lookup {path.name} cannot be read ({type(error).__name__})."
            ) from None
        return cls(postcodes, districts)

    def place(self, postcode: str) -> tuple[tuple[float, float], PlacedBy] | None:
        if postcode in self.postcodes:
            return self.postcodes[postcode], PlacedBy.POSTCODE
        district = normalise.postcode_district(postcode)
        if district is not None and district in self.districts:
            return self.districts[district], PlacedBy.POSTCODE_DISTRICT
        return None


def _read_row(row: list[str], at: list[int], name: str, line: int) -> tuple[str, float, float]:
    try:
        code, lat_text, lon_text = (row[index] for index in at)
        lat, lon = float(lat_text), float(lon_text)
    except (IndexError, ValueError):
        raise PostcodeLookupError(
            f"Line {line} of {name} needs a postcode and a numeric lat and lon."
        ) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise PostcodeLookupError(f"Line {line} of {name} has a lat or lon out of range.")
    return code, lat, lon
