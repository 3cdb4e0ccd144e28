"""Annex A List 8: verbatim headers (curly quotes), integer counts, a/b/c codes."""

from __future__ import annotations

import codecs
import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from rhi_desktop.domain.entities import EpisodeType, OfferOutcome
from rhi_desktop.reports.completeness import StatutoryReturn
from rhi_desktop.reports.exports.annex_a import EpisodesOverlap, annex_a_list8
from rhi_desktop.reports.exports.same_child import ChildRecordsDisagree
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc

AS_AT = date(2026, 11, 30)
M, A = EpisodeType.MISSING, EpisodeType.AWAY

HEADER_LINE = (
    "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,"
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),"
    "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement"
    " in the last 12 months,"
    "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement"
    " in the last 12 months,"
    "Was the child offered a Return Interview after their last missing episode (Y/N)?,"
    "Did the child accept a Return Interview after their last missing episode (Y/N)?\r\n"
)


def build(book: Casebook) -> None:
    # Turns 16 on the as-at date. Two M episodes in the 12 months from 1 Dec 2025 (one on
    # 30 Nov 2025 is just outside), two A episodes; the latest M was offered and accepted.
    a = book.child(
        "LAC-A",
        looked_after=True,
        uasc=True,
        date_of_birth=date(2010, 11, 30),
        gender="female",
        ethnicity="WBRI",
    )
    book.episode(a, utc(2025, 11, 30, 9), utc(2025, 11, 30, 20), M)
    book.episode(a, utc(2025, 12, 1, 9), utc(2025, 12, 1, 20), M)
    latest = book.episode(a, utc(2026, 1, 10, 9), utc(2026, 1, 11, 9), M)
    book.episode(a, utc(2026, 6, 1, 9), utc(2026, 6, 1, 20), A)
    book.episode(a, utc(2026, 7, 1, 9), utc(2026, 7, 1, 20), A)
    interview = book.interview(a, [latest])
    book.offer(interview, utc(2026, 1, 11, 12), OfferOutcome.NO_CONTACT)
    book.offer(interview, utc(2026, 1, 12, 12), OfferOutcome.ACCEPTED)

    # Offered and declined by the child: offered yes, accepted no.
    b = book.child("LAC-B", looked_after=True, date_of_birth=date(2012, 12, 1))
    episode = book.episode(b, utc(2026, 10, 1, 9), utc(2026, 10, 2, 9), M)
    book.offer(book.interview(b, [episode]), utc(2026, 10, 2, 12), OfferOutcome.DECLINED_BY_CHILD)

    # Only "no contact" before the as-at date (the yes came on 5 December): no, no.
    c = book.child("LAC-C", looked_after=True, date_of_birth=date(2011, 5, 5))
    episode = book.episode(c, utc(2026, 11, 25, 9), utc(2026, 11, 26, 9), M)
    interview = book.interview(c, [episode])
    book.offer(interview, utc(2026, 11, 27, 9), OfferOutcome.NO_CONTACT)
    book.offer(interview, utc(2026, 12, 5, 9), OfferOutcome.ACCEPTED)

    # The latest M episode has no interview here (an earlier one had): unknown, unknown.
    d = book.child("LAC-D", looked_after=True, date_of_birth=date(2009, 2, 28))
    earlier = book.episode(d, utc(2026, 3, 1, 9), utc(2026, 3, 2, 9), M)
    book.offer(book.interview(d, [earlier]), utc(2026, 3, 2, 12), OfferOutcome.ACCEPTED)
    book.episode(d, utc(2026, 9, 1, 9), None, M)  # still missing

    # Only away episodes: no M episode to ask about. Gender text that looks like a formula.
    e = book.child("LAC-E", looked_after=True, date_of_birth=date(2013, 7, 7), gender="=1+2")
    book.episode(e, utc(2026, 8, 1, 9), utc(2026, 8, 1, 21), A)

    # Not in care: not on List 8.
    book.child("HOME-1", date_of_birth=date(2010, 1, 1))


