"""Where a notice may be silent, the record says ``unknown``: it loads, a rule reports it
where it is written, and the notice shows the gap, never the word or a made-up sentence.

Each case replaces one line of the minimal organisation with ``unknown``.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

import pytest

from holte_ropa import load_registry
from holte_ropa.notice import render_cookies, render_notice
from holte_ropa.rules import check
from tests.conftest import FIXTURES, MakeRegistry

TODAY = _dt.date(2026, 11, 25)
ORGANISATION = (FIXTURES / "minimal" / "organisation.yaml").read_text(encoding="utf-8")


def _organisation_with(make_registry: MakeRegistry, original: str, replacement: str) -> str:
    assert original in ORGANISATION
    path = make_registry(
        {"organisation.yaml": ORGANISATION.replace(original, replacement, 1)},
        organisation=False,
    )
    return str(path)


class Case(NamedTuple):
    """One organisation line written ``unknown``: the rule, its line, the gaps shown."""

    original: str
    replacement: str
    line: int
    rule: str
    gap_nb: str
    gap_en: str


@pytest.mark.parametrize(
    "case",
    [
        Case(
            '  postal_address:\n    lines: ["Postboks 1"]\n    postal_code: "0150"\n'
            "    city: Oslo\n    country: NO\n",
            "  postal_address: unknown\n",
            7,
            "R01",
            "Postadresse: Ikke avklart ennå",
            "Postal address: Not yet confirmed",
        ),
        Case(
            "    how_to_exercise: {nb: Send e-post til personvern@acme.no., "
            "en: E-mail personvern@acme.no.}",
            "    how_to_exercise: unknown",
            28,
            "R46",
            "Det er ikke avklart ennå hvordan du bruker rettighetene dine.",
            "How you use your rights is not yet confirmed.",
        ),
        Case(
            "    response_time: {nb: Innen én måned., en: Within one month.}",
            "    response_time: unknown",
            29,
            "R51",
            "Det er ikke avklart ennå når vi svarer.",
            "When we answer is not yet confirmed.",
        ),
        Case(
            "  complaints: {nb: Du kan klage til Datatilsynet., "
            "en: You may complain to Datatilsynet.}",
            "  complaints: unknown",
            31,
            "R46",
            "Det er ikke avklart ennå hvordan du klager til oss.",
            "How to complain to us is not yet confirmed.",
        ),
        Case(
            "    change_announcement: {nb: Vi varsler i nyhetsbrevet., "
            "en: We announce changes in the newsletter.}",
            "    change_announcement: unknown",
            25,
            "R46",
            "Det er ikke avklart ennå hvordan vi varsler om endringer.",
            "How we announce changes is not yet confirmed.",
        ),
        Case(
            "  security_summary: {nb: Vi bruker TLS., en: We use TLS.}",
            "  security_summary: unknown",
            30,
            "R46",
            "Det er ikke avklart ennå hvordan vi sikrer opplysningene.",
            "How we secure the data is not yet confirmed.",
        ),
    ],
    ids=[
        "postal_address",
        "how_to_exercise",
        "response_time",
        "complaints",
        "change_announcement",
        "security_summary",
    ],
)
def test_an_unknown_notice_fact_loads_is_reported_where_written_and_shown_as_a_gap(
    make_registry: MakeRegistry, case: Case
) -> None:
    registry = load_registry(_organisation_with(make_registry, case.original, case.replacement))
    findings = {(f.rule, f.file, f.line) for f in check(registry, today=TODAY)}
    assert (case.rule, "registry/organisation.yaml", case.line) in findings
    nb, en = render_notice(registry, "nb"), render_notice(registry, "en")
    assert case.gap_nb in nb
    assert case.gap_en in en
    for page in (nb, en):
        assert "unknown" not in page


def test_unknown_contact_details_are_gaps_never_links(make_registry: MakeRegistry) -> None:
    text = ORGANISATION
    for line in (
        "email: post@acme.no",
        "website: https://acme.no",
        "privacy_contact: personvern@acme.no",
    ):
        text = text.replace(line, line.split(":")[0] + ": unknown")
    path = make_registry({"organisation.yaml": text}, organisation=False)
    page = render_notice(load_registry(path), "en")
    assert "- E-mail: Not yet confirmed\n" in page
    assert "- Website: Not yet confirmed\n" in page
    assert "- Questions about privacy: Not yet confirmed\n" in page
    assert "mailto:" not in page and "unknown" not in page


RETENTION = """\
activities:
  - id: books
    name: {nb: Regnskap, en: Accounts}
    description: {nb: Vi fører regnskap., en: We keep accounts.}
    role: controller
    recipients: none
    retention:
      - duration: {years: 5}
        trigger: end_of_financial_year
        legal_source: unknown
        description: {nb: Fem år etter regnskapsåret, en: Five years after the financial year}
