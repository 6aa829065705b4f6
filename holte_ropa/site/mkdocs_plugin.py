"""The ``holte-ropa`` MkDocs plugin: a thin adapter from holte_ropa.site to MkDocs.

``mkdocs build`` alone must be enough to publish: the plugin loads the registry named in
``mkdocs.yml``, refuses to build while it is unusable or has unwaived findings at or
above ``fail_on``, and hands the pages of :func:`holte_ropa.site.site_pages` to MkDocs as
virtual files. It also adds the packaged theme overrides and assets and names the site
after the registry's organisation, so a user's ``mkdocs.yml`` needs nothing else (see
:mod:`holte_ropa.site._mkdocs_config`). All rendering lives in the library; this module
only translates.

While findings keep the notice from being published (an element GDPR Art. 13-14
requires is unknown or contradicted, waived or not), ``mkdocs build`` builds a draft
(a banner on every page and ``<meta name="robots" content="noindex">``) and
``mkdocs build --strict`` fails, listing them located at file:line:column.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

if TYPE_CHECKING:
    from holte_ropa.changes._history import HistoryEntry
    from holte_ropa.model._registry import Registry
    from holte_ropa.report._findings import Finding

__all__ = ["HolteRopaPlugin", "HolteRopaPluginConfig"]

_RANK = {"info": 1, "warning": 2, "error": 3, "never": 4}


class HolteRopaPluginConfig(Config):  # type: ignore[no-untyped-call]
    registry = c.Type(str, default="registry")
    """The registry folder or file, relative to mkdocs.yml."""
    fail_on = c.Choice(("error", "warning", "info", "never"), default="error")
    """Refuse to build on unwaived findings at or above this severity."""


class HolteRopaPlugin(BasePlugin[HolteRopaPluginConfig]):  # type: ignore[no-untyped-call]
    """Generate the privacy site from a registry at build time."""

    def __init__(self) -> None:
        self.preloaded: Registry | None = None
        """A registry loaded already (by ``holte-ropa build``); skips loading it again."""
        self.prechecked: Sequence[Finding] | None = None
        """The findings of ``preloaded``, checked already (by ``holte-ropa build``)."""
        self.release: bool | None = None
        """Refuse a draft. None: refuse when MkDocs runs strict (``mkdocs build --strict``);
        ``holte-ropa build`` sets it from its ``--release`` option."""
        self.registry_folder: Path | None = None
        """Where ``preloaded`` was read from (its git history is the changes page); None:
        the configured ``registry``, relative to mkdocs.yml."""
        self._pages: dict[str, str] = {}
        self._missing = 0
        self._logo: tuple[str, bytes] | None = None
        self._nav_by_lang: dict[str, Navigation] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        from holte_ropa.rules import check, publication_blockers
        from holte_ropa.site import site_nav, site_pages
        from holte_ropa.site._mkdocs_config import apply_site_defaults

        _forget_malformed_source_date_epoch()
        registry = self.preloaded or self._load(config)
        findings = check(registry) if self.prechecked is None else list(self.prechecked)
        _refuse_findings(findings, self.config.fail_on, self.config.registry)
        apply_site_defaults(config, registry)
        self._logo = _logo(registry)
        blockers = publication_blockers(registry, findings=findings)
        release = config.strict if self.release is None else self.release
        if release and blockers:
            _refuse_draft(blockers, self.config.registry)
        self._pages = site_pages(registry, history=self._history(config), blockers=blockers)
        self._missing = len(blockers)
        if not config.nav:
            config.nav = site_nav(self._pages)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for path, content in self._pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        if self._logo is not None:
            files.append(File.generated(config, self._logo[0], content=self._logo[1]))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # One top-level section per language: each page shows only its own language's.
        self._nav_by_lang = {}
        for item in nav.items:
            if isinstance(item, Section) and item.children:
                first = _first_page(item)
                if first is not None:
                    lang = _lang_of(first)
                    self._nav_by_lang[lang] = Navigation(item.children, nav.pages)
        return nav

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        own = self._nav_by_lang.get(_lang_of(page))
        if own is not None:
            context["nav"] = own
        if page.file.src_uri in _NOTICE_PAGES:
            # The notice's table of contents lists its sections (h2), not the ~80 headings
            # of every activity under them.
            for item in page.toc:
                for link in item.children if item.level < 2 else [item]:
                    link.children = []
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        head: list[str] = []
        # A draft must not be indexed: the page's front matter asks for it.
        robots = page.meta.get("robots")
        if isinstance(robots, str):
            head.append(f'<meta name="robots" content="{html.escape(robots)}">')
        # Every page names its language's Atom feed of changes, for feed readers.
        feed = page.meta.get("feed")
        if isinstance(feed, str):
            head.append(_feed_link(feed, page))
        if head and "<head>" in output:
            output = output.replace("<head>", "<head>\n" + "\n".join(head), 1)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The theme's own pages (404.html) are marked as a draft like every other page."""
        if template_name != "404.html" or not self._missing:
            return output_content
        from holte_ropa.site import draft_banner
        from holte_ropa.terms import LANGUAGES

        output = output_content.replace(
            "<head>", '<head>\n<meta name="robots" content="noindex">', 1
        )
        banner = "".join(draft_banner(lang, self._missing) for lang in LANGUAGES)
        heading = output.find("<h1")
        if heading < 0:
            return output
        return output[:heading] + banner + output[heading:]

    def _history(self, config: MkDocsConfig) -> list[HistoryEntry] | None:
        """The registry's history from the git repository holding its folder, if any."""
        from holte_ropa.site._history import git_history

        base = Path(config.config_file_path or ".").parent
        return git_history(self.registry_folder or base / self.config.registry)

    def _load(self, config: MkDocsConfig) -> Registry:
        from holte_ropa.model._loader import load_registry
        from holte_ropa.report._problems import RegistryError

        base = Path(config.config_file_path or ".").parent
        path = base / self.config.registry
        try:
            registry = load_registry(path)
        except RegistryError as exc:
            lines = "\n".join(str(p) for p in exc.problems)
            raise PluginError(
                f"holte-ropa: the registry {path} cannot be used ({len(exc.problems)} "
                f"problems); fix them first:\n{lines}"
            ) from None
        return registry


