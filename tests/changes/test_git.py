"""Registries read from git revisions without touching the work tree."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from holte_ropa.changes._git import load_revision, registry_commits, split_revision
from holte_ropa.report._problems import RegistryError

if TYPE_CHECKING:
    from tests.conftest import GitRepo

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _registry(root: Path, folder: str = "registry") -> Path:
    target = root / folder
    shutil.copytree(FIXTURES / "small", target)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", target / "organisation.yaml")
    return target


def test_a_revision_is_loaded_with_locations_that_name_the_revision(git_repo: GitRepo) -> None:
    _registry(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    registry = load_revision("HEAD")
    assert sorted(registry.activities) == ["hosting", "newsletter"]
    assert str(registry.locate("cloud")) == "HEAD:registry/registry.yaml:76:5"


def test_rev_colon_path_names_another_folder(git_repo: GitRepo) -> None:
    _registry(git_repo.root, "data/ropa")
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    assert split_revision("main:data/ropa/") == ("main", "data/ropa")
    assert str(load_revision("main:data/ropa").locate("acme")).startswith("main:data/ropa/")


def test_reading_a_revision_leaves_the_work_tree_alone(git_repo: GitRepo) -> None:
    folder = _registry(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    edited = (folder / "registry.yaml").read_text(encoding="utf-8") + "# uncommitted\n"
    (folder / "registry.yaml").write_text(edited, encoding="utf-8")
    (folder / "new.yaml").write_text("# new\n", encoding="utf-8")
    status = git_repo.git("status", "--porcelain")
    load_revision("HEAD")
    assert (folder / "registry.yaml").read_text(encoding="utf-8") == edited
    assert git_repo.git("status", "--porcelain") == status


def test_an_unknown_revision_is_a_located_problem(git_repo: GitRepo) -> None:
    _registry(git_repo.root)
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    with pytest.raises(RegistryError) as caught:
        load_revision("no-such-branch")
    (problem,) = caught.value.problems
    assert str(problem).startswith("no-such-branch: error[git]: neither a registry folder nor")


def test_a_revision_without_the_folder_is_a_located_problem(git_repo: GitRepo) -> None:
    (git_repo.root / "README").write_text("x\n")
    git_repo.commit("First", "2026-01-01T00:00:00Z")
    with pytest.raises(RegistryError) as caught:
        load_revision("HEAD")
    assert str(caught.value.problems[0]).startswith(
        "HEAD:registry: error[git]: the registry folder does not exist in that revision"
    )


def test_a_broken_registry_in_a_revision_is_located_in_that_revision(git_repo: GitRepo) -> None:
    folder = _registry(git_repo.root)
    (folder / "bad.yaml").write_text("parties:\n  - id: x\n    trade_nam: X\n")
    git_repo.commit("Broken", "2026-01-01T00:00:00Z")
    with pytest.raises(RegistryError) as caught:
        load_revision("HEAD")
    files = {p.position.file for p in caught.value.problems}
    assert files == {"HEAD:registry/bad.yaml"}


def test_outside_a_repository_the_message_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(RegistryError) as caught:
        load_revision("HEAD")
    assert "is not inside a git repository" in caught.value.problems[0].message


def test_registry_commits_follow_only_the_registry_folder(git_repo: GitRepo) -> None:
    (git_repo.root / "README").write_text("x\n")
    git_repo.commit("Readme", "2026-01-01T00:00:00Z")
    _registry(git_repo.root)
    first = git_repo.commit("Registry", "2026-01-02T00:00:00+02:00")
    commits = registry_commits()
    assert [(c.hash, c.date, c.subject) for c in commits] == [
        (first, "2026-01-02T00:00:00+02:00", "Registry")
    ]
