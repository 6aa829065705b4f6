"""Escaping registry text for Markdown pages that mkdocs turns into HTML.

Jinja's autoescape knows HTML only; registry text lands in Markdown paragraphs, list
items, headings and raw HTML tables, where ``*``, ``[``, ``|`` or ``{{`` would turn into
markup (or, with a macros plugin, into a template). Every special character is therefore
written as a numeric character reference: Markdown leaves references alone, HTML shows
them as the character, and the same escaped string is safe in every context the notice
uses (inline Markdown, table cells, raw HTML, ``attr_list`` headings).

Whitespace is collapsed to single spaces so that registry text can never start a new
block (a heading, a list, a code block); a leading ``1.`` or ``-`` is escaped for the
same reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["Safe", "escape_text"]


class Safe(str):
    """Markup built by the renderer itself from escaped parts; emitted unchanged."""

    __slots__ = ()


_SPECIAL = '&<>"\\`*_[]{}|~^=#+$'
_TABLE = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_WHITESPACE = re.compile(r"\s+")
_LEADING_LIST = re.compile(r"^(\d+)([.)])")
_PLAIN = re.compile(r"(?![\d: -])(?:[^\s" + re.escape(_SPECIAL) + r"]| (?! |$))*(?<! )")
"""Text that escaping would leave unchanged: the common case, returned as it is."""


@lru_cache(maxsize=65_536)
def escape_text(value: str) -> Safe:
    """``value`` shown literally in Markdown and HTML, on one line.

    Memoised: names of data categories, subjects and parties repeat on every activity.
    """
    if _PLAIN.fullmatch(value):
        return Safe(value)
    text = _WHITESPACE.sub(" ", value).strip()
    text = text.translate(_TABLE)
    text = _LEADING_LIST.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text)
    if text[:1] in {"-", ":"}:
        text = f"&#{ord(text[0])};{text[1:]}"
    return Safe(text)
