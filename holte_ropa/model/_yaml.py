"""Safe YAML reading that keeps every node's file:line:column.

PyYAML's C parser composes a node tree that carries source marks; we turn that tree
into plain Python values ourselves instead of using a constructor, because that is
where the rules of this project live:

- only the YAML core tags are accepted (a ``!!python/...`` or custom tag is an error);
- duplicate keys are errors, not a silent "last one wins";
- plain scalars are typed by the YAML 1.2 core schema (``true``/``false`` only), so the
  country code ``NO``, the answer ``yes`` and ``off`` stay strings (the "Norway
  problem"), and ``0212`` is not an octal number; ISO dates become dates;
- aliases may not expand a file beyond a fixed budget (the billion-laughs attack);
- the node tree is kept, so any later error can point back at the exact key or value;
- every key and text obeys the character policy and length limits of ``_text`` (no control
  characters, non-characters, lone surrogates or stray byte-order marks; names at most
  200 characters, other texts 10,000, files 5 MiB), so nothing downstream has to cope with
  text that XML, spreadsheets or terminals cannot carry.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from holte_ropa.model._text import (
    MAX_FILE_BYTES,
    MAX_NAME,
    TextSpot,
    all_refused,
    bidi_problem,
    blank_problem,
    character_name,
    first_refused,
    more_text_problems,
    text_limit,
)
from holte_ropa.model._yaml_places import child_field, field_in
from holte_ropa.report._problems import Position, Problem

__all__ = [
    "LIBYAML_MISSING",
    "LibyamlMissingError",
    "YamlDocument",
    "display_path",
    "libyaml_missing",
    "node_at",
    "position_of",
    "read_yaml",
]

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _MAP, _SEQ, _MERGE = _T + "timestamp", _T + "map", _T + "seq", _T + "merge"
_PLAIN = "holte-ropa:plain"
"""Our marker for untagged plain scalars, typed later by the YAML 1.2 core schema."""
_MAX_DEPTH = 100
_SHOWN_PLACES = 6
"""Places of further refused characters a message names (the rest are counted)."""
_ALIAS_BUDGET = 100_000
"""Most nodes aliases may add to a file; a real registry file uses a few dozen."""

PathSegment = str | int


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """One parsed file: its display name, the node tree with marks, and plain data."""

    file: str
    root: Node
    data: object


LIBYAML_MISSING = (
    "PyYAML was installed without libyaml, the C parser holte-ropa reads YAML with; "
    "install libyaml (Debian: apt-get install libyaml-dev) and reinstall PyYAML "
    "(pip install --force-reinstall --no-binary pyyaml pyyaml), or use a PyYAML wheel"
)
"""Why no YAML can be read: PyYAML's public ``CBaseLoader`` (libyaml) is absent."""


class LibyamlMissingError(RuntimeError):
    """PyYAML has no libyaml, so no YAML can be read; the message says how to fix it."""


def libyaml_missing() -> bool:
    """True when PyYAML was built without libyaml (``yaml.__with_libyaml__`` is false)."""
    return not getattr(yaml, "__with_libyaml__", False) or not hasattr(yaml, "CBaseLoader")


