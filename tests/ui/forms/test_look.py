"""What the app's look does for the person reading it: text follows a larger system font,
the keyboard focus can be seen on every kind of control, and text stands out from its
background as WCAG asks (4.5:1 for text, 3:1 for a focus indicator)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import Form, FormSession
from tests.ui.colours import changed_contrast, contrast, text_contrast
from tests.ui.forms.conftest import fixed_clock
from ui.appearance import HEADING_SCALE, TEXT_POINT_SIZE, apply_look
from ui.forms.renderer import FormRenderer
from ui.forms.widgets.base import InputEvents
from ui.forms.widgets.text import LongTextInput


def _points(widget: QWidget) -> float:
    """The size text is drawn at (to the whole pixel: within a quarter point at 96 dpi)."""
    widget.ensurePolished()
    return QFontInfo(widget.font()).pointSizeF()


PIXEL = 0.3
"""A point size's rounding to whole pixels."""


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize(("system", "shown"), [(15.0, 15.0), (8.0, TEXT_POINT_SIZE)])
def test_text_follows_a_larger_system_font(
    qtbot: QtBot,
    system_font: Callable[[float], None],
    rhi_form: Form,
    system: float,
    shown: float,
) -> None:
    """Someone who needs larger text sets it for the whole system; text smaller than the
    app's own size is raised to it. Headings stay larger than the text around them."""
    system_font(system)
    renderer = _shown(qtbot, FormRenderer(FormSession(rhi_form, {}, clock=fixed_clock)))
    assert _points(renderer.field_view("offer_made_at").label) == pytest.approx(shown, abs=PIXEL)
    heading = renderer.page("offer").widget().findChild(QLabel, "sectionHeading")
    assert _points(heading) == pytest.approx(shown * HEADING_SCALE, abs=PIXEL)
    view_title = QLabel("Caseload")
    view_title.setObjectName("heading")
    assert _points(_shown(qtbot, view_title)) == pytest.approx(shown * HEADING_SCALE, abs=PIXEL)


def test_long_answers_show_four_lines(qtbot: QtBot, styled_app: QApplication) -> None:
    """Inside the border and padding the stylesheet gives the box."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    long_text = LongTextInput(InputEvents(holder), holder)
    layout.addWidget(long_text.edit)
    _shown(qtbot, holder)
    edit = long_text.edit
    lines = edit.viewport().height() - 2 * edit.document().documentMargin()
    assert lines >= 4 * edit.fontMetrics().lineSpacing()


@pytest.mark.parametrize("kind", [QPushButton, QCheckBox, QRadioButton])
def test_the_keyboard_focus_can_be_seen(
    qtbot: QtBot, styled_app: QApplication, kind: type[QWidget]
) -> None:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    control = kind(holder)
    control.setText("Show")  # type: ignore[attr-defined]
    layout.addWidget(control)
    line = QLineEdit(holder)  # where the focus is before
    layout.addWidget(line)
    _shown(qtbot, holder)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    before = control.grab().toImage()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    assert changed_contrast(before, control.grab().toImage()) >= 3.0


def test_the_chosen_section_reads_clearly(
    qtbot: QtBot, styled_app: QApplication, rhi_form: Form
) -> None:
    renderer = _shown(qtbot, FormRenderer(FormSession(rhi_form, {}, clock=fixed_clock)))
    navigator = renderer.navigator
    navigator.setFocus()
    index = navigator.currentIndex()
    area = navigator.visualRect(index).adjusted(4, 2, -4, -2)  # the text, not the edges
    image = navigator.viewport().grab(area).toImage()
    assert text_contrast(image) >= 4.5


def test_placeholder_text_reads_clearly(qtbot: QtBot, styled_app: QApplication) -> None:
    """Where a question has no hint, 'dd/mm/yyyy' is all that says how to write it."""
    line = QLineEdit()
    line.setPlaceholderText("dd/mm/yyyy")
    _shown(qtbot, line)
    line.resize(200, line.sizeHint().height())
    image = line.grab(line.contentsRect().adjusted(4, 2, -4, -2)).toImage()
    assert text_contrast(image) >= 4.5


def test_headings_stay_larger_than_text_sized_in_pixels(
    qtbot: QtBot, styled_app: QApplication, rhi_form: Form
) -> None:
    kept = QFont(styled_app.font())
    font = QFont(kept)
    font.setPixelSize(22)
    styled_app.setFont(font)
    apply_look(styled_app)
    try:
        renderer = _shown(qtbot, FormRenderer(FormSession(rhi_form, {}, clock=fixed_clock)))
        label = renderer.field_view("offer_made_at").label
        heading = renderer.page("offer").widget().findChild(QLabel, "sectionHeading")
        view_title = QLabel("Caseload")
        view_title.setObjectName("heading")
        _shown(qtbot, view_title)
        text = QFontInfo(label.font()).pixelSize()
        assert text == 22
        assert QFontInfo(heading.font()).pixelSize() >= round(text * HEADING_SCALE) - 1
        assert QFontInfo(view_title.font()).pixelSize() >= round(text * HEADING_SCALE) - 1
    finally:
        styled_app.setFont(kept)
        apply_look(styled_app)


def test_the_section_list_shows_when_it_has_the_focus(
    qtbot: QtBot, styled_app: QApplication, rhi_form: Form
) -> None:
    """An interview opens with the focus on the section list, which looked the same with
    the focus or without it (1.9:1 between the two)."""
    renderer = _shown(qtbot, FormRenderer(FormSession(rhi_form, {}, clock=fixed_clock)))
    renderer.activateWindow()
    qtbot.waitUntil(renderer.isActiveWindow)
    navigator = renderer.navigator
    renderer.field_view("offer_made_at").controls()[0].setFocus()
    qtbot.waitUntil(lambda: not navigator.hasFocus())
    before = navigator.grab().toImage()
    navigator.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(navigator.hasFocus)
    assert changed_contrast(before, navigator.grab().toImage()) >= 3.0


def test_a_fields_edge_and_a_problem_under_it_stand_out(
    qtbot: QtBot, styled_app: QApplication, rhi_form: Form
) -> None:
    """A text box's edge was 1.5:1 against the window (WCAG asks 3:1 of a control's
    edge); a problem under a question read as its hint did, the warning sign aside."""
    renderer = _shown(qtbot, FormRenderer(FormSession(rhi_form, {}, clock=fixed_clock)))
    line = renderer.field_view("offer_made_at").controls()[0]
    edge = line.grab(QRect(0, line.height() // 2, 1, 1)).toImage().pixelColor(0, 0)
    window = renderer.page("offer").widget().grab(QRect(1, 1, 1, 1)).toImage().pixelColor(0, 0)
    assert contrast(edge, window) >= 3.0 and contrast(edge, QColor("#ffffff")) >= 3.0
    renderer.check()
    view = renderer.field_view("offer_made_at")
    message = renderer.page("offer").widget().findChildren(QLabel, "fieldIssue")[0]
    assert view.message and message.font().bold() and not view.label.font().bold()
