"""Near repeats: a sentence that says again, in nearly the same words, what a section says.

The organisation's own texts (promises, summaries) often repeat what another field or a
generated sentence says already, worded a little differently ("i" or "via"
nyhetsbrevene). A sentence nearly repeats another when at least four in five of the
distinct words of the shorter one stand in the longer one; short phrases (fewer than
five distinct words) never count, so headings and labels are not taken for repeats, and
nor does a sentence two and a half times as long as the other, which makes other points.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["covered", "nearly_repeats", "sentences"]

_OVERLAP = 0.8
_SHORTEST = 5
_LONGEST = 2.5
"""A sentence more than this many times as long (in distinct words) makes other points."""
_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«“(])")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [s for s in _END.split(" ".join(text.split())) if s]


def nearly_repeats(sentence: str, other: str) -> bool:
    """``sentence`` and ``other`` say the same in nearly the same words."""
    mine, theirs = _words(sentence), _words(other)
    shorter, longer = sorted((len(mine), len(theirs)))
    return (
        shorter >= _SHORTEST
        and longer <= _LONGEST * shorter
        and len(mine & theirs) >= _OVERLAP * shorter
    )


def covered(text: str, said: Iterable[str]) -> bool:
    """Every sentence of ``text`` nearly repeats a sentence of the texts in ``said``."""
    others = [s for t in said for s in sentences(t)]
    own = sentences(text)
    return bool(own) and all(any(nearly_repeats(s, o) for o in others) for s in own)


def _words(sentence: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", sentence.lower()))
