"""``mkdocs build`` of Holte's site with the holte-ropa plugin against plain Markdown.

Usage: python -m benchmarks.bench_site [REPEATS]   (default: 3)

Both builds use the same mkdocs.yml, docs/ and theme overrides in temporary folders:
one with the plugin (load, check, render the pages, Graphviz included), one with the
pages pre-written as plain Markdown and the plugin removed. Builds alternate and each
side reports its best time, so the ratio is what the plugin costs on this machine now.
The target is at most 1.30. (The git history of the registry is left out: the copies
are not git repositories.)
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from holte_ropa.model._loader import load_registry
from holte_ropa.site import site_nav, site_pages

ROOT = Path(__file__).parents[1]


def _project(folder: Path, *, plugin: bool) -> Path:
    shutil.copytree(ROOT / "docs", folder / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    registry = str((ROOT / "registry").resolve())
    config = config.replace("!ENV [HOLTE_ROPA_REGISTRY, registry]", registry)
    # The benchmark times the plugin, not the registry's findings: check runs, never fails.
    config = config.replace("fail_on: error", "fail_on: never")
    if not plugin:
        pages = site_pages(load_registry(ROOT / "registry"))
        for path, content in pages.items():
            target = folder / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        config = config.split("  - holte-ropa:")[0]
        config += "\n" + yaml.safe_dump({"nav": site_nav(pages)}, allow_unicode=True)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def _build(config: Path, site: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    build(load_config(str(config), site_dir=str(site), strict=True))
    return time.perf_counter() - start


def main(repeats: int) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        with_plugin = _project(Path(tmp) / "plugin", plugin=True)
        plain = _project(Path(tmp) / "plain", plugin=False)
        times: dict[str, list[float]] = {"plugin": [], "plain": []}
        for _ in range(repeats):
            times["plugin"].append(_build(with_plugin, Path(tmp) / "site-plugin"))
            times["plain"].append(_build(plain, Path(tmp) / "site-plain"))
    best_plugin, best_plain = min(times["plugin"]), min(times["plain"])
    print(f"mkdocs build with the holte-ropa plugin: {best_plugin:.2f} s (best of {repeats})")
    print(f"mkdocs build of the same pages as plain Markdown: {best_plain:.2f} s")
    print(f"ratio: {best_plugin / best_plain:.2f} (target <= 1.30)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