EXPECTED_ROWS = [
    "LAC-A,female,WBRI,30/11/2010,16,a) Yes,2,2,a) Yes,a) Yes",
    "LAC-B,,,01/12/2012,13,b) No,1,0,a) Yes,b) No",
    "LAC-C,,,05/05/2011,15,b) No,1,0,b) No,b) No",
    "LAC-D,,,28/02/2009,17,b) No,2,0,c) Unknown,c) Unknown",
    "LAC-E,'=1+2,,07/07/2013,13,b) No,0,1,c) Unknown,c) Unknown",  # shown, never run
]


def test_list8_csv_has_the_verbatim_headers_and_coded_answers(store: Store, book: Casebook) -> None:
    build(book)
    made = annex_a_list8(store, AS_AT)
    assert made.data.startswith(codecs.BOM_UTF8)  # Excel then reads it as UTF-8
    text = made.data.decode("utf-8-sig")
    assert text.startswith(HEADER_LINE)
    assert text[len(HEADER_LINE) :].split("\r\n") == [*EXPECTED_ROWS, ""]
    assert made.rows == 5
    assert "\u2018Missing\u2019".encode() in made.data  # curly quotes, as UTF-8


def test_list8_xlsx_keeps_text_as_text_and_counts_as_numbers(store: Store, book: Casebook) -> None:
    build(book)
    made = annex_a_list8(store, AS_AT, file_format="xlsx")
    sheet = load_workbook(io.BytesIO(made.data)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER_LINE.removesuffix("\r\n").split(","))
    assert rows[1] == (
        "LAC-A",
        "female",
        "WBRI",
        "30/11/2010",
        16,
        "a) Yes",
        2,
        2,
        "a) Yes",
        "a) Yes",
    )
    gender = sheet["B6"]
    assert gender.value == "=1+2" and gender.data_type == "s"  # never a formula


def test_list8_counts_only_episodes_from_the_placement(store: Store, book: Casebook) -> None:
    # In care since the summer: missing from home in the spring (offered, accepted) is not
    # from their placement, so it is neither counted nor the episode asked about.
    child = book.child("LAC-F", looked_after=True, date_of_birth=date(2011, 4, 4))
    home = book.episode(child, utc(2026, 4, 1, 9), utc(2026, 4, 2, 9), M, looked_after=False)
    book.offer(book.interview(child, [home]), utc(2026, 4, 2, 12), OfferOutcome.ACCEPTED)
    book.episode(child, utc(2026, 9, 1, 9), utc(2026, 9, 1, 21), M, looked_after=True)

    rows = annex_a_list8(store, AS_AT).data.decode("utf-8-sig").split("\r\n")[1:]
    assert rows == ["LAC-F,,,04/04/2011,15,b) No,1,0,c) Unknown,c) Unknown", ""]


def test_list8_names_a_child_recorded_twice_once(store: Store, book: Casebook) -> None:
    first = book.child("LAC-G", looked_after=True, date_of_birth=date(2011, 4, 4), gender="male")
    second = book.child("LAC-G", date_of_birth=date(2011, 4, 4), uasc=True)
    book.episode(first, utc(2026, 5, 1, 9), utc(2026, 5, 1, 21), M)
    latest = book.episode(second, utc(2026, 9, 1, 9), utc(2026, 9, 1, 21), M, looked_after=True)
    book.offer(book.interview(second, [latest]), utc(2026, 9, 2, 9), OfferOutcome.ACCEPTED)

    rows = annex_a_list8(store, AS_AT).data.decode("utf-8-sig").split("\r\n")[1:]
    assert rows == ["LAC-G,male,,04/04/2011,15,a) Yes,2,0,a) Yes,a) Yes", ""]

    for gender in ("male", "female"):  # records of a child not in care are not checked
        book.child("HOME-G", date_of_birth=date(2011, 4, 4), gender=gender)
    assert annex_a_list8(store, AS_AT).rows == 1
    book.child("LAC-G", looked_after=True, date_of_birth=date(2011, 4, 4), gender="female")
    with pytest.raises(ChildRecordsDisagree) as refused:
        annex_a_list8(store, AS_AT)
    assert refused.value.case_references == ["LAC-G"]
    assert refused.value.statutory_return is StatutoryReturn.ANNEX_A


def _rows(store: Store, as_at: date = AS_AT) -> list[str]:
    return annex_a_list8(store, as_at).data.decode("utf-8-sig").split("\r\n")[1:-1]