@cache
def _composer_type(base: type[yaml.CBaseLoader]) -> type[yaml.CBaseLoader]:
    class _Composer(base):  # type: ignore[valid-type,misc]
        """PyYAML's C composer with a resolver that leaves plain scalars untyped.

        PyYAML resolves every scalar with YAML 1.1 regexes in Python while composing,
        which is most of its cost and turns ``NO`` into False; we type plain scalars
        ourselves, once.
        """

        def descend_resolver(self, parent: object, index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

        def resolve(self, kind: type[Node], value: object, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return _PLAIN if implicit[0] else _STR
            return _SEQ if kind is SequenceNode else _MAP

    return _Composer


def _compose(text: str) -> Node | None:
    """The node tree of ``text``; raises LibyamlMissingError without libyaml."""
    if libyaml_missing():
        raise LibyamlMissingError(LIBYAML_MISSING)
    composer = _composer_type(yaml.CBaseLoader)(text)
    try:
        root: Node | None = composer.get_single_node()
        return root
    finally:
        composer.dispose()


class _RefusedError(Exception):
    def __init__(self, node: Node, message: str, category: str = "yaml") -> None:
        super().__init__(message)
        self.node = node
        self.message = message
        self.category = category


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory if inside."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    shown = str(path) if rel.startswith("..") else rel
    return shown.replace(os.sep, "/")


def position_of(file: str, node: Node) -> Position:
    mark = node.start_mark
    return Position(file, mark.line + 1, mark.column + 1)


def read_yaml(path: Path, file: str | None = None) -> YamlDocument | Problem:
    """Read one YAML (or JSON) file; a Problem says why it cannot be used."""
    shown = file if file is not None else display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Problem(
                Position(shown),
                "io",
                f"the file has {size:,} bytes; a registry file may hold at most "
                f"{MAX_FILE_BYTES:,} bytes (5 MiB): split it, e.g. one file per activity or party",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(Position(shown), "io", f"cannot read the file: {exc.strerror}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return Problem(
            Position(shown, line, column),
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
            "save it with UTF-8 encoding",
        )
    refused = first_refused(text)
    if refused is not None:
        return _refused_characters(shown, text)
    try:
        root = _compose(text)
    except LibyamlMissingError as exc:
        return Problem(Position(shown), "environment", str(exc))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        tab = _indenting_tab(text, mark.line, mark.column) if mark else None
        if tab is not None:
            return Problem(
                Position(shown, tab[0] + 1, tab[1] + 1),
                "yaml",
                "a tab character indents this line; YAML indents with spaces only: "
                "replace the tab with spaces",
            )
        where = Position(shown, mark.line + 1, mark.column + 1) if mark else Position(shown)
        if mark and "invalid Unicode character escape" in (exc.problem or ""):
            escape = _escaped_code_point(shown, text, mark.line, mark.column)
            if escape is not None:
                return escape
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        if _misindented(exc):
            return Problem(
                where,
                "yaml",
                "the indentation of this line does not match the keys around it: indent it "
                "with as many spaces as the other keys of its mapping (the YAML parser: "
                f"{exc.problem})",
            )
        return Problem(where, "yaml", f"{what}; fix the YAML syntax here")
    except yaml.YAMLError as exc:
        return Problem(Position(shown), "yaml", f"invalid YAML: {exc}")
    if root is None:
        return Problem(
            Position(shown, 1, 1),
            "yaml",
            "the file is empty; add registry sections (e.g. 'activities:') or delete the file",
        )
    try:
        data = _Converter().convert(root)
    except _RefusedError as exc:
        return Problem(position_of(shown, exc.node), exc.category, exc.message)
    return YamlDocument(shown, root, data)


def _misindented(exc: yaml.MarkedYAMLError) -> bool:
    """libyaml's words for a key indented less or more than the keys beside it."""
    return (exc.problem or "").startswith("did not find expected key") and (
        "block mapping" in (exc.context or "")
    )


def _indenting_tab(text: str, line: int, column: int) -> tuple[int, int] | None:
    """(line, column) of a tab in the indentation at the error or on the line before it.

    libyaml reports most tabs as "found character that cannot start any token", which never
    says what the invisible character is.
    """
    lines = text.split("\n")
    for index in (line, line - 1):
        if 0 <= index < len(lines):
            content = lines[index]
            indent = content[: len(content) - len(content.lstrip(" \t-"))]
            if "\t" in indent:
                return index, indent.index("\t")
    if 0 <= line < len(lines) and lines[line][column : column + 1] == "\t":
        return line, column
    return None


_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")


def _escaped_code_point(file: str, text: str, line: int, column: int) -> Problem | None:
    """The YAML escape the parser stopped at (``\\ud800``, a lone surrogate) as a located
    problem that names the character and the field; None if no such escape is there."""
    index = sum(len(before) + 1 for before in text.split("\n")[:line]) + column
    start = text.rfind("\\", max(0, index - 10), index + 1)
    found = _ESCAPE.match(text, start) if start >= 0 else None
    if found is None:
        return None
    code = int(next(group for group in found.groups() if group), 16)
    if code > 0x10FFFF:
        what = f"U+{code:X}, beyond the last Unicode code point U+10FFFF"
    else:
        what = character_name(chr(code))
    field = _fields_at(text[:start] + "x" * len(found.group()) + text[found.end() :], [start])[0]
    subject = f"{field}: the" if field else "The"
    return Problem(
        Position(file, line + 1, column + 1 - (index - start)),
        "text",
        f"{subject} escape {found.group()} writes {what}, which is not allowed in registry "
        "text (control characters, non-characters and lone surrogates break XML, "
        "spreadsheets and terminals); delete it",
    )


def _refused_characters(file: str, text: str) -> Problem:
    """One problem for the characters the registry refuses written raw in the file: the
    first, with the places of the others (one each per line and character)."""
    found: list[tuple[int, int, str]] = []  # (index, line, character), the first few
    more, line, counted, last = 0, 1, 0, (0, "")
    for match in all_refused(text):  # linear in the file's size, however many there are
        start = match.start()
        line += text.count("\n", counted, start)
        counted = start
        if (line, match.group()) == last:
            continue
        last = (line, match.group())
        if len(found) <= _SHOWN_PLACES:
            found.append((start, line, match.group()))
        else:
            more += 1
    fields = _fields_at(text, [index for index, _, _ in found])
    (index, _, _), rest = found[0], found[1:]
    first = _refused_character(file, text, index, fields[0])
    spots = [
        TextSpot(line, index - (text.rfind("\n", 0, index) + 1) + 1, field, character_name(char))
        for (index, line, char), field in zip(rest, fields[1:], strict=True)
    ]
    message = first.message + more_text_problems(spots, len(spots) + more)
    return Problem(first.position, first.category, message)


def _refused_character(file: str, text: str, index: int, field: str | None) -> Problem:
    """A located problem for a character the registry refuses, written raw in the file."""
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    char = text[index]
    where = Position(file, line + 1, column + 1)
    if char == "\ufeff":
        return Problem(
            where,
            "text",
            "a byte-order mark (U+FEFF) in the middle of the file, invisible in most "
            "editors; delete it (it may only be the file's first character)",
        )
    return Problem(where, "text", _character_message(field, char))


def _character_message(field: str | None, *chars: str) -> str:
    subject = f"{field}: the" if field else "The"
    names = [character_name(char) for char in chars]
    if len(names) == 1:
        what, verb, pronoun = f"character {names[0]}", "is", "it"
    else:
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        what, verb, pronoun = f"characters {listed}", "are", "them"
    return (
        f"{subject} {what} {verb} not allowed in registry text (control characters, "
        "non-characters and lone surrogates break XML, spreadsheets and terminals); "
        f"delete {pronoun}"
    )


def _fields_at(text: str, indexes: list[int]) -> list[str | None]:
    """The key whose value holds each ``text[index]``, found in a copy with the bad
    characters replaced, so messages can name the field; None where even that copy does
    not parse."""
    cleaned = re.sub(r"[^\t\n\r -~\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd]", "x", text)
    try:
        root = _compose(cleaned)
    except yaml.YAMLError:
        return [None for _ in indexes]
    if root is None:
        return [None for _ in indexes]
    return [field_in(root, index, None) for index in indexes]


_SHARED_TEXT = 64
"""Texts up to this long (ids, vocabulary terms, short names) are interned: a large
registry repeats them thousands of times, and the records keep one copy of each."""


class _Converter:
    """Node tree -> plain Python values, refusing what a registry must not contain."""

    def __init__(self) -> None:
        self._done: dict[int, object] = {}
        self._busy: set[int] = set()
        self._aliased = False
        self._text: list[tuple[Node, str, TextSpot]] = []

    def convert(self, root: Node) -> object:
        value = self._node(root, 0)
        if self._text:
            (node, message, _), rest = self._text[0], self._text[1:]
            more = more_text_problems([spot for _, _, spot in rest])
            raise _RefusedError(node, message + more, "text")
        if self._aliased:
            size = _expanded_size(root, {})
            if size > _ALIAS_BUDGET:
                raise _RefusedError(
                    root,
                    f"aliases expand this file to {size:,} nodes (limit {_ALIAS_BUDGET:,}); "
                    "this looks like a 'billion laughs' attack: write the values out instead",
                )
        return value

    def _node(self, node: Node, depth: int, field: str | None = None) -> object:
        if isinstance(node, ScalarNode):
            scalar = _scalar(node)
            if isinstance(scalar, str):
                self._check_text(node, scalar, field or "value", text_limit(field or ""))
                if len(scalar) <= _SHARED_TEXT:
                    return sys.intern(scalar)
            return scalar
        key = id(node)
        if key in self._done:
            self._aliased = True
            return self._done[key]
        if key in self._busy:
            raise _RefusedError(node, "an alias refers to the node that contains it (a cycle)")
        if depth > _MAX_DEPTH:
            raise _RefusedError(node, f"nesting deeper than {_MAX_DEPTH} levels")
        self._busy.add(key)
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                raise _RefusedError(node, _tag_message(node.tag))
            value: object = self._mapping(node, depth, field)
        elif isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                raise _RefusedError(node, _tag_message(node.tag))
            value = [self._node(child, depth + 1, field) for child in node.value]
        else:  # pragma: no cover - the composer makes only these three kinds
            raise _RefusedError(node, f"unsupported YAML node {type(node).__name__}")
        self._busy.discard(key)
        self._done[key] = value
        return value

    def _mapping(self, node: MappingNode, depth: int, field: str | None) -> dict[str, object]:
        result: dict[str, object] = {}
        first: dict[str, Node] = {}
        merged: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                for source in _merge_sources(value_node):
                    part = self._node(source, depth + 1)
                    if not isinstance(part, dict):
                        raise _RefusedError(source, "a merge key '<<' needs a mapping")
                    for k, v in part.items():
                        merged.setdefault(k, v)
                continue
            if not isinstance(key_node, ScalarNode):
                raise _RefusedError(key_node, "keys must be plain text, not lists or mappings")
            name = _scalar(key_node)
            if not isinstance(name, str):
                name = key_node.value
            self._check_text(key_node, name, "a key", MAX_NAME)
            if name in first:
                line = first[name].start_mark.line + 1
                raise _RefusedError(
                    key_node,
                    f"duplicate key '{name}' (first defined on line {line}); keep one of them",
                )
            first[name] = key_node
            result[name] = self._node(value_node, depth + 1, child_field(field, name))
        for k, v in merged.items():
            result.setdefault(k, v)
        return result

    def _check_text(self, node: ScalarNode, value: str, field: str, limit: int) -> None:
        """Note a text the outputs cannot carry or the reader would misread: refused
        characters (all of them), a blank name, a bidirectional control that reorders the
        text, or a text over its limit; :meth:`convert` reports every such text of the
        file in one message."""
        found = _text_problem(value, field, limit)
        if found is not None:
            what, message = found
            mark = node.start_mark
            spot = TextSpot(mark.line + 1, mark.column + 1, field, what)
            self._text.append((node, message, spot))


def _text_problem(value: str, field: str, limit: int) -> tuple[str, str] | None:
    """(what, message) for the first thing wrong with a text, or None."""
    refused = list(dict.fromkeys(match.group() for match in all_refused(value)))
    if refused:
        return ", ".join(map(character_name, refused)), _character_message(field, *refused)
    found = blank_problem(field, value) or bidi_problem(field, value)
    if found is not None:
        return found
    if len(value) > limit:
        return "a text over its length limit", (
            f"{field}: the text has {len(value):,} characters; at most {limit:,} are "
            f"allowed here ({'names' if limit == MAX_NAME else 'texts'}); shorten it, or "
            "keep the details in a document and refer to it"
        )
    return None


def _merge_sources(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    return [node]


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a cycle was already refused; this guards recursion
    size = 1
    if isinstance(node, MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo) + _expanded_size(v, memo)
    elif isinstance(node, SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo)
    memo[key] = size
    return size


def _tag_message(tag: str) -> str:
    if tag.startswith(_T + "python/") or tag.startswith("!!python"):
        return f"the tag '{tag}' would run Python code and is refused; write plain values only"
    return f"the tag '{tag}' is not allowed; remove it and write a plain value"


_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_RE = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT_RE = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9:.+\-Zz ]+)?")


def _plain(node: ScalarNode, value: str) -> object:
    """Type a plain scalar by the YAML 1.2 core schema, plus ISO dates."""
    if not value:
        return None
    if value[0] not in _MAYBE_TYPED:
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT_RE.fullmatch(value):
        return (
            int(value, 8)
            if value.startswith("0o")
            else int(value, 0 if value.startswith("0x") else 10)
        )
    if _FLOAT_RE.fullmatch(value):
        return _float(value)
    if _DATE_RE.fullmatch(value):
        return _timestamp(node, value)
    return value


def _scalar(node: ScalarNode) -> object:
    tag = node.tag
    value: str = node.value
    if tag == _STR:
        return value
    if tag == _PLAIN:
        return _plain(node, value)
    if tag == _INT:
        return _int(node, value)
    if tag == _BOOL:
        low = value.lower()
        if low == "true":
            return True
        if low == "false":
            return False
        return value  # YAML 1.2: yes/no/on/off/NO are text
    if tag == _NULL:
        return None
    if tag == _FLOAT:
        return _float(value)
    if tag == _TIMESTAMP:
        return _timestamp(node, value)
    raise _RefusedError(node, _tag_message(tag))


def _int(node: ScalarNode, value: str) -> int | str:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    try:
        if body.startswith(("0x", "0o", "0b")):
            return sign * int(body, 0)
        if ":" in body:  # YAML 1.1 sexagesimal; YAML 1.2 text
            return value
        return sign * int(body, 10)
    except ValueError:
        return value


def _float(value: str) -> float:
    text = value.replace("_", "").lower()
    if text in (".inf", "+.inf"):
        return math.inf
    if text == "-.inf":
        return -math.inf
    if text == ".nan":
        return math.nan
    return float(text)


def _timestamp(node: ScalarNode, value: str) -> _dt.date | _dt.datetime:
    try:
        if len(value) == 10:
            return _dt.date.fromisoformat(value)
        return _dt.datetime.fromisoformat(value.replace(" ", "T", 1).replace("t", "T"))
    except ValueError as exc:
        raise _RefusedError(node, f"'{value}' is not a valid date: {exc}") from None


def node_at(root: Node, path: Sequence[PathSegment]) -> tuple[Node, Node | None]:
    """The value node at ``path`` and the key node naming it (None for list items).

    Segments that name no key (a union member or tag that pydantic adds to its error
    locations) are skipped, so the deepest existing node is returned.
    """
    node = root
    key: Node | None = None
    for segment in path:
        if isinstance(node, MappingNode) and isinstance(segment, str):
            found = _find_key(node, segment)
            if found is not None:
                key, node = found
        elif (
            isinstance(node, SequenceNode)
            and isinstance(segment, int)
            and 0 <= segment < len(node.value)
        ):
            node, key = node.value[segment], None
    return node, key


def _find_key(node: MappingNode, name: str) -> tuple[Node, Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == name:
            return key_node, value_node
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            for source in _merge_sources(value_node):
                if isinstance(source, MappingNode):
                    found = _find_key(source, name)
                    if found is not None:
                        return found
    return None


def iter_files(folder: Path) -> Iterator[Path]:
    """Registry files under ``folder`` in a stable order, skipping hidden folders."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(
            Path(dirpath) / name
            for name in filenames
            if name.endswith((".yaml", ".yml")) and not name.startswith(".")
        )
    yield from sorted(found, key=lambda p: p.as_posix())
