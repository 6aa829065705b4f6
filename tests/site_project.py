"""Helpers for tests that build a real MkDocs site: a project folder and a build run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def make_project(
    folder: Path, registry: Path, *, plugin: bool = True, fail_on: str = "error"
) -> Path:
    """A copy of the real site project (mkdocs.yml, docs/) using ``registry``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", folder / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("!ENV [HOLTE_ROPA_REGISTRY, registry]", str(registry.resolve()))
    config = config.replace("fail_on: error", f"fail_on: {fail_on}")
    if not plugin:
        config = config.split("  - holte-ropa:")[0]
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def mkdocs_build(
    config: Path, site: Path, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as a user would, in a child process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)
