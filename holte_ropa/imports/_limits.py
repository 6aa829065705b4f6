"""Texts longer than the registry allows, shortened with a warning at their source.

The loader refuses a name over :data:`~holte_ropa.model._text.MAX_NAME` characters and any
other text over :data:`~holte_ropa.model._text.MAX_TEXT` (names are table cells, graph
nodes and headings). A spreadsheet cell has no such limit, so an imported name of 500
characters would give a registry that does not load. Instead the text is shortened at a
word, marked with an ellipsis, and reported where it came from, so nothing is cut silently
and the full text stays in the source for someone to rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from holte_ropa.imports._notes import Fact
from holte_ropa.model._text import MAX_NAME, MAX_TEXT, NAME_FIELDS

__all__ = ["fit_lengths"]

Warn = Callable[[str, str], None]


def _shorten(text: str, limit: int) -> str:
    head = text[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"


def _where(comment: str | None, source: str, fallback: str) -> str:
    """The cell or line a Fact's comment names ("from ropa.xlsx:Sheet1!A8"), else ``fallback``."""
    if comment:
        found = re.search(re.escape(source) + r":[^\s;,()]+", comment)
        if found:
            return found.group(0).rstrip(".:")
    return fallback


def fit_lengths(document: Any, source: str, warn: Warn) -> Any:
    """``document`` with every over-long text shortened and reported through ``warn``."""
    return _fit(document, None, source, source, warn)


def _fit(node: Any, key: str | None, where: str, source: str, warn: Warn) -> Any:
    if isinstance(node, Fact):
        here = _where(node.comment, source, where)
        return Fact(_fit(node.value, key, here, source, warn), node.comment)
    if isinstance(node, dict):
        # An entity's id names the row it came from: its texts are reported there.
        ident = node.get("id")
        here = _where(ident.comment, source, where) if isinstance(ident, Fact) else where
        is_text = bool(node) and set(node) <= {"nb", "en"}
        return {k: _fit(v, key if is_text else str(k), here, source, warn) for k, v in node.items()}
    if isinstance(node, list):
        return [_fit(item, key, where, source, warn) for item in node]
    if isinstance(node, str):
        limit = MAX_NAME if key in NAME_FIELDS else MAX_TEXT
        if len(node) > limit:
            what = (key or "text").replace("_", " ")
            short = _shorten(node, limit)
            warn(
                where,
                f"the {what} '{node[:40]}…' has {len(node)} characters, more than the {limit} "
                f"the registry allows; written shortened to {len(short)}: write a shorter one",
            )
            return short
    return node
