"""Dates and times typed the way people in the UK write them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FormSession, load_form
from tests.ui.driving import away_and_back
from tests.ui.forms.conftest import fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import InterviewFormEditor
from ui.forms.renderer import FormRenderer
from ui.uk_formats import (
    InputProblem,
    UkInputError,
    format_uk_date,
    format_uk_datetime,
    parse_uk_date,
    parse_uk_datetime,
    parse_uk_time,
)


@pytest.mark.parametrize(
    "typed",
    [
        "27/11/2026",
        "27/11/26",
        "27-11-2026",
        "27.11.2026",
        "27 11 2026",
        "27 Nov 2026",
        "27 nov 26",
        "27th November 2026",
        "27 Nov. 2026",
        "2026-11-27",
        " 27/11/2026 ",
        "27\u00a011\u00a02026",  # no-break spaces, as word processors and web pages paste
        "27\u202f11\u202f2026",  # narrow no-break spaces
        "\u200b27/11/2026\ufeff",  # invisible marks around it
        "27-Nov-2026",
        "Fri 27 Nov 2026",  # with the day of the week, as this app shows dates
        "Friday, 27 November 2026",
        "fri 27/11/26",
        "dydd Gwener 27 Tachwedd 2026",
    ],
)
def test_uk_dates_are_read_day_first(typed: str) -> None:
    assert parse_uk_date(typed) == date(2026, 11, 27)


def test_a_day_and_month_that_could_swap_are_read_day_first() -> None:
    assert parse_uk_date("04/12/2026") == date(2026, 12, 4)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("31/02/2026", InputProblem.NO_SUCH_DATE),
        ("12/13/2026", InputProblem.NO_SUCH_DATE),
        ("27/11/0026", InputProblem.YEAR_RANGE),  # a slip for 2026: not taken as year 26
        ("27 Nov 0226", InputProblem.YEAR_RANGE),
        ("1899-12-31", InputProblem.YEAR_RANGE),
        ("1/1/2101", InputProblem.YEAR_RANGE),
        ("27 Novembre 2026", InputProblem.DATE_FORMAT),
        ("27/11", InputProblem.DATE_FORMAT),
        ("yesterday", InputProblem.DATE_FORMAT),
        ("Thu 27/11/2026", InputProblem.WRONG_WEEKDAY),  # the 27th is a Friday
        ("dydd Iau 27 Tachwedd 2026", InputProblem.WRONG_WEEKDAY),
        ("Someday 27/11/2026", InputProblem.DATE_FORMAT),
    ],
)
def test_dates_that_cannot_be_read_say_why(typed: str, problem: InputProblem) -> None:
    with pytest.raises(UkInputError) as caught:
        parse_uk_date(typed)
    assert caught.value.problem is problem
    assert typed.strip() not in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", time(14, 30)),
        ("14.30", time(14, 30)),
        ("1430", time(14, 30)),
        ("9:05", time(9, 5)),
        ("2.30pm", time(14, 30)),
        ("2:30 p.m.", time(14, 30)),
        ("2pm", time(14, 0)),
        ("12am", time(0, 0)),
        ("12.15pm", time(12, 15)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("12 noon", time(12, 0)),
        ("12 midnight", time(0, 0)),
        ("2130hrs", time(21, 30)),  # as police logs write it
        ("0930 hrs", time(9, 30)),
        ("09:30 hrs.", time(9, 30)),
        ("2.30\u00a0pm", time(14, 30)),  # a no-break space before pm
        ("14:30:00", time(14, 30)),  # with seconds, as a system's log gives it
    ],
)
def test_uk_times_are_read_in_either_clock(typed: str, expected: time) -> None:
    assert parse_uk_time(typed) == expected


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("25:00", InputProblem.NO_SUCH_TIME),
        ("13pm", InputProblem.NO_SUCH_TIME),
        ("half two", InputProblem.TIME_FORMAT),
        ("2530hrs", InputProblem.NO_SUCH_TIME),
        ("hrs", InputProblem.TIME_FORMAT),
        ("2pm hrs", InputProblem.TIME_FORMAT),
        ("11 noon", InputProblem.TIME_FORMAT),
    ],
)
def test_times_that_cannot_be_read_say_why(typed: str, problem: InputProblem) -> None:
    with pytest.raises(UkInputError) as caught:
        parse_uk_time(typed)
    assert caught.value.problem is problem


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("27/11/2026 14:30", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),  # GMT
        ("27 Nov 2026 at 2.30pm", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
        ("27/11/26, 2pm", datetime(2026, 11, 27, 14, 0, tzinfo=UTC)),
        ("1/7/2026 14:30", datetime(2026, 7, 1, 13, 30, tzinfo=UTC)),  # BST
        ("25/10/2026 01:30 BST", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # first of two
        ("25/10/2026 01:30 GMT", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),  # second
        ("25 Oct 2026 at 1.30am gmt", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
        ("27/11/2026 12 noon", datetime(2026, 11, 27, 12, 0, tzinfo=UTC)),
        ("26/11/12 noon", datetime(2012, 11, 26, 12, 0, tzinfo=UTC)),  # 12: the year
        # In Welsh: a Welsh example in the app's words must be one the form reads.
        ("27 Tachwedd 2026 2.30yh", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
        ("27 Tach 2026 9yb", datetime(2026, 11, 27, 9, 0, tzinfo=UTC)),
        ("1 Mehefin 2026 canol dydd", datetime(2026, 6, 1, 11, 0, tzinfo=UTC)),
        ("27 o Dachwedd 2026 am 2yp", datetime(2026, 11, 27, 14, 0, tzinfo=UTC)),
        ("1 o Fai 2026 hanner dydd", datetime(2026, 5, 1, 11, 0, tzinfo=UTC)),
        ("27/11/2026 - 10:15", datetime(2026, 11, 27, 10, 15, tzinfo=UTC)),
        ("27/11/2026 @ 2130hrs", datetime(2026, 11, 27, 21, 30, tzinfo=UTC)),
        ("27/11/2026@10:15", datetime(2026, 11, 27, 10, 15, tzinfo=UTC)),
        ("27/11/2026 00:00", datetime(2026, 11, 27, 0, 0, tzinfo=UTC)),  # the start, plainly
        # ISO with its offset, as a system's log gives it: an instant already.
        ("2025-10-26T01:30+00:00", datetime(2025, 10, 26, 1, 30, tzinfo=UTC)),
        ("2025-10-26 01:30Z", datetime(2025, 10, 26, 1, 30, tzinfo=UTC)),
        ("2026-11-27T14:30+0100", datetime(2026, 11, 27, 13, 30, tzinfo=UTC)),
        ("27/11/2026 0000hrs", datetime(2026, 11, 27, 0, 0, tzinfo=UTC)),
        # As this app shows them (`format_london`), copied from its own heading.
        ("Fri 27 Nov 2026, 14:30 GMT", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
        ("Wed 01 Jul 2026, 14:30 BST", datetime(2026, 7, 1, 13, 30, tzinfo=UTC)),
        ("Friday 27 November 2026 at 2.30pm", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
        ("27-Nov-2026 14:30:00", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
    ],
)
def test_date_times_are_london_wall_clock(typed: str, expected: datetime) -> None:
    assert parse_uk_datetime(typed) == expected
    assert parse_uk_datetime(format_uk_datetime(expected)) == expected  # shown, read back


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("25/10/2026 01:30", InputProblem.REPEATED_TIME),  # happened twice: which?
        ("1/7/2026 14:30 GMT", InputProblem.WRONG_ZONE),  # summer is BST
        ("27/11/2026 14:30 BST", InputProblem.WRONG_ZONE),  # winter is GMT
    ],
)
def test_a_time_in_the_repeated_hour_says_which_and_a_zone_must_fit(
    typed: str, problem: InputProblem
) -> None:
    with pytest.raises(UkInputError) as caught:
        parse_uk_datetime(typed)
    assert caught.value.problem is problem


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        # '12 noon' is one time: its 12 was read as a year, and these became 2012.
        ("26/11, 12 noon", InputProblem.DATETIME_FORMAT),
        ("7 Nov 12 noon", InputProblem.DATETIME_FORMAT),
        ("7th November, 12 midday", InputProblem.DATETIME_FORMAT),
        ("7.11 - 12 noon", InputProblem.DATETIME_FORMAT),
        # Midnight with a date may be that day's start or its end: a day apart.
        ("27/11/2026 midnight", InputProblem.MIDNIGHT_WHICH),
        ("27 Nov 2026 at 12 midnight", InputProblem.MIDNIGHT_WHICH),
        ("27/11/2026 12midnight", InputProblem.MIDNIGHT_WHICH),
        ("27 Tachwedd 2026 hanner nos", InputProblem.MIDNIGHT_WHICH),
        ("27/11/2026 12am", InputProblem.MIDNIGHT_WHICH),  # as notes write midnight
        ("27/11/2026 12.00 a.m.", InputProblem.MIDNIGHT_WHICH),
        ("27/11/2026 12yb", InputProblem.MIDNIGHT_WHICH),
        ("2026-13-27T14:30Z", InputProblem.NO_SUCH_DATE),
        ("2026-11-27T25:30Z", InputProblem.NO_SUCH_TIME),
        ("2101-01-01T00:00Z", InputProblem.YEAR_RANGE),
        ("Thu 27 Nov 2026, 14:30 GMT", InputProblem.WRONG_WEEKDAY),  # the 27th: a Friday
    ],
)
def test_a_date_time_that_could_be_read_two_ways_is_refused(
    typed: str, problem: InputProblem
) -> None:
    with pytest.raises(UkInputError) as caught:
        parse_uk_datetime(typed)
    assert caught.value.problem is problem


@pytest.mark.parametrize(
    ("parse", "problem"),
    [
        (parse_uk_date, InputProblem.DATE_FORMAT),
        (parse_uk_time, InputProblem.TIME_FORMAT),
        (parse_uk_datetime, InputProblem.DATETIME_FORMAT),
    ],
)
def test_long_text_is_no_date_or_time_and_runs_of_spaces_are_one(
    parse: Callable[[str], object], problem: InputProblem
) -> None:
    # A long paste was searched for a date in every way of splitting it, and runs of
    # spaces made the search take seconds per keystroke.
    for typed in ("1" + " " * 600 + "1" + " " * 600 + "x", "27 " * 40, "word " * 8000):
        with pytest.raises(UkInputError) as caught:
            parse(typed)
        assert caught.value.problem is problem
    assert parse_uk_date("27  /  11 /   2026") == date(2026, 11, 27)
    assert parse_uk_datetime("27/11/2026     14:30") == datetime(2026, 11, 27, 14, 30, tzinfo=UTC)


def test_a_time_the_spring_clock_change_skips_is_refused() -> None:
    with pytest.raises(UkInputError) as caught:
        parse_uk_datetime("29/03/2026 01:30")
    assert caught.value.problem is InputProblem.SKIPPED_TIME


def test_instants_are_shown_in_london_time() -> None:
    assert format_uk_datetime(datetime(2026, 7, 1, 13, 30, tzinfo=UTC)) == "01/07/2026 14:30"


def test_a_year_is_always_shown_in_full() -> None:
    """An early year stored before years were checked reads as itself, not as this one."""
    assert format_uk_date(date(26, 11, 27)) == "27/11/0026"
    assert format_uk_datetime(datetime(226, 7, 1, 13, 30, tzinfo=UTC)).startswith("01/07/0226")


def test_a_typed_date_is_rewritten_as_understood_and_a_bad_one_explained(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    offered = renderer.field_view("offer_made_at")
    keyboard.fill(offered.controls()[0], "26 Nov 26 9.30am")
    assert offered.message == ""  # nothing said while typing
    keyboard.tab_out()
    assert offered.controls()[0].property("text") == "26/11/2026 09:30"
    assert renderer.session.answer("offer_made_at") == datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    assert offered.message == ""

    keyboard.tab_to(offered.controls()[0])
    keyboard.press_select_all()
    keyboard.type("30/02/2026 10:00")
    keyboard.tab_out()
    assert offered.message == "There is no such date: check the day and month."
    assert renderer.session.answer("offer_made_at") is None
    assert "There is no such date" in offered.controls()[0].accessibleDescription()

    keyboard.tab_to(offered.controls()[0])
    keyboard.press_select_all()
    keyboard.type("26/11/2026 10:00")
    assert offered.message == ""  # cleared as soon as it is right


@pytest.mark.parametrize("typed", ["2026-10-25T01:30", "2026-10-25 01:30"])
def test_an_iso_time_in_the_repeated_hour_is_asked_about_not_taken_as_the_first(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, typed: str
) -> None:
    """The session reads ISO text too, more loosely: it took these as BST unasked, and
    a police log's 01:30 GMT became an hour earlier, moving the 72-hour deadline."""
    renderer = open_editor().renderer
    offered = renderer.field_view("offer_made_at")
    keyboard.fill(offered.controls()[0], typed)
    keyboard.tab_out()
    assert renderer.session.answer("offer_made_at") is None
    assert offered.message.startswith("That time happened twice, as the clocks went back.")
    assert offered.controls()[0].property("text") == typed  # kept as typed, to correct

    keyboard.tab_to(offered.controls()[0])
    keyboard.press(Qt.Key.Key_End)
    keyboard.type(" GMT")
    keyboard.tab_out()
    assert renderer.session.answer("offer_made_at") == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert offered.controls()[0].property("text") == "25/10/2026 01:30 GMT"


