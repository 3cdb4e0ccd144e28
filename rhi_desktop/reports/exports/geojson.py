"""Places from interviews as GeoJSON, for the council's GIS: positions and counts, no names.

A place is put on the map when its interview gave a position or a postcode the app can
place:
- a latitude/longitude pair typed as the whole of the place's description or location
  (e.g. "51.5014, -0.1419");
- a postcode found in the IT-supplied lookup (`postcode_lookup`), by the full postcode
  or, failing that, its district.
Anything else is counted as "not placed" and reported with the export, never dropped
silently.

Places at the same position are one feature. Properties hold counts and codes only -
how it was placed, the postcode district, how many mentions, how many children, and
whether it recurs across children - never the place's description, a full postcode or
any name. Coordinates are [longitude, latitude] in WGS 84, rounded to 5 decimal places
(about a metre), as RFC 7946 specifies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rhi_desktop.reports import normalise
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.postcode_lookup import PlacedBy, PostcodeLookup
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.report_keys import FormSource, PlaceMention
from rhi_desktop.reports.themes import Themes, themes
from rhi_desktop.store import Store


@dataclass(slots=True)
class _Point:
    placed_by: PlacedBy
    districts: set[str] = field(default_factory=set)
    interviews: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)
    mentions: int = 0
    recurs: bool = False


def _position(
    mention: PlaceMention, lookup: PostcodeLookup | None
) -> tuple[tuple[float, float], PlacedBy] | None:
    if mention.coordinates is not None:
        return mention.coordinates, PlacedBy.COORDINATES
    if mention.postcode is not None and lookup is not None:
        return lookup.place(mention.postcode)
    return None


def feature_collection(
    found: Themes, lookup: PostcodeLookup | None
) -> tuple[dict[str, Any], int, int]:
    """(GeoJSON FeatureCollection, features, places not placed)."""
    points: dict[tuple[float, float], _Point] = {}
    not_placed = 0
    # A point recurs when a place at it does, as the themes match places (by postcode,
    # position or name): places of one postcode district are one point when the lookup
    # knows only the district, yet they are different places.
    recurring = {place.key for place in found.recurring_places}
    for interview_id, mentions in found.place_mentions.items():
        for mention in mentions:
            placed = _position(mention, lookup)
            if placed is None:
                not_placed += 1
                continue
            (lat, lon), how = placed
            key = (round(lat, 5), round(lon, 5))
            point = points.setdefault(key, _Point(how))
            point.mentions += 1
            point.interviews.add(interview_id)
            point.children.add(found.child_of[interview_id])
            point.recurs = point.recurs or mention.key in recurring
            if mention.postcode is not None:
                district = normalise.postcode_district(mention.postcode)
                if district is not None:
                    point.districts.add(district)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "placed_by": point.placed_by.value,
                "postcode_district": sorted(point.districts)[0] if point.districts else None,
                "mentions": point.mentions,
                "interviews": len(point.interviews),
                "children": len(point.children),
                "recurs_across_children": point.recurs,
            },
        }
        for (lat, lon), point in sorted(points.items())
    ]
    return {"type": "FeatureCollection", "features": features}, len(features), not_placed


def places_geojson(
    store: Store,
    period: Period,
    filters: Filters | None = None,
    *,
    lookup_file: Path | None = None,
    forms: FormSource | None = None,
) -> ExportFile:
    found = themes(store, period, filters, forms)
    lookup = None
    if lookup_file is not None:
        wanted = {
            m.postcode for ms in found.place_mentions.values() for m in ms if m.postcode is not None
        }
        lookup = PostcodeLookup.load(lookup_file, wanted)
    collection, features, not_placed = feature_collection(found, lookup)
    data = (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return ExportFile(data, features, "geojson", not_placed=not_placed)
