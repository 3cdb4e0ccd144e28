"""The late sign-off dialog says how long ago the child returned the way a person would:
hours under two days, else days, one or many; and it is wide enough to read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.sign_off_dialogs import LateReasonDialog

NOW = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)


def _explanation(dialog: LateReasonDialog) -> QLabel:
    (label,) = (
        label for label in dialog.findChildren(QLabel) if "The child returned" in label.text()
    )
    return label


@pytest.mark.parametrize(
    ("hours_ago", "said"),
    [
        (1, "The child returned on Mon 10 Mar 2025, 08:30 GMT, 1 hour ago."),
        (47, "The child returned on Sat 08 Mar 2025, 10:30 GMT, 47 hours ago."),
        (80, "The child returned on Fri 07 Mar 2025, 01:30 GMT, 3 days ago."),
        (6812, "The child returned on Thu 30 May 2024, 14:30 BST, 283 days ago."),
    ],
)
def test_how_long_ago_the_child_returned_reads_naturally(
    qtbot: QtBot, hours_ago: int, said: str
) -> None:
    dialog = LateReasonDialog(lambda _: None, NOW - timedelta(hours=hours_ago), NOW)
    qtbot.addWidget(dialog)

    assert _explanation(dialog).text().startswith(said + " Interviews should be completed")


def test_the_late_reason_dialog_is_wide_enough_to_read_its_explanation(qtbot: QtBot) -> None:
    dialog = LateReasonDialog(lambda _: None, NOW - timedelta(hours=6812), NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    label = _explanation(dialog)
    lines = label.height() // label.fontMetrics().lineSpacing()
    assert lines <= 4  # a paragraph, not a column of a few words a line
