"""Which decision returned an interview (the one whose comments the interviewer works
through, and which the coordinator later checks the amendment against), or approved it.

Ordered by revision, never by the deciders' clocks (a laptop's clock may be wrong). A
second coordinator's decision on the same revision can sit on their laptop, refused by
the service until they discard it: the one the service accepted is the decision.
"""

from __future__ import annotations

from rhi_desktop.domain.entities import Review, ReviewDecision
from rhi_desktop.store import Store


def returning_review(store: Store, interview_id: str, revision: int | None = None) -> Review | None:
    """The decision that returned `revision` of the interview (by default its latest
    returned revision), or None if no decision here returned it."""
    return deciding_review(store, interview_id, ReviewDecision.RETURNED, revision)


def deciding_review(
    store: Store, interview_id: str, decision: ReviewDecision, revision: int | None = None
) -> Review | None:
    """The review that made `decision` on `revision` of the interview (by default the
    latest revision it was made on), the one the service accepted first; None if none
    here did."""
    made = [
        review
        for review in store.reviews.for_interview(interview_id)
        if review.decision is decision
    ]
    if not made:
        return None
    wanted = max(review.revision for review in made) if revision is None else revision
    of_revision = [review for review in made if review.revision == wanted]
    accepted = [review for review in of_revision if store.reviews.server_version(review.id) > 0]
    found = accepted or of_revision
    return found[-1] if found else None
