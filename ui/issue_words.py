"""A form's validation issue in the person's language.

The form engine (Qt-free) gives each issue an English message for logs, and its kind and
numbers; this words it through Qt's translation. Light to import: the sign-off check
words issues without loading the form widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rhi_desktop.counted import by_count
from rhi_desktop.forms.answers import LONGEST_TEXT, TypeProblem
from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.validation import Issue, IssueKind

Q = QuestionType


def _type_words(question_type: QuestionType | None) -> str:
    """What an answer of the wrong kind should have been, in the person's language (the
    UK formats the form's inputs take, never the stored ISO form)."""
    translate = QCoreApplication.translate
    if question_type is Q.DATE:
        return translate("FormIssues", "Enter a date like 27/11/2026 or 27 Nov 2026.")
    if question_type is Q.DATETIME:
        return translate("FormIssues", "Enter a date and a time, like 27/11/2026 14:30.")
    if question_type is Q.TIME:
        return translate("FormIssues", "Enter a time like 14:30 or 2.30pm.")
    if question_type is Q.INTEGER:
        return translate("FormIssues", "Enter a whole number.")
    if question_type is Q.DECIMAL:
        return translate("FormIssues", "Enter a number, like 2.5.")
    if question_type in (Q.YES_NO, Q.SINGLE_CHOICE, Q.MULTIPLE_CHOICE, Q.SCALE):
        return translate("FormIssues", "Choose from the answers offered.")
    if question_type is Q.LOCATION:
        return translate(
            "FormIssues", "Describe the place, and give a UK postcode only if you know it."
        )
    return translate("FormIssues", "This answer is not the kind the question asks for.")


def _problem_words(problem: TypeProblem | None) -> str | None:
    """What is wrong, where saying the kind of answer wanted would not tell it."""
    translate = QCoreApplication.translate
    if problem is TypeProblem.TOO_LARGE:
        return translate("FormIssues", "The number is too large: check it.")
    if problem is TypeProblem.NOT_A_POSTCODE:
        return translate(
            "FormIssues", "That is not a UK postcode: check it, or leave the postcode out."
        )
    if problem is TypeProblem.NOT_A_CHOICE:
        return translate("FormIssues", "Choose from the answers offered.")
    return None


def issue_words(issue: Issue, question_type: QuestionType | None = None) -> str:
    """An issue in the person's language: worded here from its kind, numbers and the
    question's type; the form's own constraint message as the form gave it."""
    translate = QCoreApplication.translate
    if issue.kind is IssueKind.TYPE:
        if issue.type_problem is TypeProblem.TOO_LONG and question_type in LONGEST_TEXT:
            return translate(
                "FormIssues", "This answer is too long to keep: shorten it to {0} characters."
            ).format(f"{LONGEST_TEXT[question_type]:,}")
        return _problem_words(issue.type_problem) or _type_words(question_type)
    if issue.kind is IssueKind.REQUIRED:
        return translate("FormIssues", "This question needs an answer.")
    if issue.kind is IssueKind.CONSTRAINT and not issue.from_form:
        return translate("FormIssues", "This answer is not allowed here.")
    if issue.kind is IssueKind.ROWS and issue.min_rows is not None:
        return by_count(
            issue.min_rows,
            translate("FormIssues", "Add at least 1 row."),
            translate("FormIssues", "Add at least {0} rows."),
        )
    if issue.kind is IssueKind.ROWS and issue.max_rows is not None:
        return by_count(
            issue.max_rows,
            translate("FormIssues", "Keep to at most 1 row."),
            translate("FormIssues", "Keep to at most {0} rows."),
        )
    return issue.message
