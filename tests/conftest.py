"""Shared fixtures: small registries written as real YAML files on disk."""

from __future__ import annotations

import shutil
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
