"""Lawfulness of processing: a legal basis for every purpose, GDPR Art. 6 and Art. 21(1).

Consent, special categories and direct marketing have modules of their own.

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    LegalObligation,
    LegitimateInterest,
    PublicTask,
    Recipients,
    Text,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

from holte_ropa.rules._purposes import _basis_path, _on, _purposes_on


@rule(
    id="R10",
    blocks_publication=True,
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
                    Words(
                        en=f"the purpose '{purpose.id}' of '{activity.id}' has no settled legal "
                        "basis",
                        nb=f"formålet '{purpose.id}' i '{activity.id}' mangler avklart "
                        "behandlingsgrunnlag",
                    ),
                )


# --------------------------------------------------------------------------- R13


@rule(
    id="R13",
    name="legitimate-interest-without-assessment",
    severity=Severity.ERROR,
    also=(Severity.WARNING,),
    references=("GDPR Art. 6(1)(f)", "GDPR Art. 13(1)(d)", "GDPR Art. 5(2)"),
    summary=("Legitimate interest names the interest and refers to a dated balancing test."),
    rationale=(
        "Art. 6(1)(f) is lawful only if the interest is real and not overridden by the "
        "person's interests; the notice must name the interest (Art. 13(1)(d)) and the "
        "controller must be able to show the balancing (Art. 5(2)). A missing interest is an "
        "error: the notice cannot be complete without it. A missing or undated balancing "
        "test is a warning: the test is the controller's accountability (Art. 5(2)), not an "
        "element of the notice, and without it (or its date) nobody can show that it "
        "predates the processing or still fits it."
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
                Words(
                    en=f"the legitimate interest pursued by {where} is not named",
                    nb=f"den berettigede interessen bak '{purpose.id}' i '{activity.id}' er ikke "
                    "oppgitt",
                ),
            )
        test = basis.balancing_test
        if test is None or is_unknown(test):
            yield Hit(
                activity.id,
                _basis_path(index, "balancing_test"),
                Words(
                    en=f"{where} rests on legitimate interest without a balancing test (LIA)",
                    nb=f"'{purpose.id}' i '{activity.id}' bygger på berettiget interesse uten "
                    "interesseavveining",
                ),
                severity=Severity.WARNING,
            )
        elif test.date is None:
            yield Hit(
                activity.id,
                _basis_path(index, "balancing_test", "reference"),
                Words(
                    en=f"the balancing test '{test.reference}' for {where} has no date, so nobody "
                    "can tell whether it predates and still fits the processing",
                    nb=f"interesseavveiningen '{test.reference}' for '{purpose.id}' i "
                    f"'{activity.id}' er ikke datert, så ingen kan se om den kom før og fortsatt "
                    "passer behandlingen",
                ),
                severity=Severity.WARNING,
            )


# --------------------------------------------------------------------------- R14


@rule(
    id="R14",
    blocks_publication=True,
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
                Words(
                    en=f"'{purpose.id}' in '{activity.id}' rests on {_on(basis.basis, 'en')} but "
                    "does not say how to object",
                    nb=f"'{purpose.id}' i '{activity.id}' bygger på {_on(basis.basis, 'nb')}, men "
                    "sier ikke hvordan man protesterer",
                ),
            )


# --------------------------------------------------------------------------- R16


@rule(
    id="R16",
    name="legal-obligation-without-statute",
    severity=Severity.ERROR,
    references=("GDPR Art. 6(1)(c)", "GDPR Art. 6(1)(e)", "GDPR Art. 6(3)"),
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
                Words(
                    en=f"'{purpose.id}' in '{activity.id}' rests on {_on(basis.basis, 'en')} "
                    "without naming the statute and section",
                    nb=f"'{purpose.id}' i '{activity.id}' bygger på {_on(basis.basis, 'nb')} uten "
                    "å oppgi lov og paragraf",
                ),
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
        'because the person asked for it (a "send me a quote" button, a "contact me" '
        "request), the request is itself the basis: performing what the "
        "person asked for (Art. 6(1)(b)) or their consent (Art. 6(1)(a)). Relying on "
        "legitimate interest then puts the organisation's interest where the person's "
        "choice should be, and invites an objection that would stop the service. The "
        "rule reports a legitimate-interest purpose of an activity with independent "
        "controller recipients only where the purpose or the activity says the person asks "
        "for something or presses a button for it (ask, request, order, book, press, click; "
        "ber om, forespørsel, bestille, trykker, klikker), in the purpose, the activity or the "
        "interest: a "
        "disclosure the organisation makes on its own initiative (a survey it takes part "
        "in, a report it sends) is what legitimate interest is for, and R13 checks its "
        "balancing test."
    ),
    fix=(
        "If people trigger the disclosure themselves, rest it on the contract or terms "
        "they accepted (Art. 6(1)(b)) or on consent; otherwise waive the finding with the "
        "balancing test that supports legitimate interest."
    ),
    bad="""\
