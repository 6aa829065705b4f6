"""Hostile commit subjects and registry names in the change reports: shown, never acted on."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from holte_ropa.changes._diff import diff
from holte_ropa.changes._git import registry_commits, shown_subject
from holte_ropa.changes._history import registry_history
from holte_ropa.changes._report import changes_markdown, history_markdown, history_text
from holte_ropa.model._loader import load_registry

if TYPE_CHECKING:
    from tests.conftest import GitRepo

FIXTURES = Path(__file__).parents[1] / "fixtures"

HOSTILE_PARTY = """\
parties:
  - id: archive
    legal_name: Archive GmbH
    trade_name: "<img src=x onerror=alert(1)>"
    role: sub_processor
    engaged_by: cloud
    service: {nb: "<script>x</script>", en: "<script>x</script>"}
    locations: [{country: DE}]
"""


def _registry(root: Path) -> Path:
    folder = root / "registry"
    shutil.copytree(FIXTURES / "small", folder)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")
    return folder


def _commit_bytes(repo: GitRepo, message: bytes, date: str) -> None:
    """Commit a change to the registry with a message given as raw bytes (stored as given)."""
    (repo.root / "message").write_bytes(message)
    (repo.root / "registry" / "NOTES.md").write_text(f"{date}\n", encoding="utf-8")
    repo.git("add", "-A", "--", "registry")
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", "message"],
        cwd=repo.root,
        check=True,
        env=env,
        capture_output=True,
    )


def test_subjects_with_line_breaking_and_invalid_bytes_are_read_whole(git_repo: GitRepo) -> None:
    _registry(git_repo.root)
    _commit_bytes(git_repo, b"tab\x0bvertical", "2026-01-01T00:00:00Z")
    _commit_bytes(git_repo, "next\u0085line".encode(), "2026-01-02T00:00:00Z")
    _commit_bytes(git_repo, b"bad \x85 byte", "2026-01-03T00:00:00Z")
    subjects = [c.subject for c in registry_commits()]
    assert subjects[:2] == ["tab\\x0bvertical", "next\\x85line"]
    # git re-encodes a message that is not UTF-8 as Latin-1 (0x85 -> U+0085), or we replace it
    assert subjects[2] in {"bad \\x85 byte", "bad \ufffd byte"}


def test_control_characters_in_a_subject_are_shown_as_escapes() -> None:
    assert shown_subject("add \x1b[31mRED\x1b[0m \x01") == "add \\x1b[31mRED\\x1b[0m \\x01"
    assert shown_subject("evil \u202egnp.exe") == "evil \\u202egnp.exe"
    assert shown_subject("Fix «Kundekontakt» – æøå") == "Fix «Kundekontakt» – æøå"


def test_the_text_history_never_prints_an_escape_sequence(git_repo: GitRepo) -> None:
    _registry(git_repo.root)
    _commit_bytes(git_repo, b"add \x1b[31mRED\x1b[0m \x01", "2026-01-01T00:00:00Z")
    text = history_text(registry_history(), "en")
    assert text.splitlines()[0].endswith(" add \\x1b[31mRED\\x1b[0m \\x01")
    assert "\x1b" not in text and "\x01" not in text


def test_the_history_markdown_escapes_names_as_the_notice_does(git_repo: GitRepo) -> None:
    folder = _registry(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    (folder / "archive.yaml").write_text(HOSTILE_PARTY, encoding="utf-8")
    git_repo.commit("<img src=x onerror=alert(8)>", "2026-01-02T00:00:00Z")
    markdown = history_markdown(registry_history(), "en")
    assert "<" not in markdown and ">" not in markdown
    assert "&#60;img src&#61;x onerror&#61;alert(1)&#62;" in markdown


def test_the_diff_markdown_escapes_names_as_the_notice_does(tmp_path: Path) -> None:
    old = load_registry(_registry(tmp_path / "old"))
    new_folder = _registry(tmp_path / "new")
    (new_folder / "archive.yaml").write_text(HOSTILE_PARTY, encoding="utf-8")
    markdown = changes_markdown(diff(old, load_registry(new_folder)), "en", "a_b@example.no")
    assert "<" not in markdown and ">" not in markdown
    assert "&#60;script&#62;x&#60;/script&#62;" in markdown
    assert markdown.endswith("Send questions or objections to a&#95;b@example.no.\n")
