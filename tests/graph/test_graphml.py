"""GraphML as its readers see it: the GraphML XSD, networkx (as Gephi reads it), booleans."""

from __future__ import annotations

from io import BytesIO, StringIO
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from holte_ropa import load_registry
from holte_ropa.graph._formats import to_graphml
from holte_ropa.graph._graph import build_graph
from tests.conftest import FIXTURES, ROOT

XSD = Path(__file__).parents[1] / "data" / "graphml" / "graphml.xsd"
NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def _views() -> list[tuple[str, str, str]]:
    holte = build_graph(load_registry(ROOT / "registry"))
    small = build_graph(load_registry(FIXTURES / "small"))
    return [
        (name, spec, to_graphml(graph.view(spec), lang))
        for name, graph in (("holte", holte), ("small", small))
        for spec in ("organisation", "transfers")
        for lang in ("nb", "en")
    ]


@pytest.mark.parametrize(("name", "spec", "graphml"), _views())
def test_every_graphml_view_is_valid_against_the_graphml_schema(
    schema: etree.XMLSchema, name: str, spec: str, graphml: str
) -> None:
    document = etree.parse(BytesIO(graphml.encode()))
    assert schema.validate(document), schema.error_log


def test_every_edge_of_holtes_organisation_graph_has_its_own_id() -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("organisation")
    root = etree.fromstring(to_graphml(view, "nb").encode())
    ids = [e.get("id") for e in root.iter(f"{NS}edge")]
    assert len(ids) == view.graph.number_of_edges() > 6
    assert len(set(ids)) == len(ids)
    assert "organisation:holte--performs--activity:recruitment" in ids


def test_the_schema_rejects_two_edges_with_one_id(schema: etree.XMLSchema) -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("organisation")
    root = etree.fromstring(to_graphml(view, "nb").encode())
    first, second = list(root.iter(f"{NS}edge"))[:2]
    second.set("id", str(first.get("id")))
    assert not schema.validate(etree.ElementTree(root))
    assert "edge_id_unique" in str(schema.error_log)


def test_edge_ids_do_not_change_when_another_edge_goes() -> None:
    view = build_graph(load_registry(FIXTURES / "small")).view("organisation")
    before = {
        (e.get("source"), e.get("target")): e.get("id")
        for e in etree.fromstring(to_graphml(view, "en").encode()).iter(f"{NS}edge")
    }
    u, v, k = next(iter(view.graph.edges(keys=True)))
    view.graph.remove_edge(u, v, k)
    after = {
        (e.get("source"), e.get("target")): e.get("id")
        for e in etree.fromstring(to_graphml(view, "en").encode()).iter(f"{NS}edge")
    }
    assert after == {pair: i for pair, i in before.items() if pair != (u, v)}


def test_booleans_are_written_as_xml_schema_spells_them() -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("organisation")
    graphml = to_graphml(view, "en")
    assert ">true</data>" in graphml and ">false</data>" in graphml
    assert ">True<" not in graphml and ">False<" not in graphml
    back = nx.read_graphml(StringIO(graphml))
    located = [d["located"] for _, d in back.nodes(data=True) if "located" in d]
    assert located and all(isinstance(x, bool) for x in located)


def test_gephi_and_networkx_read_each_nodes_label_and_each_edges_id() -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("organisation")
    back = nx.read_graphml(StringIO(to_graphml(view, "nb")), force_multigraph=True)
    assert back.nodes["organisation:holte"]["label"] == "Holte AS"
    assert back.number_of_edges() == view.graph.number_of_edges()
    keys = [k for _, _, k in back.edges(keys=True)]  # networkx keys edges by their GraphML id
    assert len(set(keys)) == len(keys)


def test_a_view_without_edges_is_still_valid_graphml(schema: etree.XMLSchema) -> None:
    view = build_graph(load_registry(FIXTURES / "small")).view("organisation")
    view.graph.remove_edges_from(list(view.graph.edges(keys=True)))
    assert schema.validate(etree.parse(BytesIO(to_graphml(view, "en").encode())))
