"""Registry text placed mid-sentence reads the same in the notice, the history and breaches."""

from __future__ import annotations

import pytest

from holte_ropa.terms import in_running_text, lower_first


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("E-postadresse", "e-postadresse"),
        ("Lagring av data", "lagring av data"),
        ("IP-adresse", "IP-adresse"),
        ("SuperOffice", "SuperOffice"),
        ("CRM-system", "CRM-system"),
        ("3D-modeller", "3D-modeller"),
    ],
)
def test_only_an_ordinary_first_word_loses_its_capital(text: str, said: str) -> None:
    assert lower_first(text) == said


def test_an_english_name_with_the_article_reads_in_running_text() -> None:
    name = "The Norwegian Data Protection Authority"
    assert in_running_text(name, "en") == "the Norwegian Data Protection Authority"
    assert in_running_text("Datatilsynet", "nb") == "Datatilsynet"
    assert in_running_text(name, "nb") == name
