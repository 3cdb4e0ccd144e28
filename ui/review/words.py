"""The review screens' fixed words, translated in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from rhi_desktop.review import ReviewProblem, Words

translate = QCoreApplication.translate


def review_words() -> Words:
    """The words answers are shown with, in the app's language."""
    return Words(
        yes=translate("ReviewWords", "Yes"),
        no=translate("ReviewWords", "No"),
        not_answered=translate("ReviewWords", "Not answered"),
        not_on_version=translate("ReviewWords", "Not asked on form version {0}"),
        in_rows_on_version=translate("ReviewWords", "Asked in each row of {1} on form version {0}"),
        choice_not_on_version=translate(
            "ReviewWords", "Its choice is not offered on form version {0}"
        ),
        not_carried=translate("ReviewWords", "Does not fit the question on form version {0}"),
        one_row=translate("ReviewWords", "1 row"),
        rows=translate("ReviewWords", "{0} rows"),
        unknown_question=translate("ReviewWords", "A question not on this form version ({0})"),
        other_answers=translate("ReviewWords", "Answers to questions not on this form version"),
        list_separator=translate("ReviewWords", "; "),
        language=QLocale().bcp47Name(),
    )


def yes_no_text(value: bool | None) -> str:
    if value is None:
        return translate("ReviewWords", "Not recorded")
    return translate("ReviewWords", "Yes") if value else translate("ReviewWords", "No")


def within_text(value: bool | None) -> str:
    """Whether the interview was signed off within 72 hours, in words (never colour only)."""
    if value is None:
        return translate("ReviewWords", "Not signed off")
    if value:
        return translate("ReviewWords", "Yes")
    return translate("ReviewWords", "No, later than 72 hours")


def hours_text(hours: float | None) -> str:
    if hours is None:
        return translate("ReviewWords", "Not recorded")
    return translate("ReviewWords", "{0} h").format(f"{hours:.1f}")


def problem_text(problem: ReviewProblem) -> str:
    texts = {
        ReviewProblem.NOT_SUBMITTED: translate(
            "ReviewWords",
            "This interview is no longer waiting for review: it was decided, perhaps on "
            "another computer. Close this review; the queue shows what is still waiting.",
        ),
        ReviewProblem.STALE_REVISION: translate(
            "ReviewWords",
            "A newer revision of this interview has arrived since you opened it, so this "
            "decision was not saved. Close this review and open the interview again from "
            "the queue to read the new revision.",
        ),
        ReviewProblem.NO_COMMENT: translate(
            "ReviewWords",
            "To return the interview, write at least one comment: on a question, or overall.",
        ),
    }
    return texts[problem]
