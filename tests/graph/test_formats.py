"""Graph exports: real ``dot`` renders, GraphML round-trips, and nothing changes between runs."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from io import StringIO

import networkx as nx
import pytest

from holte_ropa import load_registry
from holte_ropa.graph._formats import (
    GRAPH_FORMATS,
    GraphvizMissingError,
    export_graph,
    render,
    render_svg,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link_json,
)
from holte_ropa.graph._graph import GraphView, build_graph
from tests.conftest import FIXTURES, ROOT

SMALL = FIXTURES / "small"
SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


def view(spec: str = "organisation") -> GraphView:
    return build_graph(load_registry(SMALL)).view(spec)


def test_dot_flows_left_to_right_with_eea_and_third_country_clusters() -> None:
    dot = to_dot(view(), "en")
    assert "rankdir=LR" in dot
    assert "subgraph cluster_eea {" in dot and 'label="EEA"' in dot
    assert 'label="Third countries (outside the EEA)"' in dot
    assert '"party:mailtool" -> "country:US"' in dot
    assert "legend [shape=plaintext" in dot


def test_dot_labels_follow_the_language() -> None:
    assert "Nyhetsbrev" in to_dot(view(), "nb")
    assert "databehandler" in to_dot(view(), "nb")
    assert "Newsletter" in to_dot(view(), "en")
    assert "Nyhetsbrev" not in to_dot(view(), "en")


@needs_dot
def test_dot_really_renders_an_svg_with_title_and_desc() -> None:
    svg = render_svg(load_registry(SMALL), "organisation", "en")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Data flows at Acme AS"
    assert (
        desc is not None and desc.text is not None and "Mailtool → United States (SCC)" in desc.text
    )
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    drawn = {t.text for t in root.iter(f"{SVG}title")}
    assert {"Mailtool", "United States", "Hosting for customers"} <= drawn  # names, not ids


@needs_dot
def test_png_and_pdf_come_from_dot_and_are_byte_identical_across_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    v = view("transfers")
    png1, png2 = export_graph(v, "png"), export_graph(v, "png")
    assert png1.startswith(b"\x89PNG") and png1 == png2
    pdf1 = export_graph(v, "pdf")
    pdf2 = export_graph(v, "pdf")
    assert pdf1.startswith(b"%PDF") and pdf1 == pdf2
    assert b"/CreationDate (D:19800101000000" in pdf1  # as the xlsx records


def test_a_missing_dot_says_how_to_install_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(GraphvizMissingError, match="apt-get install graphviz"):
        render("digraph {}", "svg")


def test_graphml_loads_back_into_networkx_with_the_same_nodes() -> None:
    v = view()
    back = nx.read_graphml(StringIO(to_graphml(v, "en")))
    assert list(back.nodes) == list(v.graph.nodes)
    assert back.number_of_edges() == v.graph.number_of_edges()
    assert back.nodes["party:mailtool"]["label"] == "Mailtool"
    assert back.nodes["activity:newsletter"]["data_categories"] == "name,email"


def test_node_link_json_keeps_ids_kinds_and_edge_attributes() -> None:
    payload = json.loads(to_node_link_json(view()))
    assert [n["id"] for n in payload["nodes"]] == list(view().graph.nodes)
    transfer = next(e for e in payload["edges"] if e["target"] == "country:US")
    assert transfer["mechanism"] == "scc" and transfer["transfer"] is True
    back = nx.node_link_graph(payload, edges="edges")
    assert set(back.nodes) == set(view().graph.nodes)


def test_mermaid_is_a_left_to_right_flowchart_with_country_subgraphs() -> None:
    text = to_mermaid(view(), "en")
    assert "flowchart LR" in text
    assert 'subgraph third_country["Third countries (outside the EEA)"]' in text
    assert 'party_mailtool -->|"SCC"| country_US' in text
    assert 'party_backup -.->|"not yet confirmed"| country_IN' in text
    assert "classDef processor" in text


@needs_dot
def test_every_graph_export_is_byte_identical_across_two_runs() -> None:
    registry = load_registry(SMALL)
    for fmt in GRAPH_FORMATS:
        first = export_graph(build_graph(registry).view("organisation"), fmt, "nb")
        second = export_graph(build_graph(load_registry(SMALL)).view("organisation"), fmt, "nb")
        assert first == second, fmt


@needs_dot
def test_holtes_diagrams_render_in_both_languages() -> None:
    graph = build_graph(load_registry(ROOT / "registry"))
    for spec in ("organisation", "transfers", "party:azure", "subject:customer-contacts"):
        for lang in ("nb", "en"):
            svg = export_graph(graph.view(spec), "svg", lang)
            assert b"<desc id=" in svg, (spec, lang)


@needs_dot
def test_svg_tooltips_name_nodes_edges_and_boxes_never_by_internal_id() -> None:
    svg = export_graph(view("organisation"), "svg", "en").decode()
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert "Mailtool" in titles
    assert "Customers → Newsletter" in titles
    assert "EEA" in titles and "Legend" in titles
    assert not [t for t in titles if re.search(r"(party|activity|subject|country):|cluster_", t)]


def test_diagrams_use_the_notices_words_for_what_is_not_confirmed() -> None:
    holte = build_graph(load_registry(ROOT / "registry")).view("organisation")
    nb, en = to_dot(holte, "nb"), to_dot(holte, "en")
    assert "ikke avklart" in nb and "ukjent" not in nb
    assert "not yet confirmed" in en and "unknown" not in en.replace('"unknown', "")


def test_the_legend_spells_out_dpf_when_a_transfer_uses_it() -> None:
    holte = build_graph(load_registry(ROOT / "registry"))
    assert "USA: DPF" in to_dot(holte.view("transfers"), "nb")
    assert "DPF: EU–US Data Privacy Framework" in to_dot(holte.view("transfers"), "nb")
    assert "DPF: EU–US Data Privacy Framework" in to_dot(holte.view("recipients"), "en")
    assert "DPF:" not in to_dot(holte.view("sources"), "en")


def test_diagrams_name_countries_in_their_language_never_by_iso_code() -> None:
    holte = build_graph(load_registry(ROOT / "registry")).view("organisation")
    nb, en = to_dot(holte, "nb"), to_dot(holte, "en")
    assert "→ USA: DPF" in nb and "→ United States: DPF" in en
    assert '"Norge"' in nb and '"Norway"' in en
    yed = export_graph(holte, "graphml-yed", "en").decode()
    for text in (nb, en, to_mermaid(holte, "nb"), yed):
        assert not re.search(r"→ [A-Z]{2}:|\\n(?:US|NO|IE|SE)\"", text)


def test_sources_and_recipients_are_the_organisation_view_in_two_halves() -> None:
    graph = build_graph(load_registry(SMALL))
    kinds = {
        spec: {d["kind"] for _, d in graph.view(spec).graph.nodes(data=True)}
        for spec in ("sources", "recipients")
    }
    assert kinds["sources"] == {"organisation", "subject", "activity"}
    assert kinds["recipients"] == {"organisation", "activity", "party", "country"}
    whole = set(graph.view("organisation").graph.nodes)
    assert (
        set(graph.view("sources").graph.nodes) | set(graph.view("recipients").graph.nodes) == whole
    )
    with pytest.raises(ValueError, match="sources, recipients"):
        graph.view("sources:x")
