"""The change history over real git commits, and the Atom feed customers subscribe to."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import feedparser

from holte_ropa.changes._diff import Audience, ChangeKind
from holte_ropa.changes._history import registry_history, sub_processor_feed
from holte_ropa.changes._report import history_json, history_markdown, history_text
from holte_ropa.model._loader import load_registry

if TYPE_CHECKING:
    from tests.conftest import GitRepo

FIXTURES = Path(__file__).parents[1] / "fixtures"

ARCHIVE = """\
parties:
  - id: archive
    legal_name: Archive GmbH
    trade_name: Archive
    role: sub_processor
    engaged_by: cloud
    service: {nb: Arkivering, en: Archiving}
    locations: [{country: DE}]
"""


def _write_small(root: Path) -> None:
    folder = root / "registry"
    shutil.copytree(FIXTURES / "small", folder)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_history(repo: GitRepo) -> dict[str, str]:
    """Four commits: the first registry, a new data category, a mere file move, a
    new sub-processor. Returns the commit hashes by name."""
    root = repo.root
    (root / "README").write_text("not the registry\n")
    commits = {"unrelated": repo.commit("Unrelated file", "2026-01-05T08:00:00+01:00")}
    _write_small(root)
    commits["initial"] = repo.commit("First registry", "2026-01-10T09:00:00+01:00")
    _edit(
        root / "registry" / "registry.yaml",
        "data_categories: [name, email]",
        "data_categories: [name, email, health]",
    )
    commits["category"] = repo.commit("Newsletter: health data", "2026-02-01T10:30:00+01:00")
    (root / "registry" / "registry.yaml").rename(root / "registry" / "everything.yaml")
    commits["move"] = repo.commit("Rename a file", "2026-02-15T12:00:00+01:00")
    (root / "registry" / "archive.yaml").write_text(ARCHIVE, encoding="utf-8")
    commits["archive"] = repo.commit("Add Archive", "2026-03-01T14:00:00+01:00")
    return commits


def test_history_has_one_entry_per_commit_that_changed_meaning_newest_first(
    git_repo: GitRepo,
) -> None:
    commits = make_history(git_repo)
    history = registry_history()
    assert [e.commit for e in history] == [
        commits["archive"],
        commits["category"],
        commits["initial"],
    ]
    assert [e.date for e in history] == [
        "2026-03-01T14:00:00+01:00",
        "2026-02-01T10:30:00+01:00",
        "2026-01-10T09:00:00+01:00",
    ]
    assert history[-1].initial and not history[-1].changes
    assert [c.kind for c in history[1].changes] == [ChangeKind.DATA_CATEGORY_ADDED]
    assert [c.kind for c in history[0].changes] == [ChangeKind.SUB_PROCESSOR_ADDED]
    location = history[0].changes[0].location
    assert location.startswith(f"{commits['archive'][:12]}:registry/archive.yaml:")


def test_a_commit_that_breaks_the_registry_is_skipped_and_its_fix_carries_the_change(
    git_repo: GitRepo,
) -> None:
    _write_small(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    (git_repo.root / "registry" / "broken.yaml").write_text("parties: [{id: x}]\n")
    git_repo.commit("Broken", "2026-01-02T00:00:00Z")
    (git_repo.root / "registry" / "broken.yaml").unlink()
    (git_repo.root / "registry" / "archive.yaml").write_text(ARCHIVE, encoding="utf-8")
    fixed = git_repo.commit("Fixed", "2026-01-03T00:00:00Z")
    history = registry_history()
    assert [e.subject for e in history] == ["Fixed", "First"]
    assert history[0].commit == fixed


def test_the_atom_feed_parses_and_holds_only_changes_for_customers(git_repo: GitRepo) -> None:
    commits = make_history(git_repo)
    history = registry_history()
    organisation = load_registry("registry").organisation
    feed = sub_processor_feed(history, organisation, "en", "https://acme.no/sub-processors.xml")
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Acme AS: sub-processor changes"
    assert parsed.feed.id == "tag:acme.no,2026:sub-processors"
    assert parsed.feed.updated == "2026-03-01T14:00:00+01:00"
    assert [e.id for e in parsed.entries] == [
        f"tag:acme.no,2026:sub-processors/{commits['archive']}"
    ]
    entry = parsed.entries[0]
    assert entry.updated_parsed[:5] == (2026, 3, 1, 13, 0)
    assert "New sub-processor: “Archive” (Archiving), in: Germany" in entry.content[0].value
    assert any(link.rel == "self" for link in parsed.feed.links)


def test_the_atom_feed_is_byte_identical_across_runs_and_bilingual(git_repo: GitRepo) -> None:
    make_history(git_repo)
    organisation = load_registry("registry").organisation
    first = sub_processor_feed(registry_history(), organisation, "nb")
    second = sub_processor_feed(registry_history(), organisation, "nb")
    assert first == second
    assert 'xml:lang="nb"' in first
    assert "Ny underdatabehandler: «Archive»" in first
    assert "GDPR art. 28 nr. 2" in first


def test_the_history_page_lists_public_changes_by_date(git_repo: GitRepo) -> None:
    make_history(git_repo)
    history = registry_history()
    page = history_markdown(history, "en")
    assert page.splitlines()[0] == "# Change history"
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## 1 March 2026", "## 1 February 2026", "## 10 January 2026"]
    assert "- In “Newsletter” we now also process “Health data”." in page
    assert "- First version." in page
    text = history_text(history, "en")
    assert "Newsletter: health data" in text
    assert '"initial": true' in history_json(history)


def test_internal_only_commits_stay_off_the_public_history_page(git_repo: GitRepo) -> None:
    _write_small(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    _edit(git_repo.root / "registry" / "registry.yaml", "owner: Marketing lead", "owner: CEO")
    git_repo.commit("Owner", "2026-01-02T00:00:00Z")
    history = registry_history()
    assert history[0].for_audience(Audience.INTERNAL)
    assert "2. januar 2026" not in history_markdown(history, "nb")
