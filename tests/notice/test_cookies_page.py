"""The cookies page says each thing once: a gap every cookie shares is one sentence, a
purpose every cookie of a category shares is said above its table, not in every row."""

from __future__ import annotations

from functools import cache

import pytest

from holte_ropa import Registry, load_registry
from holte_ropa.notice import render_cookies
from tests.conftest import FIXTURES, ROOT
from tests.notice_html import Page, parse

PENDING = {"nb": "Ikke avklart ennå", "en": "Not yet confirmed"}
NAMES_AND_LIFETIMES_GAP = {
    "nb": "Navnene på informasjonskapslene og hvor lenge hver av dem lagres, er ikke avklart ennå.",
    "en": "The names of the cookies and how long each is kept are not yet confirmed.",
}
HEADERS = {
    "nb": ("Navn", "Leverandør", "Formål", "Lagringstid"),
    "en": ("Name", "Provider", "Purpose", "Lifetime"),
}


@cache
def _page(registry: str, lang: str) -> Page:
    folder = ROOT / "registry" if registry == "holte" else FIXTURES / registry
    loaded: Registry = load_registry(folder)
    return parse(render_cookies(loaded, lang))  # type: ignore[arg-type]


def _headers(page: Page) -> list[str]:
    return [e.text for e in page.all("th")]


@pytest.mark.parametrize("lang", ("nb", "en"))
def test_names_and_lifetimes_no_cookie_records_are_said_missing_once(lang: str) -> None:
    page = _page("holte", lang)
    assert page.text.count(NAMES_AND_LIFETIMES_GAP[lang]) == 1
    assert PENDING[lang] not in page.text
    name, _provider, _purpose, lifetime = HEADERS[lang]
    assert name not in _headers(page)
    assert lifetime not in _headers(page)


@pytest.mark.parametrize("lang", ("nb", "en"))
def test_names_and_lifetimes_the_record_knows_stay_in_their_columns(lang: str) -> None:
    page = _page("small", lang)
    name, provider, purpose, lifetime = HEADERS[lang]
    assert _headers(page) == [name, provider, purpose, lifetime, _headers(page)[-1]]
    assert "sid" in [e.text for e in page.all("td")]
    assert NAMES_AND_LIFETIMES_GAP[lang] not in page.text


def test_a_purpose_every_cookie_of_a_category_shares_is_said_once_above_its_table() -> None:
    page = _page("holte", "nb")
    said = "blant annet Facebook og Google"
    assert page.text.count(said) == 1
    assert not any(said in e.text for e in page.all("td"))
    # The one strictly necessary cookie keeps its purpose in its table; the marketing
    # table has no purpose column.
    consent = "Spør om samtykke først"
    assert _headers(page) == ["Leverandør", "Formål", consent, "Leverandør", consent]
