"""Theme analysis: what signed-off interviews say about why children go and where.

Counts, for the interviews whose child returned in the period (signed off by the
interviewer: completed, submitted, returned for amendment or approved):
- every report key the answers carry: push and pull factors, risk indicators, and the
  other keyed answers (e.g. `safeguarding.immediate_concern`), each with the interviews
  and children that mention it;
- places and associates from the repeat groups, made comparable (`normalise`), each
  flagged when it recurs across different children - the pattern the service's
  analysts and the high-risk panel look for, and what feeds a Philomena Protocol form.

Interviews whose pinned form is not on this device cannot be read; they are listed in
`not_analysed`, never dropped silently. Place text and associates' names are personal
data: they are for the service's own screens, never for logs or exports (`geojson`
writes positions and counts only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import removed_through
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.report_keys import FormSource, PlaceMention, Readers
from rhi_desktop.store import Store

PUSH, PULL, RISK = "push.", "pull.", "risk."


@dataclass(frozen=True, slots=True)
class ThemeCount:
    key: str
    label: str
    interviews: tuple[str, ...]
    children: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many interviews mention it."""
        return len(self.interviews)


@dataclass(frozen=True, slots=True)
class Mentioned:
    """A place or associate, with every interview and child it came up for."""

    key: str
    text: str
    interviews: tuple[str, ...]
    children: tuple[str, ...]

    @property
    def recurs(self) -> bool:
        """Mentioned for two or more different children."""
        return len(self.children) >= 2


@dataclass(frozen=True, slots=True)
class Themes:
    period: Period
    filters: Filters
    analysed: tuple[str, ...]
    not_analysed: tuple[str, ...]
    counts: tuple[ThemeCount, ...]
    places: tuple[Mentioned, ...]
    associates: tuple[Mentioned, ...]
    place_mentions: dict[str, list[PlaceMention]] = field(default_factory=dict, repr=False)
    """Each analysed interview's places, for exports that place them on a map."""
    child_of: dict[str, str] = field(default_factory=dict, repr=False)
    """Each analysed interview's child."""
    removed_through: date | None = None
    """When records of the period have been purged from this device (approved interviews
    whose child returned up to this London day): the themes may then be short."""

    def with_prefix(self, prefix: str) -> tuple[ThemeCount, ...]:
        return tuple(count for count in self.counts if count.key.startswith(prefix))

    @property
    def push(self) -> tuple[ThemeCount, ...]:
        return self.with_prefix(PUSH)

    @property
    def pull(self) -> tuple[ThemeCount, ...]:
        return self.with_prefix(PULL)

    @property
    def risks(self) -> tuple[ThemeCount, ...]:
        return self.with_prefix(RISK)

    def count_of(self, key: str) -> int:
        return next((count.count for count in self.counts if count.key == key), 0)

    @property
    def recurring_places(self) -> tuple[Mentioned, ...]:
        return tuple(place for place in self.places if place.recurs)

    @property
    def recurring_associates(self) -> tuple[Mentioned, ...]:
        return tuple(person for person in self.associates if person.recurs)


class _Tally:
    def __init__(self) -> None:
        self.interviews: defaultdict[str, set[str]] = defaultdict(set)
        self.children: defaultdict[str, set[str]] = defaultdict(set)
        self.text: dict[str, str] = {}

    def add(self, key: str, text: str, interview_id: str, child_id: str) -> None:
        self.interviews[key].add(interview_id)
        self.children[key].add(child_id)
        self.text.setdefault(key, text)

    def mentioned(self) -> tuple[Mentioned, ...]:
        found = [
            Mentioned(
                key,
                self.text[key],
                tuple(sorted(self.interviews[key])),
                tuple(sorted(self.children[key])),
            )
            for key in self.interviews
        ]
        found.sort(key=lambda m: (-len(m.children), -len(m.interviews), m.key))
        return tuple(found)


def _place_text(mention: PlaceMention) -> str:
    if mention.postcode is not None:
        return mention.postcode
    if mention.coordinates is not None:
        return "{:.5f}, {:.5f}".format(*mention.coordinates)
    return mention.text or ""


def analyse(
    rows: Iterable[queries.AnsweredInterviewRow],
    readers: Readers,
    period: Period,
    filters: Filters,
) -> Themes:
    """Themes of interviews already loaded (pure: no database)."""
    analysed: list[str] = []
    not_analysed: list[str] = []
    keys = _Tally()
    labels: dict[str, str] = {}
    places, associates = _Tally(), _Tally()
    place_mentions: dict[str, list[PlaceMention]] = {}
    child_of: dict[str, str] = {}
    for row in rows:
        reader = readers.get(row.form_id, row.form_version)
        if reader is None:
            not_analysed.append(row.id)
            continue
        analysed.append(row.id)
        child_of[row.id] = row.child_id
        for key in reader.keys(row.answers):
            keys.add(key, key, row.id, row.child_id)
            labels.setdefault(key, reader.labels.get(key, key))
        mentions = reader.places(row.answers)
        place_mentions[row.id] = mentions
        for mention in mentions:
            place_key = mention.key
            if place_key is not None:
                places.add(place_key, _place_text(mention), row.id, row.child_id)
        for name in reader.associates(row.answers):
            associates.add(name, name, row.id, row.child_id)
    counts = [
        ThemeCount(key, labels[key], tuple(sorted(ids)), tuple(sorted(keys.children[key])))
        for key, ids in keys.interviews.items()
    ]
    counts.sort(key=lambda c: (-c.count, c.key))
    return Themes(
        period,
        filters,
        tuple(analysed),
        tuple(not_analysed),
        tuple(counts),
        places.mentioned(),
        associates.mentioned(),
        place_mentions,
        child_of,
    )


def themes(
    store: Store,
    period: Period,
    filters: Filters | None = None,
    forms: FormSource | None = None,
) -> Themes:
    chosen = filters or Filters()
    rows = queries.signed_off_interviews(queries.database(store), period, chosen)
    found = analyse(rows, Readers(forms), period, chosen)
    removed = removed_through(store)
    if removed is not None and removed >= period.first_day:
        found = replace(found, removed_through=removed)
    return found


def top(counts: Sequence[ThemeCount], n: int) -> tuple[ThemeCount, ...]:
    """The `n` most mentioned, and any mentioned as often as the last of them (a theme is
    not left out for its name), at most twice `n`; in order of count, then key."""
    ordered = sorted(counts, key=lambda c: (-c.count, c.key))
    if len(ordered) <= n or n < 1:
        return tuple(ordered[:n])
    last = ordered[n - 1].count
    return tuple([c for c in ordered if c.count >= last][: 2 * n])
