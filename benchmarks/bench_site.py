"""``mkdocs build`` of Holte's site with the holte-ropa plugin against plain Markdown.

Usage: python -m benchmarks.bench_site [REPEATS]   (default: 5)

Both builds use the same mkdocs.yml, docs/ and theme overrides in temporary folders:
one with the plugin (load, check, render the pages, Graphviz included), one with the
pages pre-written as plain Markdown and the plugin removed. Each build is a cold
``mkdocs build`` in a process of its own; builds alternate and each side reports its
median CPU time (the ``dot`` processes included), so the ratio is what the plugin costs.
The target is at most 1.30. (The git history of the registry is left out: the copies
are not git repositories.)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from benchmarks._measure import environment, medians
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


def main(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with_plugin = _project(Path(tmp) / "plugin", plugin=True)
        plain = _project(Path(tmp) / "plain", plugin=False)
        env = environment(NO_MKDOCS_2_WARNING="1")
        found = medians(
            {
                side: (
                    [
                        sys.executable,
                        "-m",
                        "mkdocs",
                        "build",
                        "-q",
                        "-f",
                        str(config),
                        "-d",
                        "site",
                    ],
                    config.parent,
                    env,
                )
                for side, config in (("plugin", with_plugin), ("plain", plain))
            },
            repeats,
        )
    print(f"cold mkdocs build with the holte-ropa plugin: {found['plugin']:.2f} CPU s")
    print(f"cold mkdocs build of the same pages as plain Markdown: {found['plain']:.2f} CPU s")
    print(f"ratio: {found['plugin'] / found['plain']:.2f} (target <= 1.30; median of {repeats})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
