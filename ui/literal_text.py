"""Text shown as written where Qt reads '&' as marking a keyboard shortcut.

In a button, a group box's title or a label with a buddy, '&' underlines the next letter
and makes Alt with it a shortcut: 'Drugs & alcohol' from a form would show as 'Drugs
_alcohol', and Alt+A typed anywhere in the window would jump there. A form's own text is
never meant so; doubled, each '&' shows as one. Accessible names take the text as it is.
"""

from __future__ import annotations


def literal(text: str) -> str:
    return text.replace("&", "&&")
