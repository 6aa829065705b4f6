"""The published privacy notice, generated from the registry in bokmål and English.

Pages are Markdown for mkdocs (extensions ``attr_list``, ``md_in_html``, ``tables``,
``toc``): headings carry explicit ``{#anchor}`` ids shared by both languages, tables are
raw HTML with a ``<caption>`` and column headers, and every registry string is escaped.
Internal fields of the record never reach a template (see :mod:`._views`).

One jinja2 template per page (``templates/notice.md.j2``, ``processors.md.j2``,
``cookies.md.j2``, with phrases shared in ``_macros.md.j2``) serves every language. The
templates hold markup only; every sentence is a gettext message whose id is the English
source text (``_("Your rights")``, named values as ``%(name)s``), and each other language
has a catalogue, ``locale/<lang>/LC_MESSAGES/notice.po``, read with Babel on first use.

Adding a language is adding a catalogue:

1. ``pybabel init -D notice -i holte_ropa/notice/locale/notice.pot
   -d holte_ropa/notice/locale -l <lang>`` and translate every ``msgstr``;
2. add the language to the language lists (``LANGS`` in :mod:`._render`, and the site's
   languages) and give the registry's texts that language;
3. ``tests/notice/test_catalogues.py`` checks that it translates every message, with the
   same placeholders, and nothing fuzzy or obsolete.

After changing a sentence in a template, ``python scripts/notice_messages.py``
regenerates ``notice.pot`` (as configured in ``babel.cfg``) and updates every catalogue.
GDPR citations (:func:`._render.gdpr`), country names and durations (:mod:`._wording`)
are still computed per language in Python.
"""

from __future__ import annotations

from holte_ropa.model._registry import Registry
from holte_ropa.notice._readability import SectionScore, readability
from holte_ropa.terms import LANGUAGES, Lang

# The renderer (jinja2, the catalogues) is imported when a page is rendered, not with the
# package: a check whose readability scores are kept in the cache renders nothing.

__all__ = [
    "PAGES",
    "SectionScore",
    "notice_pages",
    "readability",
    "render_cookies",
    "render_notice",
    "render_processors",
]

PAGES: tuple[str, ...] = ("index.md", "processors.md", "cookies.md")
"""Page file names; bokmål pages sit at the top, English ones under ``en/``."""

_TEMPLATE = {"index.md": "notice", "processors.md": "processors", "cookies.md": "cookies"}


def render_notice(registry: Registry, lang: Lang = "nb") -> str:
    """The privacy notice in ``lang`` (``nb`` or ``en``) as Markdown, layered summary first."""
    from holte_ropa.notice._render import render_page

    return render_page(registry, lang, "notice")


def render_processors(registry: Registry, lang: Lang = "nb") -> str:
    """Processors, sub-processors and other recipients with countries and safeguards."""
    from holte_ropa.notice._render import render_page

    return render_page(registry, lang, "processors")


def render_cookies(registry: Registry, lang: Lang = "nb") -> str:
    """Cookies and similar technology, one captioned table per category."""
    from holte_ropa.notice._render import render_page

    return render_page(registry, lang, "cookies")


def notice_pages(registry: Registry) -> dict[str, str]:
    """Every page in both languages: relative path -> Markdown.

    Bokmål, the primary language, is at the top (``index.md``, ``processors.md``,
    ``cookies.md``); English mirrors it under ``en/`` (``en/index.md``, ...). Links
    between pages are relative (``processors.md``), so each language links within itself.
    The pages set no front matter; the site decides titles from the single h1.
    """
    from holte_ropa.notice._render import render_pages

    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        prefix = "" if lang == "nb" else f"{lang}/"
        rendered = render_pages(registry, lang, [_TEMPLATE[name] for name in PAGES])
        pages.update((prefix + name, text) for name, text in zip(PAGES, rendered, strict=True))
    return pages
