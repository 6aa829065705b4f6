"""The wording of changes: exact legal references in both languages, names people know."""

from __future__ import annotations

from holte_ropa.changes._wording import (
    basis_label,
    country_label,
    duration_label,
    field_label,
    mechanism_label,
    summary,
)


def test_legal_bases_cite_gdpr_article_6_as_lovdata_and_the_regulation_do() -> None:
    label = basis_label({"basis": "legal_obligation"})
    assert label.en == "legal obligation (GDPR Art. 6(1)(c))"
    assert label.nb == "rettslig forpliktelse (GDPR art. 6 nr. 1 bokstav c)"
    assert basis_label("unknown").en == "not yet confirmed"


def test_transfer_mechanisms_cite_their_articles() -> None:
    assert mechanism_label({"mechanism": "scc"}).en == (
        "standard contractual clauses (GDPR Art. 46(2)(c))"
    )
    derogation = mechanism_label({"mechanism": "derogation", "point": "b"})
    assert derogation.en == "derogation (GDPR Art. 49(1)(b))"
    assert derogation.nb.endswith("(GDPR art. 49 nr. 1 bokstav b)")
    assert mechanism_label({"mechanism": "bcr"}).nb.endswith("(GDPR art. 47)")


def test_countries_durations_and_fields_read_as_words() -> None:
    assert (country_label("SE").nb, country_label("SE").en) == ("Sverige", "Sweden")
    assert country_label("XX").en == "XX"
    assert duration_label({"years": 1, "months": 6}).nb == "1 år og 6 måneder"
    assert duration_label({"days": 1}).en == "1 day"
    assert field_label("notice.version").en == "privacy notice: version"
    assert field_label("something.odd").en == "something.odd"


def test_a_summary_never_doubles_the_full_stop_of_a_quoted_text() -> None:
    from holte_ropa.changes._wording import Bilingual

    text = Bilingual(nb="«Ny tekst.»", en="“New text.”")
    name, field = Bilingual(nb="X", en="X"), Bilingual(nb="felt", en="field")
    said = summary("field_changed", "added", entity=name, field=field, after=text)
    assert said.en == "“X”: “field”: added “New text.”"
    assert said.nb.endswith("lagt til «Ny tekst.»")
