"""What each KPI counts, in words a committee and an auditor can check against the code.

The definitions are data: the KPI table, its exports (a "Definitions" sheet) and the
monthly report all show the same text. "The period" is a run of whole days in London
time; every duration is elapsed time between UTC instants, so a clock change inside a
72-hour window neither adds nor removes an hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RecordKind(StrEnum):
    """What the ids behind a figure identify."""

    EPISODE = "episode"
    CHILD = "child"
    INTERVIEW = "interview"
    SUPERVISION_SESSION = "supervision_session"


@dataclass(frozen=True, slots=True)
class FigureSpec:
    key: str
    label: str
    records: RecordKind
    definition: str


@dataclass(frozen=True, slots=True)
class RateSpec:
    key: str
    label: str
    numerator: str
    denominator: str


EPISODES = RecordKind.EPISODE
CHILDREN = RecordKind.CHILD
INTERVIEWS = RecordKind.INTERVIEW
SESSIONS = RecordKind.SUPERVISION_SESSION

FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "found_episodes",
        "Found episodes",
        EPISODES,
        "Missing (M) and away (A) episodes whose end - the moment the child was found or "
        "returned - falls in the period. Episodes still open are not counted.",
    ),
    FigureSpec(
        "children",
        "Children",
        CHILDREN,
        "Distinct children with at least one found episode in the period.",
    ),
    FigureSpec(
        "repeat_children_period",
        "Repeat missing children (in the period)",
        CHILDREN,
        "Children with two or more found episodes in the period.",
    ),
    FigureSpec(
        "repeat_children_12_months",
        "Repeat missing children (last 12 months)",
        CHILDREN,
        "Children found in the period who have two or more found episodes in the twelve "
        "months ending on the period's last day (or in the period, if it is longer), the "
        "period's own episodes included.",
    ),
    FigureSpec(
        "uasc_children",
        "UASC children",
        CHILDREN,
        "Children counted in 'Children' who are unaccompanied asylum-seeking children.",
    ),
    FigureSpec(
        "rhis_due",
        "RHIs due",
        INTERVIEWS,
        "Return interviews whose child returned in the period: each starts a 72-hour "
        "clock. One interview may cover several episodes of the same child.",
    ),
    FigureSpec(
        "rhis_offered",
        "RHIs offered",
        INTERVIEWS,
        "RHIs due with at least one offer that reached the child or parent/carer "
        "(outcome accepted or declined); 'no contact' attempts are not offers.",
    ),
    FigureSpec(
        "rhis_offered_within_72h",
        "RHIs offered within 72 hours",
        INTERVIEWS,
        "RHIs offered whose first offer was made no later than exactly 72 elapsed hours "
        "after the return (72:00:00 is within; a minute more is not).",
    ),
    FigureSpec(
        "rhis_accepted",
        "RHIs accepted",
        INTERVIEWS,
        "RHIs offered whose latest answer was acceptance.",
    ),
    FigureSpec(
        "rhis_declined_by_child",
        "RHIs declined by the child",
        INTERVIEWS,
        "RHIs offered whose latest answer was a decline by the child.",
    ),
    FigureSpec(
        "rhis_declined_by_parent_carer",
        "RHIs declined by parent or carer",
        INTERVIEWS,
        "RHIs offered whose latest answer was a decline by the parent or carer.",
    ),
    FigureSpec(
        "rhis_not_offered",
        "RHIs not offered (decision recorded)",
        INTERVIEWS,
        "RHIs due never offered, with a recorded decision not to offer one.",
    ),
    FigureSpec(
        "rhis_completed",
        "RHIs completed",
        INTERVIEWS,
        "RHIs due that the interviewer has signed off as completed (first sign-off; "
        "later amendments after a coordinator's review do not move it).",
    ),
    FigureSpec(
        "rhis_completed_within_72h",
        "RHIs completed within 72 hours",
        INTERVIEWS,
        "RHIs completed whose first sign-off was no later than exactly 72 elapsed hours "
        "after the return.",
    ),
    FigureSpec(
        "median_hours_to_interview",
        "Median hours from return to interview",
        INTERVIEWS,
        "Median, over RHIs due that have started, of elapsed hours from the return to the "
        "moment the interview began (its first start). Blank when none has started.",
    ),
    FigureSpec(
        "supervisions_due",
        "Supervisions due",
        SESSIONS,
        "Supervisions that fell due in the period: 28 days after each supervisee's "
        "session, listed by the session they follow. One due today or later is counted "
        "once it has been held. A supervision never held still counts, as not on time.",
    ),
    FigureSpec(
        "supervision_on_time",
        "Supervisions held on time",
        SESSIONS,
        "Of those, the ones the supervisee's next session was held by (no more than 28 "
        "days after the one before).",
    ),
)
"""Every KPI, in the order tables show them."""

RATES: tuple[RateSpec, ...] = (
    RateSpec("offered_rate", "RHIs offered (% of due)", "rhis_offered", "rhis_due"),
    RateSpec(
        "offered_within_72h_rate",
        "Offered within 72 hours (% of due)",
        "rhis_offered_within_72h",
        "rhis_due",
    ),
    RateSpec("accepted_rate", "Accepted (% of offered)", "rhis_accepted", "rhis_offered"),
    RateSpec(
        "completed_within_72h_rate",
        "Completed within 72 hours (% of due)",
        "rhis_completed_within_72h",
        "rhis_due",
    ),
    RateSpec(
        "supervision_on_time_rate",
        "Supervision on time (%)",
        "supervision_on_time",
        "supervisions_due",
    ),
)
"""Percentages worked out from two counts; blank when the denominator is zero."""

SPECS = {spec.key: spec for spec in FIGURES}
