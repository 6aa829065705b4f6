"""The public change history: one entry per day, sentences for people, and its Atom feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import feedparser

from holte_ropa.changes._dated import changes_feed, dated_changes, long_date
from holte_ropa.changes._history import registry_history
from holte_ropa.model._loader import load_registry
from tests.changes.test_history import _edit, make_history

if TYPE_CHECKING:
    from tests.conftest import GitRepo

ATOM = "{http://www.w3.org/2005/Atom}"


def _same_day_edits(repo: GitRepo) -> None:
    """Two more commits on 1 March: a text, an internal field, the same text again."""
    registry = repo.root / "registry" / "everything.yaml"
    _edit(registry, "We send newsletters.", "We send monthly newsletters.")
    _edit(registry, "owner: Marketing lead", "owner: CEO")
    repo.commit("Newsletter wording, owner", "2026-03-01T16:00:00+01:00")
    _edit(registry, "Vi sender nyhetsbrev.", "Vi sender månedlige nyhetsbrev.")
    repo.commit("Newsletter wording in bokmål", "2026-03-01T17:00:00+01:00")


def test_changes_are_grouped_by_day_newest_first_each_sentence_once(git_repo: GitRepo) -> None:
    make_history(git_repo)
    _same_day_edits(git_repo)
    days = dated_changes(registry_history())
    assert [d.date for d in days] == ["2026-03-01", "2026-02-01", "2026-01-10"]
    march = days[0]
    assert march.updated == "2026-03-01T17:00:00+01:00"
    texts = [i.text.en for i in march.items]
    # Two commits changed the description: one sentence, with no field name or value.
    assert texts.count("We updated the description of the processing activity “Newsletter”.") == 1
    assert not any("monthly" in t or "owner" in t or "CEO" in t for t in texts)
    assert days[-1].initial and not days[-1].items


def test_sentences_are_written_for_people_and_customers_changes_are_marked(
    git_repo: GitRepo,
) -> None:
    make_history(git_repo)
    days = dated_changes(registry_history())
    (archive,) = [i for i in days[0].items if "Archive" in i.text.en]
    assert archive.customers
    assert (
        archive.text.nb
        == "Vi har tatt i bruk Archive som underdatabehandler for arkivering, i Tyskland."
    )
    assert (
        archive.text.en == "We have engaged Archive as a sub-processor for archiving, in Germany."
    )
    (health,) = days[1].items
    assert not health.customers
    assert health.text.en == "In “Newsletter” we now also process “Health data”."
    for day in days:
        for item in day.items:
            for text in (item.text.nb, item.text.en):
                # No field names, no ids, no stored values.
                assert not re.search(r"[a-z]+_[a-z]+|: [a-z]|\bnone\b|\btrue\b", text), text


def test_dates_read_as_people_write_them() -> None:
    assert long_date("2026-12-01", "nb") == "1. desember 2026"
    assert long_date("2026-12-01", "en") == "1 December 2026"


def test_the_feed_is_valid_atom_with_one_entry_per_day_and_stable_unique_ids(
    git_repo: GitRepo,
) -> None:
    make_history(git_repo)
    _same_day_edits(git_repo)
    days = dated_changes(registry_history())
    organisation = load_registry("registry").organisation
    feeds = {
        lang: changes_feed(
            days,
            organisation,
            lang,
            page_url="https://acme.no/changes/",
            feed_url="https://acme.no/changes.xml",
        )
        for lang in ("nb", "en")
    }
    parsed = feedparser.parse(feeds["en"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Acme AS: changes to the privacy notice"
    # Each title says what changed, the change customers act on first, the rest counted.
    assert [e.title for e in parsed.entries] == [
        "1 March 2026: To our customers (GDPR Art. 28(2)): We have engaged Archive "
        "as a sub-processor for archiving, in Germany (and one more change)",
        "1 February 2026: In “Newsletter” we now also process “Health data”",
        "10 January 2026: First version of the privacy notice",
    ]
    assert feedparser.parse(feeds["nb"]).entries[0].title.endswith("(og én endring til)")
    assert [e.link for e in parsed.entries] == [
        "https://acme.no/changes/#changes-2026-03-01",
        "https://acme.no/changes/#changes-2026-02-01",
        "https://acme.no/changes/#changes-2026-01-10",
    ]
    assert (
        "To our customers (GDPR Art. 28(2)): We have engaged Archive"
        in parsed.entries[0].content[0].value
    )
    ids = [e.id for e in parsed.entries] + [e.id for e in feedparser.parse(feeds["nb"]).entries]
    assert len(set(ids)) == 6 and ids[0] == "tag:acme.no,2026:changes/en/2026-03-01"
    # Rebuilt later, the same days keep their ids and the feed is byte-identical.
    assert feeds["en"] == changes_feed(
        days,
        organisation,
        "en",
        page_url="https://acme.no/changes/",
        feed_url="https://acme.no/changes.xml",
    )
    _assert_rfc_4287(feeds["nb"])


def _assert_rfc_4287(feed: str) -> None:
    """The RFC 4287 rules a reader relies on, checked on the XML itself."""
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"

    def one(element: ET.Element, tag: str) -> ET.Element:
        found = element.findall(f"{ATOM}{tag}")
        assert len(found) == 1, f"{element.tag} has {len(found)} {tag}"
        return found[0]

    for tag in ("id", "title", "updated"):
        one(root, tag)  # 4.1.1: exactly one each
    assert root.findall(f"{ATOM}author")  # 4.1.1: an author, or one in every entry
    assert one(root, "title").text
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            one(entry, tag)  # 4.1.2
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)", one(entry, "updated").text or ""
        )
        content = one(entry, "content")
        assert content.get("type") == "text" and content.text
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
        assert len(links) == 1 and links[0].get("href")  # 4.1.2: content or an alternate link