@pytest.mark.parametrize("typed", ["1/1/1899 10:00", "1/1/2101 10:00", "27/11/0026 10:00"])
def test_a_year_out_of_range_is_told_the_range(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, typed: str
) -> None:
    """'Write it in full' fitted a slip like 0026, not a year already written in full;
    and a date-time said only that it wanted a date and a time."""
    renderer = open_editor().renderer
    offered = renderer.field_view("offer_made_at")
    keyboard.fill(offered.controls()[0], typed)
    keyboard.tab_out()
    assert (
        offered.message == "Check the year: enter one from 1900 to 2100, written in full like 2026."
    )


def test_a_screen_reader_is_told_the_shape_to_type_beside_a_hint(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    """The placeholder (dd/mm/yyyy hh:mm) is read out only while there is no description,
    so a question with a hint never said what shape of answer it wanted."""
    renderer = _shown(qtbot, [
        {"id": "found_at", "type": "datetime", "label": "Found at",
         "hint": "As on the police log."},
        {"id": "seen_on", "type": "date", "label": "Last seen"},
        {"id": "seen_at", "type": "time", "label": "Seen at"},
    ])  # fmt: skip
    found = renderer.field_view("found_at").controls()[0]
    shape = "Type a date and a time, like 27/11/2026 14:30."
    assert found.accessibleDescription() == f"As on the police log. {shape}"
    assert renderer.field_view("seen_on").controls()[0].accessibleDescription() == (
        "Type a date, like 27/11/2026."
    )
    assert renderer.field_view("seen_at").controls()[0].accessibleDescription() == (
        "Type a time, like 14:30."
    )
    keyboard.fill(found, "27/11/2026")
    keyboard.tab_out()
    message = renderer.field_view("found_at").message
    assert message.startswith("Enter a date and a time")  # says the shape itself, once
    assert found.accessibleDescription() == f"As on the police log. {message}"


def test_looking_at_another_window_mid_answer_is_not_moving_on(
    open_editor: Callable[..., InterviewFormEditor], keyboard: Keyboard, qtbot: QtBot
) -> None:
    """Away to copy the year from the notes: '26/11/20' was taken as 2020 and rewritten,
    so typing the rest on coming back gave 26/11/202026."""
    editor = open_editor()
    renderer = editor.renderer
    offered = renderer.field_view("offer_made_at")
    keyboard.fill(offered.controls()[0], "26/11/20")
    away_and_back(qtbot, editor)
    assert offered.controls()[0].property("text") == "26/11/20"
    assert offered.message == ""  # not told off for an answer not yet finished
    keyboard.type("26 9.30am")
    keyboard.tab_out()
    assert offered.controls()[0].property("text") == "26/11/2026 09:30"
    assert renderer.session.answer("offer_made_at") == datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    # Finished before going away: rewritten as understood when they move on after all.
    keyboard.tab_to(offered.controls()[0])
    keyboard.press_select_all()
    keyboard.type("26/11/26 10am")
    away_and_back(qtbot, editor)
    assert offered.controls()[0].property("text") == "26/11/26 10am"
    keyboard.tab_out()
    assert offered.controls()[0].property("text") == "26/11/2026 10:00"

    # So with long text: typed, rubbed out, away and back is not leaving it empty.
    outcome = renderer.field_view("offer_outcome").controls()[0]
    assert isinstance(outcome, QComboBox)
    keyboard.choose(outcome, "Accepted")
    keyboard.pick_radio(renderer.field_view("child_consulted").controls(), 1)  # no
    reason = renderer.field_view("not_consulted_reason")
    keyboard.fill(reason.controls()[0], "x")
    keyboard.press(Qt.Key.Key_Backspace)
    away_and_back(qtbot, editor)
    assert reason.message == ""
    keyboard.tab_out()
    assert reason.message != ""  # needs an answer, once they move on


def test_looking_at_another_window_from_a_number_or_a_place_is_not_moving_on(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    renderer = _shown(qtbot, [
        {"id": "nights", "type": "integer", "label": "Nights away"},
        {"id": "where", "type": "location", "label": "Where"},
    ])  # fmt: skip
    nights = renderer.field_view("nights")
    keyboard.fill(nights.controls()[0], "2x")
    away_and_back(qtbot, renderer)
    assert nights.message == ""
    keyboard.tab_out()
    assert nights.message == "Enter a whole number."
    where = renderer.field_view("where")
    keyboard.fill(where.controls()[1], "NOT A CODE")  # the postcode
    away_and_back(qtbot, renderer)
    assert where.message == ""
    keyboard.tab_out()
    assert where.message.startswith("That is not a UK postcode")


def test_a_place_left_through_its_other_line_is_finished_and_its_problem_told(
    qtbot: QtBot, keyboard: Keyboard
) -> None:
    """The postcode typed, the description mended, then on past the postcode without
    typing in it again: the place was never finished, its problem never shown, and its
    section's badge left behind."""
    renderer = _shown(qtbot, [
        {"id": "place", "type": "location", "label": "Where"},
        {"id": "other", "type": "text", "label": "Other"},
    ])  # fmt: skip
    view = renderer.field_view("place")
    description, postcode = view.controls()
    keyboard.fill(description, "The park")
    keyboard.tab_out()
    keyboard.type("ZZ9")  # not a postcode
    keyboard.press(Qt.Key.Key_Backtab)
    keyboard.type(" gates")
    keyboard.tab_out()
    assert keyboard.focus() is postcode and view.message == ""  # still on the place
    keyboard.tab_out()

    assert view.message.startswith("That is not a UK postcode")
    assert renderer.navigator.badge("main") == "\u26a0 1 problem"


def _shown(qtbot: QtBot, questions: list[dict[str, object]]) -> FormRenderer:
    """A one-section form of `questions`, shown in a window that has the keyboard."""
    form = load_form({
        "form_id": "small", "version": 1, "title": "Small",
        "sections": [{"id": "main", "title": "Main", "questions": questions}],
    })  # fmt: skip
    renderer = FormRenderer(FormSession(form, clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    return renderer
