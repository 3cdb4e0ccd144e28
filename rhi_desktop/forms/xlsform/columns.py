"""Which XLSForm columns we read, which we ignore with a warning, and which block an import.

A column that changes what is collected or how answers are checked (choice filters,
triggers, media) is an error when it has a value, because importing without it would
silently change the form. A column that only changes presentation is a warning.
`sensitive` and `report_key` are RHI Desktop's own columns, as XLSForm allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rhi_desktop.forms.xlsform.reader import Column, Sheet
from rhi_desktop.forms.xlsform.report import ImportReport, Severity, quoted
from rhi_desktop.forms.xlsform.translations import TRANSLATABLE, Languages, split_header

SURVEY_FIELDS = frozenset(
    {
        "type",
        "name",
        "label",
        "hint",
        "required",
        "relevant",
        "constraint",
        "constraint_message",
        "calculation",
        "default",
        "appearance",
        "parameters",
        "repeat_count",
        "read_only",
        "sensitive",
        "report_key",
    }
)
CHOICE_FIELDS = frozenset({"list_name", "name", "label", "hint", "report_key"})

_ALIASES = {
    "relevance": "relevant",
    "bind::relevant": "relevant",
    "bind::required": "required",
    "bind::constraint": "constraint",
    "bind::calculate": "calculation",
    "bind::readonly": "read_only",
    "list name": "list_name",
    "value": "name",
    "readonly": "read_only",
    "calculate": "calculation",
    "count": "repeat_count",
    "jr:count": "repeat_count",
    "required message": "required_message",
    "requiredmsg": "required_message",
    "bind::jr:requiredmsg": "required_message",
}
"""Other headers XLSForm takes for fields; `split_header` reads those of the translatable
ones (a label written as 'caption'), with or without a language."""

_IGNORED = {
    "required_message": "the standard 'This question needs an answer.' is shown instead",
    "guidance_hint": "only hints are shown to the interviewer",
}
_BLOCKING = {
    "choice_filter": "choice filters (cascading selects) are not supported; "
    "use separate questions with relevance instead",
    "trigger": "triggers are not supported; use a calculation instead",
    "image": "images, audio and video are not supported",
    "audio": "images, audio and video are not supported",
    "video": "images, audio and video are not supported",
    "big-image": "images, audio and video are not supported",
    "autoplay": "images, audio and video are not supported",
    "disabled": "rows marked disabled are not supported: delete the rows marked yes "
    "(deleting the column instead would import them), then the column",
}
_BLOCKING_PREFIXES = {
    "media::": "images, audio and video are not supported",
    "bind::": "this binding is not supported",
    "body::": "this display attribute is not supported",
    "instance::": "custom instance attributes are not supported",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to do with a column's values: read them as `field`, or report them."""

    field: str | None
    severity: Severity | None = None
    reason: str = ""


_UNKNOWN_SURVEY = Verdict(
    None,
    Severity.ERROR,
    "unknown column: RHI Desktop cannot import it; if it is an XLSForm column, check its "
    "spelling, and if it holds only notes, delete it",
)
_MISWRITTEN_TEXT = Verdict(
    None,
    Severity.ERROR,
    "this column looks like text in another language, but is not written as XLSForm asks: "
    "write it like label::Cymraeg (cy)",
)
_LOOKS_TRANSLATED = re.compile(
    r"^(?:label|hint|caption|constraint.?message)\s*(?:[:_\-]+\s*\S.*|\(.*\))$"
)
"""Shown text in a language, not written as XLSForm reads it: 'label:Cymraeg (cy)',
'label-cy', 'hint_cy', 'Label (Welsh)'; not a column of its own, like 'label for
report'."""
_KOBO = Verdict(None, Severity.WARNING, "ignored: KoboToolbox's own record of each row")
_UNKNOWN_CHOICES = Verdict(
    None,
    Severity.WARNING,
    "ignored: extra choice columns only serve choice_filter, which is not supported",
)


def survey_verdict(header: str) -> Verdict:
    return _verdict(header, SURVEY_FIELDS, _UNKNOWN_SURVEY)


