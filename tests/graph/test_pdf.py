"""PDF diagrams carry a title and a subject that poppler's pdfinfo shows, in their language,
added as a PDF incremental update that leaves cairo's bytes in place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.graph._formats import describe, export_graph, render, to_dot
from holte_ropa.graph._graph import build_graph
from holte_ropa.graph._pdf import with_document_info
from tests.conftest import FIXTURES, ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot absent"),
    pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils absent"),
]


def _pdfinfo(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "diagram.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, text=True, encoding="utf-8"
    )
    assert result.stderr == ""  # poppler reports a broken cross-reference table here
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in result.stdout.splitlines())
    }


@pytest.mark.parametrize(
    ("lang", "title"),
    [("nb", "Overføringer ut av EØS: Holte AS"), ("en", "Transfers outside the EEA: Holte AS")],
)
def test_pdfinfo_shows_the_diagrams_title_and_subject(
    lang: str, title: str, tmp_path: Path
) -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("transfers")
    info = _pdfinfo(export_graph(view, "pdf", lang), tmp_path)
    assert info["Title"] == title
    assert info["Subject"] == describe(view, lang)
    assert info["Producer"].startswith("cairo")  # cairo's own entries stay
    assert info["CreationDate"] == "Tue Jan  1 00:00:00 1980 UTC"  # still pinned, as the xlsx
    assert info["Pages"] == "1"


def test_the_update_is_appended_and_cairos_bytes_stay_where_they_were() -> None:
    view = build_graph(load_registry(FIXTURES / "small")).view("organisation")
    drawn = render(to_dot(view, "en"), "pdf")
    titled = export_graph(view, "pdf", "en")
    assert titled.startswith(drawn)
    assert titled.count(b"%%EOF") == drawn.count(b"%%EOF") + 1
    assert titled == export_graph(view, "pdf", "en")  # deterministic


def test_poppler_still_draws_the_page(tmp_path: Path) -> None:
    view = build_graph(load_registry(FIXTURES / "small")).view("organisation")
    pdf = tmp_path / "organisation.pdf"
    pdf.write_bytes(export_graph(view, "pdf", "nb"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "page.png").read_bytes().startswith(b"\x89PNG")


def test_a_file_without_a_cross_reference_table_is_left_as_it_is() -> None:
    assert with_document_info(b"%PDF-1.5\nnot really\n", "T", "S") == b"%PDF-1.5\nnot really\n"