def test_list8_says_unknown_while_the_answer_is_still_to_come(store: Store, book: Casebook) -> None:
    # The as-at day ends at midnight on 30 November (GMT).
    cases = {
        "LAC-H1": (utc(2026, 11, 30, 9), "found on the as-at day, no offer yet"),
        "LAC-H2": (utc(2026, 12, 2, 9), "still missing on the as-at day, found later"),
        "LAC-H3": (utc(2026, 11, 28, 9), "found two days before, 72 hours running"),
        "LAC-H4": (utc(2026, 11, 26, 9), "found four days before, 72 hours passed"),
    }
    for reference, (found, _) in cases.items():
        child = book.child(reference, looked_after=True, date_of_birth=date(2011, 1, 1))
        episode = book.episode(child, utc(2026, 11, 25, 9), found, M)
        book.interview(child, [episode])
    reached = book.child("LAC-H5", looked_after=True, date_of_birth=date(2011, 1, 1))
    episode = book.episode(reached, utc(2026, 11, 25, 9), utc(2026, 11, 29, 9), M)
    book.offer(book.interview(reached, [episode]), utc(2026, 11, 29, 12), OfferOutcome.ACCEPTED)

    answers = {row.split(",")[0]: row.split(",")[-2:] for row in _rows(store)}

    unknown, no, yes = ["c) Unknown"] * 2, ["b) No"] * 2, ["a) Yes"] * 2
    assert answers == {
        "LAC-H1": unknown,
        "LAC-H2": unknown,
        "LAC-H3": unknown,
        "LAC-H4": no,
        "LAC-H5": yes,  # offered and accepted within the 72 hours: known already
    }


def test_list8_leaves_out_young_people_of_18_whose_care_has_ended(
    store: Store, book: Casebook
) -> None:
    for reference, born in (("LAC-18", date(2008, 11, 30)), ("LAC-17", date(2008, 12, 1))):
        child = book.child(reference, looked_after=True, date_of_birth=born)
        book.episode(child, utc(2026, 6, 1, 9), utc(2026, 6, 1, 20), M)

    assert [row.split(",")[:5] for row in _rows(store)] == [["LAC-17", "", "", "01/12/2008", "17"]]


@pytest.mark.parametrize(
    "as_at, first_counted",
    [
        (date(2025, 2, 28), date(2024, 3, 1)),  # after a leap day: not 29 February 2024
        (date(2024, 2, 28), date(2023, 3, 1)),  # in a leap year: not 28 February 2023
        (date(2024, 2, 29), date(2023, 3, 1)),
        (date(2026, 11, 30), date(2025, 12, 1)),
    ],
)
def test_list8_counts_twelve_months_exactly_around_a_leap_day(
    store: Store, book: Casebook, as_at: date, first_counted: date
) -> None:
    child = book.child("LAC-L", looked_after=True, date_of_birth=date(2011, 1, 1))
    for day in (first_counted - timedelta(days=1), first_counted):
        start = utc(day.year, day.month, day.day, 9)
        book.episode(child, start, start + timedelta(hours=11), M)

    [row] = _rows(store, as_at)

    assert row.split(",")[6] == "1"  # the day before the twelve months is not counted


def test_list8_is_refused_when_one_absence_may_be_counted_twice(
    store: Store, book: Casebook
) -> None:
    # Two interviewers each recorded the same found child offline.
    first = book.child("LAC-T", looked_after=True, date_of_birth=date(2011, 1, 1))
    second = book.child("LAC-T", looked_after=True, date_of_birth=date(2011, 1, 1))
    book.episode(first, utc(2026, 6, 1, 9), utc(2026, 6, 2, 9), M)
    book.episode(second, utc(2026, 6, 1, 10), utc(2026, 6, 2, 9), M)
    # Back-to-back episodes of another child do not overlap.
    other = book.child("LAC-U", looked_after=True, date_of_birth=date(2011, 1, 1))
    book.episode(other, utc(2026, 6, 1, 9), utc(2026, 6, 2, 9), M)
    book.episode(other, utc(2026, 6, 2, 9), utc(2026, 6, 3, 9), A)

    with pytest.raises(EpisodesOverlap) as refused:
        annex_a_list8(store, AS_AT)

    assert refused.value.case_references == ["LAC-T"]
    assert "LAC-T" in str(refused.value) and "LAC-U" not in str(refused.value)
