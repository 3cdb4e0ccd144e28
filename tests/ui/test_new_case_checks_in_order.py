"""The found child dialog names the first problem on screen first, top to bottom, and says
why a time cannot be: not on the clock at all, or skipped when the clocks went forward."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FakeClock
from tests.ui.driving import active_modal, type_text
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.messages import date_problem_text
from ui.new_case_dialog import NewCaseDialog
from ui.uk_dates import DateProblem, InvalidDateText, parse_london

CTRL = Qt.KeyboardModifier.ControlModifier


def _new_case(qtbot: QtBot, window: MainWindow) -> NewCaseDialog:
    QTest.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = active_modal(qtbot, NewCaseDialog)
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.case_reference)
    return dialog


def _save_expecting(dialog: NewCaseDialog, text: str, field: QWidget) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text() == text
    assert QApplication.focusWidget() is field


def _fill(field: QLineEdit, text: str) -> None:
    field.clear()
    QTest.keyClicks(field, text)


def _identify(dialog: NewCaseDialog, case_reference: str) -> None:
    QTest.keyClicks(dialog.case_reference, case_reference)
    type_text(dialog.name, "Nia Example")
    _fill(dialog.date_of_birth, "07/03/2011")


def test_saving_an_empty_found_child_asks_for_each_field_from_the_top(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    dialog = _new_case(qtbot, window)

    _save_expecting(dialog, "Enter the child's case reference.", dialog.case_reference)
    QTest.keyClicks(dialog.case_reference, "SCH-77")
    _save_expecting(dialog, "Enter the child's name.", dialog.name)
    type_text(dialog.name, "Nia Example")
    _save_expecting(dialog, "Date of birth: this is needed.", dialog.date_of_birth)
    dialog.reject()


def test_a_time_off_the_clock_and_a_time_the_clocks_skipped_are_told_apart(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    dialog = _new_case(qtbot, window)
    _identify(dialog, "SCH-78")
    _fill(dialog.start_date, "29/03/2025")
    _fill(dialog.start_time, "25:00")

    _save_expecting(
        dialog,
        "Start time: there is no such time: check the hour and minutes.",
        dialog.start_time,
    )
    _fill(dialog.start_time, "21:40")
    _fill(dialog.return_date, "30/03/2025")
    _fill(dialog.return_time, "01:30")  # the hour the clocks skip in spring
    _save_expecting(
        dialog,
        "Return time: there is no such time (the clocks went forward then).",
        dialog.return_time,
    )
    dialog.reject()


def test_each_kind_of_impossible_time_has_its_own_reason() -> None:
    reasons = {}
    for day, at in (("10/03/2025", "24:00"), ("10/03/2025", "12:60"), ("30/03/2025", "01:30")):
        try:
            parse_london(day, at)
        except InvalidDateText as refused:
            reasons[at] = refused.problem
    assert reasons == {
        "24:00": DateProblem.NO_SUCH_TIME,
        "12:60": DateProblem.NO_SUCH_TIME,
        "01:30": DateProblem.SKIPPED_TIME,
    }
    assert date_problem_text(DateProblem.NO_SUCH_TIME, "Offer time") == (
        "Offer time: there is no such time: check the hour and minutes."
    )


def test_away_from_placement_for_a_child_not_in_care_points_at_looked_after(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _controller, window = unlocked
    dialog = _new_case(qtbot, window)
    _identify(dialog, "SCH-79")
    dialog.episode_type.setFocus()
    QTest.keyClick(dialog.episode_type, Qt.Key.Key_Down)  # A: away from placement
    assert dialog.episode_type.currentIndex() == 1
    _fill(dialog.start_date, "09/03/2025")
    _fill(dialog.start_time, "21:40")
    _fill(dialog.return_date, "10/03/2025")
    _fill(dialog.return_time, "07:15")
    _save_expecting(
        dialog,
        "Away from placement applies only to a child who is looked after. Tick Looked "
        "after, or choose M if the child went missing from home.",
        dialog.looked_after,
    )
    QTest.keyClick(dialog.looked_after, Qt.Key.Key_Space)
    assert dialog.looked_after.isChecked()
    QTest.keyClick(dialog.looked_after, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_child_found_in_the_repeated_autumn_hour_is_recorded_with_the_hour_they_say(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    # Last seen at 01:45 BST, found half an hour later: 01:15 GMT, the second 01:15.
    controller, window = unlocked
    clock.now = datetime(2025, 10, 26, 9, 0, tzinfo=UTC)
    dialog = _new_case(qtbot, window)
    _identify(dialog, "SCH-80")
    _fill(dialog.start_date, "26/10/2025")
    _fill(dialog.start_time, "01:45")
    _fill(dialog.return_date, "26/10/2025")
    _fill(dialog.return_time, "01:15 GMT")
    _save_expecting(
        dialog,
        "Start time: that time happened twice, as the clocks went back. Add BST for the "
        "first time, or GMT for the second, e.g. 01:30 GMT.",
        dialog.start_time,
    )
    _fill(dialog.start_time, "01:45 BST")

    QTest.keyClick(dialog.start_time, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.problem.isVisible())
    assert not dialog.isVisible(), dialog.problem.text()
    store = controller.holder.store
    child = store.children.by_case_reference("SCH-80")
    assert child is not None
    [episode] = store.episodes.for_child(child.id)
    assert (episode.start, episode.end) == (
        datetime(2025, 10, 26, 0, 45, tzinfo=UTC),
        datetime(2025, 10, 26, 1, 15, tzinfo=UTC),  # 30 minutes missing, not -30
    )


def test_in_large_text_the_dialog_fits_a_laptop_at_150_percent(
    qtbot: QtBot,
    unlocked: tuple[AppController, MainWindow],
    system_font: Callable[[float], None],
) -> None:
    """The episode type's drop-down took the width of its longest choice: at 16 points
    the dialog could not be narrower than 995 px, past a 910 px screen. Its fields now
    scroll where the screen is too small for them."""
    system_font(16)
    _controller, window = unlocked
    dialog = _new_case(qtbot, window)

    assert dialog.minimumSizeHint().width() <= 910
    dialog.reject()


def test_in_normal_text_the_episode_type_is_shown_whole(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """Shortened so that the dialog could fit a small screen, the drop-down cut 'A: away
    from placement without authorisation, whereabouts known' at every size."""
    _controller, window = unlocked
    dialog = _new_case(qtbot, window)
    combo = dialog.episode_type

    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        text = combo.currentText()
        assert combo.width() > combo.fontMetrics().horizontalAdvance(text), text
    dialog.reject()
