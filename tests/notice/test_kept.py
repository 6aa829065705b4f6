"""The readability scores are kept in the user's cache folder, and never read stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

_SCORE = """\
import json, sys
from holte_ropa import load_registry
from holte_ropa.notice import readability
scores = readability(load_registry(sys.argv[1]))
rows = [[s.section, s.lang, s.lix, s.words, s.sentences, s.entity, list(s.path)] for s in scores]
print(json.dumps({"rendered": "jinja2" in sys.modules, "scores": rows}))
"""


def _score(registry: Path, cache_home: Path, code: Path = ROOT) -> dict[str, object]:
    """The scores of ``registry`` in a fresh interpreter, and whether it rendered the notice."""
    env = {**os.environ, "PYTHONPATH": str(code), "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", _SCORE, str(registry)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=cache_home.parent,  # not the checkout, which `python -c` would import first
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def _kept(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "holte-ropa").glob("readability-*/*.json"))


def _copy(folder: Path, into: Path) -> Path:
    return Path(shutil.copytree(folder, into, ignore=shutil.ignore_patterns("__pycache__")))


def test_the_second_run_reads_the_kept_scores_without_rendering(tmp_path: Path) -> None:
    first = _score(FIXTURES / "small", tmp_path)
    assert first["rendered"] is True
    (kept,) = _kept(tmp_path)
    stamp = kept.stat().st_mtime_ns
    second = _score(FIXTURES / "small", tmp_path)
    assert second == {**first, "rendered": False}
    assert kept.stat().st_mtime_ns == stamp  # read, not written again


def test_a_changed_registry_is_scored_again(tmp_path: Path) -> None:
    registry = _copy(FIXTURES / "small", tmp_path / "registry")
    before = _score(registry, tmp_path / "cache")
    text = (registry / "registry.yaml").read_text(encoding="utf-8")
    long = "Vi behandler opplysningene dine forsvarlig og systematisk og dokumenterbart"
    (registry / "registry.yaml").write_text(
        text.replace("Vi sender nyhetsbrev.", long), encoding="utf-8"
    )
    after = _score(registry, tmp_path / "cache")
    assert after["rendered"] is True
    assert after["scores"] != before["scores"]
    assert after == {**_score(registry, tmp_path / "fresh"), "rendered": True}
    assert len(_kept(tmp_path / "cache")) == 2


def test_a_changed_tool_scores_again(tmp_path: Path) -> None:
    code = tmp_path / "code"
    _copy(ROOT / "holte_ropa", code / "holte_ropa")
    first = _score(FIXTURES / "small", tmp_path / "cache", code)
    views = code / "holte_ropa" / "notice" / "_views.py"
    views.write_text(views.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    again = _score(FIXTURES / "small", tmp_path / "cache", code)
    assert again == first  # the same scores, computed by the changed code, not read back
    assert len(list((tmp_path / "cache" / "holte-ropa").glob("readability-*"))) == 2


def test_damaged_kept_scores_are_computed_again(tmp_path: Path) -> None:
    first = _score(FIXTURES / "small", tmp_path)
    (kept,) = _kept(tmp_path)
    kept.write_text('[{"section": "intro"}]', encoding="utf-8")
    assert _score(FIXTURES / "small", tmp_path) == first
    assert _score(FIXTURES / "small", tmp_path) == {**first, "rendered": False}


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    assert _score(FIXTURES / "small", blocked) == _score(FIXTURES / "small", tmp_path / "fresh")
