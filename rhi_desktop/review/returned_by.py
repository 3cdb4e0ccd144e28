"""Which decision returned an interview: the one whose comments the interviewer works
through, and which the coordinator later checks the amendment against.

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
    returned = [
        review
        for review in store.reviews.for_interview(interview_id)
        if review.decision is ReviewDecision.RETURNED
    ]
    if not returned:
        return None
    wanted = max(review.revision for review in returned) if revision is None else revision
    of_revision = [review for review in returned if review.revision == wanted]
    accepted = [review for review in of_revision if store.reviews.server_version(review.id) > 0]
    found = accepted or of_revision
    return found[-1] if found else None