activities:
  - id: quote-requests
    name: {nb: Pristilbud, en: Quote requests}
    description: {nb: Pristilbud fra partnere, en: Quotes from partners}
    role: controller
    purposes:
      - id: share-with-partner
        description:
          nb: Sende kontaktinfo når du ber om et pristilbud
          en: Send your contact details when you ask for a quote
        legal_basis:
          basis: legitimate_interest  # <-
          interest: {nb: Å gi deg tilbudet, en: Giving you the quote}
          balancing_test: {reference: LIA-3, date: 2025-05-01}
          right_to_object: {nb: Send e-post til oss, en: Send us an e-mail}
    recipients:
      controllers: [partner]
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Gir pristilbud, en: Gives quotes}
    locations: [{country: "NO"}]
""",
    good="""\
activities:
  - id: quote-requests
    name: {nb: Pristilbud, en: Quote requests}
    description: {nb: Pristilbud fra partnere, en: Quotes from partners}
    role: controller
    purposes:
      - id: share-with-partner
        description:
          nb: Sende kontaktinfo når du ber om et pristilbud
          en: Send your contact details when you ask for a quote
        legal_basis:
          basis: contract
          contract:
            nb: Vilkårene for tjenesten; du ber selv om tilbudet
            en: The service terms; you ask for the quote yourself
    recipients:
      controllers: [partner]
parties:
  - id: partner
    legal_name: Partner AS
    trade_name: Partner
    role: controller
    service: {nb: Gir pristilbud, en: Gives quotes}
    locations: [{country: "NO"}]
""",
    judgement=True,
)
def requested_disclosure_on_legitimate_interest(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    return _check_requested_disclosure_on_legitimate_interest(registry, context)


_ON_REQUEST = {
    "en": re.compile(
        r"\b(?:asks?|asked|requests?|requested|orders?|ordered|books?|press(?:es)?|clicks?)\b",
        re.I,
    ),
    "nb": re.compile(
        r"\b(?:ber|ba|bedt) om\b|forespørsel|bestill|\bbooke|\btrykker\b|\bklikker\b", re.I
    ),
}
"""Words saying the person asks for what the disclosure serves."""


def _on_request(texts: tuple[Text | None, ...]) -> bool:
    """Some text says the person asks for something."""
    return any(
        pattern.search(text.get(lang) or "")
        for text in texts
        if text is not None
        for lang, pattern in _ON_REQUEST.items()
    )


def _check_requested_disclosure_on_legitimate_interest(
    registry: Registry, context: Context
) -> Iterator[Hit]:
    for activity in registry.activities.values():
        recipients = activity.recipients
        if not isinstance(recipients, Recipients) or not recipients.controllers:
            continue
        names = ", ".join(recipients.controllers)
        for index, purpose in enumerate(activity.purposes):
            basis = purpose.legal_basis
            if not isinstance(basis, LegitimateInterest):
                continue
            description = None if is_unknown(activity.description) else activity.description
            interest = None if is_unknown(basis.interest) else basis.interest
            said = (purpose.description, activity.name, description, interest)
            if _on_request(said):
                yield Hit(
                    activity.id,
                    _basis_path(index),
                    Words(
                        en=f"'{activity.id}' discloses data to independent controllers ({names}) "
                        f"and '{purpose.id}' rests on legitimate interest; if the person's own "
                        "request triggers the disclosure, Art. 6(1)(b) or consent fits better",
                        nb=f"'{activity.id}' utleverer opplysninger til selvstendige "
                        f"behandlingsansvarlige ({names}) og '{purpose.id}' bygger på berettiget "
                        "interesse; utløses utleveringen av personens egen forespørsel, passer "
                        "art. 6(1)(b) eller samtykke bedre",
                    ),
                )
