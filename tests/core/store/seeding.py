"""Fictional caseloads for store tests: distinctive names and answers that a test can
search the raw files for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    Placement,
    PlacementArea,
    ReturnInterview,
    RiskGrade,
    new_id,
)
from rhi_desktop.store import Store

FIRST_NAMES = (
    "Zephyrine",
    "Bartholomew",
    "Ottoline",
    "Peregrine",
    "Clementine",
    "Ignatius",
    "Hyacinth",
    "Leopoldine",
    "Cosimo",
    "Araminta",
)
SURNAMES = ("Quackenbush", "Wigglesworth", "Fothergill", "Snodgrass")
PLACES = ("Quillfeather Arcade", "Marrowbone Viaduct", "Thistlewick Lido", "Gorsebrook Depot")

S = InterviewState
# The states a seeded interview is walked to, in order; one per child, cycling.
PATHS: tuple[tuple[InterviewState, ...], ...] = (
    (),
    (S.OFFERED,),
    (S.OFFERED, S.IN_PROGRESS),
    (S.OFFERED, S.DECLINED),
    (S.OFFERED, S.IN_PROGRESS, S.COMPLETED),
    (S.OFFERED, S.IN_PROGRESS, S.COMPLETED, S.SUBMITTED),
)


@dataclass
class Seeded:
    child_ids: list[str] = field(default_factory=list)
    episode_ids: list[str] = field(default_factory=list)
    interview_ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    answers_text: list[str] = field(default_factory=list)

    def secrets(self) -> list[bytes]:
        """Every distinctive string that must never appear in plaintext on disk."""
        words = {*self.names, *self.answers_text}
        words |= {part for name in self.names for part in name.split()}
        return sorted(word.encode("utf-8") for word in words)


def fictional_name(n: int) -> str:
    return (
        f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[(n // len(FIRST_NAMES)) % len(SURNAMES)]}"
    )


def seed(store: Store, now: datetime, *, children: int = 20, actor: str = "seed-user") -> Seeded:
    """Add `children` children, two episodes each and one interview each, in one transaction."""
    out = Seeded()
    kids, episodes, interviews = [], [], []
    for n in range(children):
        name = fictional_name(n)
        child = Child(
            id=new_id(),
            case_reference=f"CR-{n:05d}",
            name=name,
            preferred_name=name.split()[0] if n % 3 == 0 else None,
            date_of_birth=date(2008 + n % 8, 1 + n % 12, 1 + n % 27),
            gender="female" if n % 2 else "male",
            looked_after=n % 2 == 0,
            uasc=n % 5 == 0,
            placement=Placement(type="foster", area=PlacementArea.OUT_OF_AREA, distance_miles=n),
        )
        returned = now - timedelta(hours=n * 5)
        first = MissingEpisode(
            id=new_id(),
            child_id=child.id,
            type=EpisodeType.MISSING,
            start=returned - timedelta(days=30),
            end=returned - timedelta(days=29),
            risk_grade=RiskGrade.MEDIUM,
        )
        second = MissingEpisode(
            id=new_id(),
            child_id=child.id,
            type=EpisodeType.AWAY,
            start=returned - timedelta(hours=20),
            end=returned,
            where_found=PLACES[n % len(PLACES)],
            risk_grade=RiskGrade.HIGH,
        )
        place = PLACES[(n + 1) % len(PLACES)]
        interview = ReturnInterview(
            id=new_id(),
            child_id=child.id,
            episode_ids=(second.id,),
            interviewer_id="interviewer-1",
            returned_at=returned,
            form_id="rhi",
            form_version=1,
            answers={"where_went": place, "who_with": f"a friend of {name}", "slept": "no"},
        )
        kids.append(child)
        episodes += [first, second]
        interviews.append(interview)
        out.names.append(name)
        out.answers_text += [place, f"a friend of {name}"]
    with store.transaction(actor) as tx:
        tx.children.add_many(kids)
        tx.episodes.add_many(episodes)
        tx.interviews.add_many(interviews)
        for n, interview in enumerate(interviews):
            for target in PATHS[n % len(PATHS)]:
                tx.interviews.transition(interview.id, target)
    out.child_ids = [c.id for c in kids]
    out.episode_ids = [e.id for e in episodes]
    out.interview_ids = [i.id for i in interviews]
    return out
