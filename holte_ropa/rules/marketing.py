"""Direct marketing: GDPR Art. 21(2)-(3) and markedsføringsloven § 15.

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
        "markedsføringsloven (LOV-2009-01-09-2) § 15 first paragraph",
        "markedsføringsloven (LOV-2009-01-09-2) § 15 third paragraph",
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
        "every message. The section protects natural persons (fysiske personer). When a "
        "purpose claims the exception (`existing_customer_exception: true`), the rule checks "
        "it against the record: the data must come from the customer (`sources:` of kind "
        "`data_subject`; a bought list or another source contradicts it), every subject "
        "category must be customers (`relationship: customer`), and `opt_out:` must say how "
        "the opt-out is offered at collection and in every message. "
        "A legitimate interest is not enough for "
        "e-mail marketing on its own."
    ),
    fix=(
        "Add `objection` to the organisation's `rights: applicable`; base e-mail marketing "
        "on consent, or, when the exception applies, record `existing_customer_exception: "
        "true`, mark the subject categories `relationship: customer` and describe the "
        "opt-out under `opt_out:`."
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
            if not purpose.electronic_marketing:
                continue
            if purpose.existing_customer_exception:
                yield from _existing_customer_gaps(registry, activity, index, purpose)
                continue
            if is_unknown(basis) or isinstance(basis, Consent):
                continue
            yield Hit(
                activity.id,
                _basis_path(index),
                Words(
                    en=f"'{purpose.id}' in '{activity.id}' markets by e-mail or SMS on "
                    f"{_on(basis.basis, 'en')}; markedsføringsloven § 15 first paragraph "
                    "requires the natural person's prior consent unless the existing-customer "
                    "exception of its third paragraph applies and is recorded",
                    nb=f"'{purpose.id}' i '{activity.id}' markedsfører på e-post eller SMS med "
                    f"{_on(basis.basis, 'nb')} som grunnlag; markedsføringsloven § 15 første "
                    "ledd krever forhåndssamtykke fra den fysiske personen med mindre unntaket "
                    "for eksisterende kunder i tredje ledd gjelder og er registrert",
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


def _existing_customer_gaps(
    registry: Registry, activity: Activity, index: int, purpose: Purpose
) -> Iterator[Hit]:
    """What the record says against the existing-customer exception the purpose claims."""
    gaps: list[Words] = []
    sources = activity.sources
    if is_unknown(sources) or not sources:
        gaps.append(_GAP_SOURCE_UNKNOWN)
    elif any(source.kind != "data_subject" for source in sources):
        gaps.append(_GAP_SOURCE_OTHER)
    others = [
        s
        for s in activity.subject_categories
        if s in registry.subject_categories
        and registry.subject_categories[s].relationship != "customer"
    ]
    if others:
        shown = ", ".join(f"'{s}'" for s in others)
        gaps.append(
            Words(
                en=f"the subject categories {shown} are not marked as customers "
                "(`relationship: customer`)",
                nb=f"personkategoriene {shown} er ikke merket som kunder "
                "(`relationship: customer`)",
            )
        )
    if purpose.opt_out is None or is_unknown(purpose.opt_out):
        gaps.append(_GAP_OPT_OUT)
    if not gaps:
        return
    yield Hit(
        activity.id,
        ("purposes", index, "existing_customer_exception"),
        Words(
            en=f"'{purpose.id}' in '{activity.id}' claims the existing-customer exception of "
            "markedsføringsloven § 15 third paragraph, but "
            + "; ".join(g.en for g in gaps)
            + ": the exception needs a customer's address obtained from the customer in "
            "connection with a sale and a simple, free opt-out at collection and in every "
            "message; otherwise ask for consent (first paragraph)",
            nb=f"'{purpose.id}' i '{activity.id}' bruker unntaket for eksisterende kunder i "
            "markedsføringsloven § 15 tredje ledd, men "
            + "; ".join(g.nb for g in gaps)
            + ": unntaket krever at kunden selv ga adressen i forbindelse med et salg, og en "
            "enkel og gebyrfri reservasjonsmulighet ved innsamlingen og i hver henvendelse; "
            "ellers be om samtykke (første ledd)",
        ),
    )


_GAP_SOURCE_UNKNOWN = Words(
    en="the record does not say where the addresses come from",
    nb="protokollen sier ikke hvor adressene kommer fra",
)
_GAP_SOURCE_OTHER = Words(
    en="some data comes from another source than the customer (a bought list, kind: other)",
    nb="noen opplysninger kommer fra en annen kilde enn kunden (en kjøpt liste, kind: other)",
)
_GAP_OPT_OUT = Words(
    en="the record does not say how the opt-out is offered at collection and in every "
    "message (`opt_out:`)",
    nb="protokollen sier ikke hvordan reservasjonsmuligheten gis ved innsamlingen og i hver "
    "henvendelse (`opt_out:`)",
)
