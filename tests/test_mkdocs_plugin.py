"""The holte-ropa MkDocs plugin: a real ``mkdocs build`` of a copy of the site project."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site_project import make_project, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]

pytestmark = pytest.mark.slow


def test_mkdocs_build_generates_the_pages_without_writing_them_into_docs(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", ROOT / "registry")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for page in ("index.html", "en/index.html", "flows/index.html", "en/changes/index.html"):
        assert (site / page).is_file(), page
    assert '<html lang="en"' in (site / "en/flows/index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in (site / "flows/index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "project/docs").rglob("*")) == ["index.md"]


def test_a_registry_that_fails_to_load_stops_the_build_with_located_problems(
    tmp_path: Path, make_registry
) -> None:  # type: ignore[no-untyped-def]
    registry = make_registry({"broken.yaml": "activities:\n  - id: x\n    nmae: y\n"})
    config = make_project(tmp_path / "project", tmp_path / registry)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "broken.yaml:3:5" in result.stderr
    assert not (tmp_path / "site/index.html").exists()


def test_unwaived_errors_stop_the_build_with_each_finding_located(
    tmp_path: Path, make_registry
) -> None:  # type: ignore[no-untyped-def]
    small = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")
    broken = small.replace(
        "legal_basis: {basis: contract, contract: {nb: Kundeavtalen, en: The customer contract}}",
        "legal_basis: unknown",
    )
    assert broken != small
    registry = make_registry({"registry.yaml": broken})
    config = make_project(tmp_path / "project", tmp_path / registry)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "registry.yaml:" in result.stderr and "R10" in result.stderr


def test_a_site_built_without_the_plugin_says_the_notice_is_missing(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", ROOT / "registry", plugin=False)
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Personvernerklæringen mangler" in index and "holte-ropa" in index
    assert not (tmp_path / "site/flows").exists()
