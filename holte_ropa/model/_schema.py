"""The JSON Schema of registry files, for editors (yaml-language-server) and tooling.

Field descriptions come from ``Field(description=...)`` or, failing that, from the
field's docstring (the string literal under it). The docstrings are read here, when the
schema is generated, rather than by pydantic when it builds the models
(``use_attribute_docstrings``): reading them means reading and parsing the modules'
source, which a check has no use for.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic._internal._docs_extraction import extract_docstrings_from_cls

from holte_ropa.model._base import _Model
from holte_ropa.model._models import RegistryFile

__all__ = ["SCHEMA_ID", "registry_json_schema", "registry_json_schema_text"]

SCHEMA_ID = "https://holte-ropa.dev/schema/registry.schema.json"


def registry_json_schema() -> dict[str, Any]:
    """The schema every YAML file of a registry folder validates against."""
    schema = RegistryFile.model_json_schema()
    _describe_fields(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def registry_json_schema_text() -> str:
    """The schema as stable, pretty JSON text (what ``holte-ropa schema`` prints)."""
    return json.dumps(registry_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
