"""Missing and away-from-placement episodes."""

from __future__ import annotations

from rhi_desktop.domain.entities import MissingEpisode
from rhi_desktop.store.records import EPISODES
from rhi_desktop.store.repository import Repository


class EpisodeRepository(Repository[MissingEpisode]):
    spec = EPISODES

    def for_child(self, child_id: str) -> list[MissingEpisode]:
        """Oldest first, as the SSDA903 missing table lists them."""
        return self._select("child_id = ?", (child_id,), order_by="start_at")
