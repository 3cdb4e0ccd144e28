"""A complete, valid set of answers to the RHI form v1 (what the renderer would save)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any


def complete_answers(now: datetime) -> dict[str, Any]:
    """The fewest answers that pass the form's own sign-off validation, for `now`."""
    earlier = now - timedelta(hours=2)
    return {
        "offer_made_at": (now - timedelta(hours=20)).isoformat(),
        "offer_method": "in_person",
        "offer_outcome": "accepted",
        "child_consulted": "yes",
        "interview_date": earlier.date().isoformat(),
        "venue_type": "school",
        "interpreter_used": "no",
        "harm_disclosed": "no",
        "immediate_concern": "no",
        "safety_information": ["missing_people", "childline"],
        "referrals_made": ["none"],
        "police_info_shared": "no",
        "interviewer_name": "Interviewer",
        "signed_at": earlier.isoformat(),
        "declaration": "yes",
    }
