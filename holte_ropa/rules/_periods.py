"""Time periods stated in prose: "én måned", "30 dager", "two further months".

The notice states the answer time for requests in the organisation's own words; rules
R51 (is a period stated?) and R71 (is it longer than Art. 12(3) allows?) read it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Period", "stated_periods"]

_NUMBERS: dict[str, dict[str, int]] = {
    "nb": {
        "én": 1, "en": 1, "ett": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
        "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "tolv": 12,
        "fjorten": 14, "tjue": 20, "tretti": 30, "førti": 40, "førtifem": 45, "seksti": 60,
        "nitti": 90,
    },
    "en": {
        "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14, "twenty": 20,
        "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90,
    },
}  # fmt: skip

_UNITS: dict[str, dict[str, float]] = {
    "nb": {
        "virkedag": 7 / 5, "virkedager": 7 / 5, "arbeidsdag": 7 / 5, "arbeidsdager": 7 / 5,
        "dag": 1, "dager": 1, "døgn": 1, "uke": 7, "uker": 7, "måned": 30.44,
        "måneder": 30.44, "mnd": 30.44, "år": 365.25,
    },
    "en": {
        "working day": 7 / 5, "working days": 7 / 5, "business day": 7 / 5,
        "business days": 7 / 5, "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30.44,
        "months": 30.44, "year": 365.25, "years": 365.25,
    },
}  # fmt: skip
"""Days per unit; a working day counts 7/5 calendar days."""

_FURTHER = {"nb": r"(?:(?:ytterligere|til)\s+)?", "en": r"(?:(?:further|more|additional)\s+)?"}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PATTERN = {
    lang: re.compile(
        rf"(?<![\w-])(\d+|{_alternatives(_NUMBERS[lang])})\s+{_FURTHER[lang]}"
        rf"({_alternatives(_UNITS[lang])})(?![\w-])",
        re.IGNORECASE,
    )
    for lang in ("nb", "en")
}


@dataclass(frozen=True, slots=True)
class Period:
    """A period as written, and its length in calendar days (months of 30.44 days)."""

    text: str
    days: float


def stated_periods(text: str, lang: str) -> list[Period]:
    """Every period stated in ``text`` (bokmål or English), in order of appearance."""
    pattern = _PATTERN.get(lang)
    if pattern is None:
        return []
    found: list[Period] = []
    for match in pattern.finditer(text):
        count_word, unit = match.group(1).lower(), match.group(2).lower()
        count = int(count_word) if count_word.isdigit() else _NUMBERS[lang][count_word]
        found.append(Period(match.group(0), count * _UNITS[lang][unit]))
    return found
