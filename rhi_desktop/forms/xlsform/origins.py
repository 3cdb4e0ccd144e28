"""Where each part of the converted definition came from, so loader problems point at cells.

The loader reports `sections[1].questions[0].relevant: unknown field ${foo}`; a designer
needs `survey row 14, column F (relevant)`. Every section, question, choice and setting
is recorded against its path as it is built, and a problem is located by the longest
recorded path it starts with, then by the field after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rhi_desktop.forms.loader import MISSING_DEFAULT_TEXT
from rhi_desktop.forms.xlsform.report import Cell, quoted

_PROBLEM = re.compile(r"^(?P<path>[^:]*?): (?P<message>.*)$", re.DOTALL)
_EMBEDDED_PATH = re.compile(r"\b(?:sections|choice_lists)[A-Za-z0-9_.\[\]]*\[\d+\]")
_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_UNKNOWN_FIELD = re.compile(r"^unknown field \$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_FIELD = re.compile(r"^[A-Za-z_]+")


@dataclass(frozen=True, slots=True)
class Source:
    """A cell a field was read from, with the text it held (to pick between several)."""

    cell: Cell
    text: str | None = None


@dataclass
class Origin:
    row: Cell
    """The row as a whole (no column)."""
    fields: dict[str, tuple[Source, ...]] = field(default_factory=dict)

    def set(self, name: str, cell: Cell | None, text: str | None = None) -> None:
        if cell is not None:
            self.fields[name] = (Source(cell, text),)

    def add(self, name: str, cell: Cell, text: str | None = None) -> None:
        self.fields[name] = (*self.fields.get(name, ()), Source(cell, text))

    def set_shown(self, name: str, cells: tuple[Cell, ...]) -> None:
        """Shown text: the default language's cell, then the cell holding the text if that
        one is empty. A problem with the text points at the last; one saying the default
        language's text is missing, at the first."""
        self.fields[name] = tuple(Source(cell) for cell in cells)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A row left out of the definition, so references to it can be explained."""

    row: Cell
    what: str


@dataclass(frozen=True, slots=True)
class Located:
    cell: Cell | None
    """Where the problem is shown; None if the path was not recorded."""
    message: str
    candidates: tuple[Cell, ...]
    """Every cell the problem may come from (several for a combined relevance)."""


class Origins:
    def __init__(self) -> None:
        self._paths: dict[str, Origin] = {}
        self.dropped: dict[str, Dropped] = {}
        self.groups: set[str] = set()
        """Group names: XLSForm lets expressions name them, but a group has no answer."""

    def record(self, path: str, row: Cell) -> Origin:
        origin = Origin(row)
        self._paths[path] = origin
        return origin

    def locate(self, problem: str) -> Located:
        """The cell a loader problem is about and its message, reworded for a designer."""
        match = _PROBLEM.match(problem)
        if match is None:
            return Located(None, problem, ())
        path, message = match.group("path"), match.group("message")
        message = self._reword(message)
        key = self._longest_prefix(path)
        if key is None:
            return Located(None, f"{path}: {message}", ())
        origin = self._paths[key]
        rest = path[len(key) :].lstrip(".")
        name = _FIELD.match(rest)
        sources = origin.fields.get(name.group(0)) if name else None
        if not sources:
            return Located(origin.row, message, (origin.row,))
        if message.startswith(MISSING_DEFAULT_TEXT):
            return Located(sources[0].cell, message, (sources[0].cell,))
        named = _named(sources, message)
        if named is not None:
            return Located(named.cell, message, (named.cell,))
        return Located(sources[-1].cell, message, tuple(s.cell for s in sources))

    def _longest_prefix(self, path: str) -> str | None:
        best: str | None = None
        for key in self._paths:
            if (path == key or path.startswith((f"{key}.", f"{key}["))) and (
                best is None or len(key) > len(best)
            ):
                best = key
        return best

    def _reword(self, message: str) -> str:
        unknown = _UNKNOWN_FIELD.match(message)
        if unknown and unknown.group(1) in self.dropped:
            dropped = self.dropped[unknown.group(1)]
            return (
                f"${{{unknown.group(1)}}} is the {quoted(dropped.what)} question in "
                f"{dropped.row.describe()}, which is not imported"
            )
        for name in self.groups:
            for wording in ("is a section, not a question", "is a note and has no answer"):
                message = message.replace(f"${{{name}}} {wording}", f"${{{name}}} is a group")
        return _EMBEDDED_PATH.sub(self._place_of, message)

    def _place_of(self, match: re.Match[str]) -> str:
        origin = self._paths.get(match.group(0))
        return origin.row.describe() if origin is not None else match.group(0)


def _named(sources: tuple[Source, ...], message: str) -> Source | None:
    """Of several cells combined into one expression, the one whose reference the message names."""
    if len(sources) == 1:
        return sources[0]
    names = _REFERENCE.findall(message)
    for source in sources:
        if source.text and any(f"${{{name}}}" in source.text for name in names):
            return source
    return None
