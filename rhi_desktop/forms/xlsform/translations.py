"""Translated columns (`label::English (en)`) and the form's language list.

XLSForm names a language by free text; we need a code, so the code in brackets is what
counts and a header without one, or with one not written as a code (`PL`, `es_ES`), is
an error that shows how to write it. The default language (settings
`default_language`, else the first one in the columns) leads the form's `languages`, and
an untranslated column like plain `label` is read as text in that language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rhi_desktop.forms.model import LANGUAGE
from rhi_desktop.forms.xlsform.reader import Column, Sheet
from rhi_desktop.forms.xlsform.report import QUOTED_LENGTH, Cell, ImportReport, cut_short, quoted

_NAMED = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[^()]*)\)\s*$")
_CODE = re.compile(LANGUAGE)


@dataclass(frozen=True, slots=True)
class Language:
    name: str
    code: str


@dataclass(frozen=True, slots=True)
class Header:
    """A column header split into its field (lower-cased) and its language text, if any."""

    base: str
    language: str | None


def split_header(header: str) -> Header:
    """'label::English (en)' -> ('label', 'English (en)'); 'media::image' stays whole. A
    translatable field's other spellings are named as the field: 'caption::Cymraeg (cy)'
    -> ('label', 'Cymraeg (cy)')."""
    base, sep, rest = header.strip().rpartition("::")
    field = _translatable(base) if sep else None
    if field is not None:
        return Header(field, rest.strip())
    whole = header.strip().lower()
    return Header(_translatable(whole) or whole, None)


TRANSLATABLE = frozenset({"label", "hint", "constraint_message"})
"""Fields our model can translate; other `x::Language` columns are reported by their sheet."""
_SPELLINGS = {
    "caption": "label",
    "constraint message": "constraint_message",
    "constraining message": "constraint_message",
    "constraint-message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "bind::jr:constraintmsg": "constraint_message",
}
"""Other headers XLSForm takes for the translatable fields."""


def _translatable(text: str) -> str | None:
    name = text.strip().lower()
    name = _SPELLINGS.get(name, name)
    return name if name in TRANSLATABLE else None


def parse_language(text: str) -> Language | None:
    """'Cymraeg (cy)' -> Language('Cymraeg', 'cy'); None without a usable code."""
    match = _NAMED.match(text)
    if match is None:
        return None
    code = match.group("code").strip()
    if not _CODE.fullmatch(code):
        return None
    return Language(match.group("name").strip() or code, code)


def _no_code(header: Header) -> str:
    """What to write instead of a language with no usable code, like 'Polski (PL)'."""
    language = header.language or ""
    match = _NAMED.match(language)
    if match is None or not match.group("code").strip():
        return (
            f"the language {quoted(language)} needs a code in brackets, "
            f"like {header.base}::English (en) or {header.base}::Cymraeg (cy)"
        )
    written = match.group("code").strip()
    code = _conventional_code(written)
    name = match.group("name").strip()
    example = (
        f"{header.base}::{name} ({code})"
        if code is not None and len(name) <= QUOTED_LENGTH
        else "cy, pl or es-ES"
    )
    return (
        f"{quoted(written)} is not a language code: write it in lower case with '-', like {example}"
    )


def _conventional_code(written: str) -> str | None:
    """'PL' -> 'pl', 'es_ES' -> 'es-ES': the code as our forms write it, if it is one."""
    language, *rest = written.replace("_", "-").split("-")
    regions = [part.upper() if len(part) == 2 and part.isalpha() else part for part in rest]
    code = "-".join([language.lower(), *regions])
    return code if _CODE.fullmatch(code) else None


@dataclass(frozen=True, slots=True)
class Languages:
    """`codes` is None for a single-language form (labels stay plain text)."""

    codes: tuple[str, ...] | None
    plain: str | None
    """The code untranslated columns are read in, when the form is translated."""

    def code_of(self, header: Header) -> str | None:
        """The language a translatable column holds; None for a single-language form."""
        if self.codes is None:
            return None
        if header.language is None:
            return self.plain
        language = parse_language(header.language)
        return language.code if language is not None else None


def plan_languages(
    sheets: Sequence[Sheet],
    default_language: str | None,
    default_cell: Cell | None,
    report: ImportReport,
) -> Languages:
    """Decide the form's languages from every translatable column of `sheets`."""
    found: dict[str, Language] = {}
    plain: list[tuple[Sheet, Column]] = []
    for sheet in sheets:
        for column in sheet.columns:
            header = split_header(column.header)
            if header.base not in TRANSLATABLE:
                continue
            if header.language is None:
                plain.append((sheet, column))
                continue
            language = parse_language(header.language)
            if language is None:
                report.error(sheet.header_cell(column), _no_code(header))
            else:
                found.setdefault(language.code, language)
    where = default_cell or Cell("settings")
    if not found:
        if default_language is not None:
            report.info(
                where,
                "the form has no translated columns (like label::English (en)), so it is "
                "imported as a single-language form",
            )
        return Languages(None, None)
    default = _default_code(found, default_language, bool(plain), where, report)
    if default is None:
        # A default_language that matched nothing was reported already.
        for sheet, column in plain if default_language is None else ():
            report.error(
                sheet.header_cell(column),
                f"the form has translated columns, so this column needs a language too "
                f"(like {column.header}::English (en)), or set default_language on the "
                "settings sheet to say which language it is in",
            )
        first = next(iter(found))
        return Languages((first, *(code for code in found if code != first)), None)
    # Two columns holding one field in one language are told of as the sheet is mapped.
    codes = (default, *(code for code in found if code != default))
    return Languages(codes, default)


def _default_code(
    found: dict[str, Language],
    setting: str | None,
    plain_columns: bool,
    where: Cell,
    report: ImportReport,
) -> str | None:
    """The default language's code. One no header names is the language of the columns
    with none (`plain_columns`); without such columns, no text could be in it."""
    if setting is None:
        return None
    wanted = setting.strip().casefold()
    for language in found.values():
        names = {language.code, language.name, f"{language.name} ({language.code})"}
        if wanted in {name.casefold() for name in names}:
            return language.code
    named = parse_language(setting)
    if named is not None and plain_columns:
        return named.code
    known = ", ".join(cut_short(f"{lang.name} ({lang.code})") for lang in found.values())
    if named is not None:
        example = cut_short(setting.strip())
        report.error(
            where,
            f"default_language {quoted(setting)} has no columns (like label::{example}): "
            f"name one of the languages the headers have ({known}), or add its columns",
        )
        return None
    report.error(
        where,
        f"default_language {quoted(setting)} is not one of the languages in the column headers "
        f"({known}); name one of them, or give a code in brackets like English (en)",
    )
    return None
