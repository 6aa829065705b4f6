"""The compact positions locate every value exactly where the YAML node tree does."""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from holte_ropa import load_registry
from holte_ropa.model._positions import index, locate
from holte_ropa.model._yaml import (
    PathSegment,
    YamlDocument,
    iter_files,
    node_at,
    position_of,
    read_yaml,
)
from holte_ropa.report._problems import Position
from tests.conftest import ROOT

ANCHORS = """\
defaults: &defaults
  country: "NO"
  access: storage
parties:
  - id: one
    locations:
      - <<: *defaults
        country: SE
      - {<<: [*defaults], mechanism: scc}
  - id: two
    name: {nb: To, en: Two}
    tags: [a, b, c]
"""


def _paths(node: Node, path: tuple[PathSegment, ...] = ()) -> list[tuple[PathSegment, ...]]:
    """Every path into the tree, plus a few that name nothing (skipped, as pydantic's are)."""
    found = [path, (*path, "function-after[x]"), (*path, 99)]
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                found += _paths(value, (*path, key.value))
        found += [(*path, "country"), (*path, "access"), (*path, "mechanism")]
    elif isinstance(node, SequenceNode):
        for number, item in enumerate(node.value):
            found += _paths(item, (*path, number))
    return found


def _agree(file: Path) -> int:
    doc = read_yaml(file, file.name)
    assert isinstance(doc, YamlDocument), doc
    spots = index(doc.root)
    paths = _paths(doc.root)
    for path in paths:
        node, _ = node_at(doc.root, path)
        assert locate(doc.file, spots, path) == position_of(doc.file, node), path
    return len(paths)


def test_merge_keys_aliases_and_flow_style_are_located_as_the_node_tree_locates_them(
    tmp_path: Path,
) -> None:
    file = tmp_path / "anchors.yaml"
    file.write_text(ANCHORS, encoding="utf-8")
    assert _agree(file) > 40
    doc = read_yaml(file, "anchors.yaml")
    assert isinstance(doc, YamlDocument)
    own = ("parties", 0, "locations", 0, "country")
    assert locate("anchors.yaml", index(doc.root), own) == Position("anchors.yaml", 8, 18)


def test_every_value_of_holtes_registry_is_located_as_before() -> None:
    assert sum(_agree(file) for file in iter_files(ROOT / "registry")) > 1000


def test_a_registry_keeps_no_yaml_nodes() -> None:
    registry = load_registry(ROOT / "registry")
    kept = [origin.root for origin in registry._origins.values()]
    assert kept and not any(isinstance(root, Node) for root in kept)
