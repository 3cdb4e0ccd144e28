"""Reading the survey `type` cell: our question type, a group boundary, or why not.

Spellings follow pyxform: `begin group` and `begin_group`, `select_one LIST` and the
older `select one LIST`, `dateTime` in any case. ODK metadata (start, end, deviceid...)
is a warning, since interviews record their own timings; every other type we cannot
collect is an error, so no question silently disappears from an imported form.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rhi_desktop.forms.model import QuestionType
from rhi_desktop.forms.xlsform.report import quoted


class RowKind(Enum):
    QUESTION = "question"
    CALCULATE = "calculate"
    BEGIN_GROUP = "begin group"
    END_GROUP = "end group"
    BEGIN_REPEAT = "begin repeat"
    END_REPEAT = "end repeat"
    METADATA = "metadata"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class TypeSpec:
    kind: RowKind
    question_type: QuestionType | None = None
    list_name: str | None = None
    problem: str | None = None
    """Why a METADATA or UNSUPPORTED row is not imported."""
    written: str = ""
    """The type as the designer wrote it."""


_SIMPLE = {
    "text": QuestionType.TEXT,
    "string": QuestionType.TEXT,
    "integer": QuestionType.INTEGER,
    "int": QuestionType.INTEGER,
    "decimal": QuestionType.DECIMAL,
    "date": QuestionType.DATE,
    "datetime": QuestionType.DATETIME,
    "time": QuestionType.TIME,
    "note": QuestionType.NOTE,
    "range": QuestionType.SCALE,
}
_BOUNDARIES = {
    "begin group": RowKind.BEGIN_GROUP,
    "end group": RowKind.END_GROUP,
    "begin repeat": RowKind.BEGIN_REPEAT,
    "end repeat": RowKind.END_REPEAT,
}
_SELECTS = {
    "select_one": QuestionType.SINGLE_CHOICE,
    "select one": QuestionType.SINGLE_CHOICE,
    "select_multiple": QuestionType.MULTIPLE_CHOICE,
    "select multiple": QuestionType.MULTIPLE_CHOICE,
    "select all that apply": QuestionType.MULTIPLE_CHOICE,
}
_METADATA = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
    }
)
_GPS = "GPS locations are not collected; use a text question for where"
_MEDIA = "photos, recordings and files are not collected"
_UNSUPPORTED = {
    "geopoint": _GPS,
    "geotrace": _GPS,
    "geoshape": _GPS,
    "start-geopoint": _GPS,
    "image": _MEDIA,
    "audio": _MEDIA,
    "video": _MEDIA,
    "file": _MEDIA,
    "background-audio": _MEDIA,
    "barcode": "barcodes are not scanned",
    "acknowledge": "use a select_one question with a yes/no list",
    "trigger": "use a select_one question with a yes/no list",
    "hidden": "every question is shown; use a calculation for a computed value",
    "rank": "ranking questions are not supported; use select_multiple",
    "select_one_from_file": "choices must be on the choices sheet",
    "select_multiple_from_file": "choices must be on the choices sheet",
    "select_one_external": "choices must be on the choices sheet",
    "xml-external": "external data files are not supported",
    "csv-external": "external data files are not supported",
}


def parse_type(cell: str) -> TypeSpec:
    written = " ".join(cell.split())
    lowered = written.lower()
    boundary = _BOUNDARIES.get(lowered.replace("_", " "))
    if boundary is not None:
        return TypeSpec(boundary, written=written)
    if lowered in _SIMPLE:
        return TypeSpec(RowKind.QUESTION, _SIMPLE[lowered], written=written)
    if lowered == "calculate":
        return TypeSpec(RowKind.CALCULATE, written=written)
    for prefix, question_type in _SELECTS.items():
        if lowered == prefix or lowered.startswith(f"{prefix} "):
            return _select(written, written[len(prefix) :].split(), question_type)
    head = lowered.split(" ", 1)[0]
    if head in _METADATA and " " not in lowered:
        return TypeSpec(
            RowKind.METADATA,
            problem=f"not imported: '{head}' is ODK metadata, and RHI Desktop records "
            "interview timings and devices itself",
            written=written,
        )
    reason = _UNSUPPORTED.get(head)
    if reason is not None:
        return TypeSpec(
            RowKind.UNSUPPORTED,
            problem=f"type {quoted(head)} is not supported: {reason}",
            written=written,
        )
    return TypeSpec(
        RowKind.UNSUPPORTED,
        problem=f"unknown type {quoted(written)}",
        written=written,
    )


def _select(written: str, rest: list[str], question_type: QuestionType) -> TypeSpec:
    if not rest:
        return TypeSpec(
            RowKind.UNSUPPORTED,
            problem=f"{quoted(written)} needs a choice list name, like select_one yes_no",
            written=written,
        )
    if len(rest) == 2 and rest[1].lower() == "or_other":
        return TypeSpec(
            RowKind.UNSUPPORTED,
            problem="'or_other' is not supported: add an 'other' choice and a text question "
            "relevant when it is chosen",
            written=written,
        )
    if len(rest) > 1:
        return TypeSpec(
            RowKind.UNSUPPORTED,
            problem=f"unknown type {quoted(written)}",
            written=written,
        )
    return TypeSpec(RowKind.QUESTION, question_type, list_name=rest[0], written=written)
