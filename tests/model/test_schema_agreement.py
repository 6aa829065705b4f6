"""The loader and the JSON Schema agree on booleans, country codes and text lengths.

A property test (hypothesis): documents made from the small registry's two files with one boolean or
country field replaced by a YAML scalar, written plain or quoted (``NO``, ``"yes"``,
``off``, ``UK``, ``1`` ...), are accepted by both the loader and the JSON Schema an editor
uses, or refused by both. The schema sees the values as this tool's YAML 1.2 reader gives
them, which is how the yaml-language-server reads the files too.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from holte_ropa.model._loader import read_registry_files
from holte_ropa.model._schema import NAME_PATTERN, registry_json_schema
from holte_ropa.model._text import NAME_FIELDS
from holte_ropa.model._yaml import YamlDocument, read_yaml
from tests.conftest import FIXTURES

SOURCES = {
    name: yaml.safe_load((FIXTURES / "small" / name).read_text(encoding="utf-8"))
    for name in ("organisation.yaml", "registry.yaml")
}
VALIDATOR = jsonschema.Draft202012Validator(registry_json_schema())
MARKER = "HOLTE-ROPA-MARKER"
SCALARS = [
    # YAML 1.1 booleans and their YAML 1.2 spellings, plain and quoted
    "true", "false", "True", "FALSE", "yes", "no", "NO", "No", "on", "off", "On", "OFF",
    "y", "n", "Y", "N", "1", "0", "~", "null",
    '"true"', '"false"', '"yes"', '"NO"', '"on"', '"off"', '"1"', '""',
    # country codes: assigned, reserved by habit, unassigned, wrong case
    "NO", "SE", "US", "GB", "UK", "EL", "XX", "GR", "no", "us", "QQ", "EU",
    '"UK"', '"GB"', '"XX"',
]  # fmt: skip


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Paths of every boolean and every country code in ``value``."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, (*path, i))]
    if isinstance(value, bool) or (path and path[-1] in ("country", "parent_country")):
        return [path]
    return []


PATHS = _paths(SOURCES)


def _document(path: tuple[object, ...], scalar: str) -> str:
    data = copy.deepcopy(SOURCES[str(path[0])])
    node = data
    for segment in path[1:-1]:
        node = node[segment]
    node[path[-1]] = MARKER
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, width=10_000)
    return text.replace(MARKER, scalar)


def test_the_generated_documents_cover_booleans_and_countries() -> None:
    assert len(PATHS) >= 11
    assert any(p[-1] == "consent_before_set" for p in PATHS)
    assert any(p[-1] == "country" for p in PATHS)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=st.sampled_from(PATHS), scalar=st.sampled_from(SCALARS))
def test_the_loader_and_the_json_schema_accept_and_refuse_the_same_documents(
    tmp_path: Path, path: tuple[object, ...], scalar: str
) -> None:
    target = tmp_path / str(path[0])
    target.write_text(_document(path, scalar), encoding="utf-8")
    doc = read_yaml(target)
    assert isinstance(doc, YamlDocument)
    _, problems = read_registry_files(target)
    data = json.loads(json.dumps(doc.data, default=str))
    schema_errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert bool(problems) == bool(schema_errors), (path, scalar, problems, schema_errors)


def _texts(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Paths of every text in ``value``."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _texts(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _texts(v, (*path, i))]
    return [path] if isinstance(value, str) else []


TEXTS = _texts(SOURCES)


def test_every_text_of_the_schema_has_a_length_limit() -> None:
    def strings(node: object) -> list[dict[str, object]]:
        if isinstance(node, list):
            return [s for item in node for s in strings(item)]
        if not isinstance(node, dict):
            return []
        own = [node] if node.get("type") == "string" else []
        return own + [s for value in node.values() for s in strings(value)]

    unlimited = [
        s
        for s in strings(registry_json_schema())
        if "maxLength" not in s and not {"enum", "const", "format"} & set(s)
    ]
    assert unlimited == []
    text = registry_json_schema()["$defs"]["Activity"]["properties"]["name"]
    name = {"maxLength": 200, "pattern": NAME_PATTERN}
    assert text["properties"] == {"nb": name, "en": name}


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(TEXTS),
    length=st.sampled_from([1, 80, 81, 199, 200, 201, 9_999, 10_000, 10_001]),
)
def test_the_loader_and_the_json_schema_agree_on_text_lengths(
    tmp_path: Path, path: tuple[object, ...], length: int
) -> None:
    target = tmp_path / str(path[0])
    target.write_text(_document(path, "x" * length), encoding="utf-8")
    _, problems = read_registry_files(target)
    doc = read_yaml(target)
    data = doc.data if isinstance(doc, YamlDocument) else yaml.safe_load(target.read_text())
    data = json.loads(json.dumps(data, default=str))
    schema_errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert bool(problems) == bool(schema_errors), (path, length, problems, schema_errors)


NAMES = [p for p in TEXTS if NAME_FIELDS & {str(s) for s in p[-2:]}]
NAME_SAMPLES = [
    "Holte AS", "Ø", "A", " Acme ", "Acme\u00a0AS", "Ærlig\u00adnavn",
    "", " ", "\u00a0", "\u200b", "\u00ad", "\ufeff", " \u2060 ", "\u3000",
    "A\u202eB", "\u2066Acme\u2069", "Acme\u200f",
]  # fmt: skip


def test_the_generated_documents_cover_names() -> None:
    assert {str(p[-1]) for p in NAMES} >= {"name", "nb", "en"}
    assert any("legal_name" in p for p in NAMES)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=st.sampled_from(NAMES), name=st.sampled_from(NAME_SAMPLES))
def test_the_loader_and_the_json_schema_agree_on_blank_and_reordered_names(
    tmp_path: Path, path: tuple[object, ...], name: str
) -> None:
    # An editor underlines the name the loader refuses: nothing visible in it, or a
    # bidirectional control that shows it in another order than it is written.
    target = tmp_path / str(path[0])
    target.write_text(_document(path, json.dumps(name)), encoding="utf-8")
    _, problems = read_registry_files(target)
    doc = read_yaml(target)
    data = doc.data if isinstance(doc, YamlDocument) else yaml.safe_load(target.read_text())
    data = json.loads(json.dumps(data, default=str))
    schema_errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert bool(problems) == bool(schema_errors), (path, name, problems, schema_errors)
