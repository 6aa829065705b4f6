"""An own ``mkdocs.yml`` exactly as the README shows it builds a correct site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.site_project import mkdocs_build

ROOT = Path(__file__).parents[2]
FJORDLYS = Path(__file__).parents[1] / "fixtures" / "fjordlys"

pytestmark = pytest.mark.slow


def _readme_example() -> str:
    """The README's example ``mkdocs.yml``: the YAML block after 'An own `mkdocs.yml`'."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("An own `mkdocs.yml` is optional", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_readmes_example_mkdocs_yml_builds_the_site_with_anchors_and_the_registrys_look(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    shutil.copytree(FJORDLYS, project / "registry")
    (project / "docs").mkdir()  # the README says MkDocs needs the (empty) folder
    config = _readme_example().replace("fail_on: error", "fail_on: never")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "no such anchor" not in result.stderr
    assert "contains a link" not in result.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "{#" not in text and "{ hreflang" not in text, page
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="brown"' in index  # the registry's site.colours
    assert '<img src="assets/logo.svg" alt="Fjordlys Regnskap AS">' in index
    assert "<title>Personvernerklæring - Fjordlys Regnskap AS</title>" in index


def test_holte_ropa_build_with_the_readmes_example_needs_no_docs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from holte_ropa.cli import main

    project = tmp_path / "project"
    shutil.copytree(FJORDLYS, project / "registry")
    (project / "mkdocs.yml").write_text(_readme_example(), encoding="utf-8")
    monkeypatch.chdir(project)
    code = main(["build", "registry", "-o", "out", "--mkdocs-config", "mkdocs.yml"])
    assert code in {0, 1}
    assert (project / "out/site/index.html").is_file()
    assert (project / "out/site/en/cookies/index.html").is_file()
    assert not (project / "docs").exists()
