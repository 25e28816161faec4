"""Cached results (a file's facts, a policy's findings) to JSON and back, building only registered plain data
classes and enums: nothing read can run code."""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any

from privlint.findings import FlowStep, Location, Notification

# The only classes a cache entry can name: these and those registered by the modules that keep entries (a
# file's facts by the scanner, a policy's results by the policy cache...); anything else makes the entry invalid.
_CLASSES: dict[str, type] = {cls.__name__: cls for cls in (FlowStep, Location, Notification)}
_FIELDS = {name: tuple(field.name for field in dataclasses.fields(cls)) for name, cls in _CLASSES.items()}
_ENUMS: dict[str, type[enum.Enum]] = {}


def register(*types: type) -> None:
    """Let entries name these data classes and enums too."""
    for cls in types:
        if issubclass(cls, enum.Enum):
            _ENUMS[cls.__name__] = cls
        else:
            _CLASSES[cls.__name__] = cls
            _FIELDS[cls.__name__] = tuple(field.name for field in dataclasses.fields(cls))
_SCALARS = (str, int, float, bool, type(None))


class InvalidEntry(ValueError):
    """Bytes that are not an entry this version of privlint wrote."""


def encode(value: Any) -> bytes:
    """Compact JSON of ``value``; tuples, frozensets, mappings, enums and data classes are tagged."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode(data: bytes, expected: type) -> Any:
    """The ``expected`` value that ``encode`` wrote; InvalidEntry for anything else."""
    try:
        value = json.loads(data.decode("utf-8", "surrogatepass"), object_hook=_built)
    except (ValueError, TypeError, KeyError, RecursionError, UnicodeDecodeError) as error:
        raise InvalidEntry(str(error)) from None
    if not isinstance(value, expected):
        raise InvalidEntry(f"not a {expected.__name__}")
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum) and _ENUMS.get(type(value).__name__) is type(value):
        return {"e": type(value).__name__, "v": value.name}
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple):
        return {"t": [_plain(item) for item in value]}
    if isinstance(value, list):
        return {"l": [_plain(item) for item in value]}
    if isinstance(value, frozenset):
        return {"f": sorted(_plain(item) for item in value)}
    if isinstance(value, dict):
        return {"m": [[_plain(key), _plain(item)] for key, item in value.items()]}
    name = type(value).__name__
    if _CLASSES.get(name) is type(value):
        return {"c": name, "v": [_plain(getattr(value, field)) for field in _FIELDS[name]]}
    raise TypeError(f"cannot cache a {name}")


def _built(value: dict[str, Any]) -> Any:
    """The value a tagged JSON object stands for; the parser calls this for each object, innermost first, so
    what it holds is built already."""
    if len(value) == 1:
        if "t" in value:
            return tuple(_listed(value["t"]))
        if "l" in value:
            return _listed(value["l"])
        if "f" in value:
            return frozenset(_listed(value["f"]))
        if "m" in value:
            return dict(map(_pair, _listed(value["m"])))
    elif len(value) == 2:
        if "e" in value:
            return _ENUMS[value["e"]][value["v"]]
        if "c" in value:
            name = value["c"]
            fields = _FIELDS[name]
            values = _listed(value["v"])
            if len(values) != len(fields):
                raise ValueError(f"{name} with {len(values)} fields")
            return _CLASSES[name](**dict(zip(fields, values)))
    raise ValueError("malformed entry")


def _listed(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("malformed entry")
    return value


def _pair(value: Any) -> tuple[Any, Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("malformed entry")
    return value[0], value[1]
