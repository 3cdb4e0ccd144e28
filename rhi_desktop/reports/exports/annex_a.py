"""Ofsted ILACS Annex A, List 8 (children in care): identity and missing/RHI columns.

Headers are verbatim from `DOMAIN.md`, curly quotes included. One row per child who is
looked after (current status), ordered by case reference, worked out "as at" a London
date (normally the day the list is made):

- Child Unique ID: the case reference (never a name). Gender and Ethnicity: as recorded
  (blank when not recorded). Date of Birth: dd/mm/yyyy. Age: whole years at the as-at date.
- UASC within the last 12 months: the child's UASC flag, coded like the other Y/N
  columns (`a) Yes` / `b) No`); the device holds the current flag only.
- The two counts: M and A episodes from their placement (the child was looked after when
  the episode began, as recorded with it) that started in the 12 months up to and
  including the as-at date; episodes from home before the child came into care are not
  counted. Always an integer, 0 when there were none.
- Offered / accepted: about the child's latest M episode from care (by start). `a) Yes` / `b) No`
  from the offers recorded for the interview covering it, up to the as-at date: offered
  when an offer reached the child or carer; accepted when the latest answer was yes (an
  interview never offered was not accepted). `c) Unknown` when it is too soon to say:
  the child had not returned by the end of the as-at day, or had, and their 72 hours
  were still running with no offer yet made. Also `c) Unknown` when no interview on
  this device covers that episode (e.g. interviewed by another service), or the child
  has no M episode at all.
- Young people of 18 or over on the as-at date are not listed: care ends at 18 (as in
  SSDA903), whatever the looked-after flag last recorded says.

Records of one case reference are one child (`same_child`): one row, counting the
episodes of every record; records that disagree on what the row says refuse the list.
Nor is a list made with one absence counted twice: episodes of a child in the 12 months
that overlap (two interviewers each recording the same found child, say), or one
begun while an earlier one was never closed, refuse it (`EpisodesOverlap`).

If records of the 12 months have been purged from this device (`completeness`), the list
is refused rather than made with counts short.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import pairwise

from rhi_desktop.domain.deadlines import age_on, due_by, london_date
from rhi_desktop.domain.entities import EpisodeType, OfferOutcome
from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import StatutoryReturn, require_whole
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.same_child import by_case_reference
from rhi_desktop.reports.exports.ssda903 import eighteenth_birthday, uk_date
from rhi_desktop.reports.exports.table_files import Cell, Table, csv_bytes, xlsx_bytes
from rhi_desktop.reports.offers import OfferSummary, summarise
from rhi_desktop.reports.periods import Period, london_midnight
from rhi_desktop.store import Store

HEADER = (
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age",
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months",
    "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
)
YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"


class EpisodesOverlap(ReportError):
    """A child's episodes of the 12 months overlap, so one absence may be counted twice;
    nothing was written."""

    def __init__(self, case_references: list[str]) -> None:
        super().__init__(
            f"The {StatutoryReturn.ANNEX_A} was not made: episodes of "
            f"{', '.join(case_references)} overlap, so one absence may be recorded twice."
        )
        self.case_references = case_references


def _yes_no(flag: bool) -> str:
    return YES if flag else NO


def _overlap(episodes: list[queries.EpisodeRow]) -> bool:
    ordered = sorted(episodes, key=lambda e: (e.start, e.id))
    return any(
        before.end is None or after.start < before.end for before, after in pairwise(ordered)
    )


def _too_soon(latest: queries.EpisodeRow, summary: OfferSummary, cutoff: datetime) -> bool:
    """Whether the as-at day came before the answer could be known: the child was still
    missing, or their 72 hours were running with no offer yet made."""
    if latest.end is None or latest.end >= cutoff:
        return True
    return not summary.offered and due_by(latest.end) > cutoff


def list8_table(store: Store, as_at: date) -> Table:
    db = queries.database(store)
    window_first = Period(as_at, as_at).trailing_year().first_day
    require_whole(store, StatutoryReturn.ANNEX_A, window_first)
    cutoff = london_midnight(as_at + timedelta(days=1))  # the end of the as-at day
    episodes: defaultdict[str, list[queries.EpisodeRow]] = defaultdict(list)
    for episode in queries.episodes(db, from_care_only=True):
        if episode.start < cutoff:
            episodes[episode.child_id].append(episode)
    records = queries.children(db)
    in_care = {record.case_reference for record in records if record.looked_after}
    children = [
        child
        for child in by_case_reference(
            (record for record in records if record.case_reference in in_care),
            StatutoryReturn.ANNEX_A,
        )
        if eighteenth_birthday(child.date_of_birth) > as_at
    ]
    of_child = {
        child.case_reference: [e for record in child.ids for e in episodes[record]]
        for child in children
    }
    latest_missing = {
        reference: max(missing, key=lambda e: (e.start, e.id))
        for reference, found in of_child.items()
        if (missing := [e for e in found if e.type == EpisodeType.MISSING.value])
    }
    offers: defaultdict[str, list[tuple[datetime, OfferOutcome]]] = defaultdict(list)
    covered: set[str] = set()
    for row in queries.offers_for_episodes(db, sorted(e.id for e in latest_missing.values())):
        covered.add(row.episode_id)
        if row.offered_at is not None and row.outcome is not None and row.offered_at < cutoff:
            offers[row.episode_id].append((row.offered_at, row.outcome))
    rows: list[tuple[Cell, ...]] = []
    overlapping: list[str] = []
    for child in children:
        recent = [e for e in of_child[child.case_reference] if london_date(e.start) >= window_first]
        if _overlap(recent):
            overlapping.append(child.case_reference)
        latest = latest_missing.get(child.case_reference)
        offered = accepted = UNKNOWN
        if latest is not None and latest.id in covered:
            summary = summarise(offers[latest.id])
            if not _too_soon(latest, summary, cutoff):
                offered = _yes_no(summary.offered)
                accepted = _yes_no(summary.answer is OfferOutcome.ACCEPTED)
        rows.append(
            (
                child.case_reference,
                child.gender or "",
                child.ethnicity or "",
                uk_date(child.date_of_birth),
                age_on(child.date_of_birth, as_at),
                _yes_no(child.uasc),
                sum(1 for e in recent if e.type == EpisodeType.MISSING.value),
                sum(1 for e in recent if e.type == EpisodeType.AWAY.value),
                offered,
                accepted,
            )
        )
    if overlapping:
        raise EpisodesOverlap(overlapping)
    return Table("List 8", HEADER, tuple(rows))


def annex_a_list8(store: Store, as_at: date, *, file_format: str = "csv") -> ExportFile:
    table = list8_table(store, as_at)
    if file_format == "xlsx":
        return ExportFile(xlsx_bytes([table]), len(table.rows), "xlsx")
    return ExportFile(csv_bytes(table), len(table.rows), "csv")
