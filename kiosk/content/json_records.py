"""Frozen dataclass records to and from JSON values, each value checked against its field's type.

A checked pack (`pack_types`) and checked settings (`kiosk.session.settings`) are kept as JSON
between starts, so the next start can skip pydantic. What comes back from such a file is trusted
only as far as its types: a value of another type (a damaged or hand-edited file) raises
`ValueError`, and the caller checks the original in full instead.

Handled field types: str, int, float, bool, `Path`, `datetime.date` (ISO text), records,
`list[T]`, `dict[str, T]`, and unions of these with None. `code_stamp` names the code that did the
checks, so a record kept by other checks is not taken.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from kiosk import __version__

Record = TypeVar("Record")

_HINTS: dict[type, dict[str, Any]] = {}


def from_json(record_type: type[Record], data: object) -> Record:
    """A record (and the records inside it) from JSON values; ValueError (or KeyError for a
    missing field) when `data` does not fit the record's fields."""
    if not isinstance(data, dict):
        raise ValueError(f"{type(data).__name__} where a {record_type.__name__} is needed")
    hints = _hints(record_type)
    fields = dataclasses.fields(record_type)  # type: ignore[arg-type]
    values = {field.name: _value(hints[field.name], data[field.name]) for field in fields}
    return record_type(**values)


def to_json(record: object) -> dict[str, Any]:
    """The record as JSON values, the inverse of `from_json`."""
    fields = dataclasses.fields(record)  # type: ignore[arg-type]
    return {field.name: _json(getattr(record, field.name)) for field in fields}


def code_stamp(sources: Iterable[Path]) -> str:
    """`kiosk.__version__` and the size and time of the source files that did a check: a kiosk
    whose checks changed (an upgrade, or a developer's edit) checks again instead of trusting what
    it kept."""
    stamp = hashlib.sha256(__version__.encode())
    for source in sorted(sources):
        info = source.stat()
        stamp.update(f"{source.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return stamp.hexdigest()[:16]


def _hints(record_type: type) -> dict[str, Any]:
    if record_type not in _HINTS:
        _HINTS[record_type] = typing.get_type_hints(record_type)
    return _HINTS[record_type]


def _value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _union_value(typing.get_args(hint), value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, element) for element in _expect(value, list)]
    if origin is dict:
        _, item = typing.get_args(hint)
        mapping = _expect(value, dict)
        return {_expect(key, str): _value(item, element) for key, element in mapping.items()}
    if hint is dt.date:
        return dt.date.fromisoformat(_expect(value, str))
    if hint is Path:
        return Path(_expect(value, str))
    if dataclasses.is_dataclass(hint):
        return from_json(hint, value)  # type: ignore[arg-type]
    if hint is float:
        return float(_expect(value, (int, float)))
    return _expect(value, hint)


def _union_value(members: tuple[Any, ...], value: Any) -> Any:
    if value is None:
        if type(None) in members:
            return None
        raise ValueError("no value where one is needed")
    kinds = [member for member in members if member is not type(None)]
    if len(kinds) == 1:
        return _value(kinds[0], value)
    for kind in kinds:  # e.g. `str | int`: the member the value already is
        if isinstance(kind, type) and isinstance(value, kind) and not isinstance(value, bool):
            return value
    raise ValueError(f"{type(value).__name__} where one of {kinds} is needed")


def _expect(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{type(value).__name__} where {kind} is needed")
    return value


def _json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json(value)
    if isinstance(value, list | tuple):
        return [_json(element) for element in value]
    if isinstance(value, dict):
        return {key: _json(element) for key, element in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value
