"""Themes from signed-off interviews: factors and risks by report key, places and
associates made comparable and flagged when they recur across children."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period
from rhi_desktop.reports.themes import Themes, themes
from rhi_desktop.store import Store
from tests.core.reports.casebook import Casebook, utc
from tests.core.reports.interview_answers import answers

JANUARY = Period.month(2026, 1)
S = InterviewState


@dataclass
class Fixture:
    children: dict[str, str]
    interviews: dict[str, str]


def build(book: Casebook) -> Fixture:
    a, b, c = book.child("A", uasc=True), book.child("B"), book.child("C")

    def interview(
        child_ref: str,
        day: int,
        state: S,
        recorded: dict[str, Any],
        form: tuple[str, int] = ("rhi", 1),
    ) -> str:
        child = {"A": a, "B": b, "C": c}[child_ref]
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        return book.interview(child, [episode], state=state, answers=recorded, form=form).id

    ids = {
        "T1": interview(
            "A",
            3,
            S.COMPLETED,
            answers(
                push=["family_conflict", "bullying"],
                pull=["friends"],
                risks=["cse"],
                immediate_concern="yes",
                places=[("The  Park", "by the swings", "sw1a 1aa"), ("Bus station", "", None)],
                people=["Jay  Smith"],
            ),
        ),
        "T2": interview(
            "B",
            9,
            S.APPROVED,
            answers(
                push=["family_conflict"],
                pull=["friends", "parties"],
                risks=["cse", "county_lines"],
                immediate_concern="no",
                places=[("the park", "", "SW1A1AA")],
                people=[" jay smith "],
            ),
        ),
        "T3": interview(
            "A",
            17,
            S.SUBMITTED,
            answers(push=["bullying"], places=[("BUS   STATION", "", None)], people=["Kim"]),
        ),
        # A draft: not signed off, so not in the themes yet.
        "T4": interview(
            "C", 20, S.IN_PROGRESS, answers(risks=["cce"], places=[("Bus station", "", None)])
        ),
        # Pinned to a form version this device does not have.
        "T5": interview("C", 22, S.COMPLETED, answers(risks=["cse"]), form=("rhi", 99)),
    }
    return Fixture({"A": a.id, "B": b.id, "C": c.id}, ids)


@pytest.fixture
def fixture(book: Casebook) -> Fixture:
    return build(book)


def _count(found: Themes, key: str) -> tuple[int, int]:
    theme = next(t for t in found.counts if t.key == key)
    return theme.count, len(theme.children)


def test_factors_and_risks_are_counted_by_report_key(store: Store, fixture: Fixture) -> None:
    found = themes(store, JANUARY)
    iv = fixture.interviews
    # Analysed: T1, T2, T3 (signed off). T4 is a draft; T5's form is not here.
    assert set(found.analysed) == {iv["T1"], iv["T2"], iv["T3"]}
    assert found.not_analysed == (iv["T5"],)
    # (interviews, children): family conflict T1 (A) + T2 (B) = (2, 2);
    # bullying T1 + T3, both A = (2, 1); friends (2, 2); parties (1, 1).
    assert _count(found, "push.family_conflict") == (2, 2)
    assert _count(found, "push.bullying") == (2, 1)
    assert _count(found, "pull.friends") == (2, 2)
    assert _count(found, "pull.parties") == (1, 1)
    # Risks: CSE T1 + T2 = 2 (T5's CSE cannot be read, T4's CCE is a draft); county lines 1.
    assert [(t.key, t.count) for t in found.risks] == [("risk.cse", 2), ("risk.county_lines", 1)]
    # A yes/no question with a report key counts its "yes" answers only: T1 yes, T2 no.
    assert _count(found, "safeguarding.immediate_concern") == (1, 1)
    assert found.count_of("risk.cce") == 0
    # Labels come from the form.
    assert (
        next(t for t in found.push if t.key == "push.bullying").label
        == "Bullying, in person or online"
    )
    # Drill-down: each count carries the interviews behind it.
    bullying = next(t for t in found.push if t.key == "push.bullying")
    assert set(bullying.interviews) == {iv["T1"], iv["T3"]}


def test_places_and_associates_are_normalised_and_flagged_when_they_recur(
    store: Store, fixture: Fixture
) -> None:
    found = themes(store, JANUARY)
    ch = fixture.children
    places = {p.key: p for p in found.places}
    # "The  Park" sw1a 1aa (A) and "the park" SW1A1AA (B) are one place by postcode,
    # mentioned for two children: it recurs.
    park = places["postcode:SW1A 1AA"]
    assert park.recurs and set(park.children) == {ch["A"], ch["B"]}
    # "Bus station" (T1) and "BUS   STATION" (T3) are one place, but both are A's.
    bus = places["text:bus station"]
    assert len(bus.interviews) == 2 and not bus.recurs
    assert [p.key for p in found.recurring_places] == ["postcode:SW1A 1AA"]
    people = {p.key: p for p in found.associates}
    assert set(people) == {"jay smith", "kim"}
    assert people["jay smith"].recurs and not people["kim"].recurs
    assert [p.text for p in found.recurring_associates] == ["jay smith"]


def test_names_typed_two_ways_by_autocorrect_or_keyboard_are_one(
    store: Store, book: Casebook
) -> None:
    spellings = [
        ("Dee O'Brien", "McDonald's"),
        ("dee o\u2019brien", "McDonald\u2019s"),  # autocorrect's curly apostrophe
        ("D. O'Brien", "Sia\u0302n's flat"),  # a full stop; an accent as a separate mark
        ("d o\u2019brien", "Si\u00e2n\u2019s flat"),
        ("Dee\u200b O'Brien", "McDon\u00adald's"),  # pasted: a zero-width space, a soft hyphen
    ]
    for day, (person, place) in enumerate(spellings, start=3):
        child = book.child(f"N{day}")
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        recorded = answers(places=[(place, "", None)], people=[person])
        book.interview(child, [episode], state=S.COMPLETED, answers=recorded)

    found = themes(store, JANUARY)

    people = {p.key: len(p.children) for p in found.associates}
    assert people == {"dee o'brien": 3, "d o'brien": 2}
    places = {p.key: len(p.children) for p in found.places}
    assert places == {"text:mcdonald's": 3, "text:si\u00e2n's flat": 2}


def test_a_name_written_as_unknown_is_no_associate_in_common(store: Store, book: Casebook) -> None:
    # The form asks a name for each person: an interviewer writes 'Unknown' for a man in
    # a car, and two children who each met one seemed to share an associate.
    for day, person in enumerate(["Unknown", "unknown", "N/K", "Unknown man in a car"], 3):
        child = book.child(f"U{day}")
        episode = book.episode(child, utc(2026, 1, day, 8), utc(2026, 1, day, 20))
        recorded = answers(people=[person, "Jay Smith"])
        book.interview(child, [episode], state=S.COMPLETED, answers=recorded)

    found = themes(store, JANUARY)

    assert [p.text for p in found.associates] == ["jay smith"]
    assert [p.text for p in found.recurring_associates] == ["jay smith"]


def test_theme_filters_narrow_the_interviews(store: Store, fixture: Fixture) -> None:
    found = themes(store, JANUARY, Filters(uasc=True))
    assert set(found.analysed) == {fixture.interviews["T1"], fixture.interviews["T3"]}
    assert found.recurring_places == () and found.recurring_associates == ()
    assert themes(store, Period.month(2026, 2)).counts == ()


def test_an_interview_reopened_for_amendment_counts_as_last_signed_off(
    store: Store, book: Casebook
) -> None:
    child = book.child("R")
    episode = book.episode(child, utc(2026, 1, 12, 8), utc(2026, 1, 12, 20))
    interview = book.interview(
        child, [episode], state=S.SUBMITTED, answers=answers(push=["neglect"])
    )
    book.move(interview, S.RETURNED, S.IN_PROGRESS, at=utc(2026, 1, 20, 9))
    with store.transaction("iv-1") as tx:
        draft = tx.interviews.get(interview.id)
        tx.interviews.save_answers(
            interview.id, answers(push=["loneliness"]), expected_version=draft.version
        )
    found = themes(store, JANUARY)
    assert [t.key for t in found.push] == ["push.neglect"]
    book.move(interview, S.COMPLETED, at=utc(2026, 1, 21, 9))
    assert [t.key for t in themes(store, JANUARY).push] == ["push.loneliness"]
