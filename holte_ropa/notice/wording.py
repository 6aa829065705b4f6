"""Words that depend on the language but not on the organisation: countries, durations.

Kept apart from the templates because they are computed (plural forms, ISO country
names with their Norwegian translations from pycountry), not written.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from holte_ropa.models import Duration

__all__ = ["country_name", "duration_text"]

_UNITS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "nb": (("år", "år"), ("måned", "måneder"), ("dag", "dager")),
    "en": (("year", "years"), ("month", "months"), ("day", "days")),
}
_AND = {"nb": "og", "en": "and"}


@cache
def _nb_countries() -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["nb_NO", "nb"], fallback=True
    )


def country_name(code: str, lang: str) -> str:
    """The country's short name in ``lang``, or the code if ISO 3166 does not know it."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = str(getattr(country, "common_name", None) or country.name)
    return _nb_countries().gettext(str(country.name)) if lang == "nb" else name


def duration_text(duration: Duration, lang: str) -> str:
    """ "2 years and 6 months"; "0 days" for an empty duration."""
    units = _UNITS[lang]
    parts = [
        f"{n} {unit[0] if n == 1 else unit[1]}"
        for n, unit in zip((duration.years, duration.months, duration.days), units, strict=True)
        if n
    ]
    if not parts:
        return f"0 {units[2][1]}"
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {_AND[lang]} {parts[-1]}"
