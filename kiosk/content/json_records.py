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
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from kiosk import __version__

Record = TypeVar("Record")
Converter = Callable[[Any], Any]
"""Checks one JSON value against a field's type and makes the field's value of it."""

_CONVERTERS: dict[Any, Converter] = {}


def from_json(record_type: type[Record], data: object) -> Record:
    """A record (and the records inside it) from JSON values; ValueError (or KeyError for a
    missing field) when `data` does not fit the record's fields."""
    return _converter(record_type)(data)  # type: ignore[no-any-return]


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


def _converter(hint: Any) -> Converter:
    """The converter for a type, worked out from the type once and kept: a pack of 500 pages has
    thousands of values, and reading each one's type hint again made a start from the index grow
    with the pack."""
    found = _CONVERTERS.get(hint)
    if found is None:
        found = _CONVERTERS[hint] = _make_converter(hint)
    return found


def _make_converter(hint: Any) -> Converter:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _union_converter(typing.get_args(hint))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return partial(_list_value, _converter(item_hint))
    if origin is dict:
        _, item_hint = typing.get_args(hint)
        return partial(_dict_value, _converter(item_hint))
    if hint is dt.date:
        return lambda value: dt.date.fromisoformat(_expect(value, str))
    if hint is Path:
        return lambda value: Path(_expect(value, str))
    if dataclasses.is_dataclass(hint):
        return _record_converter(hint)  # type: ignore[arg-type]
    if hint is float:
        return lambda value: float(_expect(value, (int, float)))
    return partial(_expect, kind=hint)


def _record_converter(record_type: type) -> Converter:
    hints = typing.get_type_hints(record_type)
    names = [field.name for field in dataclasses.fields(record_type)]

    def record(data: object) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"{type(data).__name__} where a {record_type.__name__} is needed")
        return record_type(**{name: convert(data[name]) for name, convert in fields})

    _CONVERTERS[record_type] = record  # for a record that holds records of its own kind
    try:
        fields = [(name, _converter(hints[name])) for name in names]
    except BaseException:
        del _CONVERTERS[record_type]  # never a converter kept half made
        raise
    return record


def _list_value(convert: Converter, value: Any) -> list[Any]:
    return [convert(element) for element in _expect(value, list)]


def _dict_value(convert: Converter, value: Any) -> dict[str, Any]:
    return {_expect(key, str): convert(element) for key, element in _expect(value, dict).items()}


def _union_converter(members: tuple[Any, ...]) -> Converter:
    optional = type(None) in members
    kinds = [member for member in members if member is not type(None)]
    single = _converter(kinds[0]) if len(kinds) == 1 else None

    def union(value: Any) -> Any:
        if value is None:
            if optional:
                return None
            raise ValueError("no value where one is needed")
        if single is not None:
            return single(value)
        for kind in kinds:  # e.g. `str | int`: the member the value already is
            if isinstance(kind, type) and isinstance(value, kind) and not isinstance(value, bool):
                return value
        raise ValueError(f"{type(value).__name__} where one of {kinds} is needed")

    return union


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
