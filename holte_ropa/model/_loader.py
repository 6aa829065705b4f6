"""Load a registry folder: YAML files -> validated models -> a resolved Registry.

Every problem is collected, located at file:line:column and reported in one run, so a
privacy officer fixes a whole batch of mistakes at once instead of one per attempt.
"""

from __future__ import annotations

import difflib
import gc
import re
import types
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from holte_ropa.model._models import RegistryFile
from holte_ropa.model._positions import index
from holte_ropa.model._registry import Registry, SourceFile
from holte_ropa.model._yaml import (
    LIBYAML_MISSING,
    YamlDocument,
    display_path,
    iter_files,
    libyaml_missing,
    node_at,
    position_of,
    read_yaml,
)
from holte_ropa.report._problems import Position, Problem, RegistryError

__all__ = ["load_registry", "read_registry_files"]

DEFAULT_PATH = Path("registry")


def load_registry(path: str | Path = DEFAULT_PATH, *, shown_as: str | None = None) -> Registry:
    """Load and check a registry folder (or a single YAML/JSON file).

    Raises :class:`RegistryError` carrying every located problem when the registry
    cannot be used. ``shown_as`` names the folder in messages and locations instead of
    its path, e.g. ``HEAD:registry`` for a git revision read into a temporary folder.
    """
    with _gc_paused():
        files, problems = read_registry_files(Path(path), shown_as=shown_as)
        if problems:
            raise RegistryError(problems)
        return Registry.build(files)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading allocates millions of acyclic objects that are kept: the cyclic garbage
    collector would rescan them over and over (quadratic-looking slow-down at 10,000
    activities) while finding nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What was loaded lives as long as the registry: move it out of the collector's
            # sight so later work (the checks) does not pay for rescanning it.
            gc.freeze()
            gc.enable()


