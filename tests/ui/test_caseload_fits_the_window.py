"""The caseload shows every column whole, with no sideways scrolling, in a window of the
main window's default size (1280x720) and on a 1366x768 laptop, in the default font: the
child's name gives way first, and the sidebar's long view names wrap rather than being cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.driving import screenshot
from ui.caseload_model import Column
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.main_window import CELL_PADDING, MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_every_caseload_column_is_whole_without_scrolling_sideways(
    qtbot: QtBot,
    unlocked: tuple[AppController, MainWindow],
    size: tuple[int, int],
    artifacts_dir: Path,
) -> None:
    _, window = unlocked
    window.resize(*size)
    QTest.keyClick(window.table, Qt.Key.Key_7, CTRL)  # all interviews: a scroll bar's worth
    assert window.current_view is CaseloadView.ALL
    table, header = window.table, window.table.horizontalHeader()
    qtbot.waitUntil(table.verticalScrollBar().isVisible)  # the tightest: it takes width too
    QApplication.processEvents()

    assert table.horizontalScrollBar().maximum() == 0
    shown = sum(table.columnWidth(column) for column in Column)
    assert shown <= table.viewport().width()
    regular = table.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    for column, texts in window.caseload.longest_texts().items():
        for text, in_bold in texts:
            need = (bold if in_bold else regular).horizontalAdvance(text) + CELL_PADDING
            assert table.columnWidth(column) >= need, (column.name, text)
    for column in Column:
        assert table.columnWidth(column) >= header.sectionSizeHint(column), column.name

    sidebar = window.sidebar
    for row in range(window.views_model.rowCount()):
        index = window.views_model.index(row)
        rect = sidebar.visualRect(index)
        assert rect.right() <= sidebar.viewport().width()
        text = str(index.data())
        room = rect.width() - sidebar.iconSize().width() - 3 * CELL_PADDING
        lines = sidebar.fontMetrics().boundingRect(
            0, 0, room, 1000, int(Qt.TextFlag.TextWordWrap), text
        )
        assert lines.height() <= rect.height(), text  # wrapped, never cut with "…"

    screenshot(window, f"caseload-all-{size[0]}x{size[1]}", artifacts_dir)


def test_a_toolbar_too_wide_for_the_window_shows_its_button_for_the_rest(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow]
) -> None:
    """On a laptop at 150% (910 px), Lock and the actions after it go past the toolbar's
    edge: the button that lists them must be drawn, not a blank square."""
    _, window = unlocked
    window.resize(910, 512)
    QApplication.processEvents()
    (more,) = [
        button
        for button in window.toolbar.findChildren(QToolButton)
        if button.objectName() == "qt_toolbar_ext_button"
    ]
    assert more.isVisible()
    image = more.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 2  # an arrow drawn on its background


def test_the_columns_come_in_one_order_on_screen_to_screen_readers_and_to_sorting(
    unlocked: tuple[AppController, MainWindow],
) -> None:
    """Moved on screen only, the columns were read out, and offered in the Sort by menu,
    in another order than the one shown."""
    _, window = unlocked
    model, header = window.table.model(), window.table.horizontalHeader()
    logical = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    shown = [logical[header.logicalIndex(place)] for place in range(header.count())]

    assert shown == logical
    assert logical[:4] == ["Case reference", "Status", "72-hour deadline", "Time left"]
