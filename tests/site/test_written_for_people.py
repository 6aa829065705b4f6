"""Every public page reads as a person would write it: nothing said twice in one section."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from holte_ropa.model._loader import load_registry
from holte_ropa.site import site_pages
from tests.notice_html import to_html

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
REGISTRIES = {
    "holte": ROOT / "registry",
    "small": FIXTURES / "small",
    "fjordlys": FIXTURES / "fjordlys",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«“(])")


def _sections(markdown: str) -> list[list[str]]:
    """The sentences of each section's prose (paragraphs and list items, not tables or
    diagrams), a section running from one heading to the next."""
    body = markdown.split("\n---\n", 1)[-1]
    root = lxml_html.fromstring(f"<div>{to_html(body)}</div>")
    sections: list[list[str]] = [[]]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            sections.append([])
            continue
        if element.tag not in ("p", "li") or element.xpath("ancestor::table|ancestor::figure"):
            continue
        if element.tag == "li" and element.xpath("./p"):
            continue  # a loose list item: its paragraphs are counted
        own = copy.deepcopy(element)
        for nested in own.xpath(".//ul|.//ol"):
            nested.drop_tree()
        text = " ".join(own.text_content().split())
        sections[-1] += [s for s in _SENTENCE_END.split(text) if len(s.split()) >= 4]
    return sections


def _markdown_pages(name: str) -> list[tuple[str, str]]:
    """(path, markdown) of every public page of the registry ``name``."""
    pages = site_pages(load_registry(REGISTRIES[name]))
    return [(path, text) for path, text in pages.items() if path.endswith(".md")]


def _normal(sentence: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", sentence.lower()))


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_no_public_page_says_a_sentence_twice_in_one_section(name: str) -> None:
    pages = site_pages(load_registry(REGISTRIES[name]))
    repeated = []
    for path, markdown in pages.items():
        if not path.endswith(".md"):
            continue
        for sentences in _sections(markdown):
            counts = Counter(_normal(s) for s in sentences)
            repeated += [f"{path}: {n}x {s!r}" for s, n in counts.items() if n > 1]
    assert not repeated, "\n".join(repeated)


def _parts(markdown: str) -> list[tuple[str, list[str]]]:
    """(whose, sentences) of each section: ``whose`` is the activity a section belongs to
    (its heading and the sub-sections under it), else the section's own heading."""
    body = markdown.split("\n---\n", 1)[-1]
    root = lxml_html.fromstring(f"<div>{to_html(body)}</div>")
    headings = [h for h in root.iter() if isinstance(h.tag, str) and h.tag in _HEADINGS]
    owners, activity = ["(top)"], ""
    for h in headings:
        anchor = h.get("id") or h.text_content()
        if h.tag in ("h1", "h2") or (h.tag == "h3" and not anchor.startswith("activity-")):
            activity = ""
        elif h.tag == "h3":
            activity = anchor
        owners.append(activity or anchor)
    return list(zip(owners, _sections(markdown), strict=True))


def _said_again(markdown: str) -> list[str]:
    """Sentences a reader meets twice: in two sections, unless each is a different
    activity's own (every activity says what it does, in the same words when alike)."""
    where: dict[str, list[str]] = {}
    for whose, sentences in _parts(markdown):
        for s in dict.fromkeys(_normal(s) for s in sentences):
            where.setdefault(s, []).append(whose)
    return [
        f"{s!r} in {owners}"
        for s, owners in where.items()
        if len(owners) > 1
        and not (len(set(owners)) == len(owners) and all(o.startswith("activity-") for o in owners))
    ]


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_no_public_page_says_a_sentence_again_in_another_section(name: str) -> None:
    # "Ask for a copy by e-mail." under an activity's transfers and again under all
    # transfers, or a retention promise that is one activity's retention: said once, where
    # the layered notice puts it.
    repeated = [
        f"{path}: {said}"
        for path, markdown in _markdown_pages(name)
        for said in _said_again(markdown)
    ]
    assert repeated == _KNOWN_REPEATS.get(name, []), "\n".join(repeated)


_KNOWN_REPEATS = {
    # Open (issue 12): the consent retention rule is each consent activity's retention and
    # the general rule too. Listed so that any new repeat fails, and a fixed one must go.
    "holte": [
        "en/index.md: 'personal data we process on the basis of consent is deleted if the "
        "consent is withdrawn' in ['activity-direct-marketing', "
        "'activity-website-cookies-marketing', 'retention']",
    ],
}


def test_the_check_lets_each_activity_say_what_it_does_but_nothing_twice_to_the_reader() -> None:
    page = (
        "# T\n\n## Activities {#activities}\n\n### A {#activity-a}\n\n#### Data {#activity-a-data}"
        "\n\nThis is direct marketing, said here.\n\n### B {#activity-b}\n\nThis is direct "
        "marketing, said here.\n\nAsk for a copy by e-mail.\n\n## Transfers {#transfers}\n\n"
        "Ask for a copy by e-mail.\n"
    )
    assert _said_again(page) == ["'ask for a copy by e mail' in ['activity-b', 'transfers']"]


