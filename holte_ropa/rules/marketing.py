"""Direct marketing: GDPR Art. 21(2)-(3) and markedsføringsloven § 15.

Each rule's check is an undecorated ``_check_*`` function that the decorated, registered
function calls: mutmut does not mutate decorated functions (scripts/mutation.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import (
    Consent,
    Right,
    is_unknown,
)
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry

from holte_ropa.rules._purposes import _basis_path, _on

# --------------------------------------------------------------------------- R15


@rule(
    id="R15",
    name="direct-marketing-without-objection-or-consent",
    severity=Severity.ERROR,
    references=(
        "GDPR Art. 21(2)",
        "GDPR Art. 21(3)",
        "markedsføringsloven § 15 first paragraph",
        "markedsføringsloven § 15 third paragraph",
    ),
    summary=(
        "Direct marketing keeps the right to object; e-mail marketing rests on consent or "
        "the existing-customer exception."
    ),
    rationale=(
        "People may object to direct marketing at any time and without reasons, and then "
        "it must stop (Art. 21(2)-(3)), so the rights the organisation offers must include "
        "objection. Marketing by e-mail or SMS to natural persons also needs their prior "
        "consent (markedsføringsloven § 15 first paragraph). The third paragraph's exception "
        "applies only where there is an existing customer relationship, the address was "
        "obtained in connection with a sale, the marketing concerns the trader's own goods "
        "or services similar to those the relationship rests on, and the customer was "
        "offered a simple, free opt-out when the address was collected and is offered one in "
        "every message. The section protects natural persons: e-mail to a company's general "
        "address (post@...) is to the business and outside it, while e-mail to a named "
        "person's address, at work too, reaches a natural person and needs consent or the "
        "exception, unless the offer concerns the person's role in the business (the "
        "Consumer Authority's guidance on § 15). A legitimate interest is not enough for "
        "e-mail marketing on its own."
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
                Words(
                    en=f"'{purpose.id}' in '{activity.id}' markets by e-mail or SMS on "
                    f"{_on(basis.basis, 'en')}; markedsføringsloven § 15 requires prior consent "
                    "unless the existing-customer exception is recorded",
                    nb=f"'{purpose.id}' i '{activity.id}' markedsfører på e-post eller SMS med "
                    f"{_on(basis.basis, 'nb')} som grunnlag; markedsføringsloven § 15 krever "
                    "forhåndssamtykke med mindre unntaket for eksisterende kunder er registrert",
                ),
            )
    if marketing and Right.OBJECTION not in registry.organisation.rights.applicable:
        shown = ", ".join(marketing[:3]) + (" ..." if len(marketing) > 3 else "")
        yield Hit(
            None,
            ("rights", "applicable"),
            Words(
                en=f"the organisation does direct marketing ({shown}) but its rights do not "
                "include objection, which Art. 21(2) makes unconditional",
                nb=f"organisasjonen driver direkte markedsføring ({shown}), men rettighetene "
                "omfatter ikke protest, som art. 21(2) gjør ubetinget",
            ),
        )
