"""The note under the caseload says how much of the view is shown, in words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.controller import AppController
from ui.main_window import MainWindow


def test_the_note_counts_what_the_search_leaves_and_says_when_nothing_matches(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    _, window = unlocked
    total = window.caseload.rowCount()
    assert total > 1
    assert window.empty_note.text() == f"{total} of {total} interviews shown."

    qtbot.keyClicks(window.search, "no case has this reference")

    assert window.empty_note.text() == "Nothing matches the search."
