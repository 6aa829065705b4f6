"""Lawfulness of processing: GDPR Art. 6, 7, 9, 10 and 21.

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from holte_ropa.model._models import (
    Activity,
    Consent,
    DataKind,
    LegalObligation,
    LegitimateInterest,
    PublicTask,
    Purpose,
    Recipients,
    Right,
    SubjectCategory,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment


@rule(
    id="R10",
    name="purpose-without-legal-basis",
    severity=Severity.ERROR,
    references=("GDPR Art. 6(1)", "GDPR Art. 13(1)(c)", "GDPR Art. 30(1)(b)"),
    summary="Every purpose has exactly one Art. 6(1) legal basis.",
    rationale=(
        "Processing is lawful only if one of the six bases of Art. 6(1) applies, and the "
        "notice must tell people which one (Art. 13(1)(c)). A purpose whose basis is not "
        "settled cannot be shown to be lawful."
    ),
    fix="State the basis under `legal_basis:` with `basis:` and what that basis needs.",
    bad="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis: unknown  # <-
    recipients: none
""",
    good="""\
activities:
  - id: web-forms
    name: {nb: Skjema, en: Forms}
    description: {nb: Kontaktskjema, en: Contact forms}
    role: controller
    purposes:
      - id: contact
        description: {nb: Kontakte deg, en: Contact you}
        legal_basis:
          basis: contract
          contract: {nb: Tilbudet du ba om, en: The offer you asked for}
    recipients: none
""",
)
def purpose_without_legal_basis(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_purpose_without_legal_basis(registry, context)


def _check_purpose_without_legal_basis(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            if is_unknown(purpose.legal_basis):
                yield Hit(
                    activity.id,
                    ("purposes", index, "legal_basis"),
                    f"the purpose '{purpose.id}' of '{activity.id}' has no settled legal basis",
                    f"formålet '{purpose.id}' i '{activity.id}' mangler avklart "
                    "behandlingsgrunnlag",
                )


# --------------------------------------------------------------------------- helpers


def _purposes_on(
    registry: Registry, *bases: type[BaseModel]
) -> Iterator[tuple[Activity, int, Purpose]]:
    """(activity, index, purpose) for every purpose resting on one of ``bases``."""
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            if isinstance(purpose.legal_basis, bases):
                yield activity, index, purpose


def _basis_path(index: int, *field: PathSegment) -> tuple[PathSegment, ...]:
    return ("purposes", index, "legal_basis", *field)


# --------------------------------------------------------------------------- R11


@rule(
    id="R11",
    name="consent-without-withdrawal",
    severity=Severity.ERROR,
    references=("GDPR Art. 7(3)", "GDPR Art. 13(2)(c)"),
    summary="Consent states how it is withdrawn, as easily as it was given.",
    rationale=(
        "Consent may be withdrawn at any time, withdrawing must be as easy as giving it, "
        "and people must be told so before they consent (Art. 7(3), 13(2)(c)). Consent "
        "nobody knows how to withdraw is not valid consent, so every purpose built on it "
        "falls. Whether the stated way is as easy as the way consent was given is for a "
        "person to judge from the two texts side by side."
    ),
    fix=(
        "Describe under `withdrawal:` how people withdraw, through the same channel they "
        "consented in (e.g. the cookie settings link in every page footer)."
    ),
    bad="""\
activities:
  - id: marketing-cookies
    name: {nb: Markedsføringscookies, en: Marketing cookies}
    description: {nb: Annonsering i sosiale medier, en: Advertising in social media}
    role: controller
    purposes:
      - id: ads
        description: {nb: Vise relevante annonser, en: Show relevant ads}
        legal_basis:
          basis: consent
          collection: {nb: Cookie-banneret, en: The cookie banner}
          withdrawal: unknown  # <-
          proof: consent management platform log
    recipients: none
""",
    good="""\
activities:
  - id: marketing-cookies
    name: {nb: Markedsføringscookies, en: Marketing cookies}
    description: {nb: Annonsering i sosiale medier, en: Advertising in social media}
    role: controller
    purposes:
      - id: ads
        description: {nb: Vise relevante annonser, en: Show relevant ads}
        legal_basis:
          basis: consent
          collection: {nb: Cookie-banneret, en: The cookie banner}
          withdrawal:
            nb: Lenken «Cookie-innstillinger» nederst på hver side
            en: The «Cookie settings» link at the foot of every page
          proof: consent management platform log
    recipients: none
""",
)
def consent_without_withdrawal(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_consent_without_withdrawal(registry, context)


def _check_consent_without_withdrawal(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity, index, purpose in _purposes_on(registry, Consent):
        assert isinstance(purpose.legal_basis, Consent)
        if is_unknown(purpose.legal_basis.withdrawal):
            yield Hit(
                activity.id,
                _basis_path(index, "withdrawal"),
                f"the consent for '{purpose.id}' in '{activity.id}' does not say how it is "
                "withdrawn",
                f"samtykket til '{purpose.id}' i '{activity.id}' sier ikke hvordan det "
                "trekkes tilbake",
            )


# --------------------------------------------------------------------------- R12


@rule(
    id="R12",
    name="consent-without-proof",
    severity=Severity.WARNING,
    references=("GDPR Art. 7(1)", "GDPR Art. 5(2)"),
    summary="The record says where proof of each consent is kept.",
    rationale=(
        "The controller must be able to demonstrate that the person consented "
        "(Art. 7(1)): who, when, to what text and how. If nobody knows where that proof "
        "is, a complaint cannot be answered. It is a warning: the proof may exist even if "
        "the record does not point at it."
    ),
    fix=(
        "Write under `proof:` where consent records are kept (e.g. the consent log of the "
        "e-mail tool, with time stamp and form version)."
    ),
    bad="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Månedlig nyhetsbrev, en: Monthly newsletter}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning i skjema, en: A tick box in a form}
          withdrawal: {nb: Lenke i hvert brev, en: A link in every letter}
          proof: unknown  # <-
    recipients: none
""",
    good="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Månedlig nyhetsbrev, en: Monthly newsletter}
    role: controller
    purposes:
      - id: send
        description: {nb: Sende nyhetsbrev, en: Send newsletters}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning i skjema, en: A tick box in a form}
          withdrawal: {nb: Lenke i hvert brev, en: A link in every letter}
          proof: Consent log in the e-mail tool (time, form version, IP address)
    recipients: none
""",
)
def consent_without_proof(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_consent_without_proof(registry, context)


def _check_consent_without_proof(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity, index, purpose in _purposes_on(registry, Consent):
        assert isinstance(purpose.legal_basis, Consent)
        if purpose.legal_basis.proof is None or is_unknown(purpose.legal_basis.proof):
            yield Hit(
                activity.id,
                _basis_path(index, "proof"),
                f"the record does not say where proof of consent for '{purpose.id}' in "
                f"'{activity.id}' is kept",
                f"protokollen sier ikke hvor beviset for samtykket til '{purpose.id}' i "
                f"'{activity.id}' oppbevares",
            )


# --------------------------------------------------------------------------- R13


@rule(
    id="R13",
    name="legitimate-interest-without-assessment",
    severity=Severity.ERROR,
    references=("GDPR Art. 6(1)(f)", "GDPR Art. 13(1)(d)", "GDPR Art. 5(2)"),
    summary=("Legitimate interest names the interest and refers to a dated balancing test."),
    rationale=(
        "Art. 6(1)(f) is lawful only if the interest is real and not overridden by the "
        "person's interests; the notice must name the interest (Art. 13(1)(d)) and the "
        "controller must be able to show the balancing (Art. 5(2)). A missing interest or "
        "no balancing test at all is an error. A test without a date is a judgement "
        "(warning): it may exist, but nobody can tell whether it predates the processing "
        "or still fits it."
    ),
    fix=(
        "State the interest under `interest:` and refer to the legitimate interest "
        "assessment under `balancing_test:` with `reference` and `date`."
    ),
    bad="""\
activities:
  - id: customer-follow-up
    name: {nb: Kundeoppfølging, en: Customer follow-up}
    description: {nb: Oppfølging av kunder, en: Following up customers}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp kundene, en: Follow up our customers}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Å ta vare på kundeforholdet, en: Looking after the customer relationship}
          balancing_test: unknown  # <-
          right_to_object: {nb: Send e-post til oss, en: Send us an e-mail}
    recipients: none
""",
    good="""\
activities:
  - id: customer-follow-up
    name: {nb: Kundeoppfølging, en: Customer follow-up}
    description: {nb: Oppfølging av kunder, en: Following up customers}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp kundene, en: Follow up our customers}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Å ta vare på kundeforholdet, en: Looking after the customer relationship}
          balancing_test: {reference: LIA-2025-03 customer follow-up, date: 2025-03-14}
          right_to_object: {nb: Send e-post til oss, en: Send us an e-mail}
    recipients: none
""",
    judgement=True,
)
def legitimate_interest_without_assessment(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_legitimate_interest_without_assessment(registry, context)


def _check_legitimate_interest_without_assessment(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    for activity, index, purpose in _purposes_on(registry, LegitimateInterest):
        basis = purpose.legal_basis
        assert isinstance(basis, LegitimateInterest)
        where = f"'{purpose.id}' in '{activity.id}'"
        if is_unknown(basis.interest):
            yield Hit(
                activity.id,
                _basis_path(index, "interest"),
                f"the legitimate interest pursued by {where} is not named",
                f"den berettigede interessen bak '{purpose.id}' i '{activity.id}' er ikke oppgitt",
            )
        test = basis.balancing_test
        if test is None or is_unknown(test):
            yield Hit(
                activity.id,
                _basis_path(index, "balancing_test"),
                f"{where} rests on legitimate interest without a balancing test (LIA)",
                f"'{purpose.id}' i '{activity.id}' bygger på berettiget interesse uten "
                "interesseavveining",
            )
        elif test.date is None:
            yield Hit(
                activity.id,
                _basis_path(index, "balancing_test", "reference"),
                f"the balancing test '{test.reference}' for {where} has no date, so nobody "
                "can tell whether it predates and still fits the processing",
                f"interesseavveiningen '{test.reference}' for '{purpose.id}' i "
                f"'{activity.id}' er ikke datert, så ingen kan se om den kom før og fortsatt "
                "passer behandlingen",
                severity=Severity.WARNING,
            )


# --------------------------------------------------------------------------- R14


@rule(
    id="R14",
    name="objection-right-not-stated",
    severity=Severity.ERROR,
    references=("GDPR Art. 21(1)", "GDPR Art. 21(4)", "GDPR Art. 13(2)(b)"),
    summary="Legitimate interest and public task purposes state how to object.",
    rationale=(
        "Where processing rests on Art. 6(1)(e) or (f), the person may object, and the "
        "right must be brought to their attention explicitly, clearly and separately from "
        "other information, at the latest at the first communication (Art. 21(1), 21(4))."
    ),
    fix="Describe under `right_to_object:` how people object (e.g. an e-mail address).",
    bad="""\
activities:
  - id: customer-follow-up
    name: {nb: Kundeoppfølging, en: Customer follow-up}
    description: {nb: Oppfølging av kunder, en: Following up customers}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp kundene, en: Follow up our customers}
        legal_basis:
          basis: legitimate_interest  # <-
          interest: {nb: Å ta vare på kundeforholdet, en: Looking after the customer relationship}
          balancing_test: {reference: LIA-2025-03, date: 2025-03-14}
    recipients: none
""",
    good="""\
activities:
  - id: customer-follow-up
    name: {nb: Kundeoppfølging, en: Customer follow-up}
    description: {nb: Oppfølging av kunder, en: Following up customers}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp kundene, en: Follow up our customers}
        legal_basis:
          basis: legitimate_interest
          interest: {nb: Å ta vare på kundeforholdet, en: Looking after the customer relationship}
          balancing_test: {reference: LIA-2025-03, date: 2025-03-14}
          right_to_object: {nb: Send e-post til personvern@acme.no, en: E-mail personvern@acme.no}
    recipients: none
""",
)
def objection_right_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_objection_right_not_stated(registry, context)


def _check_objection_right_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity, index, purpose in _purposes_on(registry, LegitimateInterest, PublicTask):
        basis = purpose.legal_basis
        assert isinstance(basis, LegitimateInterest | PublicTask)
        if basis.right_to_object is None:
            yield Hit(
                activity.id,
                _basis_path(index),
                f"'{purpose.id}' in '{activity.id}' rests on {_BASIS_EN[basis.basis]} but "
                "does not say how to object",
                f"'{purpose.id}' i '{activity.id}' bygger på {_BASIS_NB[basis.basis]}, men "
                "sier ikke hvordan man protesterer",
            )


# --------------------------------------------------------------------------- R15


@rule(
    id="R15",
    name="direct-marketing-without-objection-or-consent",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 21(2)",
        "GDPR Art. 21(3)",
        "markedsføringsloven § 15",
    ),
    summary=(
        "Direct marketing keeps the right to object; e-mail marketing rests on consent or "
        "the existing-customer exception."
    ),
    rationale=(
        "People may object to direct marketing at any time and without reasons, and then "
        "it must stop (Art. 21(2)-(3)), so the rights the organisation offers must include "
        "objection. Marketing by e-mail or SMS to natural persons also needs their prior "
        "consent (markedsføringsloven § 15), unless they are existing customers receiving "
        "offers of similar products with an easy opt-out in every message. A legitimate "
        "interest is not enough for e-mail marketing on its own."
    ),
    fix=(
        "Add `objection` to the organisation's `rights: applicable`; base e-mail marketing "
        "on consent, or record `existing_customer_exception: true` when it applies."
    ),
    bad="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Tilbud på e-post, en: Offers by e-mail}
    role: controller
    purposes:
      - id: offers
        description: {nb: Sende tilbud på e-post, en: Send offers by e-mail}
        legal_basis:
          basis: legitimate_interest  # <-
          interest: {nb: Å selge mer, en: Selling more}
          balancing_test: {reference: LIA-7, date: 2025-02-01}
          right_to_object: {nb: Lenke i hver e-post, en: A link in every e-mail}
        direct_marketing: true
        electronic_marketing: true
    recipients: none
""",
    good="""\
activities:
  - id: newsletter
    name: {nb: Nyhetsbrev, en: Newsletter}
    description: {nb: Tilbud på e-post, en: Offers by e-mail}
    role: controller
    purposes:
      - id: offers
        description: {nb: Sende tilbud på e-post, en: Send offers by e-mail}
        legal_basis:
          basis: consent
          collection: {nb: Avkrysning ved påmelding, en: A tick box when signing up}
          withdrawal: {nb: Lenke i hver e-post, en: A link in every e-mail}
          proof: Consent log in the e-mail tool
        direct_marketing: true
        electronic_marketing: true
    recipients: none
""",
)
def direct_marketing_without_objection_or_consent(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    return _check_direct_marketing_without_objection_or_consent(registry, context)


def _check_direct_marketing_without_objection_or_consent(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    marketing: list[str] = []
    for activity in registry.activities.values():
        for index, purpose in enumerate(activity.purposes):
            if not (purpose.direct_marketing or purpose.electronic_marketing):
                continue
            marketing.append(f"{activity.id}/{purpose.id}")
            basis = purpose.legal_basis
            if not purpose.electronic_marketing or purpose.existing_customer_exception:
                continue
            if is_unknown(basis) or isinstance(basis, Consent):
                continue
            yield Hit(
                activity.id,
                _basis_path(index),
                f"'{purpose.id}' in '{activity.id}' markets by e-mail or SMS on "
                f"{_BASIS_EN[basis.basis]}; markedsføringsloven § 15 requires prior consent "
                "unless the existing-customer exception is recorded",
                f"'{purpose.id}' i '{activity.id}' markedsfører på e-post eller SMS med "
                f"{_BASIS_NB[basis.basis]} som grunnlag; markedsføringsloven § 15 krever "
                "forhåndssamtykke med mindre unntaket for eksisterende kunder er registrert",
            )
    if marketing and Right.OBJECTION not in registry.organisation.rights.applicable:
        shown = ", ".join(marketing[:3]) + (" ..." if len(marketing) > 3 else "")
        yield Hit(
            None,
            ("rights", "applicable"),
            f"the organisation does direct marketing ({shown}) but its rights do not "
            "include objection, which Art. 21(2) makes unconditional",
            f"organisasjonen driver direkte markedsføring ({shown}), men rettighetene "
            "omfatter ikke protest, som art. 21(2) gjør ubetinget",
        )


# --------------------------------------------------------------------------- R16


@rule(
    id="R16",
    name="legal-obligation-without-statute",
    severity=Severity.ERROR,
    references=("GDPR Art. 6(1)(c)", "GDPR Art. 6(3)"),
    summary="A legal obligation (or public task) names the statute and section.",
    rationale=(
        "Art. 6(1)(c) and (e) are only as good as the law they rest on, and Art. 6(3) "
        'requires that law to be EU or member state law. "The law requires it" without '
        "the statute and section cannot be checked, and retention periods often depend on "
        "exactly that section (e.g. bokføringsloven § 13)."
    ),
    fix="Give `source:` with `statute` and `section` (and a Lovdata `url` if you like).",
    bad="""\
activities:
  - id: invoicing
    name: {nb: Fakturering, en: Invoicing}
    description: {nb: Regnskap og bilag, en: Accounts and vouchers}
    role: controller
    purposes:
      - id: bookkeeping
        description: {nb: Oppbevare regnskapsbilag, en: Keep accounting vouchers}
        legal_basis:
          basis: legal_obligation
          source: unknown  # <-
    recipients: none
""",
    good="""\
activities:
  - id: invoicing
    name: {nb: Fakturering, en: Invoicing}
    description: {nb: Regnskap og bilag, en: Accounts and vouchers}
    role: controller
    purposes:
      - id: bookkeeping
        description: {nb: Oppbevare regnskapsbilag, en: Keep accounting vouchers}
        legal_basis:
          basis: legal_obligation
          source: {statute: bokføringsloven, section: § 13}
    recipients: none
""",
)
def legal_obligation_without_statute(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_legal_obligation_without_statute(registry, context)


def _check_legal_obligation_without_statute(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity, index, purpose in _purposes_on(registry, LegalObligation, PublicTask):
        basis = purpose.legal_basis
        assert isinstance(basis, LegalObligation | PublicTask)
        if is_unknown(basis.source):
            yield Hit(
                activity.id,
                _basis_path(index, "source"),
                f"'{purpose.id}' in '{activity.id}' rests on {_BASIS_EN[basis.basis]} "
                "without naming the statute and section",
                f"'{purpose.id}' i '{activity.id}' bygger på {_BASIS_NB[basis.basis]} uten "
                "å oppgi lov og paragraf",
            )


# --------------------------------------------------------------------------- R17


@rule(
    id="R17",
    name="special-data-without-condition",
    severity=Severity.ERROR,
    references=("GDPR Art. 9(1)", "GDPR Art. 9(2)", "GDPR Art. 10"),
    summary=(
        "Special category data has an Art. 9(2) condition; criminal data has an Art. 10 basis."
    ),
    rationale=(
        "Processing special categories (health, union membership, ethnicity, beliefs, "
        "biometrics and the like) is prohibited unless one of the conditions of "
        "Art. 9(2) applies, on top of an Art. 6(1) basis. Data on criminal convictions and "
        "offences may only be processed under official authority or where a law "
        "authorises it (Art. 10)."
    ),
    fix=(
        'Set `special_category_condition:` (e.g. "9(2)(b)" for employment law) or '
        "`criminal_data_basis:` naming the law; or remove the data category."
    ),
    bad="""\
data_categories:
  - {id: sick-leave, name: {nb: Sykefravær, en: Sick leave}, kind: special}
activities:
  - id: absence
    name: {nb: Fraværsoppfølging, en: Absence follow-up}
    description: {nb: Oppfølging av sykmeldte, en: Following up employees on sick leave}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp sykmeldte, en: Follow up employees on sick leave}
        legal_basis:
          basis: legal_obligation
          source: {statute: arbeidsmiljøloven, section: § 4-6}
    data_categories: [sick-leave]  # <-
    recipients: none
""",
    good="""\
data_categories:
  - {id: sick-leave, name: {nb: Sykefravær, en: Sick leave}, kind: special}
activities:
  - id: absence
    name: {nb: Fraværsoppfølging, en: Absence follow-up}
    description: {nb: Oppfølging av sykmeldte, en: Following up employees on sick leave}
    role: controller
    purposes:
      - id: follow-up
        description: {nb: Følge opp sykmeldte, en: Follow up employees on sick leave}
        legal_basis:
          basis: legal_obligation
          source: {statute: arbeidsmiljøloven, section: § 4-6}
    data_categories: [sick-leave]
    special_category_condition: "9(2)(b)"
    recipients: none
""",
)
def special_data_without_condition(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_special_data_without_condition(registry, context)


def _check_special_data_without_condition(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        special_reported = criminal_reported = False
        for index, category_id in enumerate(activity.data_categories):
            kind = registry.data_categories[category_id].kind
            if (
                kind is DataKind.SPECIAL
                and activity.special_category_condition is None
                and not special_reported
            ):
                special_reported = True
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    f"'{activity.id}' processes special category data ('{category_id}') "
                    "without an Art. 9(2) condition",
                    f"'{activity.id}' behandler særlige kategorier av personopplysninger "
                    f"('{category_id}') uten et vilkår i art. 9(2)",
                )
            if (
                kind is DataKind.CRIMINAL
                and activity.criminal_data_basis is None
                and not criminal_reported
            ):
                criminal_reported = True
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    f"'{activity.id}' processes data on criminal convictions or offences "
                    f"('{category_id}') without an Art. 10 basis",
                    f"'{activity.id}' behandler opplysninger om straffedommer og lovovertredelser "
                    f"('{category_id}') uten grunnlag etter art. 10",
                )


# --------------------------------------------------------------------------- R18


@rule(
    id="R18",
    name="national-id-without-justification",
    severity=Severity.WARNING,
    references=("personopplysningsloven § 12", "GDPR Art. 87"),
    summary="National identity numbers are justified under personopplysningsloven § 12.",
    rationale=(
        "In Norway a national identity number (fødselsnummer, D-number) may only be "
        "processed where there is an objective need for secure identification and the "
        "method is necessary to achieve it (personopplysningsloven § 12, under GDPR "
        "Art. 87). The record should say why; it is a warning because the need is often "
        "real (e.g. payroll reporting) but must be written down."
    ),
    fix="Say under `national_id_justification:` why secure identification is needed.",
    bad="""\
data_categories:
  - {id: national-id, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
activities:
  - id: payroll
    name: {nb: Lønn, en: Payroll}
    description: {nb: Lønnskjøring, en: Running payroll}
    role: controller
    purposes:
      - id: report
        description: {nb: Rapportere lønn, en: Report pay}
        legal_basis:
          basis: legal_obligation
          source: {statute: a-opplysningsloven, section: § 4}
    data_categories: [national-id]  # <-
    recipients: none
""",
    good="""\
data_categories:
  - {id: national-id, name: {nb: Fødselsnummer, en: National identity number}, kind: national_id}
activities:
  - id: payroll
    name: {nb: Lønn, en: Payroll}
    description: {nb: Lønnskjøring, en: Running payroll}
    role: controller
    purposes:
      - id: report
        description: {nb: Rapportere lønn, en: Report pay}
        legal_basis:
          basis: legal_obligation
          source: {statute: a-opplysningsloven, section: § 4}
    data_categories: [national-id]
    national_id_justification:
      nb: A-meldingen til Skatteetaten krever fødselsnummer for sikker identifisering.
      en: The A-melding to the Tax Administration requires it for secure identification.
    recipients: none
""",
)
def national_id_without_justification(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_national_id_without_justification(registry, context)


def _check_national_id_without_justification(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        if activity.national_id_justification is not None:
            continue
        for index, category_id in enumerate(activity.data_categories):
            if registry.data_categories[category_id].kind is DataKind.NATIONAL_ID:
                yield Hit(
                    activity.id,
                    ("data_categories", index),
                    f"'{activity.id}' processes national identity numbers ('{category_id}') "
                    "without saying why secure identification is needed",
                    f"'{activity.id}' behandler fødselsnummer ('{category_id}') uten å si "
                    "hvorfor sikker identifisering er nødvendig",
                )
                break


# --------------------------------------------------------------------------- R19


@rule(
    id="R19",
    name="consent-under-imbalance-of-power",
    severity=Severity.WARNING,
    references=("GDPR Art. 7(4)", "GDPR Art. 4(11)", "GDPR Recital 43"),
    summary="Consent from employees or applicants is rarely freely given.",
    rationale=(
        "Consent must be freely given (Art. 4(11)); where there is a clear imbalance of "
        "power, as between employer and employee or applicant, it rarely is "
        "(Recital 43; EDPB Guidelines 05/2020 on consent, 3.1.1). Such a purpose usually "
        "belongs on the contract, a legal obligation or a legitimate interest instead. The "
        "rule reads a subject category's `relationship:` (employee, applicant); where that "
        "is not recorded it falls back on `vulnerable:`, which also covers employees and "
        "applicants (EDPB WP248), and says so in the finding. Judgement: consent can be "
        "free where refusing has no consequence at all, e.g. a voluntary staff photo."
    ),
    fix=(
        "Rest the purpose on another basis (often Art. 6(1)(b) or (f)), or record in the "
        "consent text why refusing has no consequence for the person."
    ),
    bad="""\
subject_categories:
  - {id: applicants, name: {nb: Jobbsøkere, en: Job applicants}, relationship: applicant}
activities:
  - id: recruitment
    name: {nb: Rekruttering, en: Recruitment}
    description: {nb: Behandling av søknader, en: Handling applications}
    role: controller
    purposes:
      - id: assess
        description: {nb: Vurdere søkere, en: Assess applicants}
        legal_basis:
          basis: consent  # <-
          collection: {nb: Avkrysning i søknadsskjemaet, en: A tick box in the application form}
          withdrawal: {nb: Send e-post til oss, en: Send us an e-mail}
          proof: The recruitment system's log
    subject_categories: [applicants]
    recipients: none
""",
    good="""\
subject_categories:
  - {id: applicants, name: {nb: Jobbsøkere, en: Job applicants}, relationship: applicant}
activities:
  - id: recruitment
    name: {nb: Rekruttering, en: Recruitment}
    description: {nb: Behandling av søknader, en: Handling applications}
    role: controller
    purposes:
      - id: assess
        description: {nb: Vurdere søkere, en: Assess applicants}
        legal_basis:
          basis: contract
          contract:
            nb: Tiltak før en mulig arbeidsavtale, på søkerens anmodning
            en: Steps before a possible employment contract, at the applicant's request
    subject_categories: [applicants]
    recipients: none
""",
    judgement=True,
)
def consent_under_imbalance_of_power(registry: Registry, context: Context) -> Iterator[Hit]:
    return _check_consent_under_imbalance_of_power(registry, context)


def _check_consent_under_imbalance_of_power(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        dependent = [
            registry.subject_categories[s]
            for s in activity.subject_categories
            if registry.subject_categories[s].relationship is not None
            or registry.subject_categories[s].vulnerable
        ]
        if not dependent:
            continue
        for index, purpose in enumerate(activity.purposes):
            if not isinstance(purpose.legal_basis, Consent):
                continue
            for category in dependent:
                yield _imbalance_hit(activity, index, purpose, category)


def _imbalance_hit(
    activity: Activity, index: int, purpose: Purpose, category: SubjectCategory
) -> Hit:
    where_en = f"'{purpose.id}' in '{activity.id}' rests on consent from '{category.id}'"
    where_nb = f"'{purpose.id}' i '{activity.id}' bygger på samtykke fra '{category.id}'"
    if category.relationship is not None:
        en, nb = _RELATIONSHIP[category.relationship]
        return Hit(
            activity.id,
            _basis_path(index),
            f"{where_en}, who are {en}: with that imbalance of power consent is rarely "
            "freely given (Art. 7(4), Recital 43); consider another basis",
            f"{where_nb}, som er {nb}: med en slik maktubalanse er samtykke sjelden "
            "frivillig (art. 7(4), fortale 43); vurder et annet grunnlag",
        )
    return Hit(
        activity.id,
        _basis_path(index),
        f"{where_en}, marked vulnerable: if they are employees or applicants, consent is "
        "rarely freely given (Recital 43); record `relationship:` on the category to be "
        "precise",
        f"{where_nb}, merket som sårbare: er de ansatte eller søkere, er samtykke sjelden "
        "frivillig (fortale 43); registrer `relationship:` på kategorien for å være presis",
    )


# --------------------------------------------------------------------------- R20


@rule(
    id="R20",
    name="requested-disclosure-on-legitimate-interest",
    severity=Severity.WARNING,
    references=("GDPR Art. 6(1)(f)", "GDPR Art. 6(1)(b)", "GDPR Art. 6(1)(a)"),
    summary="A disclosure the person asks for rests on legitimate interest.",
    rationale=(
        "A partner that receives data for its own purposes is an independent controller, "
        "and handing the data over needs its own basis. When the disclosure happens "
        'because the person asked for it (a benefits-programme "I want this" button, a '
        '"contact me" request), the request is itself the basis: performing what the '
        "person asked for (Art. 6(1)(b)) or their consent (Art. 6(1)(a)). Relying on "
        "legitimate interest then puts the organisation's interest where the person's "
        "choice should be, and invites an objection that would stop the service. The "
        "record cannot tell whether the person triggers the disclosure, so every "
        "legitimate-interest purpose of an activity with independent controller "
        "recipients is reported for a person to judge."
    ),
    fix=(
        "If people trigger the disclosure themselves, rest it on the contract or terms "
        "they accepted (Art. 6(1)(b)) or on consent; otherwise waive the finding with the "
        "balancing test that supports legitimate interest."
    ),
    bad="""\
activities:
  - id: benefits
    name: {nb: Fordelsprogram, en: Benefits programme}
    description: {nb: Tilbud fra partnere, en: Offers from partners}
    role: controller
    purposes:
      - id: share-with-partner
        description:
          nb: Sende kontaktinfo når du trykker «Dette vil jeg ha»
          en: Send your contact details when you press «I want this»
        legal_basis:
          basis: legitimate_interest  # <-
          interest: {nb: Å gi deg tilbudet, en: Giving you the offer}
          balancing_test: {reference: LIA-3, date: 2025-05-01}
          right_to_object: {nb: Send e-post til oss, en: Send us an e-mail}
    recipients:
      controllers: [partner]
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Tilbyr fordeler, en: Offers benefits}
    locations: [{country: "NO"}]
""",
    good="""\
activities:
  - id: benefits
    name: {nb: Fordelsprogram, en: Benefits programme}
    description: {nb: Tilbud fra partnere, en: Offers from partners}
    role: controller
    purposes:
      - id: share-with-partner
        description:
          nb: Sende kontaktinfo når du trykker «Dette vil jeg ha»
          en: Send your contact details when you press «I want this»
        legal_basis:
          basis: contract
          contract:
            nb: Medlemsvilkårene; du ber selv om tilbudet
            en: The membership terms; you ask for the offer yourself
    recipients:
      controllers: [partner]
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Tilbyr fordeler, en: Offers benefits}
    locations: [{country: "NO"}]
""",
    judgement=True,
)
def requested_disclosure_on_legitimate_interest(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    return _check_requested_disclosure_on_legitimate_interest(registry, context)


def _check_requested_disclosure_on_legitimate_interest(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    for activity in registry.activities.values():
        recipients = activity.recipients
        if not isinstance(recipients, Recipients) or not recipients.controllers:
            continue
        names = ", ".join(recipients.controllers)
        for index, purpose in enumerate(activity.purposes):
            if isinstance(purpose.legal_basis, LegitimateInterest):
                yield Hit(
                    activity.id,
                    _basis_path(index),
                    f"'{activity.id}' discloses data to independent controllers ({names}) "
                    f"and '{purpose.id}' rests on legitimate interest; if the person's own "
                    "request triggers the disclosure, Art. 6(1)(b) or consent fits better",
                    f"'{activity.id}' utleverer opplysninger til selvstendige "
                    f"behandlingsansvarlige ({names}) og '{purpose.id}' bygger på berettiget "
                    "interesse; utløses utleveringen av personens egen forespørsel, passer "
                    "art. 6(1)(b) eller samtykke bedre",
                )


_BASIS_EN = {
    "consent": "consent",
    "contract": "a contract",
    "legal_obligation": "a legal obligation",
    "vital_interest": "vital interests",
    "public_task": "a public task",
    "legitimate_interest": "legitimate interest",
}
_BASIS_NB = {
    "consent": "samtykke",
    "contract": "en avtale",
    "legal_obligation": "en rettslig forpliktelse",
    "vital_interest": "vitale interesser",
    "public_task": "en offentlig oppgave",
    "legitimate_interest": "berettiget interesse",
}
_RELATIONSHIP = {
    "employee": ("employees", "ansatte"),
    "applicant": ("job applicants", "jobbsøkere"),
}
