"""Readability (LIX) of every section of the rendered notice, in both languages.

GDPR Art. 12(1) asks for "concise, transparent, intelligible" information in "clear and
plain language". LIX (Björnsson's läsbarhetsindex) is the measure used for Scandinavian
texts: ``LIX = words / sentences + 100 * long words / words``. Below 40 reads easily,
above 55 is hard. The score is computed from what people actually read: the rendered
page, template sentences included, with Markdown and HTML markup stripped.

Tokenisation, chosen and fixed here so that scores are comparable over time:

* **Words** are maximal runs of letters or digits (Unicode, so æ, ø and å are letters);
  hyphens, apostrophes and dots split words ("e-post" is two words, "holte.no" two).
* **Long words** have more than six characters.
* **Sentences** end at ``.``, ``!``, ``?`` or ``:`` when followed by the end of the line,
  or by whitespace and then something other than a lower-case letter or a digit (so
  "art. 6 nr. 1" and "f.eks. slik" do not end sentences). Every block also ends a
  sentence: a heading, a list item, a paragraph, a table caption or a table cell. A
  segment without words is not a sentence.

The organisation's own name (legal and trade name) counts as one short word, "NN": the
template's sentences name it, and how readable they are must not depend on whether the
name is "Holte AS" or "Fjordlys Regnskapsbyrå AS". A section of fewer than
:data:`MIN_WORDS` words is scored but not judged (rule R48): LIX measures running text, and
in a heading and a label or two a single long word moves it by tens of points.

A section is an h2 or h3 heading with its text up to the next h2 or h3 (h4 headings
belong to their h3); the text before the first h2 is the section ``intro``. Each section
names the registry entity whose texts make it up: ``activity-<id>`` sections belong to
that activity, every other section to the organisation.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from holte_ropa.model._registry import Registry
from holte_ropa.notice._kept import kept_scores
from holte_ropa.terms import LANGUAGES, Lang

__all__ = [
    "MIN_WORDS",
    "LixScore",
    "SectionScore",
    "lix",
    "plain_text",
    "readability",
    "readability_report",
    "split_sections",
]

MIN_WORDS = 20
"""Fewest words a section needs before rule R48 judges its LIX."""
NAME_STAND_IN = "NN"
"""What the organisation's name counts as: one short word."""

_WORD = re.compile(r"[^\W_]+")
_WORD_OR_TERMINATOR = re.compile(r"([^\W_]+)|[.!?:]+(?:\s+(?=(\S))|\s*$)")
"""A word (group 1), or a terminator run followed by whitespace and the next character
(group 2) or by the end of the line."""
_BLOCK_TAG = re.compile(r"</?(?:table|caption|thead|tbody|tr|th|td|p|li|ul|ol|br|div)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{#[^}]*\}\s*$", re.MULTILINE)
"""An attr_list at the end of a line; the whitespace before it goes too (see below)."""
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|__")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{#([^}\s]+)\})?\s*$")


@dataclass(frozen=True, slots=True)
class LixScore:
    """LIX of one text with the counts it is computed from."""

    lix: float
    words: int
    sentences: int
    long_words: int


@dataclass(frozen=True, slots=True)
class SectionScore:
    """LIX of one section of the notice in one language."""

    section: str
    """The section's anchor (``rights``, ``activity-web-forms``) or ``intro``."""
    title: str
    lang: str
    lix: float
    words: int
    sentences: int
    long_words: int
    entity: str
    """The registry id whose texts make up the section (activity or organisation)."""
    path: tuple[str, ...] = ()
    """The field of ``entity`` holding most of the section's text, for locating it."""


