"""The JSON Schema of registry files, for editors (yaml-language-server) and tooling."""

from __future__ import annotations

import json
from typing import Any

from holte_ropa.model._models import RegistryFile
from holte_ropa.model._text import MAX_NAME, MAX_TEXT, NAME_FIELDS

__all__ = ["SCHEMA_ID", "registry_json_schema", "registry_json_schema_text"]

SCHEMA_ID = "https://holte-ropa.dev/schema/registry.schema.json"


def registry_json_schema() -> dict[str, Any]:
    """The schema every YAML file of a registry folder validates against.

    Text lengths are the loader's (:mod:`._text`): ``maxLength`` 200 on names, 10,000 on
    every other text, so an editor underlines a text the loader would refuse.
    """
    schema = RegistryFile.model_json_schema()
    _limit_lengths(schema, None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def registry_json_schema_text() -> str:
    """The schema as stable, pretty JSON text (what ``holte-ropa schema`` prints)."""
    return json.dumps(registry_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_TEXT_REF = "#/$defs/Text"
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
    if node.get("$ref") == _TEXT_REF and is_name:
        node["properties"] = {lang: {"maxLength": MAX_NAME} for lang in ("nb", "en")}
    for name, sub in (node.get("properties") or {}).items():
        _limit_lengths(sub, name if name not in ("nb", "en") else field)
    for key in _SUBSCHEMAS:
        if key == "$defs":
            for sub in (node.get(key) or {}).values():
                _limit_lengths(sub, None)
        elif key in node:
            _limit_lengths(node[key], field)
