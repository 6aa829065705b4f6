"""The holte-ropa MkDocs plugin: a real ``mkdocs build`` of a copy of the site project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.site_project import make_project, mkdocs_build

FIXTURES = Path(__file__).parents[1] / "fixtures"
ROOT = Path(__file__).parents[2]

pytestmark = pytest.mark.slow


def test_mkdocs_build_generates_the_pages_without_writing_them_into_docs(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", ROOT / "registry", fail_on="never")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
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


def _git(folder: Path, *args: str) -> None:
    import subprocess

    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2026-01-02T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-02T10:00:00Z",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_in_git_the_history_page_lists_public_changes_by_commit_date(tmp_path: Path) -> None:
    project = tmp_path / "project"
    registry = project / "registry"
    registry.mkdir(parents=True)
    for source in (FIXTURES / "small").glob("*.yaml"):
        (registry / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    config = make_project(project, Path("registry"), fail_on="never")
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(Path("registry").resolve()), "registry"),
        encoding="utf-8",
    )
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "first")
    small = registry / "registry.yaml"
    small.write_text(
        small.read_text(encoding="utf-8").replace("trade_name: Mailtool", "trade_name: Postbud"),
        encoding="utf-8",
    )
    _git(project, "commit", "-qam", "rename")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/en/changes/index.html").read_text(encoding="utf-8")
    assert "2 January 2026" in page and "Postbud" in page
    assert "rename" not in page  # commit messages are for maintainers
    assert 'href="../changes.xml"' in page  # "Follow the changes as an Atom feed"


def test_every_page_names_its_languages_atom_feed_in_head_and_the_feed_is_published(
    tmp_path: Path,
) -> None:
    import posixpath
    import re

    import feedparser

    config = make_project(tmp_path / "project", FIXTURES / "small", fail_on="never")
    assert mkdocs_build(config, tmp_path / "site", strict=False).returncode == 0
    site = tmp_path / "site"
    pages = [p for p in site.rglob("index.html") if p.parent.name not in ("search",)]
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        links = re.findall(
            r'<link rel="alternate" type="application/atom\+xml" [^>]*href="([^"]+)"', head
        )
        assert len(links) == 1, page
        feed = (page.parent / links[0]).resolve()
        lang = re.search(r'<html lang="(\w+)"', html)
        assert lang is not None
        expected = site / ("en/changes.xml" if lang.group(1) == "en" else "changes.xml")
        assert feed == expected.resolve(), (page, links[0])
    for name in ("changes.xml", "en/changes.xml"):
        parsed = feedparser.parse((site / name).read_text(encoding="utf-8"))
        assert not parsed.bozo and parsed.version == "atom10", name
        alternate = posixpath.normpath(posixpath.join(posixpath.dirname(name), parsed.feed.link))
        assert (site / alternate / "index.html").is_file(), alternate


def test_a_draft_builds_with_noindex_and_a_banner_and_strict_refuses_listing_the_blockers(
    tmp_path: Path,
) -> None:
    config = make_project(tmp_path / "project", ROOT / "registry")
    draft = mkdocs_build(config, tmp_path / "draft", strict=False)
    assert draft.returncode == 0, draft.stderr
    for page in ("index.html", "en/flows/index.html", "processors/index.html", "404.html"):
        html = (tmp_path / "draft" / page).read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html, page
        assert "holte-draft" in html, page
    # The notice's table of contents lists its sections, not every activity's headings.
    notice = (tmp_path / "draft" / "index.html").read_text(encoding="utf-8")
    toc = notice.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    assert 5 <= toc.count('class="md-nav__link"') <= 15
    assert "#activity-recruitment-retention" not in toc
    # The theme's own "not found" page is a page of the draft too, in both languages.
    missing = (tmp_path / "draft" / "404.html").read_text(encoding="utf-8")
    assert "Utkast – ikke publisert" in missing and "Draft – not published" in missing
    refused = mkdocs_build(config, tmp_path / "release")
    assert refused.returncode == 1
    assert "the privacy notice of" in refused.stderr and "is a draft" in refused.stderr
    assert "registry/activities/web-forms.yaml:24:22: R10 purpose-without-legal-basis" in (
        refused.stderr
    )


@pytest.mark.parametrize("value", ["", "abc"])
def test_mkdocs_build_with_the_plugin_treats_a_malformed_source_date_epoch_as_unset(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)  # the child process inherits it
    config = make_project(tmp_path / "project", FIXTURES / "small", fail_on="never")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "is not a number of seconds since 1970" in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_the_organisations_name_is_escaped_once_wherever_the_theme_prints_it(
    tmp_path: Path,
) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(FIXTURES / "small", registry)
    organisation = registry / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(
        text.replace(
            "  legal_name: Acme AS\n",
            '  legal_name: Acme AS\n  trade_name: "Berg & Co: Smil #1 <b>x</b>"\n',
        ),
        encoding="utf-8",
    )
    config = make_project(tmp_path / "project", registry, fail_on="never")
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    escaped = "Berg &amp; Co: Smil #1 &lt;b&gt;x&lt;/b&gt;"
    assert f'title="{escaped}"' in page  # the logo's tooltip, printed through | e
    assert f'aria-label="{escaped}"' in page  # printed as it is
    assert f"- {escaped}</title>" in page
    assert "&amp;amp;" not in page  # never escaped twice
    assert "<b>x</b>" not in page  # never markup
