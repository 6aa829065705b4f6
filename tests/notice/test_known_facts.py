"""Only what is known is said: optional unknown facts are left out, and a sentence that
depends on a recorded fact appears only when that fact is recorded (GDPR Art. 13(1)(f))."""

from __future__ import annotations

from pathlib import Path

import pytest

from holte_ropa import load_registry
from holte_ropa.notice import render_notice, render_processors
from tests.conftest import FIXTURES, MakeRegistry

ACTIVITY = """\
activities:
  - id: mailing
    name: {nb: Utsending, en: Mailing}
    description: {nb: Vi sender e-post., en: We send e-mail.}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende e-post, en: Send e-mail}
        legal_basis: {basis: contract, contract: {nb: Kundeavtalen, en: The customer contract}}
    subject_categories: [customers]
    data_categories: [contact]
    sources:
      - kind: data_subject
        description: {nb: Du gir oss dem., en: You give them to us.}
    recipients:
      processors: [mailtool]
    retention:
      - duration: {months: 12}
        trigger: last_contact
        description: {nb: Ett år etter siste kontakt, en: One year after the last contact}
subject_categories:
  - id: customers
    name: {nb: Kunder, en: Customers}
data_categories:
  - id: contact
    name: {nb: Kontaktopplysninger, en: Contact details}
parties:
  - id: mailtool
    legal_name: Mailtool Inc.
    trade_name: Mailtool
    role: processor
    service: {nb: Utsending av e-post, en: E-mail delivery}
    locations:
      - country: US
        mechanism: MECHANISM
    dpa: {reference: DPA-7, signed: 2024-02-01}
"""

COPY = """\
  safeguards_copy:
    nb: Send e-post til personvern@acme.no for en kopi av personvernbestemmelsene.
    en: E-mail personvern@acme.no for a copy of the standard contractual clauses.
"""


def _registry(make_registry: MakeRegistry, mechanism: str, *, copy: bool) -> Path:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    if copy:
        organisation += COPY
    return make_registry(
        {
            "organisation.yaml": organisation,
            "mailing.yaml": ACTIVITY.replace("MECHANISM", mechanism),
        },
        organisation=False,
    )


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_unknown_optional_facts_are_left_out_of_the_notice(
    make_registry: MakeRegistry, lang: str
) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    organisation = organisation.replace('org_number: "923609016"', "org_number: unknown")
    organisation = organisation.replace('version: "1.0"', "version: unknown")
    organisation = organisation.replace(
        "  email: post@acme.no", "  visiting_address: unknown\n  email: post@acme.no"
    )
    path = make_registry({"organisation.yaml": organisation}, organisation=False)
    text = render_notice(load_registry(path), lang)  # type: ignore[arg-type]
    for label in {
        "nb": ("Organisasjonsnummer", "Besøksadresse", "Versjon:"),
        "en": ("Organisation number", "Visiting address", "Version:"),
    }[lang]:
        assert label not in text


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_copy_of_standard_contractual_clauses_is_offered_the_way_the_record_says(
    make_registry: MakeRegistry, lang: str
) -> None:
    registry = load_registry(_registry(make_registry, "{mechanism: scc, module: 2}", copy=True))
    offer = {"nb": "for en kopi av personvernbestemmelsene", "en": "for a copy of the standard"}
    assert offer[lang] in render_notice(registry, lang)  # type: ignore[arg-type]
    assert offer[lang] in render_processors(registry, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_copy_is_offered_when_the_record_says_no_way_to_ask_for_one(
    make_registry: MakeRegistry, lang: str
) -> None:
    registry = load_registry(_registry(make_registry, "{mechanism: scc, module: 2}", copy=False))
    for text in (render_notice(registry, lang), render_processors(registry, lang)):  # type: ignore[arg-type]
        assert "kopi av" not in text and "copy of" not in text


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_dpf_is_named_as_its_decision_never_offered_as_a_copy(
    make_registry: MakeRegistry, lang: str
) -> None:
    dpf = '{mechanism: dpf, entry: "Mailtool Inc."}'
    registry = load_registry(_registry(make_registry, dpf, copy=True))
    notice = render_notice(registry, lang)  # type: ignore[arg-type]
    decision = {
        "nb": "gjennomføringsbeslutning (EU) 2023/1795",
        "en": "implementing decision (EU) 2023/1795",
    }
    basis = {"nb": "Overføringsgrunnlag:", "en": "Transfer basis:"}
    assert decision[lang] in notice and basis[lang] in notice
    for text in (notice, render_processors(registry, lang)):  # type: ignore[arg-type]
        assert "kopi av" not in text and "copy of" not in text
        assert "garanti" not in text.lower() and "safeguard" not in text.lower()


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        (
            "en",
            (
                "You can complain to a data protection supervisory authority.",
                "You can complain to a data protection supervisory authority (GDPR Art. 77).",
                "You have the right to complain to a data protection supervisory authority, in "
                "particular in the EEA country where you live or work or where the alleged "
                "infringement took place (GDPR Art. 77(1)).",
            ),
        ),
        (
            "nb",
            (
                "Du kan klage til en tilsynsmyndighet for personvern.",
                "Du kan klage til en tilsynsmyndighet for personvern (GDPR art. 77).",
                "Du har rett til å klage til en tilsynsmyndighet for personvern, særlig i "
                "EØS-landet der du bor eller arbeider, eller der det påståtte bruddet fant sted "
                "(GDPR art. 77 nr. 1).",
            ),
        ),
    ],
)
def test_an_unknown_supervisory_authority_is_not_named_and_the_right_still_stated(
    make_registry: MakeRegistry, lang: str, sentences: tuple[str, ...]
) -> None:
    organisation = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")
    named = (
        "  supervisory_authority:\n"
        "    name: {nb: Datatilsynet, en: The Norwegian Data Protection Authority}\n"
        "    website: https://www.datatilsynet.no\n"
    )
    assert named in organisation
    organisation = organisation.replace(named, "  supervisory_authority: unknown\n").replace(
        "Datatilsynet.", "us first."
    )
    path = make_registry({"organisation.yaml": organisation}, organisation=False)
    text = " ".join(render_notice(load_registry(path), lang).split())  # type: ignore[arg-type]
    for sentence in sentences:
        assert sentence in text
    assert "datatilsynet" not in text.lower()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_right_to_complain_is_not_said_again_where_holtes_text_says_it(lang: str) -> None:
    from tests.conftest import ROOT

    notice = render_notice(load_registry(ROOT / "registry"), lang)  # type: ignore[arg-type]
    section = notice.split("{#complaints}", 1)[1].split("\n## ", 1)[0]
    said = {"nb": "rett til å klage", "en": "right to complain"}[lang]
    assert section.count(said) == 1
    assert "datatilsynet.no" in section


