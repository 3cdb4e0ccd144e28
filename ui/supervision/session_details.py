"""One supervision record written out in full, read-only, as plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from rhi_desktop.store import Store
from rhi_desktop.supervision import QualityRating, SessionSummary, case_references
from ui.supervision.wording import acknowledged_text, moment_text, person_name, rating_label
from ui.uk_dates import format_uk_date

translate = QCoreApplication.translate


def session_text(store: Store, summary: SessionSummary) -> str:
    s = summary.session
    cases = case_references(store, s.cases_discussed)
    case_lines = [
        cases.get(i, translate("Supervision", "a case not on this computer"))
        for i in s.cases_discussed
    ]
    lines = [
        translate("Supervision", "Held on {0} by {1} with {2}").format(
            format_uk_date(s.held_on),
            person_name(store, s.supervisor_id),
            person_name(store, s.supervisee_id),
        ),
        translate("Supervision", "Next due: {0}").format(format_uk_date(s.next_due)),
        acknowledged_text(summary.acknowledged_at),
        "",
        translate("Supervision", "Cases discussed:"),
        *(f"  • {line}" for line in case_lines),
    ]
    if not case_lines:
        lines.append("  " + translate("Supervision", "None recorded"))
    lines += [
        "",
        translate("Supervision", "Reflections:"),
        "  " + (s.reflections or translate("Supervision", "None recorded")),
        "",
        translate("Supervision", "Wellbeing and secondary trauma check:"),
        "  " + (s.wellbeing or translate("Supervision", "None recorded")),
        "",
        translate("Supervision", "Agreed actions:"),
    ]
    for action in s.actions:
        lines.append(
            "  • "
            + translate("Supervision", "{0} (by {1}, due {2})").format(
                action.what, action.owner, format_uk_date(action.due)
            )
        )
    if not s.actions:
        lines.append("  " + translate("Supervision", "None agreed"))
    for review in summary.reviews:
        lines += [
            "",
            translate("Supervision", "Quality rated {0} by {1}: {2}").format(
                moment_text(review.reviewed_at),
                person_name(store, review.reviewer_id),
                rating_label(QualityRating(review.rating)),
            ),
        ]
        if review.comments:
            lines.append("  " + review.comments)
    return "\n".join(lines)


class SessionDetails(QPlainTextEdit):
    """Focusable and selectable by keyboard, so a screen reader can read it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName(self.tr("Supervision record"))
        self.setPlaceholderText(self.tr("Choose a session to read its record."))
