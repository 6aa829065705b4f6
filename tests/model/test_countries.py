"""Country names read as Norwegians and English speakers write them (CLDR via Babel)."""

from __future__ import annotations

import pytest

from holte_ropa.model import country_name


@pytest.mark.parametrize(
    ("code", "nb", "en"),
    [
        ("US", "USA", "United States"),
        ("GB", "Storbritannia", "United Kingdom"),
        ("KR", "Sør-Korea", "South Korea"),
        ("NO", "Norge", "Norway"),
        ("CH", "Sveits", "Switzerland"),
    ],
)
def test_a_country_is_named_as_people_write_it_in_each_language(
    code: str, nb: str, en: str
) -> None:
    assert country_name(code, "nb") == nb
    assert country_name(code, "en") == en


def test_a_code_without_a_name_stays_visible_as_the_code() -> None:
    assert country_name("XX", "nb") == "XX"
