"""The SSDA903 missing table, byte for byte against DOMAIN.md, and its refusals."""

from __future__ import annotations

from datetime import date

import pytest

from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.reports.exports.same_child import ChildRecordsDisagree
from rhi_desktop.reports.exports.ssda903 import (
    HEADER,
    Rule,
    Ssda903Refused,
    eighteenth_birthday,
    ssda903_missing,
)
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, london, utc

YEAR = Period.collection_year("2026-27")


def build_year(book: Casebook) -> None:
    one = book.child("LAC-001", looked_after=True, date_of_birth=date(2010, 6, 15))
    # Began before 1 April, found in the year: written with its true start.
    book.episode(one, london(2026, 3, 28, 22), london(2026, 4, 2, 9))
    book.episode(one, london(2026, 5, 10, 9), london(2026, 5, 10, 18), EpisodeType.AWAY)
    # Still missing at the end of the year: blank MIS_END.
    book.episode(one, london(2027, 3, 30, 21), None)
    # Ended before the year: not in this return.
    book.episode(one, london(2026, 2, 1, 9), london(2026, 2, 2, 9))

    # Turns 18 on 1 September 2026 while missing: the period ends with care, that day.
    turning = book.child("LAC-002", looked_after=True, date_of_birth=date(2008, 9, 1))
    book.episode(turning, london(2026, 8, 30, 20), london(2026, 9, 3, 10))
    book.episode(turning, london(2026, 10, 1, 20), london(2026, 10, 2, 10))  # an adult by then

    # Found after 31 March 2027: still missing on the last day of the year.
    late = book.child("LAC-003", looked_after=True, date_of_birth=date(2011, 1, 31))
    book.episode(late, london(2027, 3, 31, 20), london(2027, 4, 1, 10))

    # Found at 23:30 UTC on 31 March 2026 = 00:30 BST on 1 April: a London date in the year.
    edge = book.child("LAC-004", looked_after=True, date_of_birth=date(2012, 12, 25))
    book.episode(edge, utc(2026, 3, 31, 20), utc(2026, 3, 31, 23, 30))

    # Not looked after: never in the SSDA903 return.
    home = book.child("HOME-001", date_of_birth=date(2010, 1, 1))
    book.episode(home, london(2026, 6, 1, 9), london(2026, 6, 2, 9))


EXPECTED = (
    "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
    "LAC-001,15/06/2010,M,28/03/2026,02/04/2026\r\n"
    "LAC-001,15/06/2010,A,10/05/2026,10/05/2026\r\n"
    "LAC-001,15/06/2010,M,30/03/2027,\r\n"
    "LAC-002,01/09/2008,M,30/08/2026,01/09/2026\r\n"
    "LAC-003,31/01/2011,M,31/03/2027,\r\n"
    "LAC-004,25/12/2012,M,31/03/2026,01/04/2026\r\n"
)


def test_the_missing_table_is_exactly_the_five_dfe_columns(store: Store, book: Casebook) -> None:
    build_year(book)
    made = ssda903_missing(store, YEAR)
    assert made.data == EXPECTED.encode("utf-8")
    assert made.data.startswith(b"CHILD,")  # no byte-order mark before the first column
    assert made.rows == 6 and made.format == "csv"
    assert HEADER == ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")
    assert b"Fictional" not in made.data  # the child's name is never written


def test_episodes_count_by_whether_the_child_was_in_care_when_they_began(
    store: Store, book: Casebook
) -> None:
    # Left care in the summer: the episode from care stays in the return, the later one
    # from home does not, although the child is no longer looked after.
    left = book.child("LEFT-001", looked_after=False, date_of_birth=date(2010, 6, 15))
    book.episode(left, london(2026, 5, 3, 22), london(2026, 5, 4, 9), looked_after=True)
    book.episode(left, london(2026, 11, 3, 22), london(2026, 11, 4, 9), looked_after=False)
    # Came into care in the autumn: missing from home before that is not in the return.
    came = book.child("CAME-001", looked_after=True, date_of_birth=date(2011, 2, 1))
    book.episode(came, london(2026, 6, 1, 20), london(2026, 6, 2, 8), looked_after=False)
    book.episode(came, london(2026, 12, 1, 20), london(2026, 12, 2, 8), looked_after=True)
    # An A episode is from care by definition, even with nothing recorded on it.
    away = book.child("AWAY-001", looked_after=False, date_of_birth=date(2012, 3, 3))
    book.episode(away, london(2026, 7, 7, 19), london(2026, 7, 7, 23), EpisodeType.AWAY)
    # Recorded before episodes kept it: the child's current status decides, as before.
    book.episode(book.child("HOME-002"), london(2026, 8, 1, 9), london(2026, 8, 1, 18))

    assert ssda903_missing(store, YEAR).data.decode("utf-8") == (
        "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
        "AWAY-001,03/03/2012,A,07/07/2026,07/07/2026\r\n"
        "CAME-001,01/02/2011,M,01/12/2026,02/12/2026\r\n"
        "LEFT-001,15/06/2010,M,03/05/2026,04/05/2026\r\n"
    )


