"""The high-risk panel list: each default rule, a service's own rules, and bad rule files."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from rhi_desktop.domain.entities import EpisodeType, InterviewState, PlacementArea
from rhi_desktop.reports.kpi_definitions import RecordKind
from rhi_desktop.reports.panel import panel_list
from rhi_desktop.reports.panel_rules import PanelRulesError, load_rules, parse_rules
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers

AS_OF = utc(2026, 2, 1, 12)


def _episodes(book: Casebook, child_ref: str, days_ago: list[float], **child: object) -> list[str]:
    child_record = book.child(child_ref, **child)  # type: ignore[arg-type]
    ids = []
    for days in days_ago:
        start = AS_OF - timedelta(days=days)
        ids.append(book.episode(child_record, start, start + timedelta(hours=6)).id)
    return ids


def test_three_episodes_in_ninety_days_puts_a_child_on_the_list(
    store: Store, book: Casebook
) -> None:
    recent = _episodes(book, "R-1", [2, 40, 89.9])
    _episodes(book, "R-2", [2, 40, 90.1])  # the third started just over 90 days ago
    _episodes(book, "R-3", [1, 2])
    found = panel_list(store, AS_OF)
    assert [entry.case_reference for entry in found.entries] == ["R-1"]
    (reason,) = found.entries[0].reasons
    assert reason.rule_id == "repeat_missing" and reason.records is RecordKind.EPISODE
    assert set(reason.ids) == set(recent)
    # A week earlier R-1's latest episode had not happened yet: two in the window, so no.
    assert panel_list(store, AS_OF - timedelta(days=7)).entries == ()


def test_an_exploitation_indicator_even_in_a_draft_puts_a_child_on_the_list(
    store: Store, book: Casebook
) -> None:
    child = book.child("X-1")
    episode = book.episode(child, utc(2026, 1, 20), utc(2026, 1, 21))
    draft = book.interview(
        child, [episode], state=InterviewState.IN_PROGRESS, answers=answers(risks=["cce"])
    )
    other = book.child("X-2")
    calm = book.episode(other, utc(2026, 1, 22), utc(2026, 1, 23))
    book.interview(
        other, [calm], state=InterviewState.COMPLETED, answers=answers(risks=["self_harm"])
    )
    found = panel_list(store, AS_OF)
    assert [entry.case_reference for entry in found.entries] == ["X-1"]
    (reason,) = found.entries[0].reasons
    assert reason.rule_id == "exploitation"
    assert reason.ids == (draft.id,) and reason.matched == ("risk.cce",)


def test_an_immediate_safeguarding_concern_puts_a_child_on_the_list(
    store: Store, book: Casebook
) -> None:
    child = book.child("S-1")
    episode = book.episode(child, utc(2026, 1, 20), utc(2026, 1, 21))
    interview = book.interview(
        child, [episode], state=InterviewState.COMPLETED, answers=answers(immediate_concern="yes")
    )
    other = book.child("S-2")
    fine = book.episode(other, utc(2026, 1, 20), utc(2026, 1, 21))
    book.interview(other, [fine], answers=answers(immediate_concern="no"))
    found = panel_list(store, AS_OF)
    assert [e.case_reference for e in found.entries] == ["S-1"]
    assert found.entries[0].reasons[0].rule_id == "immediate_concern"
    assert found.entries[0].reasons[0].ids == (interview.id,)


def test_a_uasc_child_placed_out_of_area_is_on_the_list_with_every_reason(
    store: Store, book: Casebook
) -> None:
    _episodes(book, "U-1", [1, 5, 9], uasc=True, looked_after=True, area=PlacementArea.OUT_OF_AREA)
    book.child("U-2", uasc=True, looked_after=True, area=PlacementArea.IN_AREA)
    book.child("U-3", looked_after=True, area=PlacementArea.OUT_OF_AREA)
    found = panel_list(store, AS_OF)
    assert [e.case_reference for e in found.entries] == ["U-1"]
    assert found.entries[0].rule_ids == ("repeat_missing", "uasc_out_of_area")


def test_a_service_can_set_its_own_rules(store: Store, book: Casebook, tmp_path: Path) -> None:
    rules_file = tmp_path / "panel.toml"
    rules_file.write_text(
        """
[[rules]]
id = "away_twice"
label = "Away from placement twice in 30 days"
kind = "episodes"
at_least = 2
days = 30
types = ["A"]

[[rules]]
id = "self_harm_recent"
label = "Self-harm disclosed in the last 30 days"
kind = "answers"
report_keys = ["risk.self_harm"]
days = 30

[[rules]]
id = "at_home"
label = "Living at home"
kind = "child"
looked_after = false
""",
        encoding="utf-8",
    )
    rules = load_rules(rules_file)
    away = book.child("C-1", looked_after=True)
    for days in (3, 20):
        start = AS_OF - timedelta(days=days)
        book.episode(away, start, start + timedelta(hours=4), EpisodeType.AWAY)
    missing = book.child("C-2", looked_after=True)
    for days in (3, 20, 25):  # missing, not away: the away rule ignores them
        start = AS_OF - timedelta(days=days)
        book.episode(missing, start, start + timedelta(hours=4))
    old = book.child("C-3", looked_after=True)
    episode = book.episode(old, utc(2025, 12, 1), utc(2025, 12, 2))  # 61 days before AS_OF
    book.interview(old, [episode], answers=answers(risks=["self_harm"]))
    recent = book.child("C-4", looked_after=True)
    episode = book.episode(recent, utc(2026, 1, 20), utc(2026, 1, 21))
    book.interview(recent, [episode], answers=answers(risks=["self_harm"]))
    book.child("C-5")  # not looked after
    found = panel_list(store, AS_OF, rules)
    assert {e.case_reference: e.rule_ids for e in found.entries} == {
        "C-1": ("away_twice",),
        "C-4": ("self_harm_recent",),
        "C-5": ("at_home",),
    }


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[rules]]\nid = "x"\nlabel = "X"\nkind = "script"\n', "rules[0]"),
        (
            '[[rules]]\nid = "x"\nlabel = "X"\nkind = "episodes"\nat_least = 3\ndays = 90\n'
            "when = \"__import__('os')\"\n",
            "rules[0].when: Extra inputs are not permitted",
        ),
        ('[[rules]]\nid = "x"\nlabel = "X"\nkind = "child"\n', "needs uasc, looked_after"),
        (
            '[[rules]]\nid = "x"\nlabel = "X"\nkind = "child"\nuasc = true\n'
            '[[rules]]\nid = "x"\nlabel = "Y"\nkind = "child"\nuasc = false\n',
            "repeated: x",
        ),
        ('[[rules]\nid = "x"', "not valid TOML"),
        (
            '[[rules]]\nid = "x"\nlabel = "X"\nkind = "answers"\nreport_keys = ["Not A Key"]\n',
            "rules[0].report_keys[0]",
        ),
    ],
)
def test_a_bad_rules_file_is_refused_saying_where(text: str, problem: str) -> None:
    with pytest.raises(PanelRulesError) as refused:
        parse_rules(text, "panel.toml")
    assert "panel.toml" in str(refused.value) and problem in str(refused.value)