_NOTICE_PAGES = ("index.md", "en/index.md")
"""The notice in each language: its table of contents stops at its sections."""


def _feed_link(feed: str, page: Page) -> str:
    """``<link rel="alternate">`` to ``feed`` (a path from the site root), relative to ``page``."""
    from holte_ropa.changes._dated import FEED_WORDS
    from holte_ropa.site import page_language

    here = posixpath.dirname(page.url.rstrip("/")) if not page.url.endswith("/") else page.url
    href = posixpath.relpath(feed, here.rstrip("/") or ".")
    title = FEED_WORDS[page_language(page.file.src_uri)]["link"]
    return (
        f'<link rel="alternate" type="application/atom+xml" title="{html.escape(title)}" '
        f'href="{html.escape(href)}">'
    )


def _refuse_draft(blockers: Sequence[Finding], where: str) -> None:
    from holte_ropa.rules import blocker_lines

    raise PluginError(
        f"holte-ropa: the privacy notice of {where} is a draft: {len(blockers)} finding(s) "
        "say an element GDPR Art. 13-14 requires is unknown or contradicted (a waiver does "
        "not make it publishable); settle them, or build without --strict for a draft:\n"
        + "\n".join(blocker_lines(blockers))
    )


def _refuse_findings(findings: Sequence[Finding], fail_on: str, where: str) -> None:
    threshold = _RANK[fail_on]
    blocking = [
        f"{f.file}:{f.line}:{f.column}: {f.severity}[{f.rule} {f.name}]: {f.message}"
        for f in findings
        if not f.waived and _RANK[str(f.severity)] >= threshold
    ]
    if blocking:
        raise PluginError(
            f"holte-ropa: {len(blocking)} unwaived finding(s) at or above '{fail_on}' in "
            f"{where}; fix them, or waive them with a reason, an approver and an expiry "
            "date:\n" + "\n".join(blocking)
        )


def _first_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page):
            return child
        if isinstance(child, Section):
            found = _first_page(child)
            if found is not None:
                return found
    return None


def _lang_of(page: Page) -> str:
    from holte_ropa.site import page_language

    return page_language(page.file.src_uri)


def _forget_malformed_source_date_epoch() -> None:
    """A malformed SOURCE_DATE_EPOCH counts as unset (reproducible-builds.org), for MkDocs too.

    MkDocs reads it with ``int()`` after ``on_config`` and stops with a traceback on
    ``""`` or ``abc``; in a ``mkdocs build`` process the plugin removes it and says so.
    (``holte-ropa build`` sets it aside before MkDocs starts and puts it back after.)
    """
    import os

    from mkdocs.plugins import get_plugin_logger

    from holte_ropa._reproducible import malformed_source_date_epoch

    malformed = malformed_source_date_epoch()
    if malformed is not None:
        del os.environ["SOURCE_DATE_EPOCH"]
        get_plugin_logger(__name__).info(
            "SOURCE_DATE_EPOCH=%r is not a number of seconds since 1970; building as if it "
            "were unset (pages are dated today)",
            malformed,
        )


def _logo(registry: Registry) -> tuple[str, bytes] | None:
    """(site path, bytes) of the organisation's logo; the loader checked the file exists."""
    from holte_ropa.site._mkdocs_config import logo_page

    page, file = logo_page(registry), registry.site_logo
    if page is None or file is None:
        return None
    return page, file.read_bytes()
