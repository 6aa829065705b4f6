"""Wording shared by rule messages: short lists of ids in English and bokmål.

A finding about many entities must stay one readable line, so lists are cut after a few
names with a count of the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["listing"]

_SHOWN = 3


def listing(ids: Iterable[str], lang: str) -> str:
    """'a', 'b' and 'c' (or "og" in bokmål), cut after three names with a count."""
    items = [f"'{i}'" for i in dict.fromkeys(ids)]
    rest = len(items) - _SHOWN
    if rest > 0:
        more = f"{rest} more" if lang == "en" else f"{rest} til"
        items = [*items[:_SHOWN], more]
    if len(items) <= 1:
        return "".join(items)
    word = " and " if lang == "en" else " og "
    return ", ".join(items[:-1]) + word + items[-1]
