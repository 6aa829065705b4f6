"""Who is responsible: the controller's identity and contact details and the DPO.

GDPR Art. 30(1)(a), Art. 13(1)(a)-(b) and Art. 37: a record and a notice that do not
say who the controller is, or how to reach the data protection officer, cannot be
acted on by anyone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._models import UNKNOWN, Address, DpiaCriterion, is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._examples import organisation
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words

if TYPE_CHECKING:
    from holte_ropa.model._registry import Registry
    from holte_ropa.model._yaml import PathSegment


_PLACEHOLDERS = frozenset({"", "-", "?", "n/a", "na", "tbd", "tba", "todo", "xxx", UNKNOWN.value})
"""Values people type while a fact is missing; none of them names or reaches anyone."""

_ADDRESS_LABELS = {
    "postal_address": ("postal address", "postadresse"),
    "visiting_address": ("visiting address", "besøksadresse"),
}
_DPO_SCALE = DpiaCriterion.LARGE_SCALE
_DPO_CORE = frozenset({DpiaCriterion.SYSTEMATIC_MONITORING, DpiaCriterion.SENSITIVE_DATA})
"""Art. 37(1)(b)-(c): large-scale monitoring or large-scale special category data."""


_CONTACTS = (
    ("email", "e-mail address", "e-postadresse"),
    (
        "privacy_contact",
        "privacy contact (e-mail for requests about personal data)",
        "personvernkontakt (e-post for henvendelser om personopplysninger)",
    ),
    ("website", "website", "nettside"),
)
"""Contact fields that may be ``unknown`` while the record is started; each is reported."""


def _is_placeholder(value: str) -> bool:
    return value.strip().lower().strip(".") in _PLACEHOLDERS


# --------------------------------------------------------------------------- R01


@rule(
    id="R01",
    blocks_publication=True,
    name="controller-not-identified",
    severity=Severity.ERROR,
    also=(Severity.WARNING,),
    references=("GDPR Art. 30(1)(a)", "GDPR Art. 13(1)(a)"),
    summary="The organisation has a legal name and contact details that reach it.",
    rationale=(
        "The record and the notice must say who the controller is and how to reach it "
        "(Art. 30(1)(a), 13(1)(a)). The loader already requires a legal name, a postal "
        "address and e-mail addresses; this rule catches what still slips through: a "
        "placeholder name or address line, and an organisation number nobody has "
        "confirmed (a warning: the number is what ties the name to one registered legal "
        "entity, although the GDPR does not name it)."
    ),
    fix=(
        "Write the legal name exactly as registered (e.g. in Enhetsregisteret), with real "
        "address lines, and confirm the organisation number."
    ),
    bad=organisation(fields={"legal_name": "TBD  # <-"}),
    good=organisation(),
)
def controller_not_identified(registry: Registry, context: Context) -> Iterator[Hit]:
    org = registry.organisation
    if _is_placeholder(org.legal_name):
        yield Hit(
            None,
            ("legal_name",),
            Words(
                en=f"the organisation's legal name '{org.legal_name}' is a placeholder; write the "
                "name as registered",
                nb=f"det juridiske navnet '{org.legal_name}' er en plassholder; skriv navnet slik "
                "det er registrert",
            ),
        )
    addresses: list[tuple[str, Address]] = []
    if is_unknown(org.postal_address):
        yield Hit(
            None,
            ("postal_address",),
            Words(
                en="the organisation's postal address is unknown; give the address letters "
                "reach it at",
                nb="organisasjonens postadresse er ukjent; oppgi adressen der post når fram",
            ),
        )
    else:
        addresses.append(("postal_address", org.postal_address))
    if isinstance(org.visiting_address, Address):
        addresses.append(("visiting_address", org.visiting_address))
    for field, address in addresses:
        label_en, label_nb = _ADDRESS_LABELS[field]
        parts: list[tuple[tuple[PathSegment, ...], str]] = [
            ((field, "lines", i), line) for i, line in enumerate(address.lines)
        ]
        parts += [((field, "postal_code"), address.postal_code), ((field, "city"), address.city)]
        for path, value in parts:
            if _is_placeholder(value):
                yield Hit(
                    None,
                    path,
                    Words(
                        en=f"the organisation's {label_en} has a placeholder '{value}'; give the "
                        f"real address, or write '{field}: unknown' until it is confirmed",
                        nb=f"organisasjonens {label_nb} har en plassholder '{value}'; oppgi den "
                        f"riktige adressen, eller skriv '{field}: unknown' til den er bekreftet",
                    ),
                )
    for field, label_en, label_nb in _CONTACTS:
        if is_unknown(getattr(org, field)):
            yield Hit(
                None,
                (field,),
                Words(
                    en=f"the organisation's {label_en} is unknown; give one that reaches it",
                    nb=f"organisasjonens {label_nb} er ukjent; oppgi en som når fram",
                ),
            )
    if is_unknown(org.org_number):
        yield Hit(
            None,
            ("org_number",),
            Words(
                en=f"the organisation number of '{org.legal_name}' is unknown; confirm it so the "
                "name points at one registered legal entity",
                nb=f"organisasjonsnummeret til '{org.legal_name}' er ukjent; bekreft det slik at "
                "navnet peker på én registrert juridisk enhet",
            ),
            severity=Severity.WARNING,
        )


# --------------------------------------------------------------------------- R02


@rule(
    id="R02",
    blocks_publication=True,
    name="dpo-not-stated",
    severity=Severity.WARNING,
    references=("GDPR Art. 37", "GDPR Art. 38", "GDPR Art. 39", "GDPR Art. 13(1)(b)"),
    summary="The DPO is named with contact details, or the record says why there is none.",
    rationale=(
        "Whether a data protection officer is required depends on the processing "
        "(Art. 37(1)); if one is appointed, the notice must give the contact details "
        "(Art. 13(1)(b)). Saying nothing leaves both the reader and an auditor guessing. "
        "When no DPO is appointed but an activity's DPIA screening records large-scale "
        "systematic monitoring or large-scale sensitive data, Art. 37(1)(b)-(c) may require "
        "one after all: that is a judgement, reported with the activity it comes from."
    ),
    fix=(
        "Under `dpo:` write `appointed: true` with the DPO's e-mail or phone, or "
        "`appointed: false` with `reason_none` saying why Art. 37 does not apply."
    ),
    bad=organisation(fields={"dpo": "unknown  # <-"}),
    good=organisation(
        fields={
            "dpo": "{appointed: false, reason_none: {nb: Vi overvåker ikke personer "
            "systematisk i stor skala (art. 37)., en: We do not monitor people systematically "
            "on a large scale (Art. 37).}}"
        }
    ),
)
def dpo_not_stated(registry: Registry, context: Context) -> Iterator[Hit]:
    dpo = registry.organisation.dpo
    if is_unknown(dpo):
        yield Hit(
            None,
            ("dpo",),
            Words(
                en="the record does not say whether a data protection officer is appointed; name "
                "the DPO with contact details, or say why none is appointed",
                nb="protokollen sier ikke om det er utnevnt et personvernombud; oppgi ombudet med "
                "kontaktopplysninger, eller skriv hvorfor det ikke er utnevnt",
            ),
        )
        return
    if dpo.appointed:
        return
    for activity in registry.activities.values():
        criteria = set(activity.dpia.criteria) if activity.dpia else set()
        if _DPO_SCALE in criteria and criteria & _DPO_CORE:
            yield Hit(
                None,
                ("dpo", "appointed"),
                Words(
                    en=f"no DPO is appointed, but '{activity.id}' is screened as large-scale "
                    "monitoring or large-scale sensitive data, where Art. 37(1)(b)-(c) requires "
                    "one if it is a core activity; check the reason given",
                    nb=f"det er ikke utnevnt personvernombud, men '{activity.id}' er vurdert som "
                    "overvåking eller særlige kategorier i stor skala, der art. 37(1)(b)-(c) "
                    "krever ombud hvis det er kjernevirksomhet; kontroller begrunnelsen",
                ),
            )
