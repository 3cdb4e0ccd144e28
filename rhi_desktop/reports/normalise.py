"""Free text made comparable, so one place or person written two ways counts once.

Interviewers type "The  Park", "the park " and "THE PARK" for the same place, and a
laptop's autocorrect turns "O'Brien" into "O’Brien". Text is put in Unicode's compatible
composed form (an accent typed as a separate mark joins its letter), curly quotes and
dashes become plain ones, marks that show as nothing (a soft hyphen, a zero-width space)
and full stops go ("J. Smith" is "J Smith"), and it is case-folded, trimmed and its
runs of white space collapsed; postcodes take the one
spelling the form engine uses ("SW1A 1AA"). Nothing cleverer: merging spellings that
differ in more than that is a human judgement, left to the people reading the themes.
What says a person has no name ('Unknown', 'n/k') is not taken for one (`person_name`).
"""

from __future__ import annotations

import re
import unicodedata

from rhi_desktop.forms.answers import AnswerTypeError, normalise_postcode

_SPACES = re.compile(r"\s+")
_OUTWARD = re.compile(r"(GIR|[A-Z]{1,2}\d[A-Z\d]?)")
_PAIR = re.compile(r"\(?\s*([+-]?\d{1,3}(?:\.\d+)?)\s*[,;]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*\)?")


_PLAIN = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        ".": " ",
        # marks pasted from web pages and word processors that show as nothing
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)


def normalise_text(text: str) -> str:
    plain = unicodedata.normalize("NFKC", text).translate(_PLAIN)
    return _SPACES.sub(" ", plain).strip().casefold()


_NO_NAME = frozenset(
    {
        "?", "-", "x", "n/a", "n/k", "nk", "tbc", "none", "anon", "anonymous", "refused",
        "unnamed", "no name", "not known", "name not known", "name unknown", "not given",
        "not said", "did not say", "didn't say", "don't know", "dont know", "unknown",
    }
)  # fmt: skip
_NO_NAME_START = ("unknown ", "unnamed ", "not known ")


def person_name(text: str) -> str | None:
    """A person's name made comparable (`normalise_text`); None where what was written
    says there is no name ('Unknown', 'n/k', 'unknown man in a car'): those are not one
    person, and children who each met an unnamed man have no associate in common."""
    name = normalise_text(text)
    if not name or name in _NO_NAME or name.startswith(_NO_NAME_START):
        return None
    return name


def postcode(text: str | None) -> str | None:
    """'sw1a1aa' -> 'SW1A 1AA'; None for blank text or text that is not a UK postcode."""
    if text is None or not text.strip():
        return None
    try:
        return normalise_postcode(text)
    except AnswerTypeError:
        return None


def postcode_district(text: str) -> str | None:
    """The outward code ('SW1A' of 'SW1A 1AA'), or of a district written on its own."""
    full = postcode(text)
    if full is not None:
        return full.split(" ")[0]
    compact = "".join(text.split()).upper()
    return compact if _OUTWARD.fullmatch(compact) else None


def coordinates(text: str | None) -> tuple[float, float] | None:
    """A latitude/longitude pair typed as the whole text, e.g. '51.5014, -0.1419'.

    Only a pair with a comma or semicolon between, both in range, counts: a stray number
    in a description is not a position.
    """
    if text is None:
        return None
    found = _PAIR.fullmatch(text.strip())
    if found is None:
        return None
    lat, lon = float(found.group(1)), float(found.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
