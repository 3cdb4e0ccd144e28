"""Wording that depends on a count: "1 interview" but "3 interviews".

Each wording is a whole phrase, written out (and so translated) where it is used: `one`
for exactly one, `many` for any other count. The count is `{0}` in both (`one` may leave
it out); further values follow as `{1}`, `{2}` and so on.
"""

from __future__ import annotations


def by_count(count: int, one: str, many: str, *more: object) -> str:
    return (one if count == 1 else many).format(count, *more)
