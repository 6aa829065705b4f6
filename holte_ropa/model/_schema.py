"""The JSON Schema of registry files, for editors (yaml-language-server) and tooling."""

from __future__ import annotations

import json
from typing import Any

from holte_ropa.model._models import RegistryFile

__all__ = ["SCHEMA_ID", "registry_json_schema", "registry_json_schema_text"]

SCHEMA_ID = "https://holte-ropa.dev/schema/registry.schema.json"


def registry_json_schema() -> dict[str, Any]:
    """The schema every YAML file of a registry folder validates against."""
    schema = RegistryFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def registry_json_schema_text() -> str:
    """The schema as stable, pretty JSON text (what ``holte-ropa schema`` prints)."""
    return json.dumps(registry_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
