"""Notice pages as a browser would get them: Markdown -> HTML with the site's extensions.

The notice is Markdown for mkdocs; what matters is the HTML people and screen readers
receive. Python-Markdown with ``attr_list``, ``md_in_html``, ``tables`` and ``toc`` is
the engine mkdocs runs, so tests convert with it and inspect the real elements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "caption", "th", "td"}
_INLINE = {"a", "strong", "em", "code", "del", "mark", "ins", "sup", "sub"}


def to_html(page: str) -> str:
    return markdown.markdown(page, extensions=EXTENSIONS)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    """Elements in document order, each with its own visible text."""

    elements: list[Element] = field(default_factory=list)

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    @property
    def text(self) -> str:
        """Visible text of the blocks (inline elements are part of their block)."""
        return " ".join(e.text for e in self.elements if e.text and e.tag not in _INLINE)

    @property
    def headings(self) -> list[tuple[int, str]]:
        return [(int(e.tag[1]), e.text) for e in self.elements if e.tag in _HEADINGS]


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.page.elements.append(element)
        if tag in _BLOCKS | _INLINE:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                element = self._open.pop(index)
                element.text = " ".join(element.text.split())
                break

    def handle_data(self, data: str) -> None:
        if self._open:
            for element in self._open:
                element.text += data
        elif data.strip():
            self.page.elements.append(Element("#text", {}, " ".join(data.split())))


def parse(page: str) -> Page:
    """The Markdown page rendered to HTML and parsed."""
    parser = _Parser()
    parser.feed(to_html(page))
    parser.close()
    return parser.page
