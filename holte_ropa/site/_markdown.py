"""Markdown and HTML building blocks that keep registry text inert.

Registry text is data written by people, not markup: a processor called
``<script>alert(1)</script>`` or a purpose reading ``{{ 7*7 }}`` must show literally. So
every registry string passes through :func:`text` (Markdown) or :func:`html.escape`
(raw HTML blocks), and no registry string is ever used as a template.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

__all__ = ["front_matter", "link", "table", "text"]

# Python-Markdown's backslash escapes (with the tables extension's "|").
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def text(value: str) -> str:
    """Registry text as Markdown that renders exactly as written."""
    escaped = html.escape(value, quote=False)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped).replace("\n", " ")


def link(label: str, target: str, *, lang: str | None = None, css_class: str = "") -> str:
    """A Markdown link to another page; ``lang`` marks a label in the other language."""
    attrs = [f"hreflang={lang}", f"lang={lang}"] if lang else []
    if css_class:
        attrs.append(f".{css_class}")
    suffix = "{ " + " ".join(attrs) + " }" if attrs else ""
    return f"[{text(label)}]({target}){suffix}"


def front_matter(**values: str) -> str:
    """YAML front matter of plain identifiers (never registry text)."""
    lines = [f"{key}: {value}" for key, value in sorted(values.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def table(
    caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], *, table_id: str
) -> str:
    """A raw HTML table with a caption and header cells (Markdown tables have no caption).

    The theme wraps it in a box that scrolls on a phone (see assets/holte-ropa.js).
    """
    caption_id = f"{table_id}-caption"
    out = [
        "<table>",
        f'<caption id="{caption_id}">{html.escape(caption)}</caption>',
        "<thead><tr>"
        + "".join(f'<th scope="col">{html.escape(h)}</th>' for h in header)
        + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        first, *rest = row
        out.append(
            f'<tr><th scope="row">{html.escape(first)}</th>'
            + "".join(f"<td>{html.escape(cell)}</td>" for cell in rest)
            + "</tr>"
        )
    out += ["</tbody>", "</table>"]
    return "\n".join(out) + "\n"
