"""Where each value of a registry file was written, kept compact once the file is read.

A finding names the line and column of the value it is about, so the registry keeps,
for every file, where each value starts. PyYAML's node tree knows that, but each of its
nodes carries two marks and costs about 330 bytes, most of a large registry's memory.
:func:`index` turns a file's node tree into a tree of positions alone (a mapping's keys
and values, a list's items, a value's position as one integer); the node tree
is then dropped. :func:`locate` answers what ``node_at`` and ``position_of`` answer on
the node tree, merge keys (``<<``) and skipped path segments included.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from holte_ropa.report._problems import Position

__all__ = ["Spot", "index", "locate"]

_MERGE = "tag:yaml.org,2002:merge"
_LINE = 1 << 32
"""A position is ``line * _LINE + column`` (both 0-based, as in the node's mark)."""


class _Mapping:
    __slots__ = ("at", "keys")

    def __init__(self, at: int, keys: dict[str, Spot]) -> None:
        self.at = at
        self.keys = keys
        """Key -> its value, the keys a ``<<`` merges in after the mapping's own."""


class _Sequence:
    __slots__ = ("at", "items")

    def __init__(self, at: int, items: tuple[Spot, ...]) -> None:
        self.at = at
        self.items = items


Spot = int | _Mapping | _Sequence
"""A value's position (a scalar) or a mapping or list with the positions inside."""


def index(root: Node) -> Spot:
    """The positions of every value under ``root``.

    A node that aliases make appear in several places is indexed in each (the loader
    has bounded how far aliases may expand a file, and refused cycles).
    """
    return _index(root)


def locate(file: str, root: Spot | None, path: Sequence[str | int]) -> Position:
    """file:line:column of the value at ``path`` under ``root``.

    Segments that name no key or item (a union member or tag that pydantic adds to its
    error locations) are skipped, so the deepest existing value is located.
    """
    if root is None:
        return Position(file)
    spot = root
    for segment in path:
        if isinstance(spot, _Mapping) and isinstance(segment, str):
            spot = spot.keys.get(segment, spot)
        elif (
            isinstance(spot, _Sequence)
            and isinstance(segment, int)
            and 0 <= segment < len(spot.items)
        ):
            spot = spot.items[segment]
    at = spot if isinstance(spot, int) else spot.at
    line, column = divmod(at, _LINE)
    return Position(file, line + 1, column + 1)


def _index(node: Node) -> Spot:
    """One node's spot; scalars, most of the nodes, are handled in place by the caller."""
    mark = node.start_mark
    at: int = mark.line * _LINE + mark.column
    if isinstance(node, MappingNode):
        return _Mapping(at, _keys(node))
    if isinstance(node, SequenceNode):
        items = [
            (item.start_mark.line * _LINE + item.start_mark.column)
            if type(item) is ScalarNode
            else _index(item)
            for item in node.value
        ]
        return _Sequence(at, tuple(items))
    return at


def _keys(node: MappingNode) -> dict[str, Spot]:
    """The mapping's scalar keys, first one first; then the keys its ``<<`` merges in."""
    keys: dict[str, Spot] = {}
    merges = False
    for key, value in node.value:
        if type(key) is not ScalarNode:
            continue
        if key.tag == _MERGE:
            merges = True
        name = sys.intern(key.value)  # one copy of each key for the whole index
        if name not in keys:
            if type(value) is ScalarNode:
                keys[name] = value.start_mark.line * _LINE + value.start_mark.column
            else:
                keys[name] = _index(value)
    if not merges:
        return keys
    for key, value in node.value:
        if key.tag != _MERGE:
            continue
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            merged = _index(source)
            if isinstance(merged, _Mapping):
                for name, found in merged.keys.items():
                    keys.setdefault(name, found)
    return keys
