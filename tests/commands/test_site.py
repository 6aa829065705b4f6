"""``holte-ropa site`` and the website step of ``holte-ropa build``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.model._loader import load_registry
from holte_ropa.site import site_pages

ROOT = Path(__file__).parents[2]


def test_site_writes_every_page_as_markdown_without_mkdocs(tmp_path: Path) -> None:
    assert main(["site", str(ROOT / "registry"), "-o", str(tmp_path)]) == 0
    pages = site_pages(load_registry(ROOT / "registry"))
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == set(pages)


def test_site_refuses_a_registry_that_does_not_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "registry"
    broken.mkdir()
    (broken / "x.yaml").write_text("activities: [1]\n", encoding="utf-8")
    assert main(["site", str(broken), "-o", str(tmp_path / "out")]) == 2
    assert "x.yaml:1:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_build_writes_the_html_site_into_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    for name in ("docs", "registry"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.chdir(project)
    assert main(["build", "registry", "-o", "out"]) == 0
    site = project / "out" / "site"
    assert (site / "index.html").is_file() and (site / "en/flows/index.html").is_file()
    assert not (project / "docs" / "flows.md").exists()