"""


def test_an_unknown_legal_source_of_a_retention_rule_loads_and_is_reported(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(make_registry({"books.yaml": RETENTION}))
    [finding] = [f for f in check(registry, today=TODAY, select=["R33"])]
    assert (finding.file, finding.line, finding.column) == ("registry/books.yaml", 10, 23)
    assert finding.message == (
        "the legal source of a retention rule of 'books' is unknown; name the statute and "
        "section under `legal_source:`"
    )


@pytest.mark.parametrize(
    ("files", "nb", "en"),
    [
        (
            {},
            "Det er ikke avklart ennå hvilke informasjonskapsler vi bruker.",
            "Which cookies we use is not yet confirmed.",
        ),
        (
            {"cookies.yaml": "cookies: unknown\n"},
            "Det er ikke avklart ennå hvilke informasjonskapsler vi bruker.",
            "Which cookies we use is not yet confirmed.",
        ),
        (
            {"cookies.yaml": "cookies: none\n"},
            "Vi bruker ikke informasjonskapsler.",
            "We do not use cookies.",
        ),
    ],
    ids=["absent", "unknown", "none"],
)
def test_only_cookies_none_publishes_that_no_cookies_are_used(
    make_registry: MakeRegistry, files: dict[str, str | bytes], nb: str, en: str
) -> None:
    registry = load_registry(make_registry(files))
    pages = {lang: render_cookies(registry, lang) for lang in ("nb", "en")}
    assert nb in pages["nb"] and en in pages["en"]
    denial = files.get("cookies.yaml") == "cookies: none\n"
    assert ("Vi bruker ikke informasjonskapsler." in pages["nb"]) is denial
    assert ("We do not use cookies." in pages["en"]) is denial
    assert (en in render_notice(registry, "en")) is not denial


AUTOMATED = """\
activities:
  - id: credit
    name: {nb: Kredittvurdering, en: Credit check}
    description: {nb: Vi vurderer kreditt., en: We check credit.}
    role: controller
    recipients: none
    automated_decisions:
      used: true
      logic: {nb: En modell gir en score., en: A model gives a score.}
