"""Drawing many diagrams: the same bytes as one ``dot`` per diagram, and none drawn twice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.graph._dot import (
    GraphvizError,
    _with_resolution,
    draw,
    draw_ahead,
    drawing_session,
    render,
)
from holte_ropa.graph._formats import GraphJob, export_graph, export_graphs, to_dot
from holte_ropa.graph._graph import build_graph
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


def _counting_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a ``dot`` on PATH that writes one line per run to a log, then runs the real one."""
    real = shutil.which("dot")
    log = tmp_path / "dot.log"
    folder = tmp_path / "bin"
    folder.mkdir()
    wrapper = folder / "dot"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> {log}\nexec {real} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path(str(real)).parent}")
    return log


def _runs(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _alone(source: str, *args: str) -> bytes:
    return subprocess.run(
        ["dot", *args], input=source.encode(), capture_output=True, check=True
    ).stdout


def test_many_diagrams_drawn_together_are_byte_identical_to_each_drawn_alone() -> None:
    graph = build_graph(load_registry(SMALL))
    sources = [
        to_dot(graph.view(spec), lang)
        for spec in ("organisation", "transfers", "party:mailtool")
        for lang in ("nb", "en")
    ]
    drawn = draw({"svg": sources, "png": sources[:2]})
    assert drawn["svg"] == [_alone(s, "-Tsvg") for s in sources]
    # PNGs are Graphviz's at 192 dpi, with the pHYs chunk that says so
    assert drawn["png"] == [
        _with_resolution(_alone(s, "-Tpng", "-Gdpi=192"), 192) for s in sources[:2]
    ]


def test_export_graphs_gives_what_export_graph_gives_for_each_job() -> None:
    graph = build_graph(load_registry(SMALL))
    organisation, transfers = graph.view("organisation"), graph.view("transfers")
    jobs: list[GraphJob] = [
        (organisation, "svg", "nb"),
        (organisation, "dot", "en"),
        (transfers, "png", "en"),
        (transfers, "mermaid", "nb"),
        (organisation, "svg", "en"),
    ]
    assert export_graphs(jobs) == [export_graph(v, fmt, lang) for v, fmt, lang in jobs]


def test_within_a_drawing_session_a_diagram_is_drawn_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _counting_dot(tmp_path, monkeypatch)
    with drawing_session():
        first = render("digraph { a -> b }", "svg")
        again = draw({"svg": ["digraph { a -> b }", "digraph { a -> b }"]})["svg"]
        render("digraph { a -> b }", "pdf")
    assert again == [first, first]
    assert _runs(log) == ["-Tsvg", "-Tpdf"]


def test_outside_a_session_nothing_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _counting_dot(tmp_path, monkeypatch)
    render("digraph { a -> b }", "svg")
    render("digraph { a -> b }", "svg")
    assert _runs(log) == ["-Tsvg", "-Tsvg"]


def test_a_diagram_dot_cannot_draw_is_reported_with_dots_own_message() -> None:
    with pytest.raises(GraphvizError, match=r"dot -Tsvg failed: .*syntax error"):
        draw({"svg": ["digraph { a -> b }", "digraph { a -> }"]})


def test_drawings_started_ahead_are_the_ones_a_later_draw_gets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _counting_dot(tmp_path, monkeypatch)
    sources = ["digraph { a -> b }", "digraph { b -> c }"]
    with drawing_session():
        draw_ahead({"svg": sources, "png": sources[:1]})
        drawn = draw({"svg": sources, "png": sources[:1]})
    assert sorted(_runs(log)) == ["-Tpng -Gdpi=192", "-Tsvg", "-Tsvg"]
    assert drawn["svg"] == [_alone(s, "-Tsvg") for s in sources]


def test_outside_a_session_nothing_is_drawn_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _counting_dot(tmp_path, monkeypatch)
    draw_ahead({"svg": ["digraph { a -> b }"]})
    assert _runs(log) == []
