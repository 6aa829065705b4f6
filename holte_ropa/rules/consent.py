"""Consent: GDPR Art. 4(11), Art. 7 and recital 43.

Consent must be as easy to withdraw as to give (Art. 7(3)), provable (Art. 7(1)) and
freely given, which it rarely is between employer and employee (recital 43).

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Activity,
    Consent,
    Purpose,
    SubjectCategory,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

from holte_ropa.rules._purposes import _basis_path, _purposes_on

# --------------------------------------------------------------------------- R11


@rule(
    id="R11",
    blocks_publication=True,
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
                Words(
                    en=f"the consent for '{purpose.id}' in '{activity.id}' does not say how it is "
                    "withdrawn",
                    nb=f"samtykket til '{purpose.id}' i '{activity.id}' sier ikke hvordan det "
                    "trekkes tilbake",
                ),
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
                Words(
                    en=f"the record does not say where proof of consent for '{purpose.id}' in "
                    f"'{activity.id}' is kept",
                    nb=f"protokollen sier ikke hvor beviset for samtykket til '{purpose.id}' i "
                    f"'{activity.id}' oppbevares",
                ),
            )


# --------------------------------------------------------------------------- R19


@rule(
    id="R19",
    name="consent-under-imbalance-of-power",
    severity=Severity.WARNING,
    references=(
        "GDPR Art. 4(11)",
        "GDPR Recital 43",
        "EDPB Guidelines 05/2020 on consent, section 3.1.1",
    ),
    summary="Consent from employees or applicants is rarely freely given.",
    rationale=(
        "Consent must be freely given (Art. 4(11)); where there is a clear imbalance of "
        "power, as between employer and employee or applicant, it rarely is "
        "(Recital 43; EDPB Guidelines 05/2020 on consent, 3.1.1). Such a purpose usually "
        "belongs on the contract, a legal obligation or a legitimate interest instead. The "
        "rule reads a subject category's `relationship:` (employee, applicant); where that "
        "is not recorded it falls back on `vulnerable:`, which also covers employees and "
        "applicants (WP248 rev.01, endorsed by the EDPB), and says so in the finding. "
        "Judgement: consent can be free where refusing has no consequence at all, e.g. a "
        "voluntary staff photo."
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


_DEPENDENT = frozenset({"employee", "applicant"})
"""Relationships of dependency on the organisation (a customer's is not one)."""


def _check_consent_under_imbalance_of_power(registry: Registry, context: Context) -> Iterator[Hit]:
    for activity in registry.activities.values():
        dependent = [
            registry.subject_categories[s]
            for s in activity.subject_categories
            if registry.subject_categories[s].relationship in _DEPENDENT
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
    if category.relationship is not None and category.relationship in _RELATIONSHIP:
        en, nb = _RELATIONSHIP[category.relationship]
        return Hit(
            activity.id,
            _basis_path(index),
            Words(
                en=f"{where_en}, who are {en}: with that imbalance of power consent is rarely "
                "freely given (Art. 4(11), Recital 43); consider another basis",
                nb=f"{where_nb}, som er {nb}: med en slik maktubalanse er samtykke sjelden "
                "frivillig (art. 4 nr. 11, fortale 43); vurder et annet grunnlag",
            ),
        )
    return Hit(
        activity.id,
        _basis_path(index),
        Words(
            en=f"{where_en}, marked vulnerable: if they are employees or applicants, consent is "
            "rarely freely given (Recital 43); record `relationship:` on the category to be "
            "precise",
            nb=f"{where_nb}, merket som sårbare: er de ansatte eller søkere, er samtykke sjelden "
            "frivillig (fortale 43); registrer `relationship:` på kategorien for å være presis",
        ),
    )


_RELATIONSHIP = {
    "employee": ("employees", "ansatte"),
    "applicant": ("job applicants", "jobbsøkere"),
}
