"""Values in a ROPA cell mapped to the registry's vocabulary.

Every function here answers ``None`` when it cannot map a value; the caller then writes
``unknown`` and a located warning, so nothing is guessed. The phrases are data
(``vocabulary.yaml``); countries come from ISO 3166 (pycountry) and CLDR (Babel) names
in bokmål, English and French.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "country_code",
    "data_kind",
    "duration",
    "email",
    "is_empty",
    "is_none",
    "is_unknown",
    "legal_basis",
    "mechanism",
    "normalise",
    "phrases",
    "slug",
    "special_condition",
    "split_list",
    "trigger",
    "vocabulary",
]


@cache
def vocabulary() -> dict[str, Any]:
    """The phrase tables of ``vocabulary.yaml``."""
    text = resources.files("holte_ropa.imports").joinpath("vocabulary.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_TERM_GROUPS = {"legal_bases": "LEGAL_BASES", "mechanisms": "TRANSFER_MECHANISMS", "roles": "ROLES"}
_TERM_KEYS = {"independent_controller": "controller"}
"""holte_ropa.terms' names where they differ from the registry's (a party role)."""


@cache
def phrases(group: str) -> dict[str, list[str]]:
    """The phrases of ``group`` in vocabulary.yaml, plus the words holte-ropa itself
    writes for those terms in every language (:mod:`holte_ropa.terms`), so whatever our
    own exports say reads back."""
    from holte_ropa import terms

    found: dict[str, list[str]] = {k: [str(p) for p in v] for k, v in vocabulary()[group].items()}
    for key, term in getattr(terms, _TERM_GROUPS[group]).items():
        name = _TERM_KEYS.get(key, key)
        if name not in found:  # a term the importer maps otherwise (derogation: its point)
            continue
        for words in (term.label, *term.forms.values()):
            for lang in terms.LANGUAGES:
                phrase = words.get(lang).casefold()
                if phrase not in found[name] and not phrase.startswith(("a ", "an ")):
                    found[name].append(phrase)
    return found


def normalise(text: str) -> str:
    """Lower case, bracketed parts dropped, punctuation as spaces: how headers compare."""
    text = text.casefold()
    previous = None
    while previous != text:  # innermost brackets first: "(art. 30(1)(g), 32(1))"
        previous, text = text, re.sub(r"\([^()]*\)|\[[^][]*\]", " ", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).strip(" .")


def is_unknown(text: str) -> bool:
    return _fold(text) in {_fold(x) for x in vocabulary()["unknown"]}


def is_empty(text: str) -> bool:
    return not text.strip() or _fold(text) in {_fold(x) for x in vocabulary()["empty"]}


def is_none(text: str) -> bool:
    return _fold(text) in {_fold(x) for x in vocabulary()["none"]}


_ONE_ITEM_A_LINE: ContextVar[bool] = ContextVar("one_item_a_line", default=False)


@contextmanager
def one_item_a_line() -> Iterator[None]:
    """Inside the block a list cell's items are its lines, and "; " or ", " is text.

    holte-ropa's own csv and xlsx write lists so: "Invoices; payments" is one category.
    """
    token = _ONE_ITEM_A_LINE.set(True)
    try:
        yield
    finally:
        _ONE_ITEM_A_LINE.reset(token)


def items_are_lines() -> bool:
    """Whether list cells are read one item a line (inside :func:`one_item_a_line`)."""
    return _ONE_ITEM_A_LINE.get()


def split_list(text: str) -> list[str]:
    """Items of a list kept in one cell: lines, semicolons, or commas outside brackets.

    Within :func:`one_item_a_line` (holte-ropa's own export) only lines separate items.
    """
    if is_unknown(text) or is_none(text):
        return [text.strip()]
    if _ONE_ITEM_A_LINE.get():
        return [line.strip() for line in text.splitlines() if line.strip()]
    for phrase in vocabulary()["unknown"]:  # "unknown, to be confirmed" is one value
        if "," in phrase:
            text = re.sub(re.escape(phrase), phrase.replace(",", "\0"), text, flags=re.I)
    parts = re.split(r"\s*(?:\n|;|•)\s*", text)
    if len(parts) == 1:
        parts = re.split(r",\s*(?![^()]*\))", text)
    items = [p.strip(" \t-•").replace("\0", ",") for p in parts]
    return [p for p in items if p]


_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "œ": "oe"})


def slug(text: str, fallback: str = "item") -> str:
    """An id for a name: ``Kunder og kontakter`` -> ``kunder-og-kontakter`` (at most 60)."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    ascii_text = folded.encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(value) > 60:
        value = value[:60].rsplit("-", 1)[0]
    return value or fallback


def _contains(text: str, phrase: str) -> bool:
    phrase = phrase.casefold()
    if re.fullmatch(r"[\w' -]+", phrase):
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
    return phrase.replace(" ", "") in text.replace(" ", "")


def legal_basis(text: str) -> str | None:
    """The Art. 6(1) basis a phrase names ("Art. 6(1)(f)", "intérêt légitime"), or None.

    A cell naming two different bases is ambiguous (one purpose has one basis) and None.
    """
    folded = text.casefold()
    head = folded.split(":", 1)[0]
    found = {
        basis
        for basis, said in phrases("legal_bases").items()
        if any(_contains(head, p) for p in said)
    }
    if len(found) > 1:
        # "legitimate interest (GDPR Art. 6(1)(f))" names one basis twice; points decide.
        points = {
            b
            for b in found
            if any(_contains(head, p) for p in phrases("legal_bases")[b] if p[0].isdigit())
        }
        found = points if len(points) == 1 else found
    return found.pop() if len(found) == 1 else None


_KIND_ORDER = ("national_id", "criminal", "special", "ordinary")
"""The most protected kind a name names wins: "name and health data" is special."""


def data_kind(name: str) -> tuple[str, str] | None:
    """The kind a data category's name states, with the words that state it, or None.

    ``("special", "health")`` for "Health data", ``("national_id", "fødselsnummer")``,
    ``("ordinary", "e-mail")``; None when the name says nothing clear (the importer then
    records ``unknown`` and warns).
    """
    folded = " ".join(name.casefold().replace("’", "'").split())
    table = vocabulary()["data_kinds"]
    for kind in _KIND_ORDER:
        for phrase in sorted(table[kind], key=len, reverse=True):
            if _contains(folded, str(phrase)):
                return kind, str(phrase)
    return None


def special_condition(text: str) -> str | None:
    """The Art. 9(2) condition ("9(2)(a)") a text names by its point or its words, or
    None when it names none or more than one."""
    point = re.search(r"9\s*\(\s*2\s*\)\s*\(\s*([a-j])\s*\)", text, re.IGNORECASE)
    if point:
        return f"9(2)({point.group(1).lower()})"
    folded = " ".join(text.casefold().split())
    found = {
        str(letter)
        for letter, said in vocabulary()["special_conditions"].items()
        if any(_contains(folded, str(p)) for p in said)
    }
    return f"9(2)({found.pop()})" if len(found) == 1 else None


def mechanism(text: str) -> str | None:
    """The transfer mechanism a safeguard cell names (dpf, scc, bcr, adequacy), or None."""
    folded = text.casefold()
    for name, said in phrases("mechanisms").items():
        if any(_contains(folded, p) for p in said):
            return str(name)
    return None


def _territories(lang: str) -> dict[str, str]:
    """CLDR country names in ``lang`` (Babel)."""
    from babel import Locale

    return {str(k): str(v) for k, v in Locale.parse(lang).territories.items()}


@cache
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[_fold(value)] = code
        names[_fold(country.alpha_3)] = code
    for lang in ("en", "nb", "fr"):
        for code, name in _territories(lang).items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                names.setdefault(_fold(name), code)
    names.update({"usa": "US", "uk": "GB", "great britain": "GB", "england": "GB"})
    return names


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country named or coded in en, nb or fr, or None."""
    value = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", value):
        import pycountry

        code = value.upper()
        if code == "UK":
            return "GB"
        return code if pycountry.countries.get(alpha_2=code) else None
    return _country_names().get(_fold(value))


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    value = vocabulary()["number_words"].get(token.casefold())
    return int(value) if value is not None else None


def duration(text: str) -> dict[str, int] | None:
    """``{"years": 5}`` for "5 years", "fem år", "5 ans"; None when no single period is given."""
    units = vocabulary()["duration_units"]
    found: dict[str, int] = {}
    for match in re.finditer(r"(\w+)\s+([^\W\d]+)", text.casefold()):
        number = _number(match.group(1))
        if number is None:
            continue
        for unit, words in units.items():
            if match.group(2) in words and unit not in found:
                found[unit] = number
    return found or None


def trigger(text: str) -> str | None:
    """The event a retention period counts from, when the text names one."""
    folded = text.casefold()
    for name, phrases in vocabulary()["triggers"].items():
        if any(p in folded for p in phrases):
            return str(name)
    return None


def email(value: object) -> str | None:
    """The first e-mail address in ``value``, or None."""
    if not isinstance(value, str):
        return None
    found = re.search(r"[^@\s,;()<>]+@[^@\s,;()<>]+\.[a-z]{2,}", value)
    return found.group(0) if found else None
