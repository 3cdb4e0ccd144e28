"""The high-risk panel list: which children the weekly panel should discuss, and why.

Each child on the list carries every reason that put them there: the rule, and the
records behind it (episode, interview or child ids), so the panel can open them. The
list is worked out "as of" an instant the caller gives (normally now, from the app's
clock), so last week's panel can be reproduced.

Rules come from `panel_rules` (defaults, or a service's own TOML file). Answer rules read
every interview with answers, drafts included: a risk an interviewer has recorded
matters to the panel before it is signed off. Interviews whose form is not on this
device are listed in `not_analysed`.

Approved interviews, and children nothing else needs, leave the device under the
retention policy (`completeness`). A rule whose look-back reaches records removed that
way may miss children the panel should discuss, so the list names those rules
(`may_miss`) rather than look complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rhi_desktop.domain.deadlines import london_date, require_aware
from rhi_desktop.reports import queries
from rhi_desktop.reports.completeness import removed_through
from rhi_desktop.reports.kpi_definitions import RecordKind
from rhi_desktop.reports.panel_rules import (
    DEFAULT_RULES,
    AnswersRule,
    ChildRule,
    EpisodesRule,
    PanelRules,
    Rule,
)
from rhi_desktop.reports.report_keys import FormSource, Readers
from rhi_desktop.store import Store
from rhi_desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class Reason:
    rule_id: str
    label: str
    records: RecordKind
    ids: tuple[str, ...]
    matched: tuple[str, ...] = ()
    """For answer rules, which of the rule's report keys were found (codes only)."""
    matched_labels: tuple[str, ...] = ()
    """Those keys as the interviews' forms word them, in the same order; only for a rule
    of several keys (a rule of one names it already)."""


@dataclass(frozen=True, slots=True)
class PanelEntry:
    child_id: str
    case_reference: str
    reasons: tuple[Reason, ...]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(reason.rule_id for reason in self.reasons)


@dataclass(frozen=True, slots=True)
class PanelList:
    as_of: datetime
    rules: PanelRules
    entries: tuple[PanelEntry, ...]
    not_analysed: tuple[str, ...]
    removed_through: date | None = None
    """The London day up to which records have been purged from this device, if any."""
    may_miss: tuple[str, ...] = ()
    """Ids of the rules whose look-back reaches those purged records, in rule order."""

    def entry(self, child_id: str) -> PanelEntry | None:
        return next((entry for entry in self.entries if entry.child_id == child_id), None)


Reasons = defaultdict[str, list[Reason]]


def panel_list(
    store: Store,
    as_of: datetime,
    rules: PanelRules = DEFAULT_RULES,
    forms: FormSource | None = None,
) -> PanelList:
    as_of = require_aware(as_of)
    db = queries.database(store)
    children = {child.id: child for child in queries.children(db)}
    # One entry per child, however many records of their case reference there are.
    key_of = queries.child_keys(children.values())
    reasons: Reasons = defaultdict(list)
    episode_rules = [r for r in rules.rules if isinstance(r, EpisodesRule)]
    _episode_reasons(db, as_of, episode_rules, key_of, reasons)
    not_analysed = _answer_reasons(
        db, as_of, [r for r in rules.rules if isinstance(r, AnswersRule)], forms, reasons
    )
    child_rules = [r for r in rules.rules if isinstance(r, ChildRule)]
    _child_reasons(children.values(), child_rules, key_of, reasons)
    order = {rule.id: n for n, rule in enumerate(rules.rules)}
    entries = [
        PanelEntry(
            child_id,
            children[child_id].case_reference,
            tuple(sorted(found, key=lambda reason: order[reason.rule_id])),
        )
        for child_id, found in reasons.items()
        if child_id in children
    ]
    entries.sort(key=lambda entry: (-len(entry.reasons), entry.case_reference))
    removed = removed_through(store)
    short = tuple(rule.id for rule in rules.rules if _reaches(rule, as_of, removed))
    return PanelList(as_of, rules, tuple(entries), not_analysed, removed, short)