def plain_text(markdown: str) -> str:
    """What a reader reads: markup stripped, one block per line, entities decoded."""
    # Each pass is skipped when its pattern cannot match, which is most sections.
    text = markdown
    if "<" in text:
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "{#" in text:
        text = _strip_attr_lists(text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    text = _BLOCK_MARK.sub("", text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(filter(None, lines))


def _strip_attr_lists(text: str) -> str:
    r"""``re.sub(r"\s*\{#[^}]*\}\s*$", "", text, flags=re.M)``, several times faster.

    A leading ``\s*`` makes the regex engine try every position of the text; searching
    for the literal ``{#`` and then dropping the whitespace before it (back to the end of
    the previous match) removes exactly the same characters.
    """
    parts: list[str] = []
    end = 0
    for match in _ATTR_LIST.finditer(text):
        parts.append(text[end : match.start()].rstrip())
        end = match.end()
    parts.append(text[end:])
    return "".join(parts)


def lix(text: str) -> LixScore:
    """LIX of plain text (see the module docstring for words and sentences)."""
    words = 0
    long_words = 0
    sentences = 0
    for line in text.splitlines():
        line_sentences, line_words, line_long = _line_counts(line)
        sentences += line_sentences
        words += line_words
        long_words += line_long
    if not words:
        return LixScore(0.0, 0, 0, 0)
    score = words / sentences + 100 * long_words / words
    return LixScore(round(score, 1), words, sentences, long_words)


@lru_cache(maxsize=65_536)
def _line_counts(line: str) -> tuple[int, int, int]:
    """(sentences, words, long words) of one block; template lines repeat a lot.

    One scan: each match is a word or a terminator run. A terminator followed by lower
    case or a digit goes on; any other ends the sentence, if it had words.
    """
    sentences = words = long_words = 0
    open_sentence = False
    for match in _WORD_OR_TERMINATOR.finditer(line):
        word = match.group(1)
        if word is not None:
            words += 1
            long_words += len(word) > 6
            open_sentence = True
            continue
        following = match.group(2)
        if following and (following.islower() or following.isdigit()):
            continue
        sentences += open_sentence
        open_sentence = False
    return sentences + open_sentence, words, long_words


def split_sections(markdown: str) -> list[tuple[str, str, str]]:
    """(anchor, title, Markdown) of every h2/h3 section; the text before is ``intro``."""
    lines = markdown.splitlines()
    intro_title = ""
    heads: list[tuple[int, str, str]] = []  # (first line, anchor, title) of h2/h3 sections
    # Only lines starting with one to three "#" can be h1, h2 or h3; most lines are not.
    candidates = [i for i, line in enumerate(lines) if line[:1] == "#" and line[:4] != "####"]
    for index in candidates:
        match = _HEADING.match(lines[index])
        if match is None:
            continue
        level = len(match.group(1))
        if level in (2, 3):
            anchor = match.group(3) or _slug(match.group(2))
            heads.append((index, anchor, html.unescape(match.group(2))))
        elif level == 1:
            intro_title = html.unescape(match.group(2))
    bounds = [(0, "intro", intro_title), *heads]
    ends = [first for first, _, _ in heads] + [len(lines)]
    bodies = (
        (anchor, title, "\n".join(lines[first:end]))
        for (first, anchor, title), end in zip(bounds, ends, strict=True)
    )
    return [(anchor, title, body) for anchor, title, body in bodies if body.strip()]


def _page_sections(page: str) -> Iterator[tuple[str, str, str]]:
    """``split_sections`` of a rendered page, one section at a time."""
    return _line_sections(page.removesuffix("\n").split("\n"))


def _line_sections(lines: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """``split_sections`` of a page given line by line (without newlines), one section at
    a time: the page itself is never held. Its h1 heads the page, before any h2."""
    intro_title = ""
    anchor, title, in_intro = "intro", "", True
    body: list[str] = []
    for line in lines:
        match = _HEADING.match(line) if line.startswith("#") else None
        if match is None or len(match.group(1)) > 3:
            body.append(line)
            continue
        if len(match.group(1)) == 1:
            intro_title = html.unescape(match.group(2))
            body.append(line)
            continue
        text = "\n".join(body)
        if text.strip():
            yield anchor, intro_title if in_intro else title, text
        body, in_intro = [line], False
        anchor = match.group(3) or _slug(match.group(2))
        title = html.unescape(match.group(2))
    text = "\n".join(body)
    if text.strip():
        yield anchor, intro_title if in_intro else title, text


def _slug(title: str) -> str:
    return "-".join(_WORD.findall(title.lower()))


_SECTION_FIELD: dict[str, tuple[str, ...]] = {
    "controller": ("legal_name",),
    "security": ("security_summary", "{lang}"),
    "retention": ("promises",),
    "rights": ("rights", "how_to_exercise", "{lang}"),
    "complaints": ("complaints", "{lang}"),
    "changes": ("notice", "change_announcement", "{lang}"),
    "sharing": ("promises",),
    "other": ("promises",),
}
"""Where the organisation's text of each section is written; ``{lang}`` is the language."""


def readability(registry: Registry, langs: tuple[Lang, ...] = LANGUAGES) -> list[SectionScore]:
    """LIX of every section of the notice in every language, in page order.

    Computed once per registry and languages (the rule and the report share it), and
    kept in the user's cache folder for the next run (:mod:`._kept`).
    """
    scores = registry.remember(
        ("readability", langs),
        lambda: kept_scores(registry, langs, lambda: _readability(registry, langs)),
    )
    return list(scores)


def _readability(registry: Registry, langs: tuple[Lang, ...]) -> tuple[SectionScore, ...]:
    activities = set(registry.activities)
    org = registry.organisation
    names = sorted({n for n in (org.legal_name, org.trade_name) if n}, key=len, reverse=True)
    from holte_ropa.notice._render import page_lines  # jinja2: only when scores are computed

    scores: list[SectionScore] = []
    for lang in langs:
        for anchor, title, body in _line_sections(page_lines(registry, lang, "notice")):
            entity_id = anchor.removeprefix("activity-")
            is_activity = anchor.startswith("activity-") and entity_id in activities
            field = ("description", "{lang}") if is_activity else _SECTION_FIELD.get(anchor, ())
            path = tuple(lang if part == "{lang}" else part for part in field)
            score = lix(_without_names(plain_text(body), names))
            scores.append(
                SectionScore(
                    section=anchor,
                    title=title,
                    lang=lang,
                    lix=score.lix,
                    words=score.words,
                    sentences=score.sentences,
                    long_words=score.long_words,
                    entity=entity_id if is_activity else registry.organisation.id,
                    path=path,
                )
            )
    return tuple(scores)


def _without_names(text: str, names: list[str]) -> str:
    """``text`` with each of the organisation's names (longest first) as one short word."""
    for name in names:
        if name in text:
            text = text.replace(name, NAME_STAND_IN)
    return text


def readability_report(registry: Registry) -> list[dict[str, object]]:
    """Every section's figures with where its text is written: for the JSON check report
    and the build output, never for the public page."""
    rows: list[dict[str, object]] = []
    for score in readability(registry):
        where = registry.locate(score.entity, *score.path)
        rows.append(
            {
                "section": score.section,
                "title": score.title,
                "lang": score.lang,
                "lix": score.lix,
                "words": score.words,
                "sentences": score.sentences,
                "long_words": score.long_words,
                "entity": score.entity,
                "file": where.file,
                "line": where.line,
                "column": where.column,
            }
        )
    return rows
