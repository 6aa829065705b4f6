"""The page frame of the printed notice: who, which version or draft, and page numbers.

A notice on paper has no address bar: every printed page names the organisation, the
notice's version and date (or "UTKAST" and the day it was built, while elements GDPR
Art. 13-14 require are missing) and its page number. Chromium prints CSS page-margin
boxes (``@top-left``, ``@bottom-center``) and named pages, so the frame is CSS written
per site in front of the packaged ``print.css``; English pages use the named page ``en``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from holte_ropa._reproducible import source_date_epoch
from holte_ropa.changes._dated import long_date
from holte_ropa.model._models import is_unknown
from holte_ropa.model._registry import Registry

__all__ = ["page_marker", "print_frame"]

_FONT = "font: 9pt/1.2 -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #333;"
_WORDS = {
    "nb": {
        "title": "Personvernerklæring",
        "version": "versjon {version}",
        "changed": "sist endret {date}",
        "draft": "UTKAST – bygget {date}",
        "built": "bygget {date}",
        "page": '"Side " counter(page) " av " counter(pages)',
        "page_named": "siden «{title}»",
    },
    "en": {
        "title": "Privacy notice",
        "version": "version {version}",
        "changed": "last changed {date}",
        "draft": "DRAFT – built {date}",
        "built": "built {date}",
        "page": '"Page " counter(page) " of " counter(pages)',
        "page_named": "the page “{title}”",
    },
}


def print_frame(
    registry: Registry,
    *,
    draft: bool,
    built: _dt.date | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """``@page`` rules for both languages; ``built`` defaults to SOURCE_DATE_EPOCH or today.

    ``titles`` (page path to its title) gives each page a named page whose running head
    is that page's own title; the page carries the marker :func:`page_marker` writes.
    """
    day = built or _build_day()
    rules = ["/* holte-ropa: the printed page frame, written for this registry. */"]
    for lang, selector in (("nb", "@page"), ("en", "@page en")):
        words = _WORDS[lang]
        when = _when(registry, lang, draft, day)
        rules += [
            f"{selector} {{",
            "  size: A4;",
            "  margin: 18mm 16mm 20mm;",
            f"  @top-left {{ content: {_css_string(_who(registry, lang))}; {_FONT} }}",
            f"  @top-right {{ content: {_css_string(when)}; {_FONT} }}",
            f"  @bottom-center {{ content: {words['page']}; {_FONT} }}",
            "}",
        ]
    rules += ['html[lang="en"] body { page: en; }']
    for path, title in sorted((titles or {}).items()):
        lang = "en" if path.startswith("en/") else "nb"
        name = _page_name(path)
        who = f"{_who_name(registry)} – {title}"
        when = _when(registry, lang, draft, day)
        rules += [
            f"@page {name} {{",
            f"  @top-left {{ content: {_css_string(who)}; {_FONT} }}",
            f"  @top-right {{ content: {_css_string(when)}; {_FONT} }}",
            f"  @bottom-center {{ content: {_WORDS[lang]['page']}; {_FONT} }}",
            "}",
            f"html body:has(.{name}) {{ page: {name}; }}",
        ]
    rules += _link_targets(titles or {})
    rules.append("")
    return "\n".join(rules)


def _link_targets(titles: Mapping[str, str]) -> list[str]:
    """On paper a link to another page of the site names that page (print.css writes the
    address of any other link)."""
    rules = []
    for path, title in sorted(titles.items()):
        lang = "en" if path.startswith("en/") else "nb"
        folder = path.removeprefix("en/").removesuffix(".md")
        if folder == "index":
            continue  # a link to the front page reads "../": its address says enough
        named = _WORDS[lang]["page_named"].format(title=title)
        rules.append(
            f'  html[lang="{lang}"] .md-typeset a[href$="{folder}/"]:not([href^="http"])::after '
            f"{{ content: {_css_string(f' ({named})')} !important; }}"
        )
    return ["@media print {", *rules, "}"] if rules else []


def page_marker(path: str) -> str:
    """An empty element naming the page, by which the printed frame finds its title."""
    return f'<span class="{_page_name(path)}" hidden></span>'


def _page_name(path: str) -> str:
    return "holte-print-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".md").lower()).strip("-")


def _who_name(registry: Registry) -> str:
    organisation = registry.organisation
    return organisation.trade_name or organisation.legal_name


def _who(registry: Registry, lang: str) -> str:
    organisation = registry.organisation
    return f"{organisation.trade_name or organisation.legal_name} – {_WORDS[lang]['title']}"


def _when(registry: Registry, lang: str, draft: bool, day: _dt.date) -> str:
    words = _WORDS[lang]
    if draft:
        return words["draft"].format(date=long_date(day.isoformat(), lang))
    notice = registry.organisation.notice
    parts = []
    if not is_unknown(notice.version):
        parts.append(words["version"].format(version=notice.version))
    if not is_unknown(notice.last_changed):
        parts.append(words["changed"].format(date=long_date(notice.last_changed.isoformat(), lang)))
    text = ", ".join(parts) or words["built"].format(date=long_date(day.isoformat(), lang))
    return text[:1].upper() + text[1:]


def _build_day() -> _dt.date:
    pinned = source_date_epoch()
    return pinned.date() if pinned is not None else _dt.datetime.now(tz=_dt.UTC).date()


def _css_string(text: str) -> str:
    """Registry text as a CSS string: quotes, backslashes and line breaks escaped, and
    anything that could close the rule or the stylesheet written as a code point."""
    out = []
    for char in text:
        if char.isalnum() or char in " –-.,:;()&'/+«»“”":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return '"' + "".join(out) + '"'
