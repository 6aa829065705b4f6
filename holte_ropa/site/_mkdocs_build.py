"""Build the HTML site with MkDocs from the project's mkdocs.yml, for ``holte-ropa build``.

MkDocs runs in this process and is handed the registry already loaded, so the build
neither reads the YAML twice nor depends on the registry path written in mkdocs.yml
(which a plain ``mkdocs build`` uses).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

__all__ = ["SiteBuildError", "build_site"]


class SiteBuildError(RuntimeError):
    """MkDocs refused to build the site; the message says why."""


def build_site(
    registry: Registry,
    out_dir: Path,
    config_file: Path = Path("mkdocs.yml"),
    *,
    release: bool = False,
) -> list[Path]:
    """``mkdocs build --strict`` of ``config_file`` into ``out_dir``; the files written.

    Strict mode refuses broken links; a notice with publication blockers is built as a
    draft unless ``release`` is set, when it is refused (:class:`SiteBuildError`).

    Without a config file there is no site to build: that is said on stderr and nothing
    is written, so ``holte-ropa build`` still works for a project that publishes no site.
    """
    if not config_file.is_file():
        print(f"holte-ropa: no {config_file}; the website is not built", file=sys.stderr)
        return []
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from holte_ropa.site.mkdocs_plugin import HolteRopaPlugin

    try:
        config = load_config(str(config_file), site_dir=str(out_dir.resolve()), strict=True)
        plugins = [p for p in config.plugins.values() if isinstance(p, HolteRopaPlugin)]
        if not plugins:
            raise SiteBuildError(f"{config_file} does not enable the holte-ropa plugin")
        plugins[0].preloaded = registry
        plugins[0].release = release
        build(config)
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    return sorted(p for p in out_dir.rglob("*") if p.is_file())
