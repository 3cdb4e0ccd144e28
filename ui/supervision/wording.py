"""What the supervision screens say about problems, ratings and who is due, translated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from rhi_desktop.store import Store
from rhi_desktop.supervision import QualityRating, SuperviseeStatus, SupervisionProblem
from ui.uk_dates import format_london_date, format_london_time

translate = QCoreApplication.translate


def problem_text(problem: SupervisionProblem) -> str:
    texts = {
        SupervisionProblem.NOT_ON_TEAM: translate(
            "Supervision",
            "This person is no longer on your team's list. Sync, then try again.",
        ),
        SupervisionProblem.HELD_IN_FUTURE: translate(
            "Supervision", "The session date is in the future."
        ),
        SupervisionProblem.MISSING_WELLBEING: translate(
            "Supervision",
            "Record the wellbeing and secondary trauma check: how they are, and any "
            "support agreed.",
        ),
        SupervisionProblem.ACTION_MISSING_WHAT: translate(
            "Supervision", "Agreed action {0}: say what was agreed, or remove the action."
        ),
        SupervisionProblem.ACTION_MISSING_OWNER: translate(
            "Supervision", "Agreed action {0}: say who will do it."
        ),
        SupervisionProblem.ACTION_DUE_BEFORE_SESSION: translate(
            "Supervision", "Agreed action {0}: the due date is before the session."
        ),
        SupervisionProblem.NOT_YOUR_SESSION: translate(
            "Supervision", "Only the person supervised can acknowledge this record."
        ),
        SupervisionProblem.ALREADY_ACKNOWLEDGED: translate(
            "Supervision", "This record has already been acknowledged."
        ),
        SupervisionProblem.OWN_SESSION: translate(
            "Supervision", "You held this session, so someone else rates its quality."
        ),
        SupervisionProblem.ALREADY_REVIEWED: translate(
            "Supervision", "This session's quality has already been rated."
        ),
    }
    return texts[problem]


def action_problem_text(problem: SupervisionProblem, action: int | None) -> str:
    text = problem_text(problem)
    return text.format(action + 1) if action is not None else text


def rating_label(rating: QualityRating) -> str:
    labels = {
        QualityRating.INADEQUATE: translate("Supervision", "1 – Inadequate"),
        QualityRating.REQUIRES_IMPROVEMENT: translate("Supervision", "2 – Requires improvement"),
        QualityRating.GOOD: translate("Supervision", "3 – Good"),
        QualityRating.OUTSTANDING: translate("Supervision", "4 – Outstanding"),
    }
    return labels[rating]


def due_text(status: SuperviseeStatus) -> str:
    """Said in words, so the state never depends on the icon's colour."""
    if status.never_supervised:
        return translate("Supervision", "Overdue: never supervised")
    overdue = status.days_overdue or 0
    if status.overdue:
        if overdue == 1:
            return translate("Supervision", "Overdue by 1 day")
        return translate("Supervision", "Overdue by {0} days").format(overdue)
    left = status.days_until_due or 0
    if left == 0:
        return translate("Supervision", "Due today")
    if left == 1:
        return translate("Supervision", "Due tomorrow")
    return translate("Supervision", "Due in {0} days").format(left)


def person_name(store: Store, user_id: str) -> str:
    member = store.team.member(user_id)
    if member is not None:
        return member.name
    return translate("Supervision", "Someone not on your team's list")


def moment_text(instant: datetime) -> str:
    return translate("Supervision", "{0} at {1}").format(
        format_london_date(instant), format_london_time(instant)
    )


def acknowledged_text(instant: datetime | None) -> str:
    if instant is None:
        return translate("Supervision", "Not yet acknowledged")
    return translate("Supervision", "Acknowledged {0}").format(moment_text(instant))
