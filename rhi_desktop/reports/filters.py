"""Which records a report looks at: by team, interviewer, UASC, looked-after status, M/A.

One rule for every figure: a filter narrows the episodes and interviews that are
counted, and the child-level figures are worked out from what is left. So "repeat
missing, UASC only" counts UASC children with two or more of their episodes in the
period, and "type A only" counts away-from-placement episodes alone.

- `interviewer_id` / `team`: an interview is in scope when its interviewer is; an
  episode when an interview in scope covers it (episodes no interview covers yet drop
  out). Supervision figures keep the sessions of supervisees in scope. The device does
  not hold who is in which team, so `team` is the set of its members' user ids, which
  the caller knows (e.g. from the service's directory).
- `uasc`: the child's current flag.
- `looked_after`: episodes from care (the child was looked after when the episode began,
  as the statutory returns count them); interviews covering at least one of them. No:
  episodes from home, and interviews covering none from care.
- `episode_type`: episodes of that type; interviews covering at least one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rhi_desktop.domain.entities import EpisodeType


@dataclass(frozen=True, slots=True)
class Filters:
    interviewer_id: str | None = None
    team: frozenset[str] | None = None
    uasc: bool | None = None
    looked_after: bool | None = None
    episode_type: EpisodeType | None = None

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    @property
    def interviewers(self) -> frozenset[str] | None:
        """The interviewers in scope, or None when every interviewer is."""
        chosen = None if self.interviewer_id is None else frozenset({self.interviewer_id})
        if chosen is None:
            return self.team
        return chosen if self.team is None else chosen & self.team

    def describe(self, name_of: Callable[[str], str] | None = None) -> str:
        """A short description for export headers and display: the interviewer by
        `name_of` (the team roster's name) where given, else by id; never a child."""
        parts: list[str] = []
        if self.interviewer_id is not None:
            who = self.interviewer_id if name_of is None else name_of(self.interviewer_id)
            parts.append(f"interviewer {who}")
        if self.team is not None:
            parts.append(f"team of {len(self.team)}")
        if self.uasc is not None:
            parts.append("UASC" if self.uasc else "not UASC")
        if self.looked_after is not None:
            parts.append("looked after" if self.looked_after else "not looked after")
        if self.episode_type is not None:
            parts.append(f"type {EpisodeType(self.episode_type).value}")
        return ", ".join(parts) or "all records"
