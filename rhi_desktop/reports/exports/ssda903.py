"""The SSDA903 "missing" table for the DfE children-looked-after return.

Exactly five columns, `CHILD,DOB,MISSING,MIS_START,MIS_END`, as `DOMAIN.md` specifies:
CHILD is the case reference (never a name), dates are dd/mm/yyyy London dates, MISSING
is `M` or `A`, and MIS_END is blank while the child is still missing. The file is UTF-8
without a BOM, with CRLF line ends (`table_files`).

Which episodes: those from care (the child was looked after when the episode began, as
recorded with it; every A episode) that overlap the collection year, 1 April to 31
March. A child who has since left care keeps their episodes from care in the return, and
a child who has since come into care brings none from before. Episodes recorded before
this was kept with them follow the child's current status. Records of one case
reference are one child (`same_child`): their episodes are checked together, and
records that disagree on the date of birth refuse the export. How the year's edges are
handled, to match what the DfE's validation accepts:
- An episode that began before 1 April and ended in the year keeps its true start date.
  The DfE rules put MIS_START after the end of the year (570) and MIS_END outside the
  year (571) out of bounds, not a start in the previous year; clipping the start to
  1 April would misstate when the child went missing, and the previous year's return
  already reported it as open.
- An episode still open on 31 March, or that ended after it, is written with MIS_END
  blank: on the last day of the year the child was still missing, which is what the
  return records; next year's return carries the end.
- A child stops being looked after at 18, and the DfE expects a missing period to end
  when care ends (577). An episode running over the 18th birthday ends then; episodes
  starting on or after it are not part of this return.

Our own checks of the DfE rules run on every row before anything is written: start not
after end; start not before the date of birth; no overlapping episodes for a child and
no new episode while one is open (574, checked on the instants we hold, which is
stricter than dates); dates inside the collection year; valid codes and dates. Any
violation refuses the whole export (`Ssda903Refused`, listing child and rule), so a
file the DfE would reject is never produced. Nor is a short one: if records of the year
have been purged from this device (`completeness`), the export is refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.domain.found_child import case_reference_is_plain
from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import StatutoryReturn, require_whole
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.exports.same_child import ReturnChild, by_case_reference
from rhi_desktop.reports.exports.table_files import Cell, Table, csv_bytes
from rhi_desktop.reports.periods import Period
from rhi_desktop.store import Store

HEADER = ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")
CODES = frozenset(kind.value for kind in EpisodeType)


class Rule:
    """The checks, by the name a violation reports."""

    START_AFTER_END = "the episode ends before it starts"
    START_BEFORE_BIRTH = "the episode starts before the date of birth"
    OVERLAP = "the episode overlaps the child's previous episode"
    STILL_OPEN = "a new episode starts while the previous one is still open"
    OUTSIDE_YEAR = "a date falls outside the collection year"
    NO_CHILD_ID = "the child has no case reference"
    FORMULA_CHILD_ID = "the case reference would run as a formula in a spreadsheet"
    BAD_CODE = "the episode type is not M or A"


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule an episode breaks, with what a person can find the episode by in the
    case records: the child's case reference, its type and its London dates."""

    case_reference: str
    episode_id: str
    rule: str
    kind: str = ""
    start: date | None = None
    end: date | None = None  # None: still missing

    def __str__(self) -> str:
        child = self.case_reference or "(no case reference)"
        return f"{child}: {self.rule} ({self.kind} episode from {self.start}, id {self.episode_id})"


class Ssda903Refused(ReportError):
    """The table would break the DfE's rules; nothing was written."""

    def __init__(self, violations: list[Violation]) -> None:
        children = len({v.case_reference for v in violations})
        problems = by_count(len(violations), "1 problem", "{0} problems")
        concerned = by_count(children, "1 child", "{0} children")
        super().__init__(
            f"The SSDA903 missing table was not written: {problems} for {concerned} would "
            "break the DfE's validation. Check the episodes listed against the child's case "
            "records: an episode cannot be changed in RHI Desktop once it is recorded, so a "
            "mistaken or duplicated one needs correcting at the central service first."
        )
        self.violations = violations


