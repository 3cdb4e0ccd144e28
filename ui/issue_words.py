"""A form's validation issue in the person's language.

The form engine (Qt-free) gives each issue an English message for logs, and its kind and
numbers; this words it through Qt's translation. Light to import: the sign-off check
words issues without loading the form widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rhi_desktop.counted import by_count
from rhi_desktop.forms.validation import Issue, IssueKind


def issue_words(issue: Issue) -> str:
    """An issue in the person's language: worded here from its kind and numbers; the
    form's own constraint message as the form gave it."""
    translate = QCoreApplication.translate
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
