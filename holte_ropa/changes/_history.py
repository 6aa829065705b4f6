"""The registry's change history from git, and an Atom feed of sub-processor changes.

Git already keeps every version of the record; this module turns it into meaning: one
entry per commit that changed what the registry says, dated by git, newest first. The
notice's change history page is rendered from it, and customers subscribe to the Atom
feed to hear of sub-processor changes before they take effect (GDPR Art. 28(2)).

Everything is deterministic: dates are commit dates, ids are tag URIs built from the
organisation's domain and commit hashes, and nothing reads the clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from holte_ropa.changes._diff import Audience, Change, diff
from holte_ropa.changes._git import DEFAULT_FOLDER, load_commit, registry_commits
from holte_ropa.model._models import Organisation, is_unknown
from holte_ropa.model._registry import Registry
from holte_ropa.report._problems import RegistryError
from holte_ropa.terms import cite

__all__ = ["HistoryEntry", "registry_history", "sub_processor_feed"]


class HistoryEntry(BaseModel):
    """One commit that changed the meaning of the registry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    commit: str
    date: str
    """Committer date, RFC 3339, as git records it."""
    subject: str
    """The commit message's first line (for maintainers; not published)."""
    initial: bool = False
    """The first valid version of the registry: everything in it is new."""
    changes: tuple[Change, ...] = ()

    def for_audience(self, audience: Audience) -> tuple[Change, ...]:
        """The changes ``audience`` must be told of."""
        return tuple(c for c in self.changes if audience in c.audience)


def registry_history(
    rev: str = "HEAD", repo: Path = Path("."), folder: str = DEFAULT_FOLDER
) -> list[HistoryEntry]:
    """Every commit up to ``rev`` that changed the registry's meaning, newest first.

    Commits are followed along the first-parent line. A commit whose registry does not
    load is skipped (it never was a usable record); its changes are attributed to the next
    commit that loads. Commits that only move, reformat or reorder files do not appear.
    """
    entries: list[HistoryEntry] = []
    previous: Registry | None = None
    for commit in registry_commits(rev, repo, folder):
        try:
            current = load_commit(commit.hash, folder, f"{commit.hash[:12]}:{folder}", repo)
        except RegistryError:
            continue
        if previous is None:
            entries.append(
                HistoryEntry(
                    commit=commit.hash, date=commit.date, subject=commit.subject, initial=True
                )
            )
        else:
            changes = diff(previous, current)
            if changes:
                entries.append(
                    HistoryEntry(
                        commit=commit.hash,
                        date=commit.date,
                        subject=commit.subject,
                        changes=tuple(changes),
                    )
                )
        previous = current
    entries.reverse()
    return entries


# --------------------------------------------------------------------------- Atom

_ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_FEED_WORDS = {
    "nb": (
        "{org}: endringer i underdatabehandlere",
        "Endringer i underdatabehandlere og i behandlingen vi gjør for kundene våre, varslet "
        f"etter {cite('nb', 28, 2)}.",
        "Endringer i underdatabehandlere",
    ),
    "en": (
        "{org}: sub-processor changes",
        "Changes to sub-processors and to the processing we do for our customers, announced "
        "under GDPR Art. 28(2).",
        "Sub-processor changes",
    ),
}


def sub_processor_feed(
    history: list[HistoryEntry],
    organisation: Organisation,
    lang: str = "en",
    feed_url: str | None = None,
) -> str:
    """An Atom feed (RFC 4287) of the changes customers must be told of, newest first.

    Ids are tag URIs (RFC 4151) from the organisation's domain, the year of the first
    registry commit and each commit hash, so they never change once published.
    """
    title, subtitle, entry_title = _FEED_WORDS["nb" if lang == "nb" else "en"]
    org_name = organisation.trade_name or organisation.legal_name
    # An unknown website gives the tag URI no domain of the organisation's: "localhost".
    website = "" if is_unknown(organisation.website) else str(organisation.website)
    base = _tag_base(website, history)
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed", {_XML_LANG: lang})
    _text(feed, "id", f"{base}:sub-processors")
    _text(feed, "title", title.format(org=org_name))
    _text(feed, "subtitle", subtitle)
    _text(feed, "updated", history[0].date if history else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _text(author, "name", organisation.legal_name)
    if not is_unknown(organisation.privacy_contact):
        _text(author, "email", organisation.privacy_contact)
    if website:
        ET.SubElement(feed, f"{{{_ATOM}}}link", {"rel": "alternate", "href": website})
    if feed_url:
        ET.SubElement(
            feed,
            f"{{{_ATOM}}}link",
            {"rel": "self", "href": feed_url, "type": "application/atom+xml"},
        )
    for entry in history:
        changes = entry.for_audience(Audience.CUSTOMERS)
        if not changes:
            continue
        item = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        _text(item, "id", f"{base}:sub-processors/{entry.commit}")
        _text(item, "title", f"{entry_title} {entry.date[:10]}")
        _text(item, "updated", entry.date)
        if website:
            ET.SubElement(item, f"{{{_ATOM}}}link", {"rel": "alternate", "href": website})
        summary = "\n".join(f"- {c.summary.get(lang)}" for c in changes)
        _text(item, "content", summary).set("type", "text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    element.text = text
    return element


def _tag_base(website: str, history: list[HistoryEntry]) -> str:
    host = urlsplit(website).hostname or "localhost"
    host = host.removeprefix("www.")
    year = history[-1].date[:4] if history else "2000"
    return f"tag:{host},{year}"
