"""One child per case reference in a statutory return.

Two interviewers who each record the same found child offline make two child records of
one case reference, and the service keeps both. The DfE and Ofsted know the child by the
case reference alone, so a return names them once, with the episodes of every record.

The records must agree on what the return says about the child: date of birth, gender
and ethnicity (a blank agrees with anything). If they do not, the return would have to
guess, so it is refused, naming the case references (`ChildRecordsDisagree`). Flags are
combined: a child is looked after, or UASC, if any of their records says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rhi_desktop.reports.completeness import StatutoryReturn
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.queries import ChildRow


@dataclass(frozen=True, slots=True)
class ReturnChild:
    """A child as a return names them: a case reference and all of its records' ids."""

    case_reference: str
    ids: frozenset[str]
    date_of_birth: date
    gender: str | None
    ethnicity: str | None
    looked_after: bool
    uasc: bool


class ChildRecordsDisagree(ReportError):
    """Records of one case reference give different details; nothing was written."""

    def __init__(self, statutory_return: StatutoryReturn, case_references: list[str]) -> None:
        super().__init__(
            f"The {statutory_return} was not made: the child records of "
            f"{', '.join(case_references)} disagree on date of birth, gender or ethnicity."
        )
        self.statutory_return = statutory_return
        self.case_references = case_references


def _one_of(values: Iterable[str | None]) -> tuple[str | None, bool]:
    """The value the records give (None if none does), and whether they agree."""
    given = {value for value in values if value and value.strip()}
    return (next(iter(given)) if len(given) == 1 else None), len(given) <= 1


def by_case_reference(
    children: Iterable[ChildRow], statutory_return: StatutoryReturn
) -> list[ReturnChild]:
    """The children in case reference order, records of one case reference merged;
    raises ChildRecordsDisagree if any of them disagree."""
    grouped: dict[str, list[ChildRow]] = {}
    for child in children:
        grouped.setdefault(child.case_reference, []).append(child)
    merged: list[ReturnChild] = []
    disagreeing: list[str] = []
    for reference in sorted(grouped):
        records = grouped[reference]
        births = {record.date_of_birth for record in records}
        gender, same_gender = _one_of(record.gender for record in records)
        ethnicity, same_ethnicity = _one_of(record.ethnicity for record in records)
        if len(births) != 1 or not (same_gender and same_ethnicity):
            disagreeing.append(reference)
            continue
        merged.append(
            ReturnChild(
                case_reference=reference,
                ids=frozenset(record.id for record in records),
                date_of_birth=records[0].date_of_birth,
                gender=gender,
                ethnicity=ethnicity,
                looked_after=any(record.looked_after for record in records),
                uasc=any(record.uasc for record in records),
            )
        )
    if disagreeing:
        raise ChildRecordsDisagree(statutory_return, disagreeing)
    return merged