def _near_repeats(sentences: list[str]) -> list[tuple[str, str]]:
    """Pairs of sentences in which four in five of the shorter one's distinct words (at
    least seven: labels and headings do not count) stand in the other, at most two and a
    half times as long (a longer one makes other points)."""
    words = [set(_normal(s).split()) for s in sentences]
    pairs = []
    for i, mine in enumerate(words):
        for j in range(i + 1, len(words)):
            shorter, longer = sorted((len(mine), len(words[j])))
            if shorter >= 7 and longer <= 2.5 * shorter and len(mine & words[j]) >= 0.8 * shorter:
                pairs.append((sentences[i], sentences[j]))
    return pairs


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_no_public_page_says_a_sentence_again_in_nearly_the_same_words(name: str) -> None:
    repeated = [
        f"{path}:\n  {a!r}\n  {b!r}"
        for path, markdown in _markdown_pages(name)
        for sentences in _sections(markdown)
        for a, b in _near_repeats(sentences)
    ]
    assert not repeated, "\n".join(repeated)


def test_the_check_finds_a_sentence_said_again_in_other_words() -> None:
    page = (
        "# T\n\n## A\n\nVi informerer om endringer i nyhetsbrevene våre. Vi informerer om "
        "endringer via nyhetsbrevene våre, og på nettsiden.\n\n## B\n\nVi lagrer data "
        "på sikre servere bak en brannmur.\n"
    )
    assert [len(_near_repeats(s)) for s in _sections(page)] == [0, 0, 1, 0]


def test_the_check_finds_a_sentence_said_twice() -> None:
    page = "# T\n\n## A\n\nWe keep it safe. We keep it safe.\n\n## B\n\n- We keep it safe.\n"
    assert [Counter(map(_normal, s)).most_common(1) for s in _sections(page)][2] == [
        ("we keep it safe", 2)
    ]


_GAPS = {"ikke avklart ennå", "not yet confirmed"}


def _columns(markdown: str) -> list[list[str]]:
    """The cells of every column of every table with at least two rows."""
    body = markdown.split("\n---\n", 1)[-1]
    root = lxml_html.fromstring(f"<div>{to_html(body)}</div>")
    columns = []
    for table in root.iter("table"):
        rows = [
            [" ".join(td.text_content().split()) for td in tr.xpath("./td")]
            for tr in table.xpath(".//tbody/tr")
        ]
        if len(rows) >= 2:
            columns += [list(cells) for cells in zip(*rows, strict=False)]
    return columns


def _said_in_every_row(column: list[str]) -> bool:
    """Every row of ``column`` says the same gap, or the same sentence (ending in a full
    stop, with seven distinct words or more: a value such as a country or an activity's
    name may well be shared) in nearly the same words: the page should say it once, above
    the table."""
    if all(cell.lower() in _GAPS for cell in column):
        return True
    sentences = all(c.endswith((".", "!", "?")) for c in column)
    return (
        sentences
        and all(len(set(_normal(c).split())) >= 7 for c in column)
        and all(_near_repeats([column[0], other]) for other in column[1:])
    )


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_no_table_says_the_same_thing_in_every_row(name: str) -> None:
    said = [
        f"{path}: {column[0]!r} in all {len(column)} rows"
        for path, markdown in _markdown_pages(name)
        for column in _columns(markdown)
        if _said_in_every_row(column)
    ]
    assert not said, "\n".join(said)


def test_the_check_finds_a_gap_or_a_sentence_in_every_row_of_a_column() -> None:
    row = "<tr><td>{}</td><td>Not yet confirmed</td><td>{}</td><td>Norway</td></tr>"
    purpose = "Shows you offers in other channels and ad networks, such as {}."
    page = (
        "<table><tbody>"
        + row.format("Facebook", purpose.format("Facebook"))
        + row.format("Google", purpose.format("Google"))
        + "</tbody></table>"
    )
    assert [_said_in_every_row(c) for c in _columns(page)] == [False, True, True, False]


_FORM_LABELS = (
    "Databehandlere:",
    "Underdatabehandlere:",
    "Selvstendige behandlingsansvarlige:",
    "Offentlige myndigheter:",
    "Processors:",
    "Sub-processors:",
    "Independent controllers:",
    "Public authorities:",
)


@pytest.mark.parametrize("name", sorted(REGISTRIES))
def test_recipients_are_named_in_sentences_not_form_fields(name: str) -> None:
    forms = [
        f"{path}: {line.strip()!r}"
        for path, markdown in _markdown_pages(name)
        for line in markdown.splitlines()
        if line.lstrip("- ").startswith(_FORM_LABELS)
    ]
    assert not forms, "\n".join(forms)
