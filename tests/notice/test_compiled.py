"""The notice templates are compiled once and kept in the user's cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

_RENDER = """\
import sys
from holte_ropa import load_registry
from holte_ropa.notice import notice_pages
pages = notice_pages(load_registry(sys.argv[1]))
sys.stdout.write("".join(pages[name] for name in sorted(pages)))
"""


def _render(cache_home: Path) -> str:
    """Every notice page of the small fixture, rendered in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, str(FIXTURES / "small")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout


def test_the_second_run_loads_the_compiled_templates_and_renders_the_same(
    tmp_path: Path,
) -> None:
    first = _render(tmp_path)
    cached = sorted((tmp_path / "holte-ropa").glob("templates-*/*.cache"))
    assert cached, "no compiled template was kept"
    stamps = [p.stat().st_mtime_ns for p in cached]
    assert _render(tmp_path) == first
    assert [p.stat().st_mtime_ns for p in cached] == stamps  # read, not written again


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    assert _render(blocked) == _render(tmp_path / "fresh")


def test_the_compiled_bokmal_catalogue_is_kept_and_read_back_the_same(tmp_path: Path) -> None:
    first = _render(tmp_path)
    kept = sorted((tmp_path / "holte-ropa").glob("notice-nb-*.mo"))
    assert len(kept) == 1, "the compiled catalogue was not kept"
    stamp = kept[0].stat().st_mtime_ns
    assert _render(tmp_path) == first
    assert kept[0].stat().st_mtime_ns == stamp  # read, not written again


def test_a_damaged_kept_catalogue_is_compiled_again(tmp_path: Path) -> None:
    first = _render(tmp_path)
    kept = next((tmp_path / "holte-ropa").glob("notice-nb-*.mo"))
    kept.write_bytes(b"not a catalogue")
    assert _render(tmp_path) == first
    assert kept.read_bytes()[:4] == b"\xde\x12\x04\x95"  # a .mo file again
