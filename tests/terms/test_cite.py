"""cite(): one exact GDPR citation per language, as Lovdata and EUR-Lex write it."""

from __future__ import annotations

import pytest

from holte_ropa.terms import cite, cite_paragraphs, cite_ref


@pytest.mark.parametrize(
    ("args", "nb", "en"),
    [
        ((6, 1, "f"), "GDPR art. 6 nr. 1 bokstav f", "GDPR Art. 6(1)(f)"),
        ((28, 2), "GDPR art. 28 nr. 2", "GDPR Art. 28(2)"),
        ((47,), "GDPR art. 47", "GDPR Art. 47"),
        ((46, 2, "c"), "GDPR art. 46 nr. 2 bokstav c", "GDPR Art. 46(2)(c)"),
    ],
)
def test_an_article_is_cited_in_bokmal_and_english(
    args: tuple[int, int, str], nb: str, en: str
) -> None:
    assert cite("nb", *args) == nb
    assert cite("en", *args) == en


def test_a_point_without_its_paragraph_is_refused() -> None:
    with pytest.raises(ValueError, match="needs its paragraph"):
        cite("en", 6, None, "f")


def test_a_compact_reference_is_cited_like_its_parts() -> None:
    assert cite_ref("nb", "49(1)(b)") == "GDPR art. 49 nr. 1 bokstav b"
    assert cite_ref("en", "45") == "GDPR Art. 45"


def test_a_malformed_compact_reference_is_refused_with_the_expected_form() -> None:
    with pytest.raises(ValueError, match=r"expected e\.g\. 6\(1\)\(f\)"):
        cite_ref("en", "Art. 6")


def test_paragraphs_of_one_article_name_the_article_once() -> None:
    assert cite_paragraphs("nb", 21, 2, 3) == "GDPR art. 21 nr. 2 og 3"
    assert cite_paragraphs("en", 21, 2, 3) == "GDPR Art. 21(2) and (3)"
    assert cite_paragraphs("nb", 13, 1, 2, 3) == "GDPR art. 13 nr. 1, 2 og 3"
    assert cite_paragraphs("en", 21, 2) == "GDPR Art. 21(2)"
