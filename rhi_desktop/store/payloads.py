"""Reading an entity back from the JSON payload the central service sends.

The inverse of `records.payload`: the payload of a record another device (or the
service's own assignment command) wrote becomes the same frozen dataclass the local
repositories use. Keys the entity does not have are ignored (a newer app may send more);
a missing key takes the field's default, and a missing required key, a value of the
wrong type or a number the store cannot hold (a whole number beyond SQLite's 64 bits, a
number too large for a float, NaN or infinity) is refused with `PayloadError`, whose
message names the field, never its value.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, Union

from rhi_desktop.domain.entities import (
    Child,
    MissingEpisode,
    Offer,
    ReturnInterview,
    Review,
    SupervisionQualityReview,
    SupervisionSession,
)

ENTITY_TYPES: Mapping[str, type[Any]] = {
    "child": Child,
    "episode": MissingEpisode,
    "interview": ReturnInterview,
    "offer": Offer,
    "review": Review,
    "supervision_session": SupervisionSession,
    "supervision_quality_review": SupervisionQualityReview,
}


# The range of an SQLite INTEGER column.
_LOWEST_INTEGER = -(2**63)
_HIGHEST_INTEGER = 2**63 - 1


class PayloadError(ValueError):
    """A payload that does not describe a valid entity; the message names fields only."""


def entity_from_payload(entity: str, payload: Mapping[str, Any]) -> Any:
    """The entity of kind `entity` that `payload` describes, at local version 0."""
    kind = ENTITY_TYPES.get(entity)
    if kind is None:
        raise PayloadError(f"{entity} records have no table on this device")
    return _build(kind, payload, entity)


def check_fields(entity: str, payload: Mapping[str, Any]) -> None:
    """PayloadError unless each field `payload` gives is of the kind its entity holds
    there. Fields it leaves out are not judged: `entity_from_payload` reads a whole
    record, and the service does not require one yet."""
    kind = ENTITY_TYPES.get(entity)
    if kind is None:
        return
    hints = _hints(kind)
    for field in dataclasses.fields(kind):
        if field.name != "version" and field.name in payload:
            _value(hints[field.name], payload[field.name], f"{entity}.{field.name}")


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(kind: type[Any]) -> dict[str, Any]:
    if kind not in _HINTS:
        _HINTS[kind] = typing.get_type_hints(kind)
    return _HINTS[kind]


def _build(kind: type[Any], payload: Any, where: str) -> Any:
    if not isinstance(payload, Mapping):
        raise PayloadError(f"{where} must be an object")
    hints = _hints(kind)
    values: dict[str, Any] = {}
    for field in dataclasses.fields(kind):
        if field.name == "version":
            continue  # the local edit counter of whoever sent it; the store sets its own
        if field.name not in payload:
            if field.default is dataclasses.MISSING and field.default_factory is (
                dataclasses.MISSING
            ):
                raise PayloadError(f"{where}.{field.name} is missing")
            continue
        values[field.name] = _value(hints[field.name], payload[field.name], f"{where}.{field.name}")
    return kind(**values)


def _value(hint: Any, raw: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if raw is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise PayloadError(f"{where} has a type this reader does not know")
        return _value(options[0], raw, where)
    if origin is tuple:
        if not isinstance(raw, list):
            raise PayloadError(f"{where} must be a list")
        return tuple(_value(args[0], item, where) for item in raw)
    if origin is dict:
        if not isinstance(raw, dict):
            raise PayloadError(f"{where} must be an object")
        _json_numbers(raw, where)
        return dict(raw)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, raw, where)
    return _scalar(hint, raw, where)


def _scalar(hint: Any, raw: Any, where: str) -> Any:
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(raw)
        except ValueError:
            raise PayloadError(f"{where} is not one of the known values") from None
    if hint is datetime:
        instant = _parsed(datetime.fromisoformat, raw, where)
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise PayloadError(f"{where} must carry a time zone")
        return instant
    if hint is date:
        return _parsed(date.fromisoformat, raw, where)
    if hint is bool:
        if not isinstance(raw, bool):
            raise PayloadError(f"{where} must be true or false")
        return raw
    if hint is int:
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise PayloadError(f"{where} must be a whole number")
        if not _LOWEST_INTEGER <= raw <= _HIGHEST_INTEGER:
            raise PayloadError(f"{where} is out of range")
        return raw
    if hint is float:
        if not isinstance(raw, int | float) or isinstance(raw, bool):
            raise PayloadError(f"{where} must be a number")
        return _finite(raw, where)
    if hint is str:
        if not isinstance(raw, str):
            raise PayloadError(f"{where} must be text")
        return raw
    if hint is Any:
        _json_numbers(raw, where)
        return raw
    raise PayloadError(f"{where} has a type this reader does not know")


def _finite(raw: int | float, where: str) -> float:
    try:
        number = float(raw)
    except OverflowError:
        raise PayloadError(f"{where} is out of range") from None
    if not math.isfinite(number):
        raise PayloadError(f"{where} is out of range")
    return number


def _json_numbers(raw: Any, where: str) -> None:
    """Free-form JSON (answers, comments) is stored as JSON text, which has no NaN or
    infinity; whole numbers of any size it writes as they are."""
    pending = [raw]
    while pending:
        value = pending.pop()
        if isinstance(value, float) and not math.isfinite(value):
            raise PayloadError(f"{where} holds a number out of range")
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list | tuple):
            pending.extend(value)


def _parsed(parse: Any, raw: Any, where: str) -> Any:
    if not isinstance(raw, str):
        raise PayloadError(f"{where} must be an ISO-8601 text")
    try:
        return parse(raw)
    except ValueError:
        raise PayloadError(f"{where} is not a valid ISO-8601 value") from None
