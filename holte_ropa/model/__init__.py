"""The record as typed data: YAML reading, the loader, the models and the Registry.

This package is the bottom of the data flow (YAML -> loader -> models -> Registry). It
holds the strict pydantic models of every registry concept (``_models``), the safe YAML
reader that keeps ``file:line:column`` for every node (``_yaml``), the loader that turns
files into models and collects located problems (``_loader``), the ``Registry`` with
resolved references and computed third-country transfers (``_registry``), the dated
reference data those transfers rest on (``_reference`` and ``reference/*.yaml``), country
names (``_countries``), the JSON Schema for editors (``_schema``) and the marker of an
unconfirmed fact, ``UNKNOWN`` (``_unknown``).

It may import the standard library, pydantic, PyYAML, pycountry, Babel (country names) and
:mod:`holte_ropa.report` (for ``Position``, ``Problem`` and ``RegistryError``); nothing
downstream (rules, graph, records, notice, site, changes).
"""

from __future__ import annotations

from holte_ropa.model._countries import country_name
from holte_ropa.model._loader import DEFAULT_PATH, load_registry, read_registry_files
from holte_ropa.model._reference import (
    AdequacyDecision,
    DpiaListItem,
    ReferenceData,
    reference_data,
)
from holte_ropa.model._registry import Registry, SourceFile, Transfer
from holte_ropa.model._schema import registry_json_schema, registry_json_schema_text
from holte_ropa.model._unknown import UNKNOWN, Unknown, is_unknown, known

__all__ = [
    "DEFAULT_PATH",
    "UNKNOWN",
    "AdequacyDecision",
    "DpiaListItem",
    "ReferenceData",
    "Registry",
    "SourceFile",
    "Transfer",
    "Unknown",
    "country_name",
    "is_unknown",
    "known",
    "load_registry",
    "read_registry_files",
    "reference_data",
    "registry_json_schema",
    "registry_json_schema_text",
]
