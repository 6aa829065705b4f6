"""The changes page and its Atom feeds come from the git history of the registry's folder,
wherever the site is built from; without a history they say so and carry a real date."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from holte_ropa.cli import main
from tests.site.test_publication import SUPPORT, VOCABULARY

FIXTURES = Path(__file__).parents[1] / "fixtures"

pytestmark = pytest.mark.slow


def _git(folder: Path, *args: str, day: str = "2026-01-02") -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": f"{day}T10:00:00Z",
        "GIT_COMMITTER_DATE": f"{day}T10:00:00Z",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def _build(registry: Path, out: Path, cwd: Path) -> int:
    """``holte-ropa build REGISTRY -o OUT`` run from ``cwd``, as a user would."""
    before = Path.cwd()
    os.chdir(cwd)
    try:
        return main(["build", str(registry), "-o", str(out)])
    finally:
        os.chdir(before)


def _complete(folder: Path) -> Path:
    """A small registry with nothing missing (no findings stop the build)."""
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")
    (folder / "support.yaml").write_text(SUPPORT, encoding="utf-8")
    (folder / "vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    return folder


def test_a_registry_in_a_git_subfolder_builds_its_dated_changes_page_and_feeds(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    registry = _complete(repo / "privacy" / "registry")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first", day="2026-01-02")
    support = registry / "support.yaml"
    text = support.read_text(encoding="utf-8")
    support.write_text(text.replace("{months: 12}", "{months: 24}"), "utf-8")
    _git(repo, "commit", "-qam", "rename", day="2026-02-03")

    # Built from outside the repository, with the packaged default mkdocs configuration.
    result = _build(registry, tmp_path / "out", cwd=tmp_path)
    assert result == 0
    site = tmp_path / "out" / "site"
    page = (site / "en/changes/index.html").read_text(encoding="utf-8")
    assert "3 February 2026" in page and "we changed how long we keep the data" in page
    assert "2 January 2026" in page
    assert "No earlier versions are recorded." not in page
    for name, day in (("changes.xml", "3. februar 2026"), ("en/changes.xml", "3 February 2026")):
        feed = feedparser.parse((site / name).read_text(encoding="utf-8"))
        assert not feed.bozo, name
        assert len(feed.entries) == 2, name
        assert day in feed.entries[0].title
        assert feed.feed.updated.startswith("2026-02-03"), name


def test_without_a_history_the_page_says_so_and_the_feed_is_dated_by_the_notice(
    tmp_path: Path,
) -> None:
    registry = _complete(tmp_path / "registry")
    result = _build(registry, tmp_path / "out", cwd=tmp_path)
    assert result == 0
    site = tmp_path / "out" / "site"
    page = (site / "changes/index.html").read_text(encoding="utf-8")
    assert "Ingen tidligere versjoner er registrert." in page
    feed = feedparser.parse((site / "changes.xml").read_text(encoding="utf-8"))
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated.startswith("2026-01-15")  # the notice's last_changed
    assert "1970" not in (site / "en/changes.xml").read_text(encoding="utf-8")


def test_changes_before_history_since_stay_out_of_the_published_history(
    tmp_path: Path,
) -> None:
    # January's commit corrected the record (the retention was written wrongly); the
    # notice's history starts in February, when the processing itself changed.
    repo = tmp_path / "repo"
    registry = _complete(repo / "registry")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first", day="2026-01-02")
    support = registry / "support.yaml"
    support.write_text(support.read_text("utf-8").replace("{months: 12}", "{months: 24}"), "utf-8")
    _git(repo, "commit", "-qam", "corrected", day="2026-01-20")
    organisation = registry / "organisation.yaml"
    text = organisation.read_text("utf-8")
    marked = text.replace(
        "    last_changed:", "    history_since: 2026-02-01\n    last_changed:", 1
    )
    assert marked != text
    organisation.write_text(marked, "utf-8")
    _git(repo, "commit", "-qam", "history from February", day="2026-01-30")
    support.write_text(support.read_text("utf-8").replace("{months: 24}", "{months: 36}"), "utf-8")
    _git(repo, "commit", "-qam", "changed", day="2026-02-03")

    assert _build(registry, tmp_path / "out", cwd=tmp_path) == 0
    site = tmp_path / "out" / "site"
    page = (site / "en/changes/index.html").read_text(encoding="utf-8")
    assert "3 February 2026" in page and "we changed how long we keep the data" in page
    assert "20 January 2026" not in page and "2 January 2026" not in page
    feed = feedparser.parse((site / "en/changes.xml").read_text(encoding="utf-8"))
    assert not feed.bozo and len(feed.entries) == 1