def test_two_records_of_one_case_reference_are_one_child(store: Store, book: Casebook) -> None:
    # Two interviewers each recorded the child offline: one CHILD, episodes in order.
    first = book.child("TWICE-1", looked_after=True, date_of_birth=date(2011, 9, 9))
    second = book.child("TWICE-1", looked_after=True, date_of_birth=date(2011, 9, 9))
    book.episode(second, london(2026, 5, 1, 20), london(2026, 5, 2, 8))
    book.episode(first, london(2026, 9, 1, 20), london(2026, 9, 2, 8))

    assert ssda903_missing(store, YEAR).data.decode("utf-8") == (
        "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
        "TWICE-1,09/09/2011,M,01/05/2026,02/05/2026\r\n"
        "TWICE-1,09/09/2011,M,01/09/2026,02/09/2026\r\n"
    )

    # The same episode recorded by both: the DfE would see an overlap, so it is refused.
    again = book.episode(second, london(2026, 9, 1, 21), london(2026, 9, 2, 8))
    with pytest.raises(Ssda903Refused) as refused:
        ssda903_missing(store, YEAR)
    assert [(v.case_reference, v.rule) for v in refused.value.violations] == [
        ("TWICE-1", Rule.OVERLAP)
    ]
    assert refused.value.violations[0].episode_id == again.id


def test_records_of_one_case_reference_with_different_births_refuse_the_table(
    store: Store, book: Casebook
) -> None:
    for born in (date(2011, 9, 9), date(2012, 9, 9)):
        child = book.child("TWICE-2", looked_after=True, date_of_birth=born)
        book.episode(child, london(2026, 5, born.year - 2000, 20), london(2026, 5, 20, 8))

    with pytest.raises(ChildRecordsDisagree) as refused:
        ssda903_missing(store, YEAR)
    assert refused.value.case_references == ["TWICE-2"]
    assert "TWICE-2" in str(refused.value) and "2011" not in str(refused.value)


def test_the_collection_year_runs_from_april_to_march() -> None:
    assert Period(date(2026, 4, 1), date(2027, 3, 31)) == YEAR
    with pytest.raises(ValueError, match="YYYY-YY"):
        Period.collection_year("2026")
    with pytest.raises(ValueError, match="runs into the next year"):
        Period.collection_year("2026-28")


def test_an_eighteenth_birthday_on_29_february_is_1_march() -> None:
    assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)
    assert eighteenth_birthday(date(2008, 9, 1)) == date(2026, 9, 1)


def test_overlapping_and_impossible_episodes_are_reported_and_nothing_is_made(
    store: Store, book: Casebook
) -> None:
    overlap = book.child("LAC-010", looked_after=True)
    book.episode(overlap, london(2026, 6, 1, 9), london(2026, 6, 5, 9))
    inside = book.episode(overlap, london(2026, 6, 3, 9), london(2026, 6, 4, 9))
    still_open = book.child("LAC-011", looked_after=True)
    book.episode(still_open, london(2026, 7, 1, 9), None)
    after_open = book.episode(still_open, london(2026, 8, 1, 9), london(2026, 8, 2, 9))
    unborn = book.child("LAC-012", looked_after=True, date_of_birth=date(2026, 6, 10))
    before_birth = book.episode(unborn, london(2026, 6, 1, 9), london(2026, 6, 2, 9))
    backwards = book.child("LAC-013", looked_after=True)
    reversed_episode = book.episode(backwards, london(2026, 7, 10, 9), london(2026, 7, 9, 9))
    fine = book.child("LAC-014", looked_after=True)
    book.episode(fine, london(2026, 7, 10, 9), london(2026, 7, 11, 9))
    # Recorded before references were checked where typed: the return carries ids as they
    # are, and Excel would run this one.
    formula = book.child("-0042", looked_after=True)
    formula_episode = book.episode(formula, london(2026, 7, 10, 9), london(2026, 7, 11, 9))
    with pytest.raises(Ssda903Refused) as refused:
        ssda903_missing(store, YEAR)
    found = {(v.case_reference, v.rule, v.episode_id) for v in refused.value.violations}
    assert found == {
        ("LAC-010", Rule.OVERLAP, inside.id),
        ("LAC-011", Rule.STILL_OPEN, after_open.id),
        ("LAC-012", Rule.START_BEFORE_BIRTH, before_birth.id),
        ("LAC-013", Rule.START_AFTER_END, reversed_episode.id),
        ("-0042", Rule.FORMULA_CHILD_ID, formula_episode.id),
    }
    message = str(refused.value)
    assert "5 problems for 5 children" in message and "Fictional" not in message


def test_episodes_touching_on_the_same_day_are_not_an_overlap(store: Store, book: Casebook) -> None:
    child = book.child("LAC-020", looked_after=True, date_of_birth=date(2011, 3, 3))
    book.episode(child, london(2026, 6, 1, 9), london(2026, 6, 1, 15))
    book.episode(child, london(2026, 6, 1, 15), london(2026, 6, 1, 23))
    made = ssda903_missing(store, YEAR)
    assert made.data.decode("utf-8").splitlines()[1:] == [
        "LAC-020,03/03/2011,M,01/06/2026,01/06/2026",
        "LAC-020,03/03/2011,M,01/06/2026,01/06/2026",
    ]


def test_an_episode_whose_care_ended_at_18_before_the_year_is_left_out(
    store: Store, book: Casebook
) -> None:
    """Still flagged looked after, but 18 on 1 March 2026: the part of the episode spent in
    care ended before 1 April, so it is not in this return, and it does not stop the rest."""
    left_care = book.child("LAC-030", looked_after=True, date_of_birth=date(2008, 3, 1))
    book.episode(left_care, london(2026, 2, 20, 22), london(2026, 4, 5, 10))
    book.episode(left_care, london(2026, 6, 1, 22), london(2026, 6, 2, 10))  # an adult
    other = book.child("LAC-031", looked_after=True, date_of_birth=date(2012, 1, 1))
    book.episode(other, london(2026, 5, 1, 22), london(2026, 5, 2, 10))
    made = ssda903_missing(store, YEAR)
    assert made.data.decode("utf-8").splitlines()[1:] == [
        "LAC-031,01/01/2012,M,01/05/2026,02/05/2026"
    ]
