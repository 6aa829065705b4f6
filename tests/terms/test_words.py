"""Words: our own text, always in every published language."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from holte_ropa.model._base import Text
from holte_ropa.terms import DEFAULT_LANGUAGE, LANGUAGES, Words, same


def test_the_published_languages_are_bokmal_then_english_and_bokmal_is_the_default() -> None:
    assert LANGUAGES == ("nb", "en")
    assert DEFAULT_LANGUAGE == "nb"


def test_words_give_each_language_by_get_and_by_index() -> None:
    words = Words(nb="samtykke", en="consent")
    assert [words[lang] for lang in LANGUAGES] == ["samtykke", "consent"]
    assert words.get("nb") == "samtykke"


def test_words_refuse_an_unpublished_language_by_index() -> None:
    with pytest.raises(KeyError):
        Words(nb="ja", en="yes")["de"]


def test_words_cannot_be_built_without_every_language() -> None:
    with pytest.raises(ValidationError):
        Words(nb="bare bokmål")  # type: ignore[call-arg]


def test_same_reads_the_same_in_every_language() -> None:
    assert same("SCC") == Words(nb="SCC", en="SCC")


def test_a_registry_text_may_lack_a_language_and_says_which() -> None:
    text = Text(nb="Bare bokmål")
    assert text.get("en") is None
    assert text.missing() == ("en",)
