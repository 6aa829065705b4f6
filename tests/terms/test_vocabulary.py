"""The vocabulary of legal terms: every term in every language, cited exactly."""

from __future__ import annotations

import pytest

from holte_ropa.terms import (
    DATA_KINDS,
    LANGUAGES,
    LEGAL_BASES,
    RIGHTS,
    ROLES,
    TRANSFER_MECHANISMS,
    VOCABULARY,
    Term,
)

_ALL = [(group, key, term) for group, terms in VOCABULARY.items() for key, term in terms.items()]


@pytest.mark.parametrize(("group", "key", "term"), _ALL, ids=[f"{g}.{k}" for g, k, _ in _ALL])
def test_every_term_and_every_form_has_words_in_every_language(
    group: str, key: str, term: Term
) -> None:
    for words in (term.label, *term.forms.values()):
        for lang in LANGUAGES:
            assert words[lang].strip(), f"{group}.{key} has no {lang} words"


def test_the_six_legal_bases_are_art_6_1_a_to_f_in_order() -> None:
    assert list(LEGAL_BASES) == [
        "consent",
        "contract",
        "legal_obligation",
        "vital_interest",
        "public_task",
        "legitimate_interest",
    ]
    assert [t.cite("en") for t in LEGAL_BASES.values()] == [
        f"GDPR Art. 6(1)({p})" for p in "abcdef"
    ]


def test_legitimate_interest_is_worded_and_cited_per_language() -> None:
    term = LEGAL_BASES["legitimate_interest"]
    assert term.label["nb"] == "berettiget interesse"
    assert term.cite("nb") == "GDPR art. 6 nr. 1 bokstav f"
    assert term.label["en"] == "legitimate interest"


def test_a_term_without_a_variant_gives_its_label_for_that_variant() -> None:
    assert LEGAL_BASES["consent"].form("record") == LEGAL_BASES["consent"].label
    assert LEGAL_BASES["contract"].form("record").nb == "nødvendig for å oppfylle en avtale"


def test_roles_use_datatilsynets_bokmal() -> None:
    assert {key: term.label.nb for key, term in ROLES.items()} == {
        "controller": "behandlingsansvarlig",
        "processor": "databehandler",
        "sub_processor": "underdatabehandler",
        "joint_controller": "felles behandlingsansvarlig",
        "independent_controller": "selvstendig behandlingsansvarlig",
    }


def test_rights_cover_art_15_to_22_and_the_withdrawal_of_consent() -> None:
    articles = {term.cite("en") for term in RIGHTS.values()}
    assert {f"GDPR Art. {n}" for n in (15, 16, 17, 18, 20, 21, 22)} <= articles
    assert "GDPR Art. 7(3)" in articles


def test_transfer_mechanisms_cite_chapter_v() -> None:
    assert {key: term.cite("en") for key, term in TRANSFER_MECHANISMS.items()} == {
        "adequacy": "GDPR Art. 45",
        "dpf": "GDPR Art. 45",
        "scc": "GDPR Art. 46(2)(c)",
        "bcr": "GDPR Art. 47",
        "derogation": "GDPR Art. 49(1)",
    }


def test_special_and_criminal_data_cite_art_9_and_10() -> None:
    assert DATA_KINDS["special"].cite("nb") == "GDPR art. 9 nr. 1"
    assert DATA_KINDS["criminal"].cite("en") == "GDPR Art. 10"
