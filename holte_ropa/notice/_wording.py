"""Words that depend on the language but not on the organisation: countries, durations.

Kept apart from the templates because they are computed (plural forms, country
names as CLDR writes them in each language, through Babel), not written.
"""

from __future__ import annotations

from holte_ropa.model._countries import country_name
from holte_ropa.model._models import Duration

__all__ = ["country_name", "duration_text"]

_UNITS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "nb": (("år", "år"), ("måned", "måneder"), ("dag", "dager")),
    "en": (("year", "years"), ("month", "months"), ("day", "days")),
}
_AND = {"nb": "og", "en": "and"}


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
