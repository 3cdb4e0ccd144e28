"""Tick boxes and radio buttons whose text wraps.

Qt draws a tick box's or a radio button's text on one line, however long. A long option,
a translation or a large font then makes the page wider than the window: it scrolls
sideways, hiding the right-hand side of every question on it. These draw the same
indicator with the text wrapped to the width the layout gives, the indicator beside its
first line. Given the room for one line, they are Qt's own, drawn by Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

_WRAPPED = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
_LARGE = 1 << 20
"""Tall enough for any text to wrap into, when measuring it."""


class _Parts(NamedTuple):
    """What differs between a tick box and a radio button."""

    indicator: QStyle.SubElement
    drawn: QStyle.PrimitiveElement
    width: QStyle.PixelMetric
    spacing: QStyle.PixelMetric


_TICK = _Parts(
    QStyle.SubElement.SE_CheckBoxIndicator,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
)
_RADIO = _Parts(
    QStyle.SubElement.SE_RadioButtonIndicator,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_RadioButtonLabelSpacing,
)


def _wraps(button: QAbstractButton) -> None:
    """Narrower than one line where the layout has no more room (Qt's buttons are never
    narrower than their text), and as tall as the text wrapped."""
    policy = button.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)  # Qt's is one line's height
    policy.setHeightForWidth(True)
    button.setSizePolicy(policy)


def _indent(button: QAbstractButton, parts: _Parts) -> int:
    """From the button's left edge to its text."""
    style = button.style()
    return style.pixelMetric(parts.width, None, button) + style.pixelMetric(
        parts.spacing, None, button
    )


def _beside(button: QAbstractButton, one_line: QSize) -> int:
    """What Qt's one line leaves beside the text (the indicator, spacing and margins):
    left beside it here too, however the text wraps."""
    line = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text()).width()
    return max(0, one_line.width() - line)


def _text_width(button: QAbstractButton, width: int, one_line: QSize) -> int:
    """The width the text wraps in, of a button `width` wide."""
    return max(1, width - _beside(button, one_line))


def _text_height(button: QAbstractButton, width: int) -> int:
    bounds = QRect(0, 0, width, _LARGE)
    return button.fontMetrics().boundingRect(bounds, int(_WRAPPED), button.text()).height()


def _height_for(button: QAbstractButton, width: int, one_line: QSize) -> int:
    if width >= one_line.width():
        return one_line.height()
    above = max(0, one_line.height() - button.fontMetrics().height())
    wrapped = _text_height(button, _text_width(button, width, one_line))
    return max(one_line.height(), above + wrapped)


def _least(button: QAbstractButton, one_line: QSize) -> QSize:
    """As narrow as its longest word allows."""
    metrics = button.fontMetrics()
    words = button.text().replace("&&", "&").split()
    longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
    return QSize(min(one_line.width(), _beside(button, one_line) + longest), one_line.height())


def _paint_wrapped(button: QAbstractButton, one_line: QSize, parts: _Parts) -> None:
    """The indicator beside the first line, as Qt places it on one line, and the text
    wrapped beside it; the focus frame around the text, as Qt draws it."""
    painter = QStylePainter(button)
    style = button.style()
    box = QStyleOption()
    box.initFrom(button)
    painter.drawPrimitive(QStyle.PrimitiveElement.PE_Widget, box)  # the stylesheet's border
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    text = option.text
    option.text = ""
    whole = button.rect()
    option.rect = QRect(whole.x(), whole.y(), whole.width(), one_line.height())
    option.rect = style.subElementRect(parts.indicator, option, button)
    painter.drawPrimitive(parts.drawn, option)
    indent = _indent(button, parts)
    above = max(0, one_line.height() - button.fontMetrics().height()) // 2
    width = _text_width(button, whole.width(), one_line)
    logical = QRect(indent, above, max(1, width), whole.height() - above)
    place = QStyle.visualRect(button.layoutDirection(), whole, logical)
    flags = int(_WRAPPED | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if not style.styleHint(QStyle.StyleHint.SH_UnderlineShortcut, option, button):
        flags |= int(Qt.TextFlag.TextHideMnemonic)
    flags = int(QStyle.visualAlignment(button.layoutDirection(), Qt.AlignmentFlag(flags)))
    role = QPalette.ColorRole.WindowText
    style.drawItemText(painter, place, flags, option.palette, button.isEnabled(), text, role)
    if button.hasFocus():
        frame = QStyleOptionFocusRect()
        frame.initFrom(button)
        bounds = button.fontMetrics().boundingRect(place, flags, text)
        frame.rect = bounds.adjusted(-1, 0, 1, 0).intersected(whole)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame)


if TYPE_CHECKING:
    _Button = QAbstractButton
else:
    _Button = object  # a mixin: Qt classes take one Qt base alone


class _Wrapping(_Button):
    """The wrapping, for a tick box or a radio button (`_parts` says which)."""

    _parts: _Parts

    def _one_line(self) -> QSize:
        return super().sizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return _height_for(self, width, self._one_line())

    def minimumSizeHint(self) -> QSize:
        return _least(self, self._one_line())

    def hitButton(self, pos: QPoint) -> bool:
        """Anywhere on it, its lines of text below the first included."""
        return self.rect().contains(pos) if self._wrapped() else super().hitButton(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._wrapped():
            _paint_wrapped(self, self._one_line(), self._parts)
        else:
            super().paintEvent(event)

    def _wrapped(self) -> bool:
        return self.width() < self._one_line().width()


class WrappingCheckBox(_Wrapping, QCheckBox):
    _parts = _TICK

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        _wraps(self)


class WrappingRadioButton(_Wrapping, QRadioButton):
    _parts = _RADIO

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, text, parent)
        _wraps(self)
