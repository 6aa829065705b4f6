"""Every Mermaid diagram the build writes, drawn by mermaid-cli in Debian's Chromium.

mermaid-cli is what GitHub and GitLab's renderer is built on; a diagram it cannot parse
shows as a "Syntax error" bomb, and an invalid front matter draws nothing at all. All
diagrams go into one Markdown file so Chromium starts once.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.graph._formats import export_graph
from holte_ropa.graph._graph import build_graph
from holte_ropa.terms import LANGUAGES
from tests.conftest import ROOT

_LOCAL = ROOT / ".tools" / "node_modules" / ".bin" / "mmdc"
MMDC = str(_LOCAL) if _LOCAL.exists() else shutil.which("mmdc")
CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MMDC is None, reason="mermaid-cli absent (scripts/setup.sh installs it)"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium absent"),
]

DIRECTIVE = '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%'
HOSTILE_NAME = f'Evil #1; "Co": <b>x</b> #35; & more &amp; {DIRECTIVE}'
HOSTILE_TITLE = f"Transfers: Evil #1; Co # tag {DIRECTIVE}"


def _diagrams() -> list[tuple[str, str]]:
    """What the build writes to graphs/*.mmd, and one view with hostile names."""
    graph = build_graph(load_registry(ROOT / "registry"))
    diagrams = [
        (f"{spec}.{lang}", export_graph(graph.view(spec), "mermaid", lang).decode())
        for spec in ("organisation", "transfers")
        for lang in LANGUAGES
    ]
    view = graph.view("transfers")
    party = next(n for n, d in view.graph.nodes(data=True) if d["kind"] == "party")
    view.graph.nodes[party]["label_en"] = HOSTILE_NAME
    view = dataclasses.replace(view, title_en=HOSTILE_TITLE)
    diagrams.append(("hostile.en", export_graph(view, "mermaid", "en").decode()))
    return diagrams


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("mermaid")
    diagrams = _diagrams()
    source = folder / "all.md"
    source.write_text("".join(f"```mermaid\n{text}```\n\n" for _, text in diagrams))
    config = folder / "puppeteer.json"
    config.write_text(f'{{"executablePath": "{CHROMIUM}", "args": ["--no-sandbox"]}}')
    assert MMDC is not None
    subprocess.run(
        [MMDC, "-p", str(config), "-i", str(source), "-o", str(folder / "out.md")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {
        name: (folder / f"out-{index}.svg").read_text(encoding="utf-8")
        for index, (name, _) in enumerate(diagrams, start=1)
    }


def test_mermaid_cli_draws_every_diagram_the_build_writes_without_a_syntax_error(
    rendered: dict[str, str],
) -> None:
    assert set(rendered) == {
        f"{spec}.{lang}" for spec in ("organisation", "transfers") for lang in LANGUAGES
    } | {"hostile.en"}
    for name, svg in rendered.items():
        ET.fromstring(svg)  # well-formed SVG
        assert 'aria-roledescription="flowchart-v2"' in svg, name
        assert "Syntax error" not in svg, name
        assert svg.count('class="node') > 3, name


def test_the_titles_with_a_colon_survive_the_front_matter(rendered: dict[str, str]) -> None:
    assert "Transfers outside the EEA: Holte AS" in rendered["transfers.en"]
    assert HOSTILE_TITLE in rendered["hostile.en"]


def test_names_with_mermaid_entities_and_markup_are_drawn_as_written(
    rendered: dict[str, str],
) -> None:
    svg = rendered["hostile.en"]
    assert 'Evil #1; "Co": &lt;b&gt;x&lt;/b&gt; #35; &amp; more &amp;amp; %%{init:' in svg
    assert "#37;" not in svg and "#38;" not in svg
    assert "\x01" not in svg


def test_a_directive_in_a_name_or_title_changes_nothing(rendered: dict[str, str]) -> None:
    hostile, plain = rendered["hostile.en"], rendered["transfers.en"]
    # the dark theme would fill the nodes with another colour than the default theme's
    assert re.findall(r"fill:#[0-9a-fA-F]+", hostile) == re.findall(r"fill:#[0-9a-fA-F]+", plain)
