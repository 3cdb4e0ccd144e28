"""Reading contrast off real screenshots, as WCAG measures it."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QImage


def _channel(value: int) -> float:
    share = value / 255
    return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def contrast(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def background(image: QImage) -> QColor:
    """The colour most of the image is."""
    counts = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    return QColor(counts.most_common(1)[0][0])


def text_contrast(image: QImage) -> float:
    """How far the strongest colour on it (the core of its text) stands out from the
    background; anti-aliased edges are paler, so the strongest is the text's own."""
    behind = background(image)
    return max(
        contrast(QColor(image.pixel(x, y)), behind)
        for y in range(image.height())
        for x in range(image.width())
    )


def changed_contrast(before: QImage, after: QImage) -> float:
    """The strongest contrast between a pixel that changed and what it was before: how
    well a change (a focus indicator drawn, say) can be seen."""
    return max(
        (
            contrast(QColor(after.pixel(x, y)), QColor(before.pixel(x, y)))
            for y in range(min(before.height(), after.height()))
            for x in range(min(before.width(), after.width()))
            if after.pixel(x, y) != before.pixel(x, y)
        ),
        default=1.0,
    )
