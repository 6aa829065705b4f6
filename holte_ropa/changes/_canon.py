"""Registries dumped to canonical, comparable values: internal fields marked, lists keyed by id."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from holte_ropa.model._models import internal_field_names
from holte_ropa.terms import LANGUAGES

# --------------------------------------------------------------------------- dumping

_INTERNAL = internal_field_names()
_ORDERED = frozenset({"lines"})
"""Lists of scalars whose order carries meaning; every other list is compared as a set."""
_REFERENCES = frozenset(
    {
        "security_measures",
        "engaged_by",
        "provider",
        "activity",
        "joint_controllers",
        "processors",
        "controllers",
        "authorities",
        "unconfirmed",
        "categories",
        "data_categories",
        "subject_categories",
    }
)


def _dump(value: Any) -> Any:
    """JSON-like data of a model; internal fields keep a ``!`` before their name."""
    if isinstance(value, BaseModel):
        name = type(value).__name__
        return {
            (f"!{field}" if (name, field) in _INTERNAL else field): _dump(getattr(value, field))
            for field in type(value).model_fields
        }
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _public(value: Any) -> Any:
    """``value`` without internal fields."""
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items() if not k.startswith("!")}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """``value`` with internal fields under their real names."""
    if isinstance(value, dict):
        return {k.lstrip("!"): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGES)


def _list_key(items: list[Any]) -> str | None:
    """The field that identifies the items of a list, if they have one."""
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    for key in ("id", "version", "country"):
        values = [i.get(key) for i in items]
        if None not in values and len({_canon(v) for v in values}) == len(values):
            return key
    return None


@dataclass(frozen=True, slots=True)
class _Delta:
    path: tuple[str, ...]
    op: Literal["added", "removed", "changed"]
    before: Any
    after: Any

    @property
    def internal(self) -> bool:
        return any(segment.startswith("!") for segment in self.path)

    @property
    def field(self) -> str:
        return ".".join(segment.lstrip("!") for segment in self.path)


def _walk(path: tuple[str, ...], a: Any, b: Any) -> Iterator[_Delta]:
    """The smallest differences between two dumps; list order never counts unless ordered."""
    if a == b:
        return
    if _is_text(a) and _is_text(b):
        yield _Delta(path, "changed", a, b)
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in dict.fromkeys([*a, *b]):
            yield from _walk((*path, key), a.get(key), b.get(key))
        return
    if isinstance(a, list) and isinstance(b, list):
        yield from _walk_lists(path, a, b)
        return
    yield _Delta(path, "changed", a, b)


def _walk_lists(path: tuple[str, ...], a: list[Any], b: list[Any]) -> Iterator[_Delta]:
    ordered = bool(path) and path[-1].lstrip("!") in _ORDERED
    ka, kb = _list_key(a), _list_key(b)
    key = ka if ka is not None and (kb == ka or not b) else (kb if not a else None)
    if key is not None:
        old = {_canon(i[key]): i for i in a}
        new = {_canon(i[key]): i for i in b}
        for k in sorted(old.keys() | new.keys()):
            label = str(json.loads(k))
            if k not in new:
                yield _Delta((*path, label), "removed", old[k], None)
            elif k not in old:
                yield _Delta((*path, label), "added", None, new[k])
            else:
                yield from _walk((*path, label), old[k], new[k])
        return
    scalars = all(not isinstance(v, dict | list) for v in [*a, *b])
    if scalars and not ordered:
        for v in sorted({_canon(x) for x in a} - {_canon(x) for x in b}):
            yield _Delta(path, "removed", json.loads(v), None)
        for v in sorted({_canon(x) for x in b} - {_canon(x) for x in a}):
            yield _Delta(path, "added", None, json.loads(v))
        return
    if not ordered and sorted(map(_canon, a)) == sorted(map(_canon, b)):
        return
    yield _Delta(path, "changed", a, b)
