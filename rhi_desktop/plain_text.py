"""Text as people paste it, made plain.

Web pages, word processors and case systems put no-break, narrow and thin spaces between
words and numbers, and invisible zero-width marks around them. They look like spaces or
nothing at all, but compare and parse as something else: "27 11 2026" with no-break
spaces is not a date, and "LAC 001" with one is another case reference than the one
typed.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def plain_text(text: str) -> str:
    """`text` with the spaces of other writing systems and programs made plain spaces,
    zero-width marks taken out, and the ends trimmed. Tabs and line breaks inside it are
    kept: they are not pasted by accident the way a no-break space is, and what reads
    them (a case reference's check) may refuse them."""
    return "".join(
        " " if c.isspace() and not c.isascii() else c for c in text.translate(_ZERO_WIDTH)
    ).strip()


def shows(text: str) -> bool:
    """Whether `text` has anything to see: not only spaces and marks that show as nothing
    (a zero-width space, a soft hyphen, a byte order mark)."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def searchable(text: str) -> str:
    """`text` as a search compares it: an accent stored as a separate mark (as some case
    systems export names) joined to its letter, full-width letters made plain, marks
    that show as nothing (zero-width spaces, soft hyphens, direction marks) taken out,
    and case folded, so what looks the same is found the same."""
    if not text.isascii():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    composed = unicodedata.normalize("NFKC", text)
    return unicodedata.normalize("NFKC", composed.casefold())


_CONTROLS = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""Control characters, but tab and line ends: pasted from a PDF or a terminal, never
meant, and NUL is refused by the central service, so a record holding one could never
be sent."""
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_KEPT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def needs_keeping(text: str) -> bool:
    """Whether `kept_text` would change `text`."""
    return _NOT_KEPT.search(text) is not None


def kept_text(text: str) -> str:
    """Text as kept: without control characters (but tab and line ends), and with half
    a character pair (which no file or service can store) shown as a replacement mark."""
    return LONE_SURROGATE.sub("\ufffd", text.translate(_CONTROLS))
