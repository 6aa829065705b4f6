"""Shared fixtures: small registries written as real YAML files on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]

MakeRegistry = Callable[..., Path]


@pytest.fixture
def make_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeRegistry:
    """Write a registry folder: the minimal organisation plus the given files.

    Files are given as ``{"relative/path.yaml": "text"}`` (str) or raw bytes. The working
    directory becomes ``tmp_path`` so reported paths read ``registry/...``.
    """
    monkeypatch.chdir(tmp_path)

    def make(files: dict[str, str | bytes] | None = None, *, organisation: bool = True) -> Path:
        folder = tmp_path / "registry"
        folder.mkdir(exist_ok=True)
        if organisation:
            shutil.copy(FIXTURES / "minimal" / "organisation.yaml", folder / "organisation.yaml")
        for name, content in (files or {}).items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return Path("registry")

    return make


class GitRepo:
    """A real git repository in tmp_path whose commits carry the dates a test gives."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True, env=env
        )
        return result.stdout.strip()

    def commit(self, message: str, date: str) -> str:
        """Commit everything in the work tree at ``date`` (ISO 8601); the commit hash."""
        self.git("add", "-A")
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        self.git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """An empty git repository as the working directory, free of the user's git config."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    repo = GitRepo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Test")
    repo.git("config", "user.email", "test@example.no")
    repo.git("config", "commit.gpgsign", "false")
    return repo