"""


def test_the_right_not_to_be_subject_to_automated_decisions_is_recorded_and_published(
    make_registry: MakeRegistry,
) -> None:
    listed = ORGANISATION.replace(
        "    applicable: [access, rectification, erasure, restriction, objection, complaint]",
        "    applicable: [access, automated_decisions, complaint]",
    )
    registry = load_registry(
        make_registry({"organisation.yaml": listed, "credit.yaml": AUTOMATED}, organisation=False)
    )
    nb, en = render_notice(registry, "nb"), render_notice(registry, "en")
    assert "- **Automatiserte avgjørelser:** Du har rett til ikke å være gjenstand for en " in nb
    assert "(GDPR art. 22)." in nb
    assert (
        "- **Automated decisions:** You have the right not to be subject to a decision based "
        "solely on automated processing, such as profiling, if it has legal effects for you or "
        "affects you similarly significantly (GDPR Art. 22)."
    ) in en
    assert "ikke å være gjenstand for helautomatiserte avgjørelser" in nb
    assert "not being subject to solely automated decisions" in en
    r35 = check(registry, today=TODAY, select=["R35"])
    assert not [f for f in r35 if "automated_decisions" in f.message]


def test_a_notice_without_the_art_22_right_where_decisions_are_automated_is_incomplete(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(make_registry({"credit.yaml": AUTOMATED}))
    messages = [f.message for f in check(registry, today=TODAY, select=["R35"])]
    assert (
        "the notice does not list the right 'automated_decisions', which applies to 'credit'"
        in messages
    )


SMALL = (FIXTURES / "small" / "registry.yaml").read_text(encoding="utf-8")


def test_the_summary_of_transfers_names_the_recipients_whose_countries_are_unknown(
    make_registry: MakeRegistry,
) -> None:
    text = SMALL.replace("    locations: [{country: SE}]", "    locations: unknown", 1)
    assert text != SMALL
    registry = load_registry(make_registry({"registry.yaml": text}))
    assert (
        "Some data is transferred to countries outside the EEA: United States. Which "
        "countries the data goes to is not yet confirmed for Cloud."
    ) in render_notice(registry, "en")
    assert "Det er ikke avklart ennå i hvilke land Cloud behandler opplysningene." in (
        render_notice(registry, "nb")
    )


def test_the_cookies_page_says_they_are_ordered_by_category_only_when_they_are_listed(
    make_registry: MakeRegistry,
) -> None:
    ordered = "ordered by category"
    listed = load_registry(make_registry({"registry.yaml": SMALL}))
    assert ordered in render_cookies(listed, "en")
    unknown = SMALL.split("cookies:\n", 1)[0] + "waivers:" + SMALL.split("\nwaivers:", 1)[1]
    silent = load_registry(make_registry({"registry.yaml": unknown}))
    assert ordered not in render_cookies(silent, "en")
    assert "sortert etter kategori" not in render_cookies(silent, "nb")


def test_the_contract_basis_reads_as_a_contract_with_you() -> None:
    registry = load_registry(FIXTURES / "fjordlys")
    en, nb = render_notice(registry, "en"), render_notice(registry, "nb")
    assert "The legal basis for this is a contract with you (GDPR Art. 6(1)(b))." in en
    assert (
        "Behandlingsgrunnlaget for dette er en avtale med deg (GDPR art. 6 nr. 1 bokstav b)."
    ) in nb
    assert "necessary for a contract" not in en


RIGHTS_WITH_ART_22 = (
    "    applicable: [access, rectification, erasure, restriction, objection, complaint]",
    "    applicable: [access, automated_decisions, complaint]",
)


def _credit(make_registry: MakeRegistry, decisions: str) -> str:
    organisation = ORGANISATION.replace(*RIGHTS_WITH_ART_22)
    credit = AUTOMATED.split("    automated_decisions:\n", maxsplit=1)[0] + decisions
    return str(
        make_registry(
            {"organisation.yaml": organisation, "credit.yaml": credit}, organisation=False
        )
    )


def test_automated_decisions_give_their_logic_and_consequences_in_the_notice(
    make_registry: MakeRegistry,
) -> None:
    path = _credit(
        make_registry,
        "    automated_decisions:\n      used: true\n"
        "      logic: {nb: En modell gir en score., en: A model gives a score.}\n"
        "      consequences: {nb: Lav score gir forskudd., en: A low score means prepayment.}\n",
    )
    registry = load_registry(path)
    en, nb = render_notice(registry, "en"), render_notice(registry, "nb")
    assert "- **How the decision is made:** A model gives a score." in en
    assert "- **What it means for you:** A low score means prepayment." in en
    assert "- **Slik tas avgjørelsen:** En modell gir en score." in nb
    assert "- **Hva det betyr for deg:** Lav score gir forskudd." in nb
    assert check(registry, today=TODAY, select=["R61"]) == []


def test_automated_decisions_without_consequences_are_a_finding_and_a_gap(
    make_registry: MakeRegistry,
) -> None:
    path = _credit(
        make_registry,
        "    automated_decisions:\n      used: true\n"
        "      logic: {nb: En modell gir en score., en: A model gives a score.}\n"
        "      consequences: unknown\n",
    )
    registry = load_registry(path)
    assert "- **What it means for you:** Not yet confirmed." in render_notice(registry, "en")
    assert "- **Hva det betyr for deg:** Ikke avklart ennå." in render_notice(registry, "nb")
    [finding] = check(registry, today=TODAY, select=["R61"])
    assert (finding.file, finding.line, finding.column) == ("registry/credit.yaml", 10, 21)
    assert finding.message == (
        "'credit' makes automated decisions, but the notice cannot give the significance and "
        "envisaged consequences for the person; write automated_decisions.consequences"
    )


def test_automated_decisions_that_say_only_used_miss_both_at_their_mapping(
    make_registry: MakeRegistry,
) -> None:
    registry = load_registry(_credit(make_registry, "    automated_decisions:\n      used: true\n"))
    [finding] = check(registry, today=TODAY, select=["R61"])
    assert (finding.file, finding.line) == ("registry/credit.yaml", 8)
    assert finding.message.endswith(
        "write automated_decisions.logic and automated_decisions.consequences"
    )
    assert "- **How the decision is made:** Not yet confirmed." in render_notice(registry, "en")


def test_holtes_activities_name_only_the_data_its_notice_names() -> None:
    # Holte's notice says "kontaktopplysninger og firmatilhørighet" for the benefits
    # programme, "opplysninger fra ... skjemaer" for the web forms, "en åpen søknad" and
    # "Dokumentasjonen til kandidater" for recruitment, and no data for the newsletters.
    registry = load_registry(FIXTURES.parent.parent / "registry")
    page = render_notice(registry, "nb")
    for said in (
        "Vi behandler kontaktopplysninger og firmatilhørighet om medlemmer av fordelsprogrammet.",
        "Vi behandler opplysninger du gir oss om besøkende på nettsiden.",
        "Vi behandler søknadsdokumenter om jobbsøkere.",
    ):
        assert said in page
    assert "{#activity-newsletters-and-surveys-data}" not in page
    r04 = {f.entity for f in check(registry, today=TODAY, select=["R04"])}
    assert "newsletters-and-surveys" in r04
