"""Registry text is shown literally: it never becomes markup, a link or template code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import holte_ropa.notice
from holte_ropa import load_registry, notice_pages
from holte_ropa.notice import _escape as escape
from holte_ropa.notice._escape import escape_text
from tests.conftest import FIXTURES
from tests.notice_html import parse, to_html

HOSTILE = FIXTURES / "hostile"
LEGITIMATE_LINKS = {
    "https://evil.example/",
    "mailto:post@evil.example",
    "mailto:privacy@evil.example",
    "processors.md",
    "cookies.md",
}


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "{% raw %}{#",
        "**bold** _em_ `code`",
        "[link](https://evil.example)",
        "| a | b |",
        "# Heading {#evil}",
        "&amp; &lt;",
        "~~gone~~ ==mark== ^^ins^^ $x$",
        "1. numbered",
        "- item",
    ],
)
def test_escaped_text_renders_as_exactly_the_same_text(raw: str) -> None:
    html = to_html(f"Before {escape_text(raw)} after\n\n{escape_text(raw)}\n")
    page = parse(f"Before {escape_text(raw)} after\n\n{escape_text(raw)}\n")
    assert [e.text for e in page.elements if e.text] == [f"Before {raw} after", raw]
    assert "<script" not in html and "<strong" not in html and "<a " not in html


SAMPLES = [
    "Holte AS",
    "Vi lagrer data.",
    " leading",
    "trailing ",
    "two  spaces",
    "tab\there",
    "1. first",
    "12) item",
    "- dash",
    ": colon",
    "a-b: c",
    "æøå ÆØÅ «sitat»",
    "",
    "{{ x }}",
]


@pytest.mark.parametrize("raw", SAMPLES)
def test_the_fast_path_for_plain_text_gives_what_full_escaping_gives(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = escape_text(raw)
    monkeypatch.setattr(escape, "_PLAIN", re.compile(r"(?!)"))
    assert fast == escape_text(raw)


def test_line_breaks_in_registry_text_cannot_start_new_blocks() -> None:
    assert escape_text("a\n\n# b\n- c") == "a &#35; b - c"


@pytest.fixture(scope="module")
def hostile_pages() -> dict[str, str]:
    return notice_pages(load_registry(HOSTILE))


def test_a_hostile_registry_produces_no_active_markup(hostile_pages: dict[str, str]) -> None:
    for name, page in hostile_pages.items():
        html = parse(page)
        tags = {e.tag for e in html.elements}
        assert not tags & {"script", "img", "iframe", "svg", "style", "form", "u", "i", "b"}, name
        hrefs = {a.attrs.get("href", "") for a in html.all("a")}
        assert {h for h in hrefs if not h.startswith("#")} <= LEGITIMATE_LINKS, name
        assert all(s.text.endswith(":") for s in html.all("strong")), name
        assert not {"em", "code", "del", "mark", "ins"} & tags, name
        assert not {"evil", "evil-title", "x", "sub"} & html.ids, name


def test_hostile_text_is_shown_literally(hostile_pages: dict[str, str]) -> None:
    text = parse(hostile_pages["index.md"]).text
    assert "<script>alert(1)</script> Evil AS" in text
    assert "Formål {{ 7*7 }} <script>alert(5)</script>" in text
    assert "Interesse [lenke](javascript:alert(6))" in text
    assert "{% raw %}Oslo{#" in text
    assert "javascript:alert(12)" in text  # a URL field, shown but never linked
    assert text.count("49") == text.count("art. 49")  # {{ 7*7 }} never evaluated
    en = parse(hostile_pages["en/index.md"]).text
    assert "Purpose {{ 7*7 }} <script>alert(5)</script>" in en
    processors = parse(hostile_pages["en/processors.md"]).text
    assert "{{ 7*7 }} service | pipe" in processors
    assert "**Sub** {#sub}" in processors
    cookies = parse(hostile_pages["en/cookies.md"]).text
    assert "<script>alert(11)</script>" in cookies


def test_hostile_title_stays_one_h1(hostile_pages: dict[str, str]) -> None:
    page = parse(hostile_pages["index.md"])
    assert [level for level, _ in page.headings].count(1) == 1
    assert page.headings[0] == (1, "# Erklæring {#evil-title}")


TEMPLATES = Path(holte_ropa.notice.__file__).parent / "templates"
_TRUSTED = re.compile(r"\|\s*(rendered|indented)\b")
_MACRO_CALL = re.compile(r"(?:m\.)?[a-z_]+\((?:[^()]|\([^()]*\))*\)\s*\|\s*(?:rendered|indented)\b")


def test_only_macro_output_bypasses_escaping_in_the_templates() -> None:
    templates = sorted(TEMPLATES.glob("*.md.j2"))
    assert {t.name for t in templates} == {
        "_macros.md.j2",
        "notice.md.j2",
        "processors.md.j2",
        "cookies.md.j2",
    }
    assert not [p for p in TEMPLATES.iterdir() if p.is_dir()], "one template set for all languages"
    for template in templates:
        source = template.read_text(encoding="utf-8")
        assert len(_TRUSTED.findall(source)) == len(_MACRO_CALL.findall(source)), template
