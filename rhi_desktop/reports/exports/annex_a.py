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
  interview never offered was not accepted). `c) Unknown` when no interview on this
  device covers that episode (e.g. still missing, or interviewed by another service),
  or the child has no M episode at all.

Records of one case reference are one child (`same_child`): one row, counting the
episodes of every record; records that disagree on what the row says refuse the list.

If records of the 12 months have been purged from this device (`completeness`), the list
is refused rather than made with counts short.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from rhi_desktop.domain.deadlines import age_on, london_date
from rhi_desktop.domain.entities import EpisodeType, OfferOutcome
from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import StatutoryReturn, require_whole
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.same_child import by_case_reference
from rhi_desktop.reports.exports.ssda903 import uk_date
from rhi_desktop.reports.exports.table_files import Cell, Table, csv_bytes, xlsx_bytes
from rhi_desktop.reports.offers import summarise
from rhi_desktop.reports.periods import add_months, london_midnight
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


def _yes_no(flag: bool) -> str:
    return YES if flag else NO


def list8_table(store: Store, as_at: date) -> Table:
    db = queries.database(store)
    window_first = add_months(as_at, -12) + timedelta(days=1)
    require_whole(store, StatutoryReturn.ANNEX_A, window_first)
    cutoff = london_midnight(as_at + timedelta(days=1))  # the end of the as-at day
    episodes: defaultdict[str, list[queries.EpisodeRow]] = defaultdict(list)
    for episode in queries.episodes(db, from_care_only=True):
        if episode.start < cutoff:
            episodes[episode.child_id].append(episode)
    records = queries.children(db)
    in_care = {record.case_reference for record in records if record.looked_after}
    children = by_case_reference(
        (record for record in records if record.case_reference in in_care),
        StatutoryReturn.ANNEX_A,
    )
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
    for child in children:
        recent = [e for e in of_child[child.case_reference] if london_date(e.start) >= window_first]
        latest = latest_missing.get(child.case_reference)
        offered = accepted = UNKNOWN
        if latest is not None and latest.id in covered:
            summary = summarise(offers[latest.id])
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
    return Table("List 8", HEADER, tuple(rows))


def annex_a_list8(store: Store, as_at: date, *, file_format: str = "csv") -> ExportFile:
    table = list8_table(store, as_at)
    if file_format == "xlsx":
        return ExportFile(xlsx_bytes([table]), len(table.rows), "xlsx")
    return ExportFile(csv_bytes(table), len(table.rows), "csv")
