"""Places for the council's GIS: placed by typed position or an IT-supplied postcode
lookup, counted when they cannot be placed, and never carrying names or descriptions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.reports.exports.geojson import places_geojson
from rhi_desktop.reports.exports.postcode_lookup import PostcodeLookup, PostcodeLookupError
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers

JANUARY = Period.month(2026, 1)
LOOKUP = (
    "Postcode,LAT,Lon,source\r\n"
    "SW1A 1AA,51.50101,-0.14156,fixture\r\n"
    "M1,53.4794,-2.2453,district centroid\r\n"
    "ZZ99 9ZZ,50.0,-1.0,never asked for\r\n"
)
SECRETS = ("park", "Nana", "secret", "shops", "lane", "SW1A 1AA", "ZZ99", "M1 1AE", "Fictional")


@pytest.fixture
def lookup_file(tmp_path: Path) -> Path:
    path = tmp_path / "postcodes.csv"
    path.write_text(LOOKUP, encoding="utf-8")
    return path


def build(book: Casebook) -> None:
    a, b = book.child("GEO-A"), book.child("GEO-B")
    first = book.episode(a, utc(2026, 1, 3, 8), utc(2026, 1, 3, 20))
    book.interview(
        a,
        [first],
        state=InterviewState.COMPLETED,
        answers=answers(
            places=[
                ("The park", "", "sw1a 1aa"),  # the lookup has this postcode
                ("Nana's flat", "51.5014, -0.1419", None),  # a typed position
                ("Town centre", "", "M1 1AE"),  # the lookup has its district only
                ("Somewhere secret", "behind the shops", None),  # nothing to place it by
                ("Quiet lane", "", "ZZ99 3AA"),  # not in the lookup
            ]
        ),
    )
    second = book.episode(b, utc(2026, 1, 9, 8), utc(2026, 1, 9, 20))
    book.interview(
        b,
        [second],
        state=InterviewState.APPROVED,
        answers=answers(places=[("park again", "", "SW1A1AA")]),
    )


def test_places_become_features_with_counts_and_no_names(
    store: Store, book: Casebook, lookup_file: Path
) -> None:
    build(book)
    made = places_geojson(store, JANUARY, lookup_file=lookup_file)
    collection = json.loads(made.data)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["geometry"] for f in features] == [
        {"type": "Point", "coordinates": [-0.14156, 51.50101]},  # [lon, lat]
        {"type": "Point", "coordinates": [-0.1419, 51.5014]},
        {"type": "Point", "coordinates": [-2.2453, 53.4794]},
    ]
    assert [f["properties"] for f in features] == [
        {
            "placed_by": "postcode",
            "postcode_district": "SW1A",
            "mentions": 2,
            "interviews": 2,
            "children": 2,
            "recurs_across_children": True,
        },
        {
            "placed_by": "coordinates",
            "postcode_district": None,
            "mentions": 1,
            "interviews": 1,
            "children": 1,
            "recurs_across_children": False,
        },
        {
            "placed_by": "postcode_district",
            "postcode_district": "M1",
            "mentions": 1,
            "interviews": 1,
            "children": 1,
            "recurs_across_children": False,
        },
    ]
    # "Somewhere secret" and "Quiet lane" could not be placed: counted, not dropped.
    assert (made.rows, made.not_placed) == (3, 2)
    for secret in SECRETS:
        assert secret.encode() not in made.data


def test_different_places_of_one_district_are_one_point_but_do_not_recur(
    store: Store, book: Casebook, lookup_file: Path
) -> None:
    # Both in M1 and the lookup knows only the district: one point on the map, for two
    # children, but two different places, as the themes count them.
    for ref, day, postcode in (("GEO-C", 4, "M1 1AE"), ("GEO-D", 6, "M1 2BB")):
        child = book.child(ref)
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        recorded = answers(places=[("Chicken shop", "", postcode)])
        book.interview(child, [episode], state=InterviewState.COMPLETED, answers=recorded)

    [point] = json.loads(places_geojson(store, JANUARY, lookup_file=lookup_file).data)["features"]

    assert point["properties"]["children"] == 2
    assert point["properties"]["recurs_across_children"] is False


def test_without_a_lookup_only_typed_positions_are_placed(store: Store, book: Casebook) -> None:
    build(book)
    made = places_geojson(store, JANUARY)
    assert (made.rows, made.not_placed) == (1, 5)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("code,lat,lon\r\nSW1A 1AA,51,0\r\n", "missing: postcode"),
        ("postcode,lat,lon\r\nSW1A 1AA,north,0\r\n", "Line 2"),
        ("postcode,lat,lon\r\nSW1A 1AA,51,0\r\nnot a postcode,51,0\r\n", "Line 3"),
        ("postcode,lat,lon\r\nSW1A 1AA,91,0\r\n", "out of range"),
    ],
)
def test_a_lookup_file_that_cannot_be_used_is_refused_naming_the_line(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "lookup.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PostcodeLookupError, match=problem) as refused:
        PostcodeLookup.load(path, {"SW1A 1AA"})
    assert "lookup.csv" in str(refused.value)