def uk_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def eighteenth_birthday(date_of_birth: date) -> date:
    """The day a child turns 18 (someone born on 29 February turns 18 on 1 March)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + 18)
    except ValueError:
        return date(date_of_birth.year + 18, 3, 1)


@dataclass(frozen=True, slots=True)
class _Row:
    child: ReturnChild
    episode: queries.EpisodeRow
    start: date
    end: date | None

    def cells(self) -> tuple[Cell, ...]:
        return (
            self.child.case_reference,
            uk_date(self.child.date_of_birth),
            self.episode.type,
            uk_date(self.start),
            "" if self.end is None else uk_date(self.end),
        )


def _rows_for_child(
    child: ReturnChild, episodes: list[queries.EpisodeRow], year: Period
) -> tuple[list[_Row], list[Violation]]:
    adult_from = eighteenth_birthday(child.date_of_birth)
    rows: list[_Row] = []
    problems: list[Violation] = []
    previous: queries.EpisodeRow | None = None
    for episode in episodes:
        start = london_date(episode.start)
        found = None if episode.end is None else london_date(episode.end)
        if start > year.last_day or (found is not None and found < year.first_day):
            continue  # outside the collection year
        if start >= adult_from or adult_from < year.first_day:
            continue  # not a looked-after child by then, or care ended before the year
        end = found
        if adult_from <= year.last_day and (end is None or end > adult_from):
            end = adult_from  # care ended at 18, and the missing period with it
        elif end is not None and end > year.last_day:
            end = None  # still missing on 31 March
        row = _Row(child, episode, start, end)
        problems += _check(row, previous, year)
        rows.append(row)
        previous = episode
    return rows, problems


def _check(row: _Row, previous: queries.EpisodeRow | None, year: Period) -> list[Violation]:
    episode = row.episode

    def broke(rule: str) -> Violation:
        return Violation(
            row.child.case_reference,
            episode.id,
            rule,
            episode.type,
            london_date(episode.start),
            None if episode.end is None else london_date(episode.end),
        )

    found: list[Violation] = []
    if not row.child.case_reference.strip():
        found.append(broke(Rule.NO_CHILD_ID))
    elif not case_reference_is_plain(row.child.case_reference.strip()):
        found.append(broke(Rule.FORMULA_CHILD_ID))  # the return carries ids unaltered
    if episode.type not in CODES:
        found.append(broke(Rule.BAD_CODE))
    if (episode.end is not None and episode.end < episode.start) or (
        row.end is not None and row.end < row.start
    ):
        found.append(broke(Rule.START_AFTER_END))
    if row.start < row.child.date_of_birth:
        found.append(broke(Rule.START_BEFORE_BIRTH))
    if previous is not None:
        if previous.end is None:
            found.append(broke(Rule.STILL_OPEN))
        elif episode.start < previous.end:
            found.append(broke(Rule.OVERLAP))
    if row.start > year.last_day or (row.end is not None and not year.contains_day(row.end)):
        found.append(broke(Rule.OUTSIDE_YEAR))
    return found


def missing_table(store: Store, year: Period) -> Table:
    """The rows for `year`, checked; raises Ssda903Refused if any rule is broken, and
    RecordsRemovedError if records of the year have been purged from this device."""
    require_whole(store, StatutoryReturn.SSDA903, year.first_day)
    db = queries.database(store)
    by_child: defaultdict[str, list[queries.EpisodeRow]] = defaultdict(list)
    for episode in queries.episodes(db, from_care_only=True):
        by_child[episode.child_id].append(episode)
    rows: list[_Row] = []
    problems: list[Violation] = []
    in_return = [child for child in queries.children(db) if child.id in by_child]
    for child in by_case_reference(in_return, StatutoryReturn.SSDA903):
        episodes = sorted(
            (episode for record in child.ids for episode in by_child[record]),
            key=lambda e: (e.start, e.id),
        )
        child_rows, child_problems = _rows_for_child(child, episodes, year)
        rows += child_rows
        problems += child_problems
    if problems:
        raise Ssda903Refused(problems)
    rows.sort(key=lambda r: (r.child.case_reference, r.start, r.episode.start, r.episode.id))
    return Table("missing", HEADER, tuple(row.cells() for row in rows))


def ssda903_missing(store: Store, year: Period) -> ExportFile:
    table = missing_table(store, year)
    return ExportFile(csv_bytes(table, for_spreadsheets=False), len(table.rows), "csv")
