"""An SSDA903 table the DfE's validation would reject, worded for the coordinator: what
was refused and, one line per episode, which rule it breaks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rhi_desktop.counted import by_count
from rhi_desktop.reports.exports.ssda903 import Rule, Ssda903Refused, Violation
from ui.uk_dates import format_uk_date

translate = QCoreApplication.translate


def rule_texts() -> dict[str, str]:
    return {
        Rule.START_AFTER_END: translate("Ssda903", "the episode ends before it starts"),
        Rule.START_BEFORE_BIRTH: translate(
            "Ssda903", "the episode starts before the date of birth"
        ),
        Rule.OVERLAP: translate("Ssda903", "the episode overlaps the child's previous episode"),
        Rule.STILL_OPEN: translate(
            "Ssda903", "a new episode starts while the previous one is still open"
        ),
        Rule.OUTSIDE_YEAR: translate("Ssda903", "a date falls outside the collection year"),
        Rule.NO_CHILD_ID: translate("Ssda903", "the child has no case reference"),
        Rule.FORMULA_CHILD_ID: translate(
            "Ssda903", "the case reference would run as a formula in a spreadsheet"
        ),
        Rule.BAD_CODE: translate("Ssda903", "the episode type is not M or A"),
    }


def refusal_text(refused: Ssda903Refused) -> str:
    children = len({violation.case_reference for violation in refused.violations})
    problems = by_count(
        len(refused.violations),
        translate(
            "Ssda903",
            "The SSDA903 missing table was not written: 1 problem would break the DfE's "
            "validation.",
        ),
        translate(
            "Ssda903",
            "The SSDA903 missing table was not written: {0} problems would break the DfE's "
            "validation.",
        ),
    )
    concern = by_count(
        children,
        translate("Ssda903", "They concern 1 child."),
        translate("Ssda903", "They concern {0} children."),
    )
    correct = translate(
        "Ssda903",
        "Check the episodes listed against the child's case records: an episode cannot be "
        "changed in RHI Desktop once it is recorded, so a mistaken or duplicated one needs "
        "correcting at the central service before the table can be made.",
    )
    return " ".join((problems, concern, correct))


def violation_text(violation: Violation) -> str:
    """One problem: the child, the episode by its type and London dates, and the rule."""
    child = violation.case_reference or translate("Ssda903", "(no case reference)")
    rule = rule_texts()[violation.rule]
    if violation.start is None:
        episode = translate("Ssda903", "episode {0}").format(violation.episode_id)
    elif violation.end is None:
        episode = translate("Ssda903", "{0} episode from {1}, still missing").format(
            violation.kind, format_uk_date(violation.start)
        )
    else:
        episode = translate("Ssda903", "{0} episode {1} to {2}").format(
            violation.kind, format_uk_date(violation.start), format_uk_date(violation.end)
        )
    return translate("Ssda903", "{0}, {1}: {2}").format(child, episode, rule)
