"""A processor whose countries the record leaves unknown may transfer data: every diagram
shows it as "countries not confirmed", and no text equivalent says "no transfers"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.graph._formats import describe, export_graph
from holte_ropa.graph._graph import DataFlowGraph, build_graph
from holte_ropa.starter import write_starter

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot absent")


@pytest.fixture
def graph(tmp_path: Path) -> DataFlowGraph:
    """The starter record: one processor with ``locations: unknown``."""
    write_starter(tmp_path / "registry", "Tannlege Berg AS")
    return build_graph(load_registry(tmp_path / "registry"))


def test_the_transfers_view_shows_a_processor_whose_countries_are_unknown(
    graph: DataFlowGraph,
) -> None:
    view = graph.view("transfers")
    assert "party:example-processor" in view.graph
    assert "activity:example-activity" in view.graph


@pytest.mark.parametrize(
    ("lang", "said", "never"),
    [
        (
            "nb",
            "0 kjente land. Land ikke avklart for Example processor, så overføring ut av EØS "
            "er ikke utelukket.",
            "Ingen overføringer",
        ),
        (
            "en",
            "0 known countries. Countries not confirmed for Example processor, so a transfer "
            "outside the EEA is not ruled out.",
            "No transfers",
        ),
    ],
)
def test_the_text_equivalent_says_the_countries_are_not_confirmed(
    graph: DataFlowGraph, lang: str, said: str, never: str
) -> None:
    for spec in ("transfers", "organisation"):
        text = describe(graph.view(spec), lang)
        assert said in text
        assert never not in text


def test_the_svg_box_its_legend_and_desc_say_so(graph: DataFlowGraph) -> None:
    svg = export_graph(graph.view("transfers"), "svg", "nb").decode()
    assert ">land ikke avklart</text>" in svg  # in the processor's box
    assert ">land ikke avklart:</text>" in svg  # in the legend, on two lines
    assert ">overføring ut av EØS ikke utelukket</text>" in svg
    assert "Land ikke avklart for Example processor" in svg.split("</desc>")[0]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils absent")
def test_the_pdf_subject_says_so(graph: DataFlowGraph, tmp_path: Path) -> None:
    path = tmp_path / "transfers.pdf"
    path.write_bytes(export_graph(graph.view("transfers"), "pdf", "en"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    subject = next(line for line in info.stdout.splitlines() if line.startswith("Subject:"))
    assert "Countries not confirmed for Example processor" in subject


@pytest.mark.parametrize("fmt", ["mermaid", "graphml-yed"])
@pytest.mark.parametrize("spec", ["organisation", "transfers"])
def test_mermaid_and_yed_boxes_say_so_as_the_svg_does(
    graph: DataFlowGraph, fmt: str, spec: str
) -> None:
    out = export_graph(graph.view(spec), fmt, "nb").decode()  # type: ignore[arg-type]
    assert "land ikke avklart" in out
