"""Build the HTML site with MkDocs, for ``holte-ropa build``.

MkDocs runs in this process and is handed the registry already loaded, so the build
neither reads the YAML twice nor depends on the registry path written in mkdocs.yml
(which a plain ``mkdocs build`` uses). Without a ``mkdocs.yml`` of the user's, the
packaged default configuration is written into a temporary folder and used, so a
registry in any folder builds with nothing but the installed package.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from holte_ropa.model._registry import Registry
    from holte_ropa.report._findings import Finding

__all__ = ["SiteBuildError", "build_site"]


class SiteBuildError(RuntimeError):
    """MkDocs refused to build the site; the message says why."""


def build_site(
    registry: Registry,
    out_dir: Path,
    config_file: Path | None = None,
    *,
    release: bool = False,
    findings: Sequence[Finding] | None = None,
    registry_folder: Path | None = None,
) -> list[Path]:
    """``mkdocs build --strict`` into ``out_dir``; the files written.

    ``config_file`` is the user's own ``mkdocs.yml`` (it must enable the plugin); None
    builds with the packaged default configuration. A config file that does not exist
    means no site: that is said on stderr and nothing is written; one that names no
    ``docs_dir`` needs no ``docs/`` folder beside it. Strict mode refuses
    broken links; a notice with publication blockers is built as a draft unless
    ``release`` is set, when it is refused (:class:`SiteBuildError`). ``findings`` are
    the registry's, when the caller has checked it already (the check is not run again).
    ``registry_folder`` is where ``registry`` was read from: the changes page is its git
    history.
    """
    if config_file is None:
        with tempfile.TemporaryDirectory(prefix="holte-ropa-site-") as scratch:
            from holte_ropa.site._mkdocs_config import write_default_config

            default = write_default_config(registry, Path(scratch))
            return _build(
                registry,
                out_dir,
                default,
                release=release,
                findings=findings,
                folder=registry_folder,
            )
    if not config_file.is_file():
        print(f"holte-ropa: no {config_file}; the website is not built", file=sys.stderr)
        return []
    if _needs_docs_dir(config_file):
        # MkDocs requires docs/ to exist; every page is generated, so an empty one serves.
        with tempfile.TemporaryDirectory(prefix="holte-ropa-docs-") as empty:
            return _build(
                registry,
                out_dir,
                config_file,
                release=release,
                findings=findings,
                docs=empty,
                folder=registry_folder,
            )
    return _build(
        registry, out_dir, config_file, release=release, findings=findings, folder=registry_folder
    )


def _needs_docs_dir(config_file: Path) -> bool:
    """True when ``config_file`` names no ``docs_dir`` and the default ``docs/`` beside it
    does not exist."""
    text = config_file.read_text(encoding="utf-8", errors="replace")
    named = re.search(r"(?m)^docs_dir\s*:", text) is not None
    return not named and not (config_file.parent / "docs").is_dir()


def _build(
    registry: Registry,
    out_dir: Path,
    config_file: Path,
    *,
    release: bool,
    findings: Sequence[Finding] | None,
    folder: Path | None,
    docs: str | None = None,
) -> list[Path]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from holte_ropa._reproducible import unset_if_malformed
    from holte_ropa.site.mkdocs_plugin import HolteRopaPlugin

    try:
        # MkDocs reads SOURCE_DATE_EPOCH with int(): a malformed value counts as unset
        with unset_if_malformed():
            overrides = {} if docs is None else {"docs_dir": docs}
            config = load_config(
                str(config_file), site_dir=str(out_dir.resolve()), strict=True, **overrides
            )
            plugins = [p for p in config.plugins.values() if isinstance(p, HolteRopaPlugin)]
            if not plugins:
                raise SiteBuildError(f"{config_file} does not enable the holte-ropa plugin")
            plugins[0].preloaded = registry
            plugins[0].release = release
            plugins[0].prechecked = findings
            plugins[0].registry_folder = folder
            build(config)
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    return sorted(p for p in out_dir.rglob("*") if p.is_file())
