"""Likely consequences of a breach, suggested from the kinds of data and people concerned.

GDPR Art. 33(3)(c) asks for "the likely consequences of the personal data breach". The
record cannot know them, but the kinds of data it lists point to the usual ones: GDPR
Recital 85 names loss of control over personal data, limitation of rights,
discrimination, identity theft or fraud, financial loss, damage to reputation and loss of
confidentiality of data protected by professional secrecy; Recital 75 and EDPB
Guidelines 9/2022 (which take over the risk assessment of WP250 rev.01) add that special
categories, criminal data and identity numbers, and vulnerable people, raise the risk.
Every consequence here is a suggestion for the privacy officer to confirm or strike.
"""

from __future__ import annotations

from dataclasses import dataclass

from holte_ropa.model._models import DataKind
from holte_ropa.model._registry import Registry
from holte_ropa.model._unknown import is_unknown
from holte_ropa.terms import Words

__all__ = ["CONSEQUENCES", "Consequence", "RiskFactors", "consequences", "risk_factors"]

CONSEQUENCES: dict[str, Words] = {
    "loss_of_control": Words(
        nb="Tap av kontroll over egne personopplysninger.",
        en="Loss of control over their personal data.",
    ),
    "unwanted_contact": Words(
        nb="Uønsket kontakt, svindelforsøk eller phishing rettet mot de registrerte.",
        en="Unwanted contact, scams or phishing aimed at the people concerned.",
    ),
    "discrimination": Words(
        nb="Diskriminering.",
        en="Discrimination.",
    ),
    "reputation": Words(
        nb="Skade på omdømme.",
        en="Damage to reputation.",
    ),
    "distress": Words(
        nb="Belastning og uro for de registrerte, for eksempel når helse eller tro blir kjent.",
        en="Distress for the people concerned, for instance when health or beliefs become known.",
    ),
    "professional_secrecy": Words(
        nb="Tap av fortrolighet for opplysninger underlagt taushetsplikt.",
        en="Loss of confidentiality of personal data protected by professional secrecy.",
    ),
    "identity_theft": Words(
        nb="Identitetstyveri eller svindel.",
        en="Identity theft or fraud.",
    ),
    "financial_loss": Words(
        nb="Økonomisk tap.",
        en="Financial loss.",
    ),
    "vulnerable": Words(
        nb=(
            "Høyere risiko fordi sårbare personer er berørt (for eksempel barn, ansatte eller "
            "jobbsøkere)."
        ),
        en=(
            "A higher risk because vulnerable people are concerned (for example children, "
            "employees or job applicants)."
        ),
    ),
}
"""Key -> wording of each suggested consequence (GDPR Recital 85)."""

_BY_KIND: dict[DataKind, tuple[str, ...]] = {
    DataKind.ORDINARY: ("loss_of_control", "unwanted_contact"),
    DataKind.SPECIAL: ("discrimination", "reputation", "distress", "professional_secrecy"),
    DataKind.CRIMINAL: ("discrimination", "reputation", "distress"),
    DataKind.NATIONAL_ID: ("identity_theft", "financial_loss"),
}


@dataclass(frozen=True, slots=True)
class Consequence:
    """A suggested consequence and the data categories or people that suggest it."""

    key: str
    """A key of :data:`CONSEQUENCES`."""
    because: tuple[str, ...]
    """Ids of the data or subject categories behind the suggestion."""


@dataclass(frozen=True, slots=True)
class RiskFactors:
    """What in the record points to a high risk (GDPR Art. 34(1), Recital 75)."""

    special: tuple[str, ...]
    """Art. 9(1) data categories."""
    criminal: tuple[str, ...]
    """Art. 10 data categories."""
    national_ids: tuple[str, ...]
    """National identity numbers (personopplysningsloven § 12)."""
    vulnerable: tuple[str, ...]
    """Subject categories marked vulnerable."""
    unassessed: tuple[str, ...] = ()
    """Data categories whose kind the record holds as ``unknown``: they may be special
    categories or identity numbers, so the officer must assess them."""

    @property
    def high_risk_suggested(self) -> bool:
        """True when the kinds of data suggest a high risk to the people concerned.

        Special categories, criminal data and identity numbers do; vulnerable people
        raise the risk of whatever data is concerned, but do not suggest it alone.
        """
        return bool(self.special or self.criminal or self.national_ids)


def risk_factors(
    registry: Registry, data_categories: tuple[str, ...], subjects: tuple[str, ...]
) -> RiskFactors:
    """The risk factors among the concerned categories."""

    def of(kind: DataKind) -> tuple[str, ...]:
        return tuple(d for d in data_categories if registry.data_categories[d].kind == kind)

    return RiskFactors(
        special=of(DataKind.SPECIAL),
        criminal=of(DataKind.CRIMINAL),
        national_ids=of(DataKind.NATIONAL_ID),
        vulnerable=tuple(s for s in subjects if registry.subject_categories[s].vulnerable),
        unassessed=tuple(
            d for d in data_categories if is_unknown(registry.data_categories[d].kind)
        ),
    )


def consequences(
    registry: Registry, data_categories: tuple[str, ...], subjects: tuple[str, ...]
) -> tuple[Consequence, ...]:
    """Suggested consequences, in the order of :data:`CONSEQUENCES`, each with its reasons."""
    reasons: dict[str, list[str]] = {}
    for category in data_categories:
        kind = registry.data_categories[category].kind
        # An unassessed kind suggests what any personal data does; the draft asks for more.
        for key in _BY_KIND[DataKind.ORDINARY if is_unknown(kind) else kind]:
            reasons.setdefault(key, []).append(category)
    vulnerable = [s for s in subjects if registry.subject_categories[s].vulnerable]
    if vulnerable:
        reasons["vulnerable"] = vulnerable
    return tuple(Consequence(key, tuple(reasons[key])) for key in CONSEQUENCES if key in reasons)
