"""Whether a found child's episode makes sense, wherever it is recorded: on a laptop
(`ui.casework`) or by IT assigning it on the central service (`rhi-central assign`).

A return interview is owed to a child (under 18 when they went missing) who went missing
after they were born, was found after going missing, and has been found by now. An A
episode (away from placement) is of a child who is looked after. The checks run in this
order, and the first that fails is the problem reported.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from rhi_desktop.domain.deadlines import age_on, london_date, require_aware
from rhi_desktop.domain.entities import EpisodeType


class EpisodeProblem(StrEnum):
    BORN_IN_FUTURE = "born_in_future"
    NOT_A_CHILD = "not_a_child"
    START_BEFORE_BIRTH = "start_before_birth"
    AWAY_NOT_LOOKED_AFTER = "away_not_looked_after"
    START_AFTER_RETURN = "start_after_return"
    RETURN_IN_FUTURE = "return_in_future"


def episode_problem(
    *,
    date_of_birth: date,
    episode_type: EpisodeType,
    looked_after: bool | None,
    start: datetime,
    returned: datetime,
    now: datetime,
) -> EpisodeProblem | None:
    """The first thing wrong with the episode, or None. `looked_after` None: not said."""
    start, returned = require_aware(start), require_aware(returned)
    if date_of_birth > london_date(now):
        return EpisodeProblem.BORN_IN_FUTURE
    if age_on(date_of_birth, london_date(start)) >= 18:
        return EpisodeProblem.NOT_A_CHILD
    if london_date(start) < date_of_birth:
        return EpisodeProblem.START_BEFORE_BIRTH
    if episode_type is EpisodeType.AWAY and looked_after is False:
        return EpisodeProblem.AWAY_NOT_LOOKED_AFTER
    if start >= returned:
        return EpisodeProblem.START_AFTER_RETURN
    if returned > require_aware(now):
        return EpisodeProblem.RETURN_IN_FUTURE
    return None


SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@")
"""What a spreadsheet takes the start of a cell's text for a formula by."""


def case_reference_is_plain(reference: str) -> bool:
    """Whether a case reference (trimmed) can go into the statutory returns as it is: it
    must not read as a spreadsheet formula or hold tabs, line breaks or other control
    characters. The DfE's SSDA903 takes the child id exactly as recorded, so one that
    would run as a formula in Excel ("=HYPERLINK(...)") is refused where it is typed
    rather than altered in the return."""
    return not reference.startswith(SPREADSHEET_FORMULA_STARTS) and reference.isprintable()
