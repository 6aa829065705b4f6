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
            "Slik bruker du rettighetene dine: Ikke avklart ennå.",
            "How to use your rights: Not yet confirmed.",
        ),
        Case(
            "    response_time: {nb: Innen én måned., en: Within one month.}",
            "    response_time: unknown",
            29,
            "R51",
            "Når vi svarer: Ikke avklart ennå.",
            "When we answer: Not yet confirmed.",
        ),
        Case(
            "  complaints: {nb: Du kan klage til Datatilsynet., "
            "en: You may complain to Datatilsynet.}",
            "  complaints: unknown",
            31,
            "R46",
            "Slik klager du til oss: Ikke avklart ennå.",
            "How to complain to us: Not yet confirmed.",
        ),
        Case(
            "    change_announcement: {nb: Vi varsler i nyhetsbrevet., "
            "en: We announce changes in the newsletter.}",
            "    change_announcement: unknown",
            25,
            "R46",
            "Slik varsler vi om endringer: Ikke avklart ennå.",
            "How we announce changes: Not yet confirmed.",
        ),
        Case(
            "  security_summary: {nb: Vi bruker TLS., en: We use TLS.}",
            "  security_summary: unknown",
            30,
            "R46",
            "Slik sikrer vi opplysningene: Ikke avklart ennå.",
            "How we secure the data: Not yet confirmed.",
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
            "Hvilke informasjonskapsler vi bruker: Ikke avklart ennå.",
            "Which cookies we use: Not yet confirmed.",
        ),
        (
            {"cookies.yaml": "cookies: unknown\n"},
            "Hvilke informasjonskapsler vi bruker: Ikke avklart ennå.",
            "Which cookies we use: Not yet confirmed.",
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
