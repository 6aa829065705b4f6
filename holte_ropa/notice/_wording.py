"""Words that depend on the language but not on the organisation: countries, durations.

Kept apart from the templates because they are computed (plural forms, country
names as CLDR writes them in each language, through Babel), not written.
"""

from __future__ import annotations

from holte_ropa.model._countries import country_name
from holte_ropa.model._models import Duration
from holte_ropa.terms import period_words

__all__ = ["country_name", "duration_text"]


def duration_text(duration: Duration, lang: str) -> str:
    """ "2 years and 6 months"; "0 days" for an empty duration."""
    return period_words(duration.years, duration.months, duration.days, lang)
