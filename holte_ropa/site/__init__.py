"""The published website, rendered from a Registry without MkDocs.

Every page is Markdown (plus the stylesheets and script in ``assets/``) returned as
``{relative path: content}``: the MkDocs plugin hands these to MkDocs as virtual files,
``holte-ropa site -o DIR`` writes them to disk, and any other Markdown site builder can
take them from there. Nothing here imports MkDocs, so the site outlives any one builder.

Bokmål is the default language at the site root and English lives under ``en/``. Every
page says its language in front matter (``lang``) and links to the same page in the
other language, falling back to that language's front page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from holte_ropa.notice import notice_pages
from holte_ropa.site import _markdown as md
from holte_ropa.site._flows import flows_page
from holte_ropa.site._history import FEED, history_days, history_feed, history_page
from holte_ropa.site._print import page_marker, print_frame
from holte_ropa.site._rules import RuleDoc, rule_pages
from holte_ropa.terms import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from holte_ropa.changes._history import HistoryEntry
    from holte_ropa.model._registry import Registry
    from holte_ropa.report._findings import Finding

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "draft_banner",
    "page_language",
    "rule_docs",
    "site_nav",
    "site_pages",
    "write_site",
]


NavItem = dict[str, "str | list[NavItem]"]

_SWITCH = {
    # label in the *target* language, so the lang attribute is on the label itself
    "en": "Read this page in English",
    "nb": "Les denne siden på norsk",
}
_SECTION_TITLE = {"nb": "Norsk (bokmål)", "en": "English"}
# Pages in this order first in the navigation; anything else follows by path.
_NAV_ORDER = ("index.md", "processors.md", "cookies.md", "flows.md", "changes.md")
_WIDE = ("flows.md",)
"""Pages whose diagrams need the whole width at 1280 px: no table of contents beside them."""
_H1 = re.compile(r"^# (.+)$", re.MULTILINE)
_BACKSLASH = re.compile(r"\\(.)")
_ATTR_LIST = re.compile(r"(?<!\\)\{[^}]*\}\s*$")


def page_language(path: str) -> str:
    """The language of a generated page, from where it lives."""
    return "en" if path.startswith("en/") else DEFAULT_LANGUAGE


def site_pages(
    registry: Registry,
    *,
    history: Sequence[HistoryEntry] | None = None,
    blockers: Sequence[Finding] | None = None,
) -> dict[str, str]:
    """Every generated page and asset, keyed by path relative to the docs root.

    ``history`` is the registry's change history from git (``registry_history``); without
    it the history page shows the registry's own ``notice.history``. The same history is
    published as an Atom feed per language (``changes.xml``, ``en/changes.xml``).
    ``blockers`` are the findings that keep the notice from being published (GDPR Art.
    13-14 elements unknown or contradicted; default: the registry's own, see
    :func:`holte_ropa.rules.publication_blockers`): while there are any, every page opens
    with a draft banner in its language and prints "UTKAST" / "DRAFT".
    """
    if blockers is None:
        from holte_ropa.rules import publication_blockers

        blockers = publication_blockers(registry)
    bodies: dict[str, str] = {}
    for path, markdown in notice_pages(registry).items():
        bodies[path] = markdown
    days = history_days(registry, history)
    feeds: dict[str, str] = {}
    for lang in LANGUAGES:
        bodies[_in_lang("changes.md", lang)] = history_page(registry, lang, history)
        bodies[_in_lang("flows.md", lang)] = flows_page(registry, lang)
        feeds[_in_lang(FEED, lang)] = history_feed(registry, lang, days)
    missing = len(blockers)
    pages = {path: _finish(path, body, bodies, missing) for path, body in bodies.items()}
    pages.update(feeds)
    pages.update(_assets())
    # The printed page frame names this organisation and this version (or the draft).
    titles = {path: _title(body) for path, body in bodies.items()}
    frame = print_frame(registry, draft=bool(missing), titles=titles)
    pages["stylesheets/print.css"] = frame + pages["stylesheets/print.css"]
    return dict(sorted(pages.items()))


def site_nav(pages: Mapping[str, str]) -> list[NavItem]:
    """A navigation in MkDocs' ``nav`` shape: one section per language."""
    nav: list[NavItem] = []
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        mine = [p for p in pages if p.endswith(".md") and page_language(p) == lang]
        local = sorted(mine, key=lambda p: _nav_key(p.removeprefix(prefix)))
        items: list[NavItem] = [{_title(pages[path]): path} for path in local]
        nav.append({_SECTION_TITLE[lang]: items})
    return nav


