"""How a run of offer attempts for one interview reads in the figures.

An interviewer may try several times: a call nobody answers, a decline, a later yes.
- *Offered* means the offer reached the child or their parent/carer: an attempt whose
  outcome is accepted, declined by the child or declined by the parent/carer. "No
  contact" is an attempt, not an offer; "not offered" records a decision not to hold one.
- The *answer* is the outcome of the latest offer that got one (accepted or declined):
  a child who declined on Monday and accepted on Wednesday counts as accepted, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from rhi_desktop.domain.entities import OfferOutcome

OFFERED = frozenset(
    {
        OfferOutcome.ACCEPTED,
        OfferOutcome.DECLINED_BY_CHILD,
        OfferOutcome.DECLINED_BY_PARENT_CARER,
    }
)


@dataclass(frozen=True, slots=True)
class OfferSummary:
    first_offered_at: datetime | None
    answer: OfferOutcome | None
    decided_not_to_offer: bool

    @property
    def offered(self) -> bool:
        return self.first_offered_at is not None


def summarise(attempts: Iterable[tuple[datetime, OfferOutcome]]) -> OfferSummary:
    """Read attempts in any order; ties on time keep the order given."""
    ordered = sorted(attempts, key=lambda attempt: attempt[0])
    offered = [(at, outcome) for at, outcome in ordered if outcome in OFFERED]
    not_offered = any(outcome is OfferOutcome.NOT_OFFERED for _, outcome in ordered)
    return OfferSummary(
        first_offered_at=offered[0][0] if offered else None,
        answer=offered[-1][1] if offered else None,
        decided_not_to_offer=not_offered and not offered,
    )
