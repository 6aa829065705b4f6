"""Zensical, which runs no MkDocs plugins, builds the site from ``holte-ropa site -o DIR
--config FILE``: the same pages in both languages, each in its own language, with the
plugin's menu; pointed at a configuration that relies on the plugin, it publishes only
the fallback page, which says how to build instead."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from holte_ropa.cli import main
from holte_ropa.model._loader import load_registry
from holte_ropa.site import page_language, site_pages
from tests.conftest import ROOT
from tests.site_project import mkdocs_build

pytestmark = pytest.mark.skipif(shutil.which("zensical") is None, reason="zensical absent")
_H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?$", re.MULTILINE)


def _zensical(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["zensical", "build", "-f", config.name],
        cwd=config.parent,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _url(page: str) -> str:
    """Where a builder with directory URLs puts a Markdown page: en/cookies.md -> en/cookies/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else f"{stem}/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("zensical")
    code = main(
        [
            "site",
            str(ROOT / "registry"),
            "-o",
            str(project / "pages"),
            "--config",
            str(project / "zensical.yml"),
        ]
    )
    assert code == 0
    result = _zensical(project / "zensical.yml")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_page_is_built_in_its_language_under_its_own_heading(built: Path) -> None:
    pages = {
        p: t for p, t in site_pages(load_registry(ROOT / "registry")).items() if p.endswith(".md")
    }
    assert len(pages) == 10
    for path, markdown in pages.items():
        page = (built / _url(path) / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{page_language(path)}"' in page, path
        heading = _H1.search(markdown)
        assert heading is not None
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert h1 is not None and html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip() == (
            heading.group(1).replace("\\", "")
        ), path
    front = (built / "index.html").read_text(encoding="utf-8")
    assert "Personvernerklæringen mangler" not in front


def test_the_menu_has_one_section_per_language_with_the_plugins_page_order(built: Path) -> None:
    front = (built / "index.html").read_text(encoding="utf-8")
    assert front.index("Norsk (bokmål)") < front.index("English")
    links = re.findall(r'href="\./([^"#]*)"', front)
    order = [
        "processors/",
        "cookies/",
        "flows/",
        "changes/",
        "en/",
        "en/processors/",
        "en/cookies/",
        "en/flows/",
        "en/changes/",
    ]
    first = [link for link in dict.fromkeys(links) if link in order]
    assert first == order


def test_the_sites_own_stylesheets_and_script_are_published(built: Path) -> None:
    for asset in (
        "stylesheets/holte-ropa.css",
        "stylesheets/print.css",
        "javascripts/holte-ropa.js",
    ):
        assert (built / asset).is_file(), asset


def test_zensical_on_the_plugin_configuration_publishes_the_page_that_says_how_to_build(
    tmp_path: Path,
) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = _zensical(tmp_path / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    front = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Personvernerklæringen mangler" in front and "The privacy notice is missing" in front
    assert "zensical build -f zensical.yml" in front
    assert not (tmp_path / "site" / "processors").exists()


@pytest.mark.slow
def test_mkdocs_without_the_plugin_builds_the_same_configuration(built: Path) -> None:
    project = built.parent
    result = mkdocs_build(project / "zensical.yml", project / "mkdocs-site", strict=False)
    assert result.returncode == 0, result.stderr
    zensical = {p.relative_to(built).as_posix() for p in built.rglob("index.html")}
    mkdocs = {
        p.relative_to(project / "mkdocs-site").as_posix()
        for p in (project / "mkdocs-site").rglob("index.html")
    }
    assert zensical == mkdocs and len(mkdocs) == 10


def test_the_written_folder_builds_after_it_is_moved_from_another_working_directory(
    tmp_path: Path,
) -> None:
    first = tmp_path / "first"
    code = main(["site", str(ROOT / "tests" / "fixtures" / "small"), "-o",
                 str(first / "pages"), "--config", str(first / "zensical.yml")])  # fmt: skip
    assert code == 0
    config = (first / "zensical.yml").read_text(encoding="utf-8")
    assert "custom_dir: holte-ropa-overrides\n" in config  # beside it, not in the package
    assert str(ROOT) not in config and "site-packages" not in config
    moved = tmp_path / "moved"
    shutil.move(first, moved)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        ["zensical", "build", "-f", str(moved / "zensical.yml")],
        cwd=elsewhere, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # the override that sets each page's language from its front matter took effect
    english = (moved / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
