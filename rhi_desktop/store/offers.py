"""Each attempt to offer a child their return interview."""

from __future__ import annotations

from rhi_desktop.domain.entities import Offer
from rhi_desktop.store.records import OFFERS
from rhi_desktop.store.repository import Repository


class OfferRepository(Repository[Offer]):
    spec = OFFERS

    def for_interview(self, interview_id: str) -> list[Offer]:
        return self._select("interview_id = ?", (interview_id,), order_by="offered_at")