def rule_docs() -> dict[str, str]:
    """The rule pages for auditors and developers, as Markdown keyed by path.

    They explain the compliance rules (in English, with a bokmål index) and are no part
    of the public site, which is written for data subjects and customers: ``holte-ropa
    build`` writes them to ``docs/`` beside the site, and ``holte-ropa rules`` prints them.
    """
    return dict(sorted(rule_pages(_rules()).items()))


def write_site(registry: Registry, out_dir: Path) -> list[Path]:
    """Write every generated page under ``out_dir``; returns the files written."""
    written = []
    for path, content in site_pages(registry).items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


_ASSETS = (
    ("stylesheets", "holte-ropa.css"),
    ("stylesheets", "print.css"),
    ("javascripts", "holte-ropa.js"),
)
"""Listed in mkdocs.yml's extra_css and extra_javascript; print.css is @media print only."""


def _in_lang(path: str, lang: str) -> str:
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


def _counterpart(path: str) -> str:
    if page_language(path) == DEFAULT_LANGUAGE:
        return f"en/{path}"
    return path.removeprefix("en/")


def _nav_key(local: str) -> tuple[int, str]:
    rank = _NAV_ORDER.index(local) if local in _NAV_ORDER else len(_NAV_ORDER)
    return (rank, "" if local.endswith("index.md") else local)


def _title(markdown: str) -> str:
    found = _H1.search(markdown)
    if not found:
        return "?"
    # Drop an attribute list ({#id}) and Markdown backslash escapes; HTML entities stay
    # escaped, because MkDocs themes print nav titles unescaped.
    title = _ATTR_LIST.sub("", found.group(1)).strip()
    return _BACKSLASH.sub(r"\1", title)


def draft_banner(lang: str, missing: int) -> str:
    """The HTML that marks a page as a draft: a banner on screen, "UTKAST" on paper.

    ``missing`` is the number of findings that keep the notice from being published.
    """
    if lang == "nb":
        items = "opplysning mangler" if missing == 1 else "opplysninger mangler"
        text, mark = f"Utkast – ikke publisert: {missing} {items}.", "UTKAST"
    else:
        items = "item is missing" if missing == 1 else "items are missing"
        text, mark = f"Draft – not published: {missing} {items}.", "DRAFT"
    return (
        f'<p class="holte-draft" role="note"><strong>{text}</strong></p>\n'
        f'<p class="holte-draft-print" aria-hidden="true">{mark}</p>\n\n'
    )


def _finish(path: str, body: str, bodies: Mapping[str, str], missing: int = 0) -> str:
    """Front matter with the page's language, a draft banner while elements are missing,
    then the language switch, then the body."""
    lang = page_language(path)
    other = "en" if lang == DEFAULT_LANGUAGE else DEFAULT_LANGUAGE
    target = _counterpart(path)
    if target not in bodies:
        target = _in_lang("index.md", other)
    relative = posixpath.relpath(target, posixpath.dirname(path) or ".")
    switch = md.link(_SWITCH[other], relative, lang=other, css_class="holte-lang-switch")
    # The printed page's running head names this page (holte_ropa/site/_print.py).
    switch += page_marker(path)
    # feed: the MkDocs plugin links every page to its language's Atom feed in <head>.
    meta = {"lang": lang, "feed": _in_lang(FEED, lang)}
    if path.removeprefix("en/") in _WIDE:
        # Material's "hide: [toc]": the table of contents gives its column to the content.
        meta["hide"] = "[toc]"
    if not missing:
        return md.front_matter(**meta) + switch + "\n\n" + body
    # robots: the MkDocs plugin writes it as <meta name="robots"> so no search engine
    # indexes a draft.
    head = md.front_matter(**meta, robots="noindex")
    return head + draft_banner(lang, missing) + switch + "\n\n" + body


def _assets() -> dict[str, str]:
    assets = resources.files("holte_ropa.site") / "assets"
    return {
        f"{folder}/{name}": (assets / name).read_text(encoding="utf-8") for folder, name in _ASSETS
    }


def _rules() -> list[RuleDoc]:
    from holte_ropa.rules import all_rules

    return list(all_rules())