UNCONFIRMED = (
    ACTIVITY.replace("      processors: [mailtool]", "      unconfirmed: [mailtool]")
    .replace("    role: processor\n", "    role: unknown\n")
    .replace("    dpa: {reference: DPA-7, signed: 2024-02-01}\n", "")
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Andre mottakere, der vi ennå bekrefter hvilken rolle de har: Mailtool."),
        ("en", "Other recipients, whose role we are confirming: Mailtool."),
    ],
)
def test_a_recipient_whose_role_is_unknown_is_named_as_being_confirmed(
    make_registry: MakeRegistry, lang: str, said: str
) -> None:
    path = make_registry(
        {"mailing.yaml": UNCONFIRMED.replace("MECHANISM", "{mechanism: scc, module: 2}")}
    )
    registry = load_registry(path)
    assert registry.parties["mailtool"].role.value == "unknown"
    notice = render_notice(registry, lang)  # type: ignore[arg-type]
    assert said in notice
    assert "Processors: Mailtool" not in notice and "Databehandlere: Mailtool" not in notice


@pytest.mark.parametrize(
    ("lang", "agreement", "form_words"),
    [
        (
            "nb",
            "Holtes databehandleravtale med hver kunde regulerer behandlingen.",
            ("Avtale:", "Opplysninger:", "Opplysningene kommer fra:"),
        ),
        (
            "en",
            "Holte's data processing agreement with each customer governs the processing.",
            ("Agreement:", "Data:", "The data comes from:"),
        ),
    ],
)
def test_a_processor_activity_is_told_in_sentences_not_form_fields(
    lang: str, agreement: str, form_words: tuple[str, ...]
) -> None:
    from tests.conftest import ROOT

    notice = render_notice(load_registry(ROOT / "registry"), lang)  # type: ignore[arg-type]
    section = notice.split("{#processor}", 1)[1].split("\n## ", 1)[0]
    assert agreement in section
    for words in form_words:
        assert words not in section


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", ("Brukes til", "Kundenes data i Holtes skybaserte programvare")),
        ("en", ("Used for", "Customers' data in Holte's cloud software")),
    ],
)
def test_a_sub_processor_we_engage_names_the_processing_it_serves(
    lang: str, said: tuple[str, str]
) -> None:
    """A customer learns which of our services a sub-processor serves (Art. 28(2)), not
    that we use it: "Brukes av: Holte AS" told them nothing."""
    from tests.conftest import ROOT

    page = render_processors(load_registry(ROOT / "registry"), lang)  # type: ignore[arg-type]
    section = page.replace("&#39;", "'").split("{#sub-processors}", 1)[1].split("\n## ", 1)[0]
    header, activity = said
    assert f'<th scope="col">{header}</th>' in section
    assert section.count(f"<td>{activity}</td>") == 2  # Azure and Cygate
    assert "Holte AS" not in section


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Drift for kunder (engasjert av Cloud)"),
        ("en", "Hosting for customers (engaged by Cloud)"),
    ],
)
def test_a_sub_processor_engaged_by_a_processor_serves_what_that_processor_serves(
    lang: str, said: str
) -> None:
    from tests.conftest import FIXTURES

    page = render_processors(load_registry(FIXTURES / "small"), lang)  # type: ignore[arg-type]
    service = "Sikkerhetskopi" if lang == "nb" else "Backup"
    assert f"<tr><td>Backup</td><td>{service}</td><td>{said}</td>" in page
