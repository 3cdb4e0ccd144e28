"""A child recorded twice (two interviewers each recorded the same found child offline:
two child records of one case reference) is one child in every figure, as in the
statutory returns: the KPI table, the trend, the panel and recurring themes."""

from __future__ import annotations

from datetime import date

from rhi_desktop.domain.entities import InterviewState, PlacementArea
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.kpi import kpi_table
from rhi_desktop.reports.panel import panel_list
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.themes import themes
from rhi_desktop.reports.trend import monthly_trend
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers

JANUARY = Period.month(2026, 1)


def _recorded_twice(book: Casebook) -> tuple[str, str]:
    """Record ids of one child: three episodes over 22 days, split across the records,
    and each record's interview naming the same place and person."""
    first = book.child(
        "CR-777", date_of_birth=date(2010, 5, 1), uasc=True, area=PlacementArea.OUT_OF_AREA
    )
    second = book.child(
        "CR-777", date_of_birth=date(2010, 5, 1), uasc=True, area=PlacementArea.OUT_OF_AREA
    )
    book.episode(first, utc(2025, 12, 20, 20), utc(2025, 12, 21, 10))
    said = answers(places=[("Sample Shopping Centre", "", None)], people=["Jay Example"])
    for record, day, interviewer in ((first, 3, "iv-1"), (second, 10, "iv-2")):
        episode = book.episode(record, utc(2026, 1, day, 20), utc(2026, 1, day + 1, 10))
        book.interview(
            record,
            [episode],
            interviewer=interviewer,
            state=InterviewState.COMPLETED,
            started=episode.end,
            completed=episode.end,
            answers=said,
        )
    return first.id, second.id


def test_the_kpis_and_the_trend_count_them_as_one_child(store: Store, book: Casebook) -> None:
    _recorded_twice(book)
    table = kpi_table(store, JANUARY)
    counts = {
        key: table[key].value
        for key in ("found_episodes", "children", "repeat_children_period", "uasc_children")
    }
    assert counts == {
        "found_episodes": 2,
        "children": 1,
        "repeat_children_period": 1,
        "uasc_children": 1,
    }
    assert table["repeat_children_12_months"].value == 1
    (january,) = monthly_trend(store, JANUARY, months=1)
    assert (january.found_episodes, january.children) == (2, 1)


def test_the_panel_lists_them_once_with_every_episode(store: Store, book: Casebook) -> None:
    first, second = _recorded_twice(book)
    (entry,) = panel_list(store, utc(2026, 1, 25)).entries
    assert entry.case_reference == "CR-777" and entry.child_id == min(first, second)
    assert entry.rule_ids == ("repeat_missing", "uasc_out_of_area")
    assert len(entry.reasons[0].ids) == 3  # the episodes of both records


def test_a_place_one_child_named_twice_does_not_recur_across_children(
    store: Store, book: Casebook
) -> None:
    _recorded_twice(book)
    found = themes(store, JANUARY)
    assert found.recurring_places == () and found.recurring_associates == ()
    (place,) = found.places
    assert len(place.interviews) == 2 and len(place.children) == 1


def test_a_flag_on_either_record_holds_for_the_child_in_every_figure(
    store: Store, book: Casebook
) -> None:
    # Only the second record says UASC and looked after; the June episode is on the
    # first, and was recorded without saying whether the child was in care then.
    first = book.child("CR-888", date_of_birth=date(2010, 1, 1))
    second = book.child("CR-888", date_of_birth=date(2010, 1, 1), uasc=True, looked_after=True)
    book.episode(first, utc(2026, 6, 3, 20), utc(2026, 6, 4, 10), looked_after=None)
    book.episode(second, utc(2026, 5, 3, 20), utc(2026, 5, 4, 10))
    june = Period.month(2026, 6)

    def found(filters: Filters) -> object:
        return kpi_table(store, june, filters)["found_episodes"].value

    assert kpi_table(store, june)["uasc_children"].value == 1
    assert (found(Filters(uasc=True)), found(Filters(uasc=False))) == (1, 0)
    assert (found(Filters(looked_after=True)), found(Filters(looked_after=False))) == (1, 0)
