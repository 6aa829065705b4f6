"""The package as a user gets it: a wheel installed into a fresh venv, outside the checkout.

The wheel is built in an isolated environment and installed with its ``site`` extra into
a venv of its own, as a user would (``pip install "holte-ropa[site]"``: the dependencies
come from the configured package index). Its system site-packages are not visible, so
the wheel must carry everything: the theme overrides, the assets, the templates and
catalogues, the reference data, the starter record and the default MkDocs configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
FJORDLYS = ROOT / "tests" / "fixtures" / "fjordlys"

pytestmark = pytest.mark.slow


def _leftovers(folder: str, names: list[str]) -> set[str]:
    """Build outputs and caches: top-level ones by name (holte_ropa/site/ is code)."""
    top = {".git", "build", "site", "mutants", "dist"} if Path(folder) == ROOT else set()
    return {
        n for n in names if n in top or n == "__pycache__" or n.endswith((".egg-info", "cache"))
    }


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_an_installed_wheel_starts_and_builds_a_record_in_a_folder_of_its_own(
    tmp_path: Path,
) -> None:
    pytest.importorskip("build")
    source = tmp_path / "source"  # a clean copy: the wheel must not pick up build leftovers
    shutil.copytree(ROOT, source, ignore=_leftovers)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["SOURCE_DATE_EPOCH"] = "1764028800"
    dist = tmp_path / "dist"
    made = _run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist)],
        source,
        env,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    (wheel,) = dist.glob("holte_ropa-*.whl")

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "-q", f"{wheel}[site]"], tmp_path, env)
    assert installed.returncode == 0, installed.stderr[-2000:]
    where = _run(
        [str(python), "-c", "import holte_ropa; print(holte_ropa.__file__)"], tmp_path, env
    )
    assert where.stdout.startswith(str(env_dir)), where.stdout + where.stderr

    work = tmp_path / "elsewhere"
    work.mkdir()
    tool = str(env_dir / "bin" / "holte-ropa")
    started = _run([tool, "init", "record", "--name", "Fjordlys Regnskap AS"], work, env)
    assert started.returncode == 0, started.stderr
    checked = _run([tool, "check", "record"], work, env)
    assert checked.returncode in {0, 1}, checked.stderr

    shutil.copytree(FJORDLYS, work / "fjordlys")
    built = _run([tool, "build", "fjordlys", "-o", "out"], work, env)
    assert built.returncode == 0, built.stderr[-3000:]
    site = work / "out" / "site"
    for page in ("", "processors/", "cookies/", "flows/", "changes/"):
        for lang in ("", "en/"):
            html = (site / lang / page / "index.html").read_text(encoding="utf-8")
            assert "- Fjordlys Regnskap AS</title>" in html, lang + page
    assert (site / "stylesheets" / "holte-ropa.css").is_file()
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
