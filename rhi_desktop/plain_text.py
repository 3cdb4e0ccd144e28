"""Text as people paste it, made plain.

Web pages, word processors and case systems put no-break, narrow and thin spaces between
words and numbers, and invisible zero-width marks around them. They look like spaces or
nothing at all, but compare and parse as something else: "27 11 2026" with no-break
spaces is not a date, and "LAC 001" with one is another case reference than the one
typed.
"""

from __future__ import annotations

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def plain_text(text: str) -> str:
    """`text` with the spaces of other writing systems and programs made plain spaces,
    zero-width marks taken out, and the ends trimmed. Tabs and line breaks inside it are
    kept: they are not pasted by accident the way a no-break space is, and what reads
    them (a case reference's check) may refuse them."""
    return "".join(
        " " if c.isspace() and not c.isascii() else c for c in text.translate(_ZERO_WIDTH)
    ).strip()