def _reaches(rule: Rule, as_of: datetime, removed: date | None) -> bool:
    """Whether `rule` looks back as far as records purged up to `removed`: a rule about
    the child, or about answers at any time, reaches any purge."""
    if removed is None:
        return False
    days = rule.days if isinstance(rule, EpisodesRule | AnswersRule) else None
    return days is None or london_date(as_of - timedelta(days=days)) <= removed


def _episode_reasons(
    db: Database,
    as_of: datetime,
    rules: list[EpisodesRule],
    key_of: dict[str, str],
    reasons: Reasons,
) -> None:
    """Episodes that started within each rule's last `days` (up to `as_of`)."""
    if not rules:
        return
    since = as_of - timedelta(days=max(rule.days for rule in rules))
    recent = [e for e in queries.episodes(db, started_from=since) if e.start <= as_of]
    for rule in rules:
        window = as_of - timedelta(days=rule.days)
        types = {t.value for t in rule.types}
        by_child: defaultdict[str, list[str]] = defaultdict(list)
        for episode in recent:
            if episode.start >= window and episode.type in types:
                by_child[key_of.get(episode.child_id, episode.child_id)].append(episode.id)
        for child_id, ids in by_child.items():
            if len(ids) >= rule.at_least:
                reasons[child_id].append(
                    Reason(rule.id, rule.label, RecordKind.EPISODE, tuple(sorted(ids)))
                )


def _answer_reasons(
    db: Database,
    as_of: datetime,
    rules: list[AnswersRule],
    forms: FormSource | None,
    reasons: Reasons,
) -> tuple[str, ...]:
    """Interviews whose answers carry a rule's keys; returns the ids that could not be read."""
    if not rules:
        return ()
    windows = [rule.days for rule in rules]
    since = None if None in windows else as_of - timedelta(days=max(d or 0 for d in windows))
    readers = Readers(forms)
    # (rule id, child id) -> report key -> interview ids
    hits: defaultdict[tuple[str, str], defaultdict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )
    not_analysed: set[str] = set()
    key_labels: dict[str, str] = {}
    for row in queries.interviews_with_answers(db, since):
        if row.returned_at > as_of:
            continue
        reader = readers.get(row.form_id, row.form_version)
        if reader is None:
            not_analysed.add(row.id)
            continue
        carried = reader.keys(row.answers)
        for key, label in reader.labels.items():
            key_labels.setdefault(key, label)
        for rule in rules:
            if rule.days is not None and row.returned_at < as_of - timedelta(days=rule.days):
                continue
            for key in carried & set(rule.report_keys):
                hits[(rule.id, row.child_id)][key].add(row.id)
    labels = {rule.id: rule.label for rule in rules}
    keys_of = {rule.id: rule.report_keys for rule in rules}
    for (rule_id, child_id), by_key in sorted(hits.items()):
        ids = tuple(sorted(set().union(*by_key.values())))
        matched = tuple(sorted(by_key))
        several = len(keys_of[rule_id]) > 1
        worded = tuple(key_labels.get(key, key) for key in matched) if several else ()
        reasons[child_id].append(
            Reason(rule_id, labels[rule_id], RecordKind.INTERVIEW, ids, matched, worded)
        )
    return tuple(sorted(not_analysed))


def _child_reasons(
    children: Iterable[queries.ChildRow],
    rules: list[ChildRule],
    key_of: dict[str, str],
    reasons: Reasons,
) -> None:
    for rule in rules:
        met: set[str] = set()
        for child in children:
            key = key_of[child.id]
            if (
                key not in met
                and (rule.uasc is None or child.uasc == rule.uasc)
                and (rule.looked_after is None or child.looked_after == rule.looked_after)
                and (
                    rule.placement_area is None or child.placement_area == rule.placement_area.value
                )
            ):
                met.add(key)
                reasons[key].append(Reason(rule.id, rule.label, RecordKind.CHILD, (key,)))
