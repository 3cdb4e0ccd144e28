"""What the person reads when something cannot be done, in one translated place.

Problems they can fix get a sentence saying what to change. Errors from the core that
a person can act on (vault, store, lifecycle, form versions, reports) are worded in
`core_errors` and the sync layer's in `sync_errors`; the few report errors only the
command line meets, and policy (configuration) errors, are shown as written for IT.
Anything else is a bug: it is logged by type with a short reference (never its message,
which might quote personal data) and the person sees an apology with that reference.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QCoreApplication

from rhi_desktop.config import ConfigError
from rhi_desktop.counted import by_count
from rhi_desktop.forms.expressions.temporal import YEARS
from rhi_desktop.reports.errors import ReportError
from sync.errors import SyncError
from ui.casework import CaseworkError, Problem
from ui.core_errors import core_error_text
from ui.profile_holder import ProfileLocked
from ui.uk_dates import DateProblem

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def problem_text(problem: Problem) -> str:
    texts = {
        Problem.MISSING_CASE_REFERENCE: translate("Messages", "Enter the child's case reference."),
        Problem.CASE_REFERENCE_NOT_PLAIN: translate(
            "Messages",
            "A case reference cannot start with =, +, - or @, or hold tabs or line breaks: "
            "spreadsheets opening the returns would run it as a formula. Type it as your "
            "case management system shows it.",
        ),
        Problem.MISSING_NAME: translate("Messages", "Enter the child's name."),
        Problem.DUPLICATE_CASE_REFERENCE: translate(
            "Messages",
            "A child with this case reference is already on this computer. Check the "
            "reference; if it is the same child, ask your coordinator to add the episode.",
        ),
        Problem.BORN_IN_FUTURE: translate("Messages", "The date of birth is in the future."),
        Problem.NOT_A_CHILD: translate(
            "Messages",
            "The child was 18 or older when the episode started; return interviews are "
            "for children under 18. Check the date of birth and the start date.",
        ),
        Problem.START_AFTER_RETURN: translate(
            "Messages",
            "The episode must start before the child returned. Check both dates and times.",
        ),
        Problem.START_BEFORE_BIRTH: translate(
            "Messages", "The episode cannot start before the date of birth."
        ),
        Problem.RETURN_IN_FUTURE: translate("Messages", "The return time is in the future."),
        Problem.AWAY_NOT_LOOKED_AFTER: translate(
            "Messages",
            "Away from placement applies only to a child who is looked after. Tick "
            "Looked after, or choose M if the child went missing from home.",
        ),
        Problem.OFFER_IN_FUTURE: translate("Messages", "The offer time is in the future."),
        Problem.OFFER_BEFORE_RETURN: translate(
            "Messages", "The offer cannot be before the child returned. Check the date and time."
        ),
        Problem.MISSING_OFFERED_BY: translate("Messages", "Enter who made the offer."),
        Problem.MISSING_REASON: translate(
            "Messages",
            "Give the reason: why it was declined, why there was no contact, or why it "
            "was not offered.",
        ),
        Problem.CANNOT_OFFER_NOW: translate(
            "Messages", "An offer can only be recorded before the interview starts."
        ),
        Problem.MISSING_LATE_REASON: translate(
            "Messages", "This is more than 72 hours after the child returned: record why."
        ),
        Problem.CHANGED_SINCE_CHECKED: translate(
            "Messages",
            "The interview changed while it was being signed off, so it has not been "
            "signed off. Check the answers and sign off again.",
        ),
    }
    return texts[problem]


def date_problem_text(problem: DateProblem, field: str) -> str:
    texts = {
        DateProblem.EMPTY: translate("Messages", "{0}: this is needed."),
        DateProblem.DATE_FORMAT: translate(
            "Messages", "{0}: type a date like 07/03/2011 or 7 Mar 2011."
        ),
        DateProblem.NO_SUCH_DATE: translate("Messages", "{0}: there is no such date."),
        DateProblem.YEAR_RANGE: translate(
            "Messages", "{0}: check the year: type one from {1} to {2}, in full like 2011."
        ),
        DateProblem.TIME_FORMAT: translate("Messages", "{0}: type a time like 14:30 or 2.30pm."),
        DateProblem.NO_SUCH_TIME: translate(
            "Messages", "{0}: there is no such time: check the hour and minutes."
        ),
        DateProblem.SKIPPED_TIME: translate(
            "Messages", "{0}: there is no such time (the clocks went forward then)."
        ),
        DateProblem.REPEATED_TIME: translate(
            "Messages",
            "{0}: that time happened twice, as the clocks went back. Add BST for the first "
            "time, or GMT for the second, e.g. 01:30 GMT.",
        ),
        DateProblem.WRONG_ZONE: translate(
            "Messages",
            "{0}: the UK was not on that time then. Leave out BST or GMT, or correct the date.",
        ),
        DateProblem.MIDNIGHT_WHICH: translate(
            "Messages",
            "{0}: midnight may be the start of that day or its end: type 00:00 for the "
            "start, or 23:59 for the end.",
        ),
        DateProblem.WRONG_WEEKDAY: translate(
            "Messages",
            "{0}: the day of the week is not that date's: check the date, or leave the day out.",
        ),
    }
    return texts[problem].format(field, YEARS[0], YEARS[-1])


def unreadable_interviews_text(count: int) -> str:
    """For reports that skipped interviews whose form version this computer lacks."""
    return by_count(
        count,
        translate(
            "Messages", "1 interview could not be read: its form version is not on this computer."
        ),
        translate(
            "Messages",
            "{0} interviews could not be read: their form version is not on this computer.",
        ),
    )


def error_text(exc: BaseException) -> str:
    """The sentence to show for `exc`; logs the ones that are bugs."""
    if isinstance(exc, CaseworkError):
        return problem_text(exc.problem)
    if isinstance(exc, ProfileLocked):
        return translate("Messages", "The app is locked; unlock it to read or change case data.")
    if isinstance(exc, SyncError):
        from ui.sync_errors import sync_error_text  # the sync layer loads when first needed

        worded = sync_error_text(exc)
    else:
        worded = core_error_text(exc)
    if worded is not None:
        return worded
    if isinstance(exc, ReportError | ConfigError):
        # Written for IT, in English: the command line's options and lookup files, and
        # policy problems (which can stop the app before its language is known).
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return file_error_text(exc)
    reference = uuid.uuid4().hex[:8]
    log.error(
        "unexpected %s (reference %s)",
        type(exc).__name__,
        reference,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return translate(
        "Messages",
        "Sorry, something went wrong (reference {0}). Your saved work is safe. If it "
        "happens again, tell IT the reference.",
    ).format(reference)


def file_error_text(exc: OSError) -> str:
    """A file or folder problem, naming the file as the person chose it.

    A failed rename (an export put in place over an earlier file) names its hidden
    temporary file first and the chosen file second; only the second means anything to
    them. Refused there is, on Windows, the earlier file still open in another program."""
    if exc.filename2 and isinstance(exc, PermissionError):
        return translate(
            "Messages",
            "The app could not replace {0}: it may be open in another program. Close it "
            "there and try again.",
        ).format(exc.filename2)
    named = exc.filename2 or exc.filename
    where = f" ({named})" if named else ""
    return translate(
        "Messages",
        "The app could not use a file or folder{0}: {1}. Check it exists and you "
        "can write to it, or ask IT.",
    ).format(where, exc.strerror)
