"""A site configuration that needs no plugin: for Zensical, and MkDocs without holte-ropa.

Zensical (the successor of Material for MkDocs) builds a ``mkdocs.yml`` but never runs
MkDocs plugins, so the holte-ropa plugin cannot hand it the pages or the navigation.
``holte-ropa site -o DIR --config FILE`` therefore writes the pages into DIR and FILE, a
configuration that names DIR as its ``docs_dir`` and holds everything the plugin would
have added: the organisation's site name and footer, the packaged theme overrides, the
assets, and the navigation (one section per language, pages in the plugin's order).
``zensical build -f FILE`` (or ``mkdocs build -f FILE``) then builds the same pages.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from holte_ropa.site._mkdocs_config import THEME_DIR, default_config, logo_page

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

__all__ = ["OVERRIDES", "standalone_config", "write_standalone_config"]

OVERRIDES = "holte-ropa-overrides"
"""The folder, beside the written configuration, that holds a copy of the theme overrides."""


def standalone_config(
    registry: Registry, pages: Mapping[str, str], docs_dir: str
) -> dict[str, Any]:
    """The packaged configuration without plugins, with the navigation written out."""
    from holte_ropa.site import site_nav

    config = default_config(registry)
    config["docs_dir"] = docs_dir
    config.pop("strict", None)  # strict refuses a draft through the plugin, absent here
    config["plugins"] = ["search"]
    config["nav"] = site_nav(pages)
    return config


def write_standalone_config(
    registry: Registry, pages: Mapping[str, str], pages_dir: Path, config_file: Path
) -> Path:
    """Write ``config_file`` for the pages in ``pages_dir`` (named relative to it).

    The theme overrides are copied into :data:`OVERRIDES` beside ``config_file``, so the
    pages, the configuration and the overrides can move together.
    """
    config_file.parent.mkdir(parents=True, exist_ok=True)
    docs_dir = Path(os.path.relpath(pages_dir.resolve(), config_file.parent.resolve()))
    config = standalone_config(registry, pages, docs_dir.as_posix())
    # The theme overrides are copied next to the configuration and named relative to it,
    # never as a path into the installed package: the folder builds wherever it is moved.
    overrides = config_file.parent / OVERRIDES
    shutil.copytree(THEME_DIR, overrides, dirs_exist_ok=True)
    config["theme"]["custom_dir"] = OVERRIDES
    logo, page = registry.site_logo, logo_page(registry)
    if logo is not None and page is not None:  # the theme shows it: it must be beside the pages
        (pages_dir / page).parent.mkdir(parents=True, exist_ok=True)
        (pages_dir / page).write_bytes(logo.read_bytes())
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    config_file.write_text(text, encoding="utf-8")
    return config_file
