"""A tick box's or radio button's text wraps in a narrow page, with larger text, rather
than keep to one line and make the page scroll sideways; wrapped, it is drawn whole and
ticked by a click anywhere on it. A scale's points go across where they fit, else down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FormSession, load_form
from tests.ui.forms.conftest import age_form, fixed_clock
from ui.forms.renderer import FormRenderer

FOCUS_RING = QColor("#2f5d7c")
"""The app's stylesheet draws a focused tick box's border in this colour."""
LONG = "Taken to another town by someone they met online, then left at a station " * 2


def _renderer(qtbot: QtBot, width: int) -> FormRenderer:
    definition = age_form()
    definition["choice_lists"] = {
        "ways": [
            {"value": "far", "label": LONG},
            {"value": "near", "label": "Stayed nearby"},
        ]
    }
    definition["sections"][0]["questions"] = [
        {"id": "how", "type": "multiple_choice", "label": "How?", "choices": "ways"},
        {"id": "feel", "type": "scale", "label": "How do they feel?",
         "scale": {"min": 1, "max": 3, "labels": {"1": LONG, "3": "Very happy"}}},
    ]  # fmt: skip
    renderer = FormRenderer(FormSession(load_form(definition), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.resize(width, 700)
    renderer.show()
    qtbot.waitExposed(renderer)
    QApplication.processEvents()
    return renderer


def _ink_rows(widget: QWidget) -> list[int]:
    """The rows of the widget's picture that hold text or indicator: pixels unlike the
    background in its top-right corner."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = image.pixel(image.width() - 1, 0)
    return [
        y
        for y in range(image.height())
        if any(image.pixel(x, y) != background for x in range(image.width()))
    ]


def test_long_options_wrap_rather_than_widen_the_page(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    system_font(16.0)
    renderer = _renderer(qtbot, 500)
    content = renderer.page(renderer.current_section).widget()
    assert content is not None
    assert content.minimumSizeHint().width() <= 400
    page = renderer.page(renderer.current_section)
    assert page.horizontalScrollBar().maximum() == 0
    long_ones = [
        renderer.field_view("how").controls()[0],
        renderer.field_view("feel").controls()[0],
    ]
    for control in long_ones:
        one_line = control.sizeHint().height()
        assert control.width() < control.sizeHint().width()  # wrapped...
        assert control.height() >= control.heightForWidth(control.width()) > 2 * one_line
        inked = _ink_rows(control)  # ...and drawn whole, down to its last line
        assert inked[-1] > control.height() - one_line, control.accessibleName()


def test_a_scale_goes_across_where_it_fits_and_down_where_it_does_not(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    system_font(10.0)
    wide = _renderer(qtbot, 3000)
    tops = {button.y() for button in wide.field_view("feel").controls()}
    assert len(tops) == 1
    narrow = _renderer(qtbot, 600)
    buttons = narrow.field_view("feel").controls()
    assert [b.y() for b in buttons] == sorted({b.y() for b in buttons})  # one above another
    assert len({b.x() for b in buttons}) == 1


def test_a_wrapped_tick_box_is_ticked_by_a_click_on_its_last_line(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    system_font(16.0)
    renderer = _renderer(qtbot, 500)
    box = renderer.field_view("how").controls()[0]
    assert box.width() < box.sizeHint().width()
    last_line = QPoint(box.width() // 2, box.height() - box.fontMetrics().height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=last_line)
    assert renderer.session.answer("how") == ("far",)
    assert box.hasFocus()
    assert _pixels_of(box, FOCUS_RING) > box.height()  # the stylesheet's focus border, drawn


def _pixels_of(widget: QWidget, colour: QColor) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        image.pixel(x, y) == colour.rgb()
        for y in range(image.height())
        for x in range(image.width())
    )


def test_the_arrow_keys_go_through_a_scale_in_order_however_it_is_laid_out(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    """Qt moves by where buttons sit: down one column, Right did nothing at all."""
    system_font(10.0)
    renderer = _renderer(qtbot, 600)
    buttons = renderer.field_view("feel").controls()
    assert len({b.x() for b in buttons}) == 1  # one above another
    buttons[0].setFocus()
    chosen = []
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):
        qtbot.keyClick(QApplication.focusWidget(), key)
        chosen.append(renderer.session.answer("feel"))
    assert chosen == [2, 3, 3, 2]  # no further than the last point
    assert QApplication.focusWidget() is buttons[1]
