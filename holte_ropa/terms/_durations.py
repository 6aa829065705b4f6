"""A period in words, in each published language: "2 years and 6 months", "5 år"."""

from __future__ import annotations

__all__ = ["period_words"]

_UNITS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "nb": (("år", "år"), ("måned", "måneder"), ("dag", "dager")),
    "en": (("year", "years"), ("month", "months"), ("day", "days")),
}
_AND = {"nb": "og", "en": "and"}


def period_words(years: int, months: int, days: int, lang: str) -> str:
    """ "2 years and 6 months"; "0 days" for an empty period; ``lang`` ``nb`` or ``en``."""
    units = _UNITS["nb" if lang == "nb" else "en"]
    parts = [
        f"{n} {unit[0] if n == 1 else unit[1]}"
        for n, unit in zip((years, months, days), units, strict=True)
        if n
    ]
    if not parts:
        return f"0 {units[2][1]}"
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {_AND['nb' if lang == 'nb' else 'en']} {parts[-1]}"
