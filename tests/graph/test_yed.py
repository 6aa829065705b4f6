"""GraphML for yEd: names drawn from yEd's own markup, read back by networkx's yFiles reader,
and nothing but that markup added to a file valid against the GraphML XSD."""

from __future__ import annotations

import copy
import shutil
from io import BytesIO
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from holte_ropa import load_registry
from holte_ropa.graph._formats import FILE_SUFFIX, export_graph
from holte_ropa.graph._graph import build_graph
from tests.conftest import FIXTURES, ROOT

XSD = Path(__file__).parents[1] / "data" / "graphml" / "graphml.xsd"
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"


def _yed(folder: Path, lang: str, spec: str = "organisation") -> bytes:
    return export_graph(build_graph(load_registry(folder)).view(spec), "graphml-yed", lang)


def test_networkx_reads_yeds_node_labels_with_the_role_in_the_box(tmp_path: Path) -> None:
    path = tmp_path / "organisation.nb.yed.graphml"
    path.write_bytes(_yed(ROOT / "registry", "nb"))
    graph = nx.read_graphml(path, force_multigraph=True)
    # networkx takes 'label' from <y:NodeLabel> (the plain label has no role line);
    # the registry leaves Azure's countries unknown, and the box says so
    azure = "Microsoft Azure\nunderdatabehandler\nland ikke avklart"
    assert graph.nodes["party:azure"]["label"] == azure
    assert graph.nodes["organisation:holte"]["label"] == "Holte AS"
    assert {float(d["x"]) for _, d in graph.nodes(data=True)} == {0.0, 340.0, 680.0, 1020.0}


def test_transfers_carry_their_safeguard_as_an_edge_label_in_the_chosen_language() -> None:
    # The notice's words where the record is silent: "ikke avklart", not "ukjent".
    for lang, words in (("nb", {"DPF", "ikke avklart"}), ("en", {"DPF", "not yet confirmed"})):
        graph = nx.read_graphml(BytesIO(_yed(ROOT / "registry", lang)), force_multigraph=True)
        labels = {d["label"] for _, _, d in graph.edges(data=True) if "label" in d}
        assert labels == words
        assert all("label" in d for _, _, d in graph.edges(data=True) if d.get("third_country"))


def test_every_node_and_edge_has_exactly_one_yed_drawing() -> None:
    root = etree.fromstring(_yed(FIXTURES / "small", "en"))
    keys = {k.get("yfiles.type"): k.get("id") for k in root.iter(f"{G}key") if k.get("yfiles.type")}
    assert set(keys) == {"nodegraphics", "edgegraphics"}
    for node in root.iter(f"{G}node"):
        (shape,) = node.findall(f"{G}data[@key='{keys['nodegraphics']}']/{Y}ShapeNode")
        assert shape.find(f"{Y}NodeLabel").text
        assert shape.find(f"{Y}Geometry") is not None
    edges = list(root.iter(f"{G}edge"))
    assert edges
    for edge in edges:
        assert len(edge.findall(f"{G}data[@key='{keys['edgegraphics']}']/{Y}PolyLineEdge")) == 1
    assert "ygraphml.xsd" in root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")


@pytest.mark.parametrize("spec", ["organisation", "transfers"])
def test_without_yeds_markup_the_file_is_valid_graphml(spec: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    root = etree.fromstring(_yed(ROOT / "registry", "nb", spec))
    plain = copy.deepcopy(root)
    for element in list(plain.iter(f"{G}key", f"{G}data")):
        if element.get("yfiles.type") or element.get("key", "").startswith("yed_"):
            element.getparent().remove(element)
    assert schema.validate(plain), schema.error_log
    assert not schema.validate(root)  # the GraphML XSD alone refuses yEd's extension


def test_the_yed_file_is_named_per_language_beside_the_plain_graphml() -> None:
    assert FILE_SUFFIX["graphml-yed"] == "yed.graphml"


def test_a_name_starting_with_html_is_shown_as_text_not_rendered_by_yed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "registry"
    shutil.copytree(FIXTURES / "small", folder)
    registry = folder / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("name: {nb: Nyhetsbrev", "name: {nb: '<html><img src=http://x/a.png>'", 1),
        encoding="utf-8",
    )
    labels = [
        label.text
        for label in etree.fromstring(_yed(folder, "nb")).iter(f"{Y}NodeLabel")
        if label.text and "img" in label.text
    ]
    # Swing renders a label as HTML only when its first character is '<'
    assert labels == [" <html><img src=http://x/a.png>"]
