"""Date, time and date-time inputs that take what people type in the UK.

The input reads its text with `uk_formats` on every keystroke: a reading becomes the
answer, anything else goes to the session as typed (so it counts as unanswerable input,
blocks sign-off and is saved as typed, to correct) and `problem()` says, in the
interviewer's terms, what shape of answer is wanted. When the person moves on, a reading
is rewritten in the one canonical form (27 Nov 26 -> 27/11/2026), so they see what was
understood.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from rhi_desktop.forms import QuestionType
from rhi_desktop.forms.expressions.temporal import YEARS
from ui.forms.widgets.base import AnswerInput, finish_on_leaving, handler, shown_text
from ui.uk_formats import (
    InputProblem,
    UkInputError,
    format_uk_date,
    format_uk_datetime,
    format_uk_time,
    parse_uk_date,
    parse_uk_datetime,
    parse_uk_time,
)


def problem_text(problem: InputProblem) -> str:
    texts = {
        InputProblem.DATE_FORMAT: QCoreApplication.translate(
            "UkInput", "Enter a date like 27/11/2026 or 27 Nov 2026."
        ),
        InputProblem.NO_SUCH_DATE: QCoreApplication.translate(
            "UkInput", "There is no such date: check the day and month."
        ),
        InputProblem.TIME_FORMAT: QCoreApplication.translate(
            "UkInput", "Enter a time like 14:30 or 2.30pm."
        ),
        InputProblem.NO_SUCH_TIME: QCoreApplication.translate(
            "UkInput", "There is no such time: check the hour and minutes."
        ),
        InputProblem.DATETIME_FORMAT: QCoreApplication.translate(
            "UkInput", "Enter a date and a time, like 27/11/2026 14:30 or 27 Nov 2026 2.30pm."
        ),
        InputProblem.SKIPPED_TIME: QCoreApplication.translate(
            "UkInput", "That time did not happen in the UK: the clocks went forward an hour."
        ),
        InputProblem.REPEATED_TIME: QCoreApplication.translate(
            "UkInput",
            "That time happened twice, as the clocks went back. Add BST for the first time, "
            "or GMT for the second, like 26/10/2025 01:30 GMT.",
        ),
        InputProblem.YEAR_RANGE: QCoreApplication.translate(
            "UkInput", "Check the year: enter one from {0} to {1}, written in full like 2026."
        ).format(YEARS[0], YEARS[-1]),
        InputProblem.WRONG_ZONE: QCoreApplication.translate(
            "UkInput", "The UK was not on that time then. Leave out BST or GMT."
        ),
        InputProblem.MIDNIGHT_WHICH: QCoreApplication.translate(
            "UkInput",
            "Midnight may be the start of that day or its end: enter 00:00 for the start, "
            "or 23:59 for the end.",
        ),
        InputProblem.WRONG_WEEKDAY: QCoreApplication.translate(
            "UkInput",
            "The day of the week is not that date's: check the date, or leave the day out.",
        ),
    }
    return texts[problem]


def typed_problem(kind: QuestionType, typed: object) -> str | None:
    """Why `typed`, kept as typed for a date or time question, is no answer, as its
    input words it (None where the input has no words of its own for it)."""
    parse = _PARSERS.get(kind)
    if parse is None or not isinstance(typed, str) or not typed.strip():
        return None
    try:
        parse(typed)
    except UkInputError as error:
        return problem_text(error.problem)
    return None


class _UkLineInput(AnswerInput):
    def __init__(
        self,
        parse: Callable[[str], object],
        show: Callable[[object], str],
        placeholder: str,
        spoken_format: str,
        parent: QWidget | None = None,
    ) -> None:
        self.edit = QLineEdit(parent)
        super().__init__(self.edit)
        self._parse = parse
        self._show = show
        self._spoken_format = spoken_format
        self._problem: InputProblem | None = None
        self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(handler(self, _UkLineInput._edited))
        self.edit.editingFinished.connect(handler(self, _UkLineInput._finished))

    def _read(self, text: str) -> object:
        self._problem = None
        if not text.strip():
            return None
        try:
            return self._parse(text)
        except UkInputError as error:
            self._problem = error.problem
            return text

    def _edited(self, text: str) -> None:
        self._on_edit(self._read(text))

    def _finished(self) -> None:
        if finish_on_leaving(self.edit, handler(self, _UkLineInput._finished)):
            return  # '27/11/20' is not rewritten as 2020 while the rest is looked up
        value = self._read(self.edit.text())
        if value is not None and self._problem is None:
            self.edit.setText(self._show(value))
        self._on_done()

    def show_value(self, value: object) -> None:
        if isinstance(value, date | time):
            self._problem = None
            self.edit.setText(self._show(value))
        else:
            text = shown_text(value)
            self.edit.setText(text)
            self._read(text)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def problem(self) -> str | None:
        return None if self._problem is None else problem_text(self._problem)

    def spoken_format(self) -> str:
        return self._spoken_format

    def maskable_lines(self) -> list[QLineEdit]:
        return [self.edit]


def _date_text(value: object) -> str:
    assert isinstance(value, date)
    return format_uk_date(value)


def _time_text(value: object) -> str:
    assert isinstance(value, time)
    return format_uk_time(value)


def _datetime_text(value: object) -> str:
    assert isinstance(value, datetime)
    return format_uk_datetime(value)


class UkDateInput(_UkLineInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parse_uk_date,
            _date_text,
            QCoreApplication.translate("UkInput", "dd/mm/yyyy"),
            QCoreApplication.translate("UkInput", "Type a date, like 27/11/2026."),
            parent,
        )


class UkTimeInput(_UkLineInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parse_uk_time,
            _time_text,
            QCoreApplication.translate("UkInput", "hh:mm"),
            QCoreApplication.translate("UkInput", "Type a time, like 14:30."),
            parent,
        )


class UkDateTimeInput(_UkLineInput):
    """A London wall-clock date and time; the answer is the UTC instant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parse_uk_datetime,
            _datetime_text,
            QCoreApplication.translate("UkInput", "dd/mm/yyyy hh:mm"),
            QCoreApplication.translate("UkInput", "Type a date and a time, like 27/11/2026 14:30."),
            parent,
        )


_PARSERS: dict[QuestionType, Callable[[str], object]] = {
    QuestionType.DATE: parse_uk_date,
    QuestionType.TIME: parse_uk_time,
    QuestionType.DATETIME: parse_uk_datetime,
}
