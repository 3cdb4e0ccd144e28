"""Text shown as written where Qt would read it as something else.

In a button, a group box's title or a label with a buddy, '&' underlines the next letter
and makes Alt with it a shortcut: 'Drugs & alcohol' from a form would show as 'Drugs
_alcohol', and Alt+A typed anywhere in the window would jump there. A form's own text is
never meant so; doubled, each '&' shows as one. Accessible names take the text as it is.

A label whose text looks like HTML shows it as HTML: a form's "<b>Where</b>" would show
in bold, and a tag in an answer quoted in a message would vanish. `as_written` keeps a
form's text, and people's words, as they were written.

A tooltip that looks like HTML is read as HTML: an answer typed as `<img src=...>` would
draw a picture from a file, and one of a thousand lines would make a tooltip taller than
the screen. `tooltip` shows people's own words as they wrote them, cut short.
"""

from __future__ import annotations

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel

TOOLTIP_LONGEST = 1_000
"""The most characters of someone's words a tooltip shows; the rest is elided."""


def literal(text: str) -> str:
    return text.replace("&", "&&")


def as_written(label: QLabel, text: str) -> None:
    """Show `text` in `label` as written, never as HTML. (Only text with a '<' can be read
    as HTML: a form builds hundreds of labels, so the rest is left as Qt has it.)"""
    if "<" in text:
        label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def tooltip(text: str) -> str:
    """`text` for a tooltip: shown as written, never as HTML, and cut short."""
    shown = text if len(text) <= TOOLTIP_LONGEST else f"{text[:TOOLTIP_LONGEST]}\u2026"
    return Qt.convertFromPlainText(shown, Qt.WhiteSpaceMode.WhiteSpaceNormal) if shown else ""
