"""``holte-ropa diff`` end to end: folders, revisions, formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import feedparser
import pytest

from holte_ropa.cli import main

if TYPE_CHECKING:
    from tests.conftest import GitRepo

FIXTURES = Path(__file__).parents[1] / "fixtures"

SUB_PROCESSOR = """\
parties:
  - id: archive
    legal_name: Archive GmbH
    trade_name: Archive
    role: sub_processor
    engaged_by: cloud
    service: {nb: Arkivering, en: Archiving}
    locations: [{country: DE}]
"""


@pytest.fixture
def committed(git_repo: GitRepo) -> GitRepo:
    """A repository whose HEAD holds the small registry."""
    folder = git_repo.root / "registry"
    shutil.copytree(FIXTURES / "small", folder)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")
    git_repo.commit("First", "2026-01-10T09:00:00+01:00")
    return git_repo


def _edit_work_tree(repo: GitRepo) -> None:
    path = repo.root / "registry" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("data_categories: [name, email]", "data_categories: [name]"))
    (repo.root / "registry" / "archive.yaml").write_text(SUB_PROCESSOR, encoding="utf-8")


def test_without_arguments_it_compares_head_with_the_work_tree(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff"]) == 0
    assert capsys.readouterr().out == "Ingen endringer.\n"
    _edit_work_tree(committed)
    assert main(["diff", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "registry/registry.yaml:31:22: data_category_removed [data subjects]: “Newsletter” no "
        "longer processes: E-mail address.",
        "registry/archive.yaml:2:5: sub_processor_added [data subjects, customers]: New "
        "sub-processor: “Archive” (Archiving), in: Germany; for: “Hosting for customers”. "
        "Customers are notified under GDPR Art. 28(2).",
    ]


def test_exit_code_is_one_with_changes_only_when_asked(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--exit-code"]) == 0
    _edit_work_tree(committed)
    assert main(["diff"]) == 0
    assert main(["diff", "--exit-code"]) == 1


def test_two_revisions_are_compared_through_git(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_work_tree(committed)
    committed.commit("Second", "2026-02-01T09:00:00+01:00")
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["old"], payload["new"]) == ("HEAD~1", "HEAD")
    assert [c["kind"] for c in payload["changes"]] == [
        "data_category_removed",
        "sub_processor_added",
    ]
    assert payload["changes"][1]["location"] == "HEAD:registry/archive.yaml:2:5"
    assert payload["summary"]["by_audience"] == {
        "data_subjects": 2,
        "customers": 1,
        "internal": 0,
    }


@pytest.mark.parametrize(
    ("lang", "heading", "customers"),
    [
        ("nb", "## Endringer i personvernerklæringen", "## Til kundene våre"),
        ("en", "## Changes to our privacy notice", "## To our customers"),
    ],
)
def test_markdown_is_ready_for_the_newsletter_in_both_languages(
    committed: GitRepo,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    heading: str,
    customers: str,
) -> None:
    _edit_work_tree(committed)
    (committed.root / "registry" / "registry.yaml").write_text(
        (committed.root / "registry" / "registry.yaml")
        .read_text()
        .replace("owner: Marketing lead", "owner: CEO")
    )
    assert main(["diff", "--format", "markdown", "--lang", lang]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == heading
    assert any(line.startswith(customers) for line in lines)
    assert out.count("Archive") == 1, "each change appears once"
    assert "CEO" not in out and "owner" not in out, "internal changes stay out"
    assert lines[-1].endswith("personvern@acme.no.")


def test_an_unknown_revision_exits_2_with_a_located_message(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "no-such-rev"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("no-such-rev: error[git]: neither a registry folder nor")


def test_a_folder_that_is_not_a_registry_exits_2(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    (committed.root / "empty").mkdir()
    assert main(["diff", "HEAD", "empty"]) == 2
    assert capsys.readouterr().err.startswith("empty: error[io]: the folder holds no .yaml")


def test_atom_needs_history_and_history_takes_one_revision(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--format", "atom"]) == 2
    assert main(["diff", "--history", "HEAD", "registry"]) == 2
    assert "--history takes one revision" in capsys.readouterr().err


def test_the_history_feed_from_the_command_line_is_deterministic(
    committed: GitRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_work_tree(committed)
    committed.commit("Second", "2026-02-01T09:00:00+01:00")
    args = ["diff", "--history", "--format", "atom", "--lang", "en"]
    assert main([*args, "-o", "one.xml"]) == 0
    assert main([*args, "-o", "two.xml"]) == 0
    one = (tmp_path / "one.xml").read_bytes()
    assert one == (tmp_path / "two.xml").read_bytes()
    parsed = feedparser.parse(one)
    assert not parsed.bozo
    assert len(parsed.entries) == 1
    assert main(["diff", "--history", "--format", "markdown", "--lang", "en"]) == 0
    assert "## 1 February 2026" in capsys.readouterr().out


def test_help_documents_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    out = capsys.readouterr().out
    assert "OLD defaults to HEAD" in out
    assert "registry/" in out and "--exit-code" in out


def test_audience_narrows_the_changes_and_the_exit_code(
    committed: GitRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_work_tree(committed)
    assert main(["diff", "--audience", "customers", "--exit-code", "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "sub_processor_added" in lines[0]
    assert main(["diff", "--audience", "internal", "--exit-code"]) == 0
    assert capsys.readouterr().out == "Ingen endringer.\n"