def choices_verdict(header: str) -> Verdict:
    return _verdict(header, CHOICE_FIELDS, _UNKNOWN_CHOICES)


def _verdict(header: str, fields: frozenset[str], unknown: Verdict) -> Verdict:
    verdict = _known(header, fields)
    if verdict is not None:
        return verdict
    if header.startswith("$"):  # $kuid, $autoname: KoboToolbox's bookkeeping
        return _KOBO
    if _LOOKS_TRANSLATED.search(header.strip().lower()):
        return _MISWRITTEN_TEXT
    return unknown


def _known(header: str, fields: frozenset[str]) -> Verdict | None:
    split = split_header(header)
    base = _ALIASES.get(split.base, split.base)
    if base in fields and (split.language is None or base in TRANSLATABLE):
        return Verdict(base)
    bare = base.split("::", 1)[0]
    bare = _ALIASES.get(bare, bare)  # 'required message::English (en)' too
    if bare in _IGNORED:
        return Verdict(None, Severity.WARNING, f"ignored: {_IGNORED[bare]}")
    if bare in _BLOCKING:  # 'image::English (en)' too
        return Verdict(None, Severity.ERROR, _BLOCKING[bare])
    for prefix, reason in _BLOCKING_PREFIXES.items():
        if base.startswith(prefix):
            return Verdict(None, Severity.ERROR, reason)
    return None


@dataclass
class ColumnMap:
    """A sheet's usable columns: one per plain field, one per language for translated ones."""

    sheet: Sheet
    plain: dict[str, Column]
    translated: dict[str, dict[str, Column]]
    """field -> language code -> column, for a translated form."""
    reported: list[tuple[Column, Verdict]]
    """Columns whose values are ignored or refused."""

    def has(self, name: str) -> bool:
        return name in self.plain or bool(self.translated.get(name))

    def main_column(self, name: str, default_language: str | None) -> Column | None:
        """The column a problem with `name` points at: the default language's, if translated."""
        if name in self.plain:
            return self.plain[name]
        by_language = self.translated.get(name) or {}
        if default_language in by_language:
            return by_language[default_language]
        return next(iter(by_language.values()), None)


def map_columns(
    sheet: Sheet,
    languages: Languages,
    report: ImportReport,
    *,
    choices: bool = False,
) -> ColumnMap:
    """Sort `sheet`'s columns into fields, reporting duplicates and language clashes."""
    plain: dict[str, Column] = {}
    translated: dict[str, dict[str, Column]] = {}
    reported: list[tuple[Column, Verdict]] = []
    for column in sheet.columns:
        verdict = choices_verdict(column.header) if choices else survey_verdict(column.header)
        if verdict.field is None:
            reported.append((column, verdict))
            continue
        name = verdict.field
        if name in TRANSLATABLE and languages.codes is not None:
            code = languages.code_of(split_header(column.header))
            if code is None:
                continue  # its header was reported when the languages were planned
            earlier = translated.setdefault(name, {}).get(code)
            if earlier is not None:
                _report_second(report, sheet, name, code, earlier, column)
                continue
            translated[name][code] = column
        elif name in TRANSLATABLE and split_header(column.header).language is not None:
            continue  # a language without a code: reported when the languages were planned
        elif name in plain:
            report.error(
                sheet.header_cell(column),
                f"a second {name} column (the first is column {plain[name].letter})",
            )
        else:
            plain[name] = column
    return ColumnMap(sheet, plain, translated, reported)


def _report_second(
    report: ImportReport, sheet: Sheet, name: str, code: str, earlier: Column, column: Column
) -> None:
    """`column` holds `name` in language `code`, as `earlier` does. Where one of them has
    no language in its header, it is told of there, as the one to look at."""
    plain = [c for c in (earlier, column) if split_header(c.header).language is None]
    if len(plain) == 1:
        (other,) = {earlier, column} - set(plain)
        report.error(
            sheet.header_cell(plain[0]),
            f"this column and {quoted(other.header)} both hold text in the default language "
            f"'{code}'; keep one of them",
        )
        return
    language = "" if plain else f" in language '{code}'"
    report.error(
        sheet.header_cell(column),
        f"a second {name} column{language} (the first is column {earlier.letter})",
    )
