"""ISO 3166-1 country codes: validation for the models, names in bokmål and English.

pycountry carries the assigned ISO 3166-1 codes. A code must be an assigned alpha-2 code
(GDPR Art. 30(1)(e) names third countries; a transfer to ``XX`` cannot be assessed). The
exceptionally reserved codes people write by habit get their official counterpart as a
hint: ``UK`` is ``GB`` and ``EL`` (the EU's code for Greece) is ``GR``.

The names come from the Unicode CLDR through Babel, which writes them as Norwegians and
English speakers do ("USA", "Storbritannia", "Sør-Korea"; "United States", "South
Korea"), where ISO 3166's official short names read like a treaty ("De forente stater").
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

__all__ = ["country_codes", "country_name", "country_schema", "in_sentence", "iso_country"]

_MISTAKES = {"UK": "GB", "EL": "GR"}
"""ISO 3166-1 exceptionally reserved codes used by habit, and the assigned code meant."""


@cache
def country_codes() -> frozenset[str]:
    """Every assigned ISO 3166-1 alpha-2 code, from pycountry."""
    import pycountry

    return frozenset(str(c.alpha_2) for c in pycountry.countries)


def iso_country(code: str) -> str:
    """``code`` if ISO 3166-1 assigns it; ValueError with a "did you mean" hint otherwise."""
    if code in country_codes():
        return code
    if code in _MISTAKES:
        meant = [_MISTAKES[code]]
    else:
        meant = difflib.get_close_matches(code, sorted(country_codes()), n=3, cutoff=0.5)
    hint = ", ".join(f"'{c}' ({country_name(c, 'en')})" for c in meant)
    raise ValueError(
        f"'{code}' is not an ISO 3166-1 alpha-2 country code"
        + (f" (did you mean {hint}?)" if hint else "")
        + "; use the two-letter code of the country, e.g. NO, SE, US"
    )


def country_schema(schema: dict[str, Any]) -> None:
    """JSON Schema: the codes as an enum, so editors and the loader refuse the same codes."""
    schema["enum"] = sorted(country_codes())


_LOCALES = {"nb": "nb", "en": "en"}
"""The CLDR locale each published language takes its names from."""


@cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(_LOCALES.get(lang, "en")).territories)


_WITH_ARTICLE = frozenset(
    {"AE", "BS", "CF", "DO", "GB", "GM", "KM", "MH", "MV", "NL", "PH", "SB", "SC", "US", "VA"}
)
"""Countries whose English name takes "the" in a sentence ("in the United States")."""


def in_sentence(name: str, lang: str) -> str:
    """A country's name (from :func:`country_name`) as it stands in a sentence: English
    puts "the" before the names that take it; bokmål names never do."""
    if lang == "nb":
        return name
    needs = {country_name(code, "en") for code in _WITH_ARTICLE}
    return f"the {name}" if name in needs else name


@cache
def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (nb or en; anything else reads English).

    Returns the code itself when CLDR has no name for it, so a typo stays visible.
    """
    return _territories(lang).get(code.upper(), code)