def read_registry_files(
    path: Path, *, shown_as: str | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """Parse and schema-check every file; problems are collected, never raised."""
    shown = display_path(path) if shown_as is None else shown_as
    try:
        found = path.exists()
    except OSError as error:  # a name too long for the file system, say: not a path at all
        found, reason = False, f"{(error.strerror or str(error)).lower()}; "
    else:
        reason = ""
    if not found:
        if len(shown) > 120:
            shown = shown[:117] + "..."
        return [], [
            Problem(
                Position(shown),
                "io",
                f"{reason or 'no such file or folder; '}give the path of a registry folder "
                "(default: registry/)",
            )
        ]
    paths = [path] if path.is_file() else list(iter_files(path))
    if not paths:
        return [], [
            Problem(Position(shown), "io", "the folder holds no .yaml files; add the registry")
        ]
    if libyaml_missing():  # said once for the registry, not once per file
        return [], [Problem(Position(shown), "environment", LIBYAML_MISSING)]
    files: list[SourceFile] = []
    problems: list[Problem] = []
    validate = RegistryFile.model_validate
    for file_path in paths:
        if file_path == path:
            doc = read_yaml(file_path, shown)
        else:
            doc = read_yaml(file_path, f"{shown}/{file_path.relative_to(path).as_posix()}")
        if isinstance(doc, Problem):
            problems.append(doc)
            continue
        if not isinstance(doc.data, dict):
            problems.append(
                Problem(
                    position_of(doc.file, doc.root),
                    "schema",
                    "a registry file must be a mapping of sections such as 'activities:' "
                    "or 'parties:'",
                )
            )
            continue
        try:
            model = validate(doc.data)
        except ValidationError as exc:
            problems.extend(_schema_problems(doc, exc.errors(include_url=False)))
            continue
        logo = _missing_logo(doc, model, file_path.parent)
        if logo is not None:
            problems.append(logo)
            continue
        # The node tree goes with the document: only the positions are kept.
        files.append(SourceFile(doc.file, index(doc.root), model, file_path.parent))
    return files, problems


def _missing_logo(doc: YamlDocument, model: RegistryFile, folder: Path) -> Problem | None:
    """A site logo that names no file next to the organisation's file, or one the site
    must not serve: larger than 1 MiB, or an SVG with script in it."""
    site = model.organisation.site if model.organisation is not None else None
    if model.organisation is None or site is None or site.logo is None:
        return None
    file = folder / site.logo
    if not file.is_file():
        wrong = f"no file '{site.logo}' next to this file; give the path of the logo image "
        wrong += "relative to it, or leave logo out"
    elif not file.resolve().is_relative_to(folder.resolve()):
        wrong = f"'{site.logo}' is a link out of the folder of this file; copy the image in"
    elif file.stat().st_size > _LOGO_BYTES:
        wrong = f"'{site.logo}' is larger than 1 MiB; use a smaller image"
    elif file.suffix.lower() == ".svg" and _ACTIVE_SVG.search(file.read_bytes()):
        wrong = (
            f"'{site.logo}' holds script (a script element, an event handler or a javascript: "
            "link), which the site would serve as it is; remove it or use a PNG"
        )
    else:
        return None
    node, _ = node_at(doc.root, ("organisation", "site", "logo"))
    return Problem(position_of(doc.file, node), "io", f"logo: {wrong}", model.organisation.id)


_LOGO_BYTES = 1024 * 1024
_ACTIVE_SVG = re.compile(rb"(?i)<script|<foreignobject|\son[a-z]+\s*=|javascript:")
"""What makes an SVG run code when opened: never published as the site's logo."""


# --------------------------------------------------------------------------- error mapping


def _schema_problems(doc: YamlDocument, errors: Sequence[ErrorDetails]) -> list[Problem]:
    """One problem per mistake, at its line, in YAML terms.

    pydantic reports a value that fits no member of a union once per member; those are
    put back together here: what the main form wanted, then the other words allowed
    (``or none``), then ``unknown is allowed here``. A literal member is dropped when the
    value's own error inside it says more (a list of locations with a bad country is a
    wrong country, not a missing ``none``), and the missing fields of one mapping are one
    problem.
    """
    found: dict[Position, _AtPosition] = {}
    errors = _without_misspelled_missing(errors)
    deeper = [_fields_only(tuple(e["loc"])) for e in errors]
    whole_unknown: dict[Position, str] = {}
    for error in errors:
        loc = tuple(error["loc"])
        alternative = _alternative_word(error, loc)
        if alternative is not None and _said_inside(loc, deeper):
            if alternative == _UNKNOWN_WORD:
                position, _ = _describe(doc, loc, error)
                whole_unknown[position] = _field_name(loc)
            continue
        position, message = _describe(doc, loc, error)
        at = found.get(position)
        if at is None:
            at = found[position] = _AtPosition(_field_name(loc), _entity_of(doc.data, loc))
        if error["type"] == "missing":
            at.missing.append(str(loc[-1]))
            at.examples.append(_example(loc))
        elif alternative is not None:
            at.alternatives.append(alternative)
            at.literal_messages.append(message)
        elif message not in at.messages:
            at.messages.append(message)
    for position, field in whole_unknown.items():
        if position in found:
            found[position].whole_unknown = field
    return [Problem(position, "schema", at.text(), at.entity) for position, at in found.items()]


def _without_misspelled_missing(errors: Sequence[ErrorDetails]) -> list[ErrorDetails]:
    """``errors`` without a missing field that an unknown key beside it misspells: one
    mistake (``emial:``) is one problem, the unknown key's "did you mean"."""
    unknown_keys: dict[tuple[int | str, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = _fields_only(tuple(error["loc"]))
            unknown_keys.setdefault(loc[:-1], []).append(str(loc[-1]))
    kept: list[ErrorDetails] = []
    for error in errors:
        loc = _fields_only(tuple(error["loc"]))
        if error["type"] == "missing" and any(
            str(loc[-1]) in difflib.get_close_matches(key, [str(loc[-1])], n=1, cutoff=0.6)
            for key in unknown_keys.get(loc[:-1], [])
        ):
            continue
        kept.append(error)
    return kept


class _AtPosition:
    """What every error at one YAML node said, to be told as one problem."""

    def __init__(self, field: str, entity: str | None) -> None:
        self.field = field
        self.entity = entity
        self.messages: list[str] = []
        self.missing: list[str] = []
        self.examples: list[str] = []
        self.alternatives: list[str] = []
        self.literal_messages: list[str] = []
        self.whole_unknown: str | None = None
        """The field this mapping is the value of, when ``field: unknown`` is allowed."""

    def text(self) -> str:
        words = [w for w in self.alternatives if w != _UNKNOWN_WORD]
        unknown = _UNKNOWN_WORD in self.alternatives
        if self.missing:
            names = ", ".join(f"'{n}'" for n in dict.fromkeys(self.missing))
            if len(self.missing) == 1:
                shown = f", e.g. {self.examples[0]}" if self.examples[0] else ""
                text = f"missing required field {names}; add it here{shown}"
            else:
                text = f"missing required fields {names}; add them here"
            if self.whole_unknown is not None:
                noun = _whole_noun(self.whole_unknown)
                text += f", or write {self.whole_unknown}: unknown when the {noun} is not known"
            return text
        if not self.messages:  # only fixed words were allowed: say the first, then unknown
            pairs = zip(self.alternatives, self.literal_messages, strict=True)
            first = next((m for w, m in pairs if w != _UNKNOWN_WORD), None)
            if first is None:
                return self.literal_messages[0]
            return first + (_UNKNOWN_ALLOWED if unknown else "")
        if len(self.messages) == 1:
            text = self.messages[0]
        else:
            rest = [m.split(": ", 1)[1] if ": " in m else m for m in self.messages]
            text = f"{self.field}: none of the allowed forms fits: " + "; or ".join(rest)
        if words:
            text += ", or " + " or ".join(words)
        said = ": unknown when" in text  # the message itself says how to write unknown
        return text + (_UNKNOWN_ALLOWED if unknown and not said else "")


_UNKNOWN_WORD = "unknown"


def _whole_noun(field: str) -> str:
    """What a mapping field holds, in words: ``postal_address`` -> ``address``."""
    return field.rsplit("_", 1)[-1].replace("_", " ")


_UNKNOWN_ALLOWED = "; unknown is allowed here"


def _alternative_word(error: ErrorDetails, loc: tuple[int | str, ...]) -> str | None:
    """The word a union member of one fixed word allowed (``none``, ``unknown``), or None.

    Only for a member of a union (the location ends in pydantic's name for the member),
    never for a field whose only form is a fixed list of words.
    """
    if error["type"] != "literal_error" or not loc or not isinstance(loc[-1], str):
        return None
    if not _is_union_member(loc[-1]):
        return None
    expected = str((error.get("ctx") or {}).get("expected", ""))
    if not re.fullmatch(r"'[a-z_]+'", expected):
        return None
    return expected.strip("'")


def _said_inside(loc: tuple[int | str, ...], others: list[tuple[int | str, ...]]) -> bool:
    """True when another error sits inside the value at ``loc``: it says more."""
    at = _fields_only(loc)
    return any(len(o) > len(at) and o[: len(at)] == at for o in others)


_TYPE_SEGMENTS = frozenset({"str", "int", "float", "bool", "date", "datetime", "list", "dict"})


def _fields_only(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The location without the union members pydantic names (``literal['unknown']``,
    ``constrained-str``, ``str``, a model such as ``Recipients``): field names are
    snake_case, never one of those."""
    return tuple(s for s in loc if not (isinstance(s, str) and _is_union_member(s)))


def _is_union_member(segment: str) -> bool:
    return "[" in segment or "-" in segment or segment[:1].isupper() or segment in _TYPE_SEGMENTS


def _entity_of(data: object, loc: tuple[int | str, ...]) -> str | None:
    if len(loc) >= 2 and isinstance(data, dict):
        section = data.get(loc[0])
        if isinstance(section, list) and isinstance(loc[1], int) and loc[1] < len(section):
            item = section[loc[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return str(item["id"])
        if isinstance(section, dict) and isinstance(section.get("id"), str):
            return str(section["id"])
    return None


def _field_name(loc: tuple[int | str, ...]) -> str:
    # Skip model names (Address) and pydantic's union branch tags (constrained-str,
    # function-plain[...]): field names are snake_case.
    names = [
        s
        for s in loc
        if isinstance(s, str) and not s[:1].isupper() and "[" not in s and "-" not in s
    ]
    return names[-1] if names else "value"


def _describe(
    doc: YamlDocument, loc: tuple[int | str, ...], error: ErrorDetails
) -> tuple[Position, str]:
    kind = error["type"]
    if kind == "extra_forbidden":
        node, key = node_at(doc.root, loc)
        name = str(loc[-1])
        allowed = _allowed_fields(loc[:-1])
        hint = _suggest(name, allowed)
        where = position_of(doc.file, key if key is not None else node)
        return where, f"unknown field '{name}'{hint}"
    if kind == "missing":
        node, _ = node_at(doc.root, loc[:-1])
        return (
            position_of(doc.file, node),
            f"missing required field '{loc[-1]}'; add it here",
        )
    node, _ = node_at(doc.root, loc)
    field = _field_name(loc)
    message = error["msg"].removeprefix("Value error, ").replace("{field}", field)
    if message[:1].isupper():
        message = message[0].lower() + message[1:]
    value = error.get("input")
    if kind == "bool_type":
        shown = getattr(node, "value", value)
        message = f"'{shown}' is not a boolean: write true or false"
        if str(shown).lower() in _YAML_11_BOOLEANS:
            message += " (YAML 1.2 reads yes, no, on and off as text, and so does this tool)"
    elif kind in {"string_type", "str_type"} and isinstance(value, int | float | bool):
        message += f"; write it in quotes: '{getattr(node, 'value', value)}'"
    elif kind in {"string_type", "str_type"} and isinstance(value, list | tuple | dict):
        message = f"expected one value here, not {_shown(value)}: write {field}: ..."
    elif kind in {"string_too_long", "string_too_short"}:
        return position_of(doc.file, node), _length_message(loc, value, error)
    elif kind == "string_pattern_mismatch":
        message = f"'{value}' has the wrong form ({_pattern_hint(field)})"
        if field in {"country", "parent_country"} and isinstance(value, str):
            message += _country_case_hint(field, value)
    elif kind in {"literal_error", "enum"} and value is not None:
        expected = re.findall(r"'([^']+)'", str((error.get("ctx") or {}).get("expected", "")))
        close = (
            difflib.get_close_matches(value, expected, n=1, cutoff=0.6)
            if isinstance(value, str)
            else []
        )
        hint = f" (did you mean '{close[0]}'?)" if close and close[0] != value else ""
        message = f"{_shown(value)} is not allowed{hint}; {message}"
    elif kind == "union_tag_invalid":
        ctx = error.get("ctx") or {}
        tag_key = str(ctx.get("discriminator", "kind")).strip("'")
        message = (
            f"{tag_key} '{ctx.get('tag')}' is not one this tool knows; write one of "
            f"{ctx.get('expected_tags')}"
        )
    elif kind in _MAPPING_ERRORS:
        wanted = _KINDS.get(field) or _mapping_words((error.get("ctx") or {}).get("class_name"))
        message = f"expected {wanted}"
    elif kind in {"tuple_type", "list_type"}:
        message = "expected a list: one '- item' per line, or [a, b]"
    return position_of(doc.file, node), f"{field}: {message}"


def _country_case_hint(field: str, value: str) -> str:
    """``; did you mean 'NO' (Norway)?`` for ``no``; the quoted capitals of the code, as
    YAML 1.2 reads a plain NO as text."""
    from holte_ropa.model._countries import country_codes, country_name

    code = value.strip().upper()
    if code not in country_codes():
        return ""
    return f"; did you mean '{code}' ({country_name(code, 'en')})? write {field}: \"{code}\""


_YAML_11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})
"""Words YAML 1.1 read as booleans; YAML 1.2 (and this tool) reads them as text."""


def _length_message(loc: tuple[int | str, ...], value: object, error: ErrorDetails) -> str:
    """``id: the id is 93 characters long; ids are at most 80``, ``name.en: is empty``."""
    path = _field_path(loc)
    length = len(value) if isinstance(value, str) else 0
    ctx = error.get("ctx") or {}
    if error["type"] == "string_too_short":
        if length == 0:
            return f"{path}: is empty; write the text, or leave the field out if it may be"
        return f"{path}: has {length} characters; at least {ctx.get('min_length')} are needed"
    limit = ctx.get("max_length")
    if path == "id" or path.endswith("_id"):
        return (
            f"{path}: the id is {length} characters long; ids are at most {limit}: "
            "shorten it (ids are lower-case letters, digits and hyphens)"
        )
    return f"{path}: the text is {length:,} characters long; at most {limit} are allowed here"


def _field_path(loc: tuple[int | str, ...]) -> str:
    """The field as the YAML names it: ``name.en`` for a language of a text."""
    names = [s for s in _fields_only(loc) if isinstance(s, str)]
    if len(names) >= 2 and names[-1] in ("nb", "en"):
        return f"{names[-2]}.{names[-1]}"
    return names[-1] if names else "value"


def _example(loc: tuple[int | str, ...]) -> str:
    """``contract: {nb: ..., en: ...}``: how the missing field at ``loc`` is written."""
    candidates: list[Any] = [RegistryFile]
    for segment in loc:
        following: list[Any] = []
        for tp in _expand(candidates):
            following.extend(_step(tp, segment))
        if following:  # union members pydantic names (tagged-union[...]) are no step
            candidates = following
    names = {getattr(tp, "__name__", "") for tp in _expand(candidates)}
    name = str(loc[-1])
    if "Text" in names:
        return f"{name}: {{nb: ..., en: ...}}"
    if "Duration" in names:
        return f"{name}: {{years: 5}}"
    return ""


_MAPPING_ERRORS = frozenset({"model_type", "dict_type", "model_attributes_type"})
_MAPPINGS = {
    "Text": "a mapping with nb and en: {nb: ..., en: ...}",
    "Address": "a mapping with lines, postal_code and city, e.g. {lines: [Storgata 1], "
    'postal_code: "6800", city: Førde}',
    "LegalSource": "a mapping with statute and section, e.g. {statute: bokføringsloven, "
    "section: § 13}",
    "Recipients": "a mapping with processors, controllers or authorities (lists of party ids)",
    "Duration": "a mapping such as {years: 5}, {months: 6} or {days: 30}",
}
"""How a mapping of each kind is written, in the words of the YAML (never a class name)."""
_KINDS = {
    "legal_basis": "a mapping with basis and what that basis needs, e.g. {basis: contract, "
    "contract: {nb: ..., en: ...}}",
    "mechanism": "a mapping with mechanism and what it needs, e.g. {mechanism: scc, module: 2} "
    "or {mechanism: dpf}",
}
"""Fields holding one of several kinds of mapping, told apart by one key."""


def _mapping_words(class_name: object) -> str:
    """``a mapping with ...`` for the model pydantic names; fields from the model itself."""
    if isinstance(class_name, str) and class_name in _MAPPINGS:
        return _MAPPINGS[class_name]
    model = _models_by_name().get(class_name) if isinstance(class_name, str) else None
    if model is None:
        return "a mapping of fields (name: value lines)"
    required = [n for n, info in model.model_fields.items() if info.is_required()]
    shown = required or list(model.model_fields)
    return "a mapping with " + _and_list([f"'{n}'" for n in shown[:4]])


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


@cache
def _models_by_name() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    stack: list[type[BaseModel]] = [RegistryFile]
    while stack:
        model = stack.pop()
        if model.__name__ in found:
            continue
        found[model.__name__] = model
        for info in model.model_fields.values():
            stack.extend(
                tp
                for tp in _expand([info.annotation])
                if isinstance(tp, type) and issubclass(tp, BaseModel)
            )
            for tp in _expand([info.annotation]):
                if get_origin(tp) in (tuple, list):
                    stack.extend(
                        a
                        for a in _expand(list(get_args(tp)))
                        if isinstance(a, type) and issubclass(a, BaseModel)
                    )
    return found


def _shown(value: object) -> str:
    """A value as the YAML wrote it: a scalar quoted, a list or mapping named, never a
    Python repr."""
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _pattern_hint(field: str) -> str:
    hints = {
        "country": "an ISO 3166-1 alpha-2 code in capitals, e.g. NO, SE, US",
        "parent_country": "an ISO 3166-1 alpha-2 code in capitals, e.g. NO, SE, US",
        "org_number": "nine digits without spaces, e.g. 923609016",
        "email": "an e-mail address like name@example.no",
        "privacy_contact": "an e-mail address like personvern@example.no",
        "logo": "an image file below this file's folder, ending in .svg, .png, .jpg or .webp",
    }
    return hints.get(field, "ids are lower-case letters, digits and hyphens, e.g. web-forms")


def _suggest(name: str, allowed: list[str]) -> str:
    if not allowed:
        return "; remove it"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f"; allowed here: {', '.join(allowed)}"


def _allowed_fields(loc: tuple[int | str, ...]) -> list[str]:
    """The field names pydantic accepts at ``loc``, found by walking the model types."""
    candidates: list[Any] = [RegistryFile]
    for segment in loc:
        following: list[Any] = []
        for tp in _expand(candidates):
            following.extend(_step(tp, segment))
        if following:
            candidates = following
    names: list[str] = []
    for tp in _expand(candidates):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            names.extend(n for n in tp.model_fields if n not in names)
    return names


def _expand(types_: list[Any]) -> list[Any]:
    """Unwrap Annotated, Optional and unions into their member types."""
    out: list[Any] = []
    stack = list(types_)
    while stack:
        tp = stack.pop(0)
        origin = get_origin(tp)
        if origin is typing.Annotated:
            stack.insert(0, get_args(tp)[0])
        elif origin in (Union, types.UnionType):
            stack[0:0] = list(get_args(tp))
        elif origin is Literal or tp is type(None):
            continue
        else:
            out.append(tp)
    return out


def _step(tp: Any, segment: int | str) -> list[Any]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(segment, str):
            if segment in tp.model_fields:
                return [tp.model_fields[segment].annotation]
            if segment == tp.__name__ or _tag_matches(tp, segment):
                return [tp]
        return []
    if get_origin(tp) in (tuple, list) and isinstance(segment, int):
        return [get_args(tp)[0]]
    return []


def _tag_matches(model: type[BaseModel], segment: str) -> bool:
    for name in ("basis", "mechanism"):
        info = model.model_fields.get(name)
        if info is not None and segment in get_args(info.annotation):
            return True
    return False
