"""ISO 3166-1 country codes: validation for the models, names in bokmål and English.

pycountry carries the ISO 3166-1 codes, names and their Norwegian translations; loading
them is slow-ish, so the import and the translation catalogue are deferred and cached.
A code must be an assigned ISO 3166-1 alpha-2 code (GDPR Art. 30(1)(e) names third
countries; a transfer to ``XX`` cannot be assessed). The exceptionally reserved codes
people write by habit get their official counterpart as a hint: ``UK`` is ``GB`` and ``EL``
(the EU's code for Greece) is ``GR``.
"""

from __future__ import annotations

import difflib
import gettext
from functools import cache
from typing import Any

__all__ = ["country_codes", "country_name", "country_schema", "iso_country"]

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


@cache
def _nb_countries() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["nb_NO", "nb"], fallback=True
    )


@cache
def country_name(code: str, lang: str) -> str:
    """The country's short name in ``lang`` (nb or en), or the code if ISO 3166 lacks it."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if lang == "nb":
        return _nb_countries().gettext(str(country.name))
    return str(getattr(country, "common_name", None) or country.name)
