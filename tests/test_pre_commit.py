"""The pre-commit hook as users get it: the README's snippet, and the real pre-commit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _snippet() -> dict[str, object]:
    section = README.split("### In other repositories (pre-commit)", 1)[1]
    match = re.match(r"\s*```yaml\n(.*?)\n```\n", section, re.S)
    assert match, "the snippet is a closed yaml code block"
    loaded = yaml.safe_load(match.group(1))
    assert isinstance(loaded, dict)
    return loaded


def test_every_code_block_in_the_readme_is_closed() -> None:
    fences = [line for line in README.splitlines() if line.startswith("```")]
    assert len(fences) % 2 == 0


def test_the_readme_snippet_names_a_hook_this_repository_defines_at_a_rev_that_exists() -> None:
    [repo] = _snippet()["repos"]  # type: ignore[misc]
    assert [h["id"] for h in repo["hooks"]] == ["holte-ropa-check"]
    assert "holte-ropa-check" in {hook["id"] for hook in HOOKS}
    # no release is tagged yet: the branch exists, and the README says how to pin a commit
    assert repo["rev"] == "main"
    assert "pre-commit autoupdate\n--freeze" in README


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit absent")
def test_pre_commit_try_repo_fails_a_registry_with_a_mistake_with_the_located_message(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    (project / "registry").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal" / "organisation.yaml", project / "registry")
    (project / "registry" / "broken.yaml").write_text(
        "activities:\n  - id: broken\n    nmae: oops\n", encoding="utf-8"
    )
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "x"]):
        subprocess.run(command, cwd=project, check=True, env=env)
    done = subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "holte-ropa-check", "--all-files"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    assert done.returncode == 1
    assert "holte-ropa check" in done.stdout and "Failed" in done.stdout
    assert "registry/broken.yaml:3:5: error[schema]: unknown field 'nmae'" in done.stdout
