"""Country names in bokmål and English, for every renderer.

The names come from the Unicode CLDR through Babel, which writes them as Norwegians and
English speakers do ("USA", "Storbritannia", "Sør-Korea"; "United States", "South
Korea"), where ISO 3166's official short names read like a treaty ("De forente stater").
Codes are ISO 3166-1 alpha-2, as in the registry.
"""

from __future__ import annotations

from functools import cache

__all__ = ["country_name"]

_LOCALES = {"nb": "nb", "en": "en"}
"""The CLDR locale each published language takes its names from."""


@cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(_LOCALES.get(lang, "en")).territories)


@cache
def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (nb or en; anything else reads English).

    Returns the code itself when CLDR has no name for it, so a typo stays visible.
    """
    return _territories(lang).get(code.upper(), code)
