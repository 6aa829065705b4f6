"""The MkDocs configuration the site needs, shipped in the package instead of a checkout.

A registry in any folder must be publishable with nothing but ``pip install
"holte-ropa[site]"``: the theme overrides (``theme/``) and the assets ship as package
data, :func:`default_config` is the whole configuration when the user has no
``mkdocs.yml``, and :func:`apply_site_defaults` is what the plugin adds to a user's own
``mkdocs.yml`` so that it needs only ``plugins: [holte-ropa]``.

What people read on every page is the organisation's own: the site name (title of every
page and the header's logo text) and the footer come from the registry, never from this
package; the page's ``lang`` comes from the page's front matter (WCAG 3.1.1). The
registry's optional ``organisation.site`` settings give the name, the base URL, a logo
and the palette's colours.
"""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup

from holte_ropa.terms import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

__all__ = [
    "ASSETS",
    "MARKDOWN_EXTENSIONS",
    "THEME_DIR",
    "apply_site_defaults",
    "default_config",
    "logo_page",
    "site_name",
    "write_default_config",
]

MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
"""The Markdown extensions the pages are written for: ``{#anchor}`` and ``{ lang=en }``
attribute lists, Markdown inside HTML blocks, tables and the table of contents."""

THEME_DIR = Path(str(resources.files("holte_ropa.site") / "theme"))
"""Material theme overrides shipped as package data (``partials/language.html``)."""

ASSETS = {
    "extra_css": ("stylesheets/holte-ropa.css", "stylesheets/print.css"),
    "extra_javascript": ("javascripts/holte-ropa.js",),
}
"""The site's own assets, generated as pages by the plugin from ``site/assets/``."""


def site_name(registry: Registry) -> Markup:
    """The name every page is titled with: ``organisation.site.name``, else the trade
    name, else the legal name.

    Escaped once, as markup: Material prints ``site_name`` unescaped in the page title,
    the header and the menu, and through Jinja's ``| e`` in the logo's tooltip. Plain
    escaped text would show ``&amp;`` there; :class:`markupsafe.Markup` tells ``| e`` it
    is escaped already, so every place shows the name as written, and registry text is
    never markup.
    """
    organisation = registry.organisation
    chosen = organisation.site.name if organisation.site is not None else None
    return Markup(html.escape(chosen or organisation.trade_name or organisation.legal_name))


def logo_page(registry: Registry) -> str | None:
    """Where the site serves the organisation's logo (``assets/logo.svg``), if it has one."""
    logo = registry.site_logo
    return None if logo is None else f"assets/logo{logo.suffix.lower()}"


def _site_url(registry: Registry) -> str | None:
    site = registry.organisation.site
    return None if site is None or site.url is None else str(site.url)


def _palette(registry: Registry) -> dict[str, str]:
    site = registry.organisation.site
    colours = site.colours if site is not None and site.colours is not None else None
    return {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": colours.primary if colours else "indigo",
        "accent": "indigo",
    }


def _footer(registry: Registry) -> str:
    organisation = registry.organisation
    return html.escape(organisation.legal_name)


def default_config(registry: Registry) -> dict[str, Any]:
    """The MkDocs configuration of a registry's site, as a mapping for ``mkdocs.yml``.

    Material for MkDocs with system fonts (no request to Google Fonts), the packaged
    theme overrides and assets, and the holte-ropa plugin with ``fail_on: error``. The
    registry itself is handed to the plugin by :func:`holte_ropa.build`, so no path to
    it is written here.
    """
    config: dict[str, Any] = {
        "site_name": str(site_name(registry)),  # YAML holds text; the plugin sets markup
        "copyright": _footer(registry),
        "docs_dir": "docs",
        "strict": True,
        "theme": {
            "name": "material",
            "custom_dir": str(THEME_DIR),
            "language": DEFAULT_LANGUAGE,
            "font": False,
            "palette": [_palette(registry)],
            "features": ["search.highlight"],
        },
        "extra": {"generator": False},
        "extra_css": list(ASSETS["extra_css"]),
        "extra_javascript": list(ASSETS["extra_javascript"]),
        "markdown_extensions": list(MARKDOWN_EXTENSIONS),
        "plugins": ["search", {"holte-ropa": {"fail_on": "error"}}],
    }
    url = _site_url(registry)
    if url is not None:
        config["site_url"] = url
    logo = logo_page(registry)
    if logo is not None:
        config["theme"]["logo"] = logo
    return config


def write_default_config(registry: Registry, folder: Path) -> Path:
    """Write ``mkdocs.yml`` and an empty ``docs/`` into ``folder``; the config file's path.

    ``folder`` is a scratch folder (the build's own): every page is generated by the
    plugin, so ``docs/`` stays empty.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(exist_ok=True)
    config = folder / "mkdocs.yml"
    text = yaml.safe_dump(default_config(registry), allow_unicode=True, sort_keys=False)
    config.write_text(text, encoding="utf-8")
    return config


def apply_site_defaults(config: Any, registry: Registry) -> None:
    """Make a user's own MkDocs ``config`` show ``registry``'s organisation, in place.

    The site name and (when the user set none) the footer become the organisation's; the
    registry's base URL, logo and colours apply unless the user set their own; the
    Markdown extensions the pages are written for are enabled; the packaged theme
    overrides are added below the user's own ``custom_dir`` (theirs win); the assets are
    listed unless they are already.
    """
    config.site_name = site_name(registry)
    if not config.copyright:
        config.copyright = _footer(registry)
    if not config.site_url and _site_url(registry) is not None:
        config.site_url = _site_url(registry)
    theme = config.theme
    logo = logo_page(registry)
    if logo is not None and not theme.get("logo"):
        theme["logo"] = logo
    if theme.name == "material" and not theme.get("palette"):
        theme["palette"] = [_palette(registry)]
    for extension in MARKDOWN_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    theme_dir = str(THEME_DIR)
    if theme.name == "material" and theme_dir not in theme.dirs:
        position = 1 if theme.custom_dir else 0
        theme.dirs.insert(position, theme_dir)
    for key, assets in ASSETS.items():
        listed = [str(item) for item in config[key]]
        for asset in assets:
            if asset not in listed:
                config[key].append(asset)
