"""Country names in bokmål and English from ISO 3166, for every renderer.

pycountry carries the ISO 3166-1 names and their Norwegian translations; loading them
is slow-ish, so the import and the translation catalogue are deferred and cached.
"""

from __future__ import annotations

import gettext
from functools import cache

__all__ = ["country_name"]


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
