"""The languages every text people read exists in, and how a text is asked for one."""

from __future__ import annotations

from typing import Literal, Protocol, TypeAlias

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Lang", "Localised", "published_language"]

Lang: TypeAlias = Literal["nb", "en"]
"""A published language: Norwegian bokmål or English (ISO 639-1 codes)."""

LANGUAGES: tuple[Lang, ...] = ("nb", "en")
"""Every published language, bokmål first: the order outputs list them in."""

DEFAULT_LANGUAGE: Lang = "nb"
"""Bokmål: Holte's readers are in Norway, and Datatilsynet works in Norwegian."""


class Localised(Protocol):
    """Anything that gives its text in a language: our own words or the registry's texts.

    ``get(lang)`` is ``str`` for words we write (every language is always present) and
    ``str | None`` for the registry's texts (a language may be missing; rule R37 reports
    it).
    """

    def get(self, lang: str) -> str | None: ...


def published_language(lang: str) -> Lang:
    """``lang`` as a published language, so no output mixes languages silently.

    Raises ValueError naming the published languages when ``lang`` is not one of them
    (an output asked for in German would otherwise fall back to English in some words and
    bokmål in others).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang
