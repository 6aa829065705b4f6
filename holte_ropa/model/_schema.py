"""The JSON Schema of registry files, for editors (yaml-language-server) and tooling.

Field descriptions come from ``Field(description=...)`` or, failing that, from the
field's docstring (the string literal under it). The docstrings are read here, when the
schema is generated, rather than by pydantic when it builds the models
(``use_attribute_docstrings``): reading them means reading and parsing the modules'
source, which a check has no use for.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel
from pydantic._internal._docs_extraction import extract_docstrings_from_cls

from holte_ropa.model._base import _Model
from holte_ropa.model._models import RegistryFile
from holte_ropa.model._text import MAX_NAME, MAX_TEXT, NAME_FIELDS

__all__ = ["SCHEMA_ID", "registry_json_schema", "registry_json_schema_text"]

SCHEMA_ID = "https://holte-ropa.dev/schema/registry.schema.json"


def registry_json_schema() -> dict[str, Any]:
    """The schema every YAML file of a registry folder validates against.

    Text lengths are the loader's (:mod:`._text`): ``maxLength`` 200 on names, 10,000 on
    every other text, and a name needs something visible and no bidirectional control,
    so an editor underlines a text the loader would refuse.
    """
    schema = RegistryFile.model_json_schema()
    _describe_fields(schema)
    _limit_lengths(schema, None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def registry_json_schema_text() -> str:
    """The schema as stable, pretty JSON text (what ``holte-ropa schema`` prints).

    Generating it reads every model's source for its docstrings, which costs a build
    more than its check; the text is kept in the user's cache folder under a
    fingerprint of everything it is made from (the model and vocabulary modules and data,
    the pydantic, pycountry and Python versions), so a change of any of them makes it
    anew. A cache that cannot be read or written means generating it, not an error.
    """
    cached = _cache_file()
    if cached is not None:
        try:
            return cached.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass
    text = json.dumps(registry_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if cached is not None:
        _write_quietly(cached, text)
    return text


def _cache_file() -> Path | None:
    from holte_ropa.notice._compiled import cache_home

    base = cache_home()
    if base is None:
        return None
    package = Path(__file__).parents[1]
    sources = sorted(
        path
        for folder in (package / "model", package / "terms")
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    digest = hashlib.sha256()
    for part in (sys.version, pydantic.VERSION, importlib.metadata.version("pycountry")):
        digest.update(part.encode() + b"\0")
    for path in sources:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return base / "holte-ropa" / f"registry.schema-{digest.hexdigest()[:16]}.json"


def _write_quietly(file: Path, text: str) -> None:
    """Write ``file`` whole or not at all (another run may be reading it)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(file)
    except OSError:
        return


_TEXT_REF = "#/$defs/Text"
_BIDI = r"\u202a-\u202e\u2066-\u2069"
_INVISIBLE = r"\s\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff"
NAME_PATTERN = f"^[^{_BIDI}]*[^{_INVISIBLE}{_BIDI}][^{_BIDI}]*$"
"""What the loader asks of a name (:func:`._text.blank_problem`, :func:`._text.bidi_problem`):
something visible in it, and no bidirectional control. Regex escapes, not the characters,
so the schema file shows no invisible text; JavaScript and Python read them alike."""
_SUBSCHEMAS = ("anyOf", "oneOf", "allOf", "items", "additionalProperties", "$defs")


def _limit_lengths(node: object, field: str | None) -> None:
    """Add the loader's text limits to every string of the schema, by field name.

    ``Text`` is one shared definition (10,000 per language); where a name field refers to
    it, the reference gets sibling ``properties`` that narrow both languages to 200.
    """
    if isinstance(node, list):
        for item in node:
            _limit_lengths(item, field)
        return
    if not isinstance(node, dict):
        return
    is_name = field in NAME_FIELDS
    if node.get("type") == "string" and not {"maxLength", "enum", "const", "format"} & set(node):
        node["maxLength"] = MAX_NAME if is_name else MAX_TEXT
        if is_name:
            node["pattern"] = NAME_PATTERN
    if node.get("$ref") == _TEXT_REF and is_name:
        name = {"maxLength": MAX_NAME, "pattern": NAME_PATTERN}
        node["properties"] = {lang: dict(name) for lang in ("nb", "en")}
    for name, sub in (node.get("properties") or {}).items():
        _limit_lengths(sub, name if name not in ("nb", "en") else field)
    for key in _SUBSCHEMAS:
        if key == "$defs":
            for sub in (node.get(key) or {}).values():
                _limit_lengths(sub, None)
        elif key in node:
            _limit_lengths(node[key], field)


def _describe_fields(schema: dict[str, Any]) -> None:
    """Give every property without a description its field's docstring, in place."""
    definitions: dict[str, dict[str, Any]] = schema.get("$defs", {})
    for model in _models(_Model):
        found = schema if model is RegistryFile else definitions.get(model.__name__)
        if found is None or found.get("title") not in (model.__name__, schema.get("title")):
            continue
        properties: dict[str, dict[str, Any]] = found.get("properties", {})
        docs = extract_docstrings_from_cls(model, use_inspect=True)
        for name, info in model.model_fields.items():
            if info.description is None and name in docs and name in properties:
                properties[name]["description"] = docs[name]


def _models(base: type[BaseModel]) -> list[type[BaseModel]]:
    """Every subclass of ``base``, at any depth."""
    found: list[type[BaseModel]] = []
    for sub in base.__subclasses__():
        found += [sub, *_models(sub)]
    return found
