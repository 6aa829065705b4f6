"""The public change history: what changed for people, one entry per day, and its feed.

The notice promises to announce changes (GDPR Art. 12(1), 13(3)); a commit log is not an
announcement. This module groups the registry's history by day, keeps only what the
published notice says (each change's ``public`` sentence, once a day), marks what
customers must hear of before it takes effect (GDPR Art. 28(2)), and writes the Atom
feed (RFC 4287) people subscribe to: one entry per day, with ids that never change.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urlsplit

from babel.dates import format_date
from pydantic import BaseModel, ConfigDict

from holte_ropa.changes._change import Audience
from holte_ropa.changes._history import _ATOM, _XML_LANG, HistoryEntry, _text
from holte_ropa.changes._wording import Bilingual
from holte_ropa.model._models import Organisation, is_unknown
from holte_ropa.terms import cite

__all__ = ["DatedChanges", "DatedItem", "changes_feed", "dated_changes", "long_date"]


class DatedItem(BaseModel):
    """One sentence of the public history."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: Bilingual
    customers: bool = False
    """Customers must be told before it takes effect (GDPR Art. 28(2))."""


class DatedChanges(BaseModel):
    """What changed for people on one day."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: str
    """The day, ``YYYY-MM-DD``."""
    updated: str
    """When the day's last change was made, RFC 3339."""
    initial: bool = False
    """The first published version of the record."""
    items: tuple[DatedItem, ...] = ()

    @property
    def anchor(self) -> str:
        """The heading id of the day on the changes page."""
        return f"changes-{self.date}"


def dated_changes(history: Sequence[HistoryEntry]) -> list[DatedChanges]:
    """The history grouped by day, newest first, with only what people are told.

    Changes only auditors see are left out, each sentence is said once a day, and a day
    with nothing public in it is no entry.
    """
    days: dict[str, list[HistoryEntry]] = {}
    for entry in history:
        days.setdefault(entry.date[:10], []).append(entry)
    found: list[DatedChanges] = []
    for day, entries in days.items():
        items: dict[tuple[str, str, bool], DatedItem] = {}
        for entry in entries:
            for change in entry.changes:
                if change.public is None:
                    continue
                customers = Audience.CUSTOMERS in change.audience
                key = (change.public.nb, change.public.en, customers)
                items.setdefault(key, DatedItem(text=change.public, customers=customers))
        initial = any(e.initial for e in entries)
        if items or initial:
            updated = max(e.date for e in entries)
            found.append(
                DatedChanges(
                    date=day, updated=updated, initial=initial, items=tuple(items.values())
                )
            )
    return sorted(found, key=lambda d: d.date, reverse=True)


def long_date(day: str, lang: str) -> str:
    """``2026-12-01`` as "1. desember 2026" / "1 December 2026"."""
    pattern = "d. MMMM y" if lang == "nb" else "d MMMM y"
    return format_date(_dt.date.fromisoformat(day), pattern, locale=lang)


# --------------------------------------------------------------------------- Atom

_EPOCH = "1970-01-01T00:00:00Z"

FEED_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "{org}: endringer i personvernerklæringen",
        "subtitle": "Hva vi har endret i personvernerklæringen, dag for dag.",
        "entry": "{date}: {what}",
        "more": "{what} (og {count} endringer til)",
        "one_more": "{what} (og én endring til)",
        "initial": "Første versjon av personvernerklæringen.",
        "customers": f"Til kundene våre ({cite('nb', 28, 2)}): ",
        "link": "Endringer i personvernerklæringen (Atom)",
    },
    "en": {
        "title": "{org}: changes to the privacy notice",
        "subtitle": "What we changed in the privacy notice, day by day.",
        "entry": "{date}: {what}",
        "more": "{what} (and {count} more changes)",
        "one_more": "{what} (and one more change)",
        "initial": "First version of the privacy notice.",
        "customers": f"To our customers ({cite('en', 28, 2)}): ",
        "link": "Changes to the privacy notice (Atom)",
    },
}


def changes_feed(
    days: Sequence[DatedChanges],
    organisation: Organisation,
    lang: str,
    *,
    page_url: str,
    feed_url: str,
    updated: str | None = None,
) -> str:
    """The public history as an Atom 1.0 feed in ``lang``: one entry per day, newest first.

    ``page_url`` is the changes page and ``feed_url`` the feed itself, absolute or relative
    to where the feed is published. Ids are tag URIs (RFC 4151) from the organisation's
    domain, the year of the oldest entry, the language and the day, so an entry keeps its
    id when the feed is rebuilt; the feed's ``updated`` is the newest day's last change,
    or ``updated`` (RFC 3339) when there are no days: the notice's own date or the build's,
    never the clock's zero.
    """
    words = FEED_WORDS[lang]
    org_name = organisation.trade_name or organisation.legal_name
    base = _tag_base(organisation, days)
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed", {_XML_LANG: lang})
    _text(feed, "id", f"{base}:changes/{lang}")
    _text(feed, "title", words["title"].format(org=org_name))
    _text(feed, "subtitle", words["subtitle"])
    _text(feed, "updated", max((d.updated for d in days), default=updated or _EPOCH))
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _text(author, "name", organisation.legal_name)
    _link(feed, "alternate", page_url, "text/html")
    _link(feed, "self", feed_url, "application/atom+xml")
    for day in days:
        item = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _text(item, "id", f"{base}:changes/{lang}/{day.date}")
        _text(item, "title", _entry_title(day, lang))
        _text(item, "updated", day.updated)
        _link(item, "alternate", f"{page_url}#{day.anchor}", "text/html")
        lines = [(words["customers"] if i.customers else "") + i.text.get(lang) for i in day.items]
        if day.initial:
            lines.append(words["initial"])
        _text(item, "content", "\n".join(lines)).set("type", "text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _entry_title(day: DatedChanges, lang: str) -> str:
    """Say what changed, so a feed reader's list is useful without opening the entry.

    A change customers must hear of (Art. 28(2)) leads, as it is the one they act on; the
    rest are counted, since a title is one line.
    """
    words = FEED_WORDS[lang]
    items = sorted(day.items, key=lambda i: not i.customers)
    texts = [(words["customers"] if i.customers else "") + i.text.get(lang) for i in items]
    if day.initial:
        texts.append(words["initial"])
    what = texts[0].rstrip(".") if texts else words["initial"].rstrip(".")
    rest = len(texts) - 1
    if rest == 1:
        what = words["one_more"].format(what=what)
    elif rest > 1:
        what = words["more"].format(what=what, count=rest)
    return words["entry"].format(date=long_date(day.date, lang), what=what)


def _link(parent: ET.Element, rel: str, href: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{_ATOM}}}link", {"rel": rel, "href": href, "type": kind})


def _tag_base(organisation: Organisation, days: Sequence[DatedChanges]) -> str:
    website = "" if is_unknown(organisation.website) else str(organisation.website)
    host = (urlsplit(website).hostname or f"{organisation.id}.invalid").removeprefix("www.")
    year = min((d.date[:4] for d in days), default="2000")
    return f"tag:{host},{year}"
